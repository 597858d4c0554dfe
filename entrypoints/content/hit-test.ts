import type { PageMatch, PageMatches } from '../../lib/page/page-matches';

/** The text position under a point: the standard API where it exists, WebKit's otherwise. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function rangeOf(doc: Document, match: PageMatch): Range | null {
  if (!match.startNode.isConnected || !match.endNode.isConnected) return null;
  if (match.startOffset > match.startNode.length || match.endOffset > match.endNode.length) return null;
  const range = doc.createRange();
  range.setStart(match.startNode, match.startOffset);
  range.setEnd(match.endNode, match.endOffset);
  return range;
}

/** The client rect of the match that holds the point (with a 1 px slack), if any. */
export function rectAtPoint(doc: Document, match: PageMatch, x: number, y: number): DOMRect | null {
  const range = rangeOf(doc, match);
  if (!range) return null;
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}

/**
 * The marked term under the pointer, found without touching the DOM: point → caret → the match
 * covering that offset → confirmed against the match's own rects, because the caret snaps to the
 * nearest character and a point in the margin beside the text must not count.
 */
export function matchAtPoint(doc: Document, matches: PageMatches, x: number, y: number): PageMatch | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  // the caret sits between characters: the one after it, or the one before it at a match's end
  const candidates = [matches.at(node, caret.offset), caret.offset > 0 ? matches.at(node, caret.offset - 1) : null];
  for (const candidate of candidates) {
    if (candidate && rectAtPoint(doc, candidate, x, y)) return candidate;
  }
  return null;
}

/** The match at the caret of the selection (keyboard use: caret browsing, a click, a selection). */
export function matchAtSelection(doc: Document, matches: PageMatches): PageMatch | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const node = selection.focusNode;
  if (!node || node.nodeType !== 3) return null;
  const offset = selection.focusOffset;
  return matches.at(node as Text, offset) ?? (offset > 0 ? matches.at(node as Text, offset - 1) : null);
}
