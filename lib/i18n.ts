import { browser } from 'wxt/browser';
import zh from '../public/_locales/zh_CN/messages.json';

type MessageKey = keyof typeof zh;

/**
 * The interface text in the browser's language (public/_locales; Chinese by default). Outside an
 * extension (unit tests) the Chinese messages are used directly.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const message = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, subs);
    if (message) return message;
  } catch {
    // no i18n API here: fall through to the bundled Chinese text
  }
  const entry = zh[key] as { message: string };
  return entry.message.replace('$COUNT$', subs[0] ?? '');
}

export type { MessageKey };
