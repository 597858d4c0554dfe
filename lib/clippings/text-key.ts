/**
 * The normalisation shared by capture and re-anchoring: white space and invisible characters are
 * dropped, nothing else changes. A quote must match the page exactly under it — no folding of
 * quotation marks or script, no edit distance — so a short Chinese quote can only land on the very
 * same characters, while a page that re-wraps, re-indents or re-flows its text still matches.
 */
const IGNORED = /[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]/;

export function isAnchorIgnorable(char: string): boolean {
  return IGNORED.test(char);
}

/** A text's anchoring key, and for each key character the offset of the character it came from. */
export interface KeyedText {
  key: string;
  /** map[i] = offset in the original text of key[i]. */
  map: Int32Array;
}

export function anchorKeyed(text: string): KeyedText {
  const map = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    if (IGNORED.test(text[i] as string)) {
      if (runStart >= 0) {
        parts.push(text.slice(runStart, i));
        runStart = -1;
      }
      continue;
    }
    if (runStart < 0) runStart = i;
    map[n++] = i;
  }
  if (runStart >= 0) parts.push(text.slice(runStart));
  return { key: parts.join(''), map: map.subarray(0, n) };
}

export function anchorKey(text: string): string {
  return anchorKeyed(text).key;
}

/** A quote for display: runs of white space become one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
