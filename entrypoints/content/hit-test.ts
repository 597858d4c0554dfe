import type { PageMatch, PageMatches } from '../../lib/page/page-matches';

interface Caret {
  node: Node;
  offset: number;
}

/**
 * The text position under a point: the standard API where it exists (told about the open shadow
 * roots under the point, so it may answer inside them), WebKit's otherwise.
 */
function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
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

/** True when one of the rects holds the point (with a 1 px slack). */
function rectsHold(rects: DOMRectList, x: number, y: number): boolean {
  for (const rect of rects) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** True when the character on either side of the caret is drawn under the point (the caret was not snapped from afar). */
function caretOnText(doc: Document, caret: Caret, x: number, y: number): boolean {
  const text = caret.node as Text;
  const range = doc.createRange();
  for (const at of [caret.offset, caret.offset - 1]) {
    if (at < 0 || at >= text.length) continue;
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    if (rectsHold(range.getClientRects(), x, y)) return true;
  }
  return false;
}

/** The match at a caret, confirmed against its own rects. */
function matchAtCaret(doc: Document, matches: PageMatches, caret: Caret, x: number, y: number): PageMatch | null {
  const node = caret.node as Text;
  // the caret sits between characters: the one after it, or the one before it at a match's end
  const candidates = [matches.at(node, caret.offset), caret.offset > 0 ? matches.at(node, caret.offset - 1) : null];
  for (const candidate of candidates) {
    if (candidate && rectAtPoint(doc, candidate, x, y)) return candidate;
  }
  return null;
}

/** How many text nodes under one box a lookup by geometry reads at most. */
const TEXT_NODES_PER_BOX = 32;

/**
 * The character drawn under the point among an element's text (its first few text nodes), found
 * by their rects: for text the caret API cannot reach (under a cover, in SVG, in a shadow root).
 */
function caretInText(doc: Document, element: Element, x: number, y: number): Caret | null {
  const range = doc.createRange();
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  for (let node = walker.nextNode(); node && count < TEXT_NODES_PER_BOX; node = walker.nextNode(), count++) {
    const text = node as Text;
    range.selectNodeContents(text);
    if (!rectsHold(range.getClientRects(), x, y)) continue;
    for (let i = 0; i < text.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      if (rectsHold(range.getClientRects(), x, y)) return { node: text, offset: i };
    }
  }
  return null;
}

const REPLACED = new Set(['img', 'video', 'canvas', 'iframe', 'embed', 'object', 'svg', 'picture']);
/** How far down the stack of boxes under the point a lookup goes. */
const STACK_DEPTH = 6;

/** How a box under the point is seen: not at all, through (a transparent box), or not through. */
function coverKind(element: Element): 'invisible' | 'transparent' | 'opaque' {
  if (REPLACED.has(element.localName)) return 'opaque';
  const view = element.ownerDocument.defaultView;
  if (!view) return 'opaque';
  const style = view.getComputedStyle(element);
  if (style.opacity === '0' || style.visibility === 'hidden') return 'invisible';
  const clear = style.backgroundImage === 'none' && /^(transparent|rgba\(0, 0, 0, 0\))$/.test(style.backgroundColor);
  return clear ? 'transparent' : 'opaque';
}

/**
 * The marked term under the pointer, found without touching the DOM: point → caret → the match
 * covering that offset → confirmed against the match's own rects, because the caret snaps to the
 * nearest character and a point in the margin beside the text must not count.
 *
 * When the caret did not land on text under the point, something else is there: an open shadow
 * root (asked again with its roots named), or a cover — a transparent link or overlay over the
 * text. Then the boxes under the point are looked through, top down, past those that draw nothing,
 * for text of their own under the point.
 */
export function matchAtPoint(doc: Document, matches: PageMatches, x: number, y: number): PageMatch | null {
  const caret = caretAt(doc, x, y);
  if (caret && caret.node.nodeType === 3 && caretOnText(doc, caret, x, y)) {
    return matchAtCaret(doc, matches, caret, x, y);
  }
  // open shadow roots under the point, outermost first
  const shadowRoots: ShadowRoot[] = [];
  let deepest = doc.elementFromPoint(x, y);
  while (deepest?.shadowRoot) {
    shadowRoots.push(deepest.shadowRoot);
    const inner = deepest.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === deepest) break;
    deepest = inner;
  }
  if (shadowRoots.length > 0) {
    let inside = caretAt(doc, x, y, shadowRoots);
    // a browser without the shadowRoots option answers outside them: look at the element's own text
    if (inside?.node.nodeType !== 3 || !caretOnText(doc, inside, x, y)) {
      inside = deepest ? caretInText(doc, deepest, x, y) : null;
    }
    if (inside) return matchAtCaret(doc, matches, inside, x, y);
  }
  const stack = (shadowRoots.at(-1) ?? doc).elementsFromPoint(x, y);
  for (let i = 0; i < stack.length && i < STACK_DEPTH; i++) {
    // a box is looked through when it draws nothing: invisible, or transparent with no text of
    // its own under the point (the full-card link or overlay news lists put over a headline)
    const element = stack[i] as Element;
    // the page's root boxes hold text of their own only on bare pages, and reading theirs is the
    // costliest look: this path runs on every pointer frame over a margin
    if (element === doc.body || element === doc.documentElement) return null;
    const kind = coverKind(element);
    if (kind === 'invisible') continue;
    const under = caretInText(doc, element, x, y);
    if (under) return matchAtCaret(doc, matches, under, x, y);
    if (kind === 'opaque') return null;
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

/** The match at the caret of the selection (keyboard use: caret browsing, a click, a selection). */
export function matchAtSelection(doc: Document, matches: PageMatches): PageMatch | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const node = selection.focusNode;
  if (node?.nodeType !== 3) return null;
  const offset = selection.focusOffset;
  return matches.at(node as Text, offset) ?? (offset > 0 ? matches.at(node as Text, offset - 1) : null);
}
