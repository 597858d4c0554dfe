import { browser } from 'wxt/browser';
import { type ContentMessageType, type ContentProtocol, parseContentEnvelope } from '../../lib/messages/content';
import { rejectedReply } from '../../lib/messages/reply';

/** One handler per request of the content protocol; the type checks that none is missing. */
export type ContentHandlers = {
  [K in ContentMessageType]: (
    request: ContentProtocol[K]['request'],
  ) => Promise<ContentProtocol[K]['response']> | ContentProtocol[K]['response'];
};

type AnyHandler = (request: unknown) => unknown;

/**
 * The content script's one listener for the extension's requests (popup, menu, shortcut, commands):
 * only our own extension can message it; each request is validated, then dispatched by type. The
 * answer goes through `sendResponse` (and `true` keeps the channel open for it): the browser's own
 * API, without the polyfill, does not take a returned promise everywhere.
 */
export function answerExtension(handlers: ContentHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseContentEnvelope(message);
    if (!envelope) return undefined;
    const handle = handlers[envelope.type] as AnyHandler;
    new Promise((resolve) => resolve(handle(envelope.payload))).then(sendResponse, (error: unknown) =>
      sendResponse(rejectedReply(error)),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
