import { anchorKeyed, collapseWhitespace, type KeyedText } from './text-key';

/** Characters of context kept on each side of a quote (whitespace removed). */
export const CONTEXT_CHARS = 48;

/** What a clipping remembers to find its quote again (a W3C-style text-quote selector + position). */
export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
  /** Offset of the quote in the page's anchoring key at capture: a hint among repeats only. */
  position?: number;
}

/** [start, end) in UTF-16 offsets of the original page text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The selector of the text between `start` and `end` of a page text: the quote as shown to the
 * user (white space collapsed) plus context and position in the anchoring key.
 */
export function selectorFor(text: string, start: number, end: number, keyed = anchorKeyed(text)): QuoteSelector {
  const keyStart = lowerBound(keyed.map, start);
  const keyEnd = lowerBound(keyed.map, end);
  return {
    quote: collapseWhitespace(text.slice(start, end)),
    prefix: keyed.key.slice(Math.max(0, keyStart - CONTEXT_CHARS), keyStart),
    suffix: keyed.key.slice(keyEnd, keyEnd + CONTEXT_CHARS),
    position: keyStart,
  };
}

/** Most occurrences of one quote weighed against each other; more are not looked at. */
const MAX_CANDIDATES = 2000;

/**
 * Finds a quote in a page text again. The quote's key must occur exactly; among several
 * occurrences the one whose surroundings agree longest with the saved prefix and suffix wins, and
 * the saved position only breaks ties (text that moved keeps its context, not its offset).
 * Returns null when the quote is not on the page: the caller keeps the clipping and flags it.
 */
export function anchorQuote(
  text: string,
  selector: QuoteSelector,
  keyed: KeyedText = anchorKeyed(text),
): TextSpan | null {
  const quoteKey = anchorKeyed(selector.quote).key;
  if (quoteKey.length === 0) return null;
  const { key, map } = keyed;
  let best = -1;
  let bestScore = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  let seen = 0;
  for (let at = key.indexOf(quoteKey); at >= 0 && seen < MAX_CANDIDATES; at = key.indexOf(quoteKey, at + 1)) {
    seen++;
    const score =
      commonSuffix(key, at, selector.prefix ?? '') + commonPrefix(key, at + quoteKey.length, selector.suffix ?? '');
    const distance = selector.position === undefined ? 0 : Math.abs(at - selector.position);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best < 0) return null;
  return { start: map[best] as number, end: (map[best + quoteKey.length - 1] as number) + 1 };
}

/** How many characters before `at` in `key` agree with the end of `prefix`. */
function commonSuffix(key: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && key[at - n - 1] === prefix[prefix.length - n - 1]) n++;
  return n;
}

/** How many characters from `at` in `key` agree with the start of `suffix`. */
function commonPrefix(key: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < key.length && key[at + n] === suffix[n]) n++;
  return n;
}

/** First index i with map[i] >= value (map ascending). */
function lowerBound(map: Int32Array, value: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
