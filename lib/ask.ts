import { browser } from 'wxt/browser';
import type { MessageType, ProtocolMap } from './messages';

/** Sends a typed request to the background and returns its typed answer. */
export async function ask<K extends MessageType>(
  type: K,
  payload: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return (await browser.runtime.sendMessage({ type, payload })) as ProtocolMap[K]['response'];
}
