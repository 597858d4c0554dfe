import { browser } from 'wxt/browser';
import type { ContentMessageType, ContentProtocol } from './messages/content';
import type { MessageType, ProtocolMap } from './messages/index';
import { replyValue } from './messages/reply';

/** Sends a typed request to the background and returns its typed answer. */
export async function ask<K extends MessageType>(
  type: K,
  payload: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return replyValue(await browser.runtime.sendMessage({ type, payload })) as ProtocolMap[K]['response'];
}

/**
 * Sends a typed request to the content script of a tab and returns its answer: the top frame by
 * default, one frame by id, or every frame (`'all'`, the first answer wins).
 */
export async function askTab<K extends ContentMessageType>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['request'],
  frameId: number | 'all' = 0,
): Promise<ContentProtocol[K]['response']> {
  const message = { type, payload };
  const answer =
    frameId === 'all'
      ? await browser.tabs.sendMessage(tabId, message)
      : await browser.tabs.sendMessage(tabId, message, { frameId });
  return replyValue(answer) as ContentProtocol[K]['response'];
}
