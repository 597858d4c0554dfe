import { browser } from 'wxt/browser';
import zh from '../public/_locales/zh_CN/messages.json';

type MessageKey = keyof typeof zh;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * The interface text in the browser's language (public/_locales; Chinese by default). Outside an
 * extension (unit tests) the Chinese messages are used directly, placeholders filled the way
 * `i18n.getMessage` fills them ($NAME$ → its `$n` substitution).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const message = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, subs);
    if (message) return message;
  } catch {
    // no i18n API here: fall through to the bundled Chinese text
  }
  const entry = zh[key] as Entry;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content?.match(/^\$(\d)$/)?.[1];
    return index === undefined ? whole : (subs[Number(index) - 1] ?? '');
  });
}

/** Keys that come in plural forms: `<base>_one` and `<base>_other`. */
type PluralBase = { [K in MessageKey]: K extends `${infer B}_one` ? B : never }[MessageKey];

/** The language whose messages `t` returns (the UI language when we ship it, else Chinese). */
function messagesLanguage(): string {
  try {
    const ui = browser.i18n.getMessage('@@ui_locale');
    if (ui) return ui.replace('_', '-');
  } catch {
    // outside an extension
  }
  return 'zh-CN';
}

/**
 * A message with a count in it, in the plural form the count takes in the messages' language
 * (`chrome.i18n` has no plurals of its own). Languages without plural forms (Chinese) give both
 * keys the same text; every form but `one` uses `_other`.
 */
export function plural(base: PluralBase, count: number, ...more: (string | number)[]): string {
  let form = 'other';
  try {
    form = new Intl.PluralRules(messagesLanguage()).select(count);
  } catch {
    // an unknown locale tag: the general form
  }
  const key = `${base}_${form === 'one' ? 'one' : 'other'}` as MessageKey;
  return t(key, count.toLocaleString(messagesLanguage()), ...more);
}

export type { MessageKey };
