import { FOLD, IGNORABLE } from '../text/fold';

/** A text's matching key and, for each key position, the offset of that character in the text. */
export interface FoldedText {
  key: string;
  offsets: Int32Array;
}

/** Folds a text the way the index and the matcher do, remembering where each key character came from. */
export function foldWithOffsets(text: string): FoldedText {
  const offsets = new Int32Array(text.length);
  let key = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text.charCodeAt(i)] as number;
    if (c === IGNORABLE) continue;
    key += String.fromCharCode(c);
    offsets[n++] = i;
  }
  return { key, offsets: offsets.subarray(0, n) };
}

/** Every occurrence of `needle` (a matching key) in the folded text, as [start, end) of the original text. */
export function findSpans(folded: FoldedText, needle: string): [number, number][] {
  const spans: [number, number][] = [];
  if (needle.length === 0) return spans;
  for (let at = folded.key.indexOf(needle); at >= 0; at = folded.key.indexOf(needle, at + needle.length)) {
    spans.push([folded.offsets[at] as number, (folded.offsets[at + needle.length - 1] as number) + 1]);
  }
  return spans;
}
