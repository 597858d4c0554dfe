import { OWN_UI_ATTRIBUTE } from '../page/dom-rules';
import { pieceAt } from '../text/offsets';

/**
 * The visible text of a page as one string, with a map back to its text nodes: capture turns a
 * selection into offsets of this string, re-anchoring turns offsets back into DOM ranges. A line
 * break stands between blocks (it belongs to no node), so paragraphs do not run into each other.
 */

/** The marker of our UI host (toast, save button, card): never part of the page text. */
export const UI_ATTRIBUTE = OWN_UI_ATTRIBUTE;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i]'s first character in `text`. */
  starts: number[];
}

function nearestBlock(node: Node): Node | null {
  let current = node.parentNode;
  while (current && current.nodeType === 1 && !BLOCK.has((current as Element).tagName.toUpperCase())) {
    current = current.parentNode;
  }
  return current;
}

function skipped(text: Text, root: Node, visible: Map<Element, boolean>): boolean {
  const parent = text.parentElement;
  if (parent) {
    // text that is not rendered (display: none) cannot be selected and is not in a selection's
    // text either; checkVisibility answers from the layout the browser has anyway
    let shown = visible.get(parent);
    if (shown === undefined) {
      shown = typeof parent.checkVisibility === 'function' ? parent.checkVisibility() : true;
      visible.set(parent, shown);
    }
    if (!shown) return true;
  }
  for (let el = parent; el && el !== root.parentNode; el = el.parentElement) {
    if (SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute(UI_ATTRIBUTE)) return true;
  }
  return false;
}

export function buildPageText(root: Node): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  let lastBr: Node | null = null;
  const visible = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0 || skipped(text, root, visible)) continue;
    const block = nearestBlock(text);
    // a <br> between two text nodes of one block is a line break as well
    const br = previousBr(text);
    if (nodes.length > 0 && (block !== lastBlock || (br !== null && br !== lastBr))) {
      parts.push('\n');
      length += 1;
    }
    lastBlock = block;
    lastBr = br;
    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

function previousBr(text: Text): Node | null {
  let sibling = text.previousSibling;
  while (sibling && sibling.nodeType === 3 && (sibling as Text).data.trim() === '') sibling = sibling.previousSibling;
  return sibling && sibling.nodeName.toUpperCase() === 'BR' ? sibling : null;
}

/** Index of the last node starting at or before `offset` (or -1). */
function nodeAt(page: PageText, offset: number): number {
  return pieceAt(page.starts, offset);
}

/** The DOM boundary points of [start, end) of the page text; null if the span covers no node. */
export function spanToBoundaries(
  page: PageText,
  start: number,
  end: number,
): { startNode: Text; startOffset: number; endNode: Text; endOffset: number } | null {
  if (end <= start || page.nodes.length === 0) return null;
  let i = nodeAt(page, start);
  // a start inside a block separator (or before the first node) moves to the next node's start
  if (i < 0 || start >= (page.starts[i] as number) + (page.nodes[i] as Text).data.length) i += 1;
  const startNode = page.nodes[i];
  if (!startNode) return null;
  const startOffset = Math.max(0, start - (page.starts[i] as number));
  let j = nodeAt(page, end - 1);
  if (j < i) j = i;
  const endNode = page.nodes[j] as Text;
  const endOffset = Math.min(endNode.data.length, end - (page.starts[j] as number));
  return { startNode, startOffset, endNode, endOffset };
}

/** The page-text offset of a DOM boundary point (a selection's start or end). */
export function boundaryToOffset(page: PageText, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const index = page.nodes.indexOf(container as Text);
    if (index >= 0) return (page.starts[index] as number) + Math.min(offset, (container as Text).data.length);
  }
  // an element boundary (or a skipped text node): the first page node at or after the point
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  point.collapse(true);
  let lo = 0;
  let hi = page.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // comparePoint: -1 when (node, 0) is before the point
    if (point.comparePoint(page.nodes[mid] as Text, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < page.nodes.length ? (page.starts[lo] as number) : page.text.length;
}
