import { browser } from 'wxt/browser';

// a type only: the messages themselves are never bundled (the browser serves them; 20+ KB in the
// content script otherwise)
type MessageKey = keyof typeof import('../public/_locales/zh_CN/messages.json');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * Fills a message's named placeholders ($COUNT$, $NAME$ …) the way the browser does: each is
 * declared with content "$1", "$2" …, the position of its substitution.
 */
export function fill(entry: Entry, subs: readonly string[]): string {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), () => value);
  }
  return text.replace(/\$\$/g, '$');
}

let fallback: Readonly<Record<string, Entry>> = {};

/**
 * Messages for code running outside an extension (unit tests install the Chinese ones), where
 * `i18n.getMessage` does not exist. Placeholders are filled the way the browser fills them.
 */
export function setFallbackMessages(messages: Readonly<Record<string, Entry>>): void {
  fallback = messages;
}

/** The interface text in the browser's language (public/_locales; Chinese by default). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const message = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, subs);
    if (message) return message;
  } catch {
    // no i18n API here: fall through to the fallback messages
  }
  const entry = fallback[key];
  return entry ? fill(entry, subs) : key;
}

/** Keys that come in a pair, `…_one` and `…_other`: the base names tn() takes. */
type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

/**
 * A message with a count, in the right grammatical number: `${base}_one` for exactly one,
 * `${base}_other` otherwise, by the language's plural rules ("1 clipping", "2 clippings";
 * Chinese writes both the same way; `chrome.i18n` has no plurals of its own).
 * The count is the first substitution; more may follow.
 */
export function tn(base: PluralBase, count: number, ...more: (string | number)[]): string {
  const language = uiLanguage();
  let form = 'other';
  try {
    form = new Intl.PluralRules(language).select(count);
  } catch {
    // an unknown locale tag: the general form
  }
  const key = `${base}_${form === 'one' ? 'one' : 'other'}` as MessageKey;
  return t(key, count.toLocaleString(language), ...more);
}

/** The in-page UI's name for tn. */
export const plural = tn;

/**
 * The language the messages are shown in, as a BCP 47 tag for dates and numbers: read from the
 * messages themselves, so a browser in a language we do not ship gets the default's formats.
 */
export function uiLanguage(): string {
  return t('clippings_locale');
}

export type { MessageKey };
