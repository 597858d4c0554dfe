import { browser } from 'wxt/browser';
import type { ContentMessageType, ContentProtocol } from './messages/content';
import type { MessageType, ProtocolMap } from './messages/index';

/** Sends a typed request to the background and returns its typed answer. */
export async function ask<K extends MessageType>(
  type: K,
  payload: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return (await browser.runtime.sendMessage({ type, payload })) as ProtocolMap[K]['response'];
}

/** Sends a typed request to the content script of a tab (top frame) and returns its answer. */
export async function askTab<K extends ContentMessageType>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['request'],
): Promise<ContentProtocol[K]['response']> {
  return (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as ContentProtocol[K]['response'];
}
