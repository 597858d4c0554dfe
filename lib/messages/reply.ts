/**
 * How a failed request travels back over runtime messaging: the shape webextension-polyfill uses
 * for a handler's rejection. Extension pages and the background run the polyfill, which turns it
 * into a rejected promise on their side and produces it for their own failed handlers; the
 * content script runs on the browser's own API (no polyfill: it is loaded into every page), so it
 * writes and reads the shape itself. Firefox's own API passes the object through unchanged, so
 * every receiver reads replies through `replyValue`.
 */
const REJECTED = '__mozWebExtensionPolyfillReject__';

interface RejectedReply {
  [REJECTED]: true;
  message: string;
}

/** The reply for a handler that threw. */
export function rejectedReply(error: unknown): RejectedReply {
  return { [REJECTED]: true, message: error instanceof Error ? error.message : String(error) };
}

/** A reply's value; throws the handler's error when the reply says it failed. */
export function replyValue(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && (reply as Partial<RejectedReply>)[REJECTED] === true)
    throw new Error(String((reply as RejectedReply).message));
  return reply;
}
