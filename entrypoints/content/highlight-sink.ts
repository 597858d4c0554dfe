import { type MarkSink, type PageMatch, piecesOf } from '../../lib/page/page-matches';

export const TERM_HIGHLIGHT = 'policy-cross-ref-term';
export const FLASH_HIGHLIGHT = 'policy-cross-ref-flash';

/** True where the CSS Custom Highlight API exists (Chrome/Edge 105+, Firefox 140+, Safari 17.2+). */
export function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Marks drawn by the CSS Custom Highlight API: nothing in the page's DOM changes. StaticRange, not
 * Range: live ranges are updated by the browser on every DOM edit of the page, which made the page's
 * own edits many times slower with thousands registered; ours are rebuilt when a block changes.
 *
 * Only the marks of blocks near the viewport are registered. Chromium revalidates every registered
 * range in the frame after any DOM or style change on the page: measured here with 8,000 ranges
 * on a 1M-character page, each such frame took 50–140 ms longer, so a page with many marks would
 * stutter whenever it (or our card) changed anything. An IntersectionObserver adds a block's
 * ranges as it comes within half a screen of the viewport and takes them out when it leaves.
 */
/** A block's marks: its matches, their ranges once made, and whether they are registered. */
interface Block {
  matches: PageMatch[];
  ranges: StaticRange[];
  registered: boolean;
}

export class HighlightSink implements MarkSink {
  readonly highlight = new Highlight();
  private readonly blocks = new Map<Element, Block>();
  private readonly observer: IntersectionObserver | null;
  /**
   * Marks drawn at once, before the observer has reported anything: the scan starts at the top
   * of the page, which is what a freshly opened page shows, and the observer's first report comes
   * a frame later (a long one on a big page). It takes out whichever of these are far away.
   */
  private eager = 150;

  constructor() {
    this.highlight.priority = 0;
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: '50% 0px' })
        : null;
  }

  add(container: Element, matches: readonly PageMatch[]): void {
    let block = this.blocks.get(container);
    if (!block) {
      block = { matches: [], ranges: [], registered: this.observer === null };
      this.blocks.set(container, block);
      this.observer?.observe(container);
      if (!block.registered && this.eager > 0) {
        this.eager -= matches.length;
        block.registered = true;
      }
    }
    for (const match of matches) block.matches.push(match);
    if (block.registered) this.register(block);
    // the scanner calls ensureRegistered() once per slice, not per block
  }

  drop(container: Element): void {
    const block = this.blocks.get(container);
    if (!block) return;
    this.blocks.delete(container);
    this.observer?.unobserve(container);
    for (const range of block.ranges) this.highlight.delete(range);
  }

  /** Adds the block's ranges to the highlight, making those not made yet. */
  private register(block: Block): void {
    const { matches, ranges } = block;
    for (let i = 0; i < matches.length; i++) {
      let range = ranges[i];
      if (range === undefined) {
        const match = matches[i] as PageMatch;
        range = new StaticRange({
          startContainer: match.startNode,
          startOffset: match.startOffset,
          endContainer: match.endNode,
          endOffset: match.endOffset,
        });
        ranges.push(range);
      }
      this.highlight.add(range);
    }
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = this.blocks.get(entry.target);
      if (!block) continue;
      if (entry.isIntersecting || hasNoBox(entry)) {
        block.registered = true;
        this.register(block);
      } else if (block.registered) {
        block.registered = false;
        for (const range of block.ranges) this.highlight.delete(range);
      }
    }
    this.ensureRegistered();
  }

  /**
   * The registry is shared with the page, which may clear it or take the name: put ours back.
   * Cheap (one map lookup), so it runs after every batch and on a slow timer.
   */
  ensureRegistered(): void {
    if (this.highlight.size > 0 && CSS.highlights.get(TERM_HIGHLIGHT) !== this.highlight) {
      CSS.highlights.set(TERM_HIGHLIGHT, this.highlight);
    }
  }

  dispose(): void {
    this.observer?.disconnect();
    this.blocks.clear();
    this.highlight.clear();
    if (CSS.highlights.get(TERM_HIGHLIGHT) === this.highlight) CSS.highlights.delete(TERM_HIGHLIGHT);
  }
}

/**
 * An element without a box of its own (display:contents, a shadow host styled so) never intersects
 * anything: its marks are kept registered, as its text is drawn where its parent's is.
 */
function hasNoBox(entry: IntersectionObserverEntry): boolean {
  const rect = entry.boundingClientRect;
  if (rect.width !== 0 || rect.height !== 0) return false;
  const view = entry.target.ownerDocument.defaultView;
  return view !== null && view.getComputedStyle(entry.target).display === 'contents';
}

export const WRAP_TAG = 'pcr-mark';

/**
 * Fallback for browsers without the highlight API: wraps each matched piece of text in an element
 * of our own. This does change the page's DOM, so it is used only where nothing better exists.
 */
export class WrapSink implements MarkSink {
  private readonly wrappers = new WeakMap<PageMatch, Element[]>();

  add(_container: Element, matches: readonly PageMatch[]): void {
    // within one node, wrap from the end backwards so the earlier offsets stay valid
    const byNode = new Map<Text, { match: PageMatch; from: number; to: number }[]>();
    for (const match of matches) {
      for (const { node, from, to } of piecesOf(match)) {
        const list = byNode.get(node);
        if (list) list.push({ match, from, to });
        else byNode.set(node, [{ match, from, to }]);
      }
    }
    for (const [node, pieces] of byNode) {
      pieces.sort((a, b) => b.from - a.from);
      for (const { match, from, to } of pieces) {
        if (!node.parentNode || to > node.data.length) continue;
        const piece = node.splitText(from);
        piece.splitText(to - from);
        const wrapper = node.ownerDocument.createElement(WRAP_TAG);
        wrapper.setAttribute('style', 'background:rgba(255,170,0,.22);border-bottom:1px dotted rgba(210,120,0,.9)');
        piece.replaceWith(wrapper);
        wrapper.append(piece);
        const list = this.wrappers.get(match);
        if (list) list.push(wrapper);
        else this.wrappers.set(match, [wrapper]);
      }
    }
  }

  drop(_container: Element, matches: readonly PageMatch[]): void {
    for (const match of matches) {
      for (const wrapper of this.wrappers.get(match) ?? []) {
        const parent = wrapper.parentNode;
        if (!parent) continue;
        wrapper.replaceWith(...wrapper.childNodes);
        parent.normalize();
      }
      this.wrappers.delete(match);
    }
  }
}
