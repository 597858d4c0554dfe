/** A piece of text and whether it is marked. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Text cut at its marked spans (sorted; overlapping, empty or out-of-range spans skipped): the one
 * rule for the card's plain DOM and the extension pages' Preact views alike.
 */
export function highlightParts(text: string, spans: readonly (readonly [number, number])[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
