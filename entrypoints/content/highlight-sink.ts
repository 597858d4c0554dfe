import type { MarkSink, PageMatch } from '../../lib/page/page-matches';

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
export class HighlightSink implements MarkSink {
  readonly highlight = new Highlight();
  private readonly ranges = new WeakMap<PageMatch, StaticRange>();
  private readonly byContainer = new Map<Element, Set<PageMatch>>();
  private readonly near = new WeakSet<Element>();
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

  private rangeOf(match: PageMatch): StaticRange {
    let range = this.ranges.get(match);
    if (!range) {
      range = new StaticRange({
        startContainer: match.startNode,
        startOffset: match.startOffset,
        endContainer: match.endNode,
        endOffset: match.endOffset,
      });
      this.ranges.set(match, range);
    }
    return range;
  }

  add(matches: readonly PageMatch[]): void {
    for (const match of matches) {
      let set = this.byContainer.get(match.container);
      if (!set) {
        set = new Set();
        this.byContainer.set(match.container, set);
        this.observer?.observe(match.container);
      }
      set.add(match);
      if (!this.observer || this.near.has(match.container)) this.highlight.add(this.rangeOf(match));
      else if (this.eager > 0) {
        this.eager--;
        this.highlight.add(this.rangeOf(match));
      }
    }
    this.ensureRegistered();
  }

  remove(matches: readonly PageMatch[]): void {
    for (const match of matches) {
      const range = this.ranges.get(match);
      if (range) this.highlight.delete(range);
      const set = this.byContainer.get(match.container);
      if (!set) continue;
      set.delete(match);
      if (set.size === 0) {
        this.byContainer.delete(match.container);
        this.observer?.unobserve(match.container);
        this.near.delete(match.container);
      }
    }
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const set = this.byContainer.get(entry.target);
      if (!set) continue;
      if (entry.isIntersecting) {
        this.near.add(entry.target);
        for (const match of set) this.highlight.add(this.rangeOf(match));
      } else {
        this.near.delete(entry.target);
        for (const match of set) {
          const range = this.ranges.get(match);
          if (range) this.highlight.delete(range);
        }
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
    this.byContainer.clear();
    this.highlight.clear();
    if (CSS.highlights.get(TERM_HIGHLIGHT) === this.highlight) CSS.highlights.delete(TERM_HIGHLIGHT);
  }
}

export const WRAP_TAG = 'pcr-mark';

/**
 * Fallback for browsers without the highlight API: wraps each matched piece of text in an element
 * of our own. This does change the page's DOM, so it is used only where nothing better exists.
 */
export class WrapSink implements MarkSink {
  private readonly wrappers = new WeakMap<PageMatch, Element[]>();

  add(matches: readonly PageMatch[]): void {
    // within one node, wrap from the end backwards so the earlier offsets stay valid
    const byNode = new Map<Text, { match: PageMatch; from: number; to: number }[]>();
    for (const match of matches) {
      for (const { node, from, to } of match.pieces) {
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

  remove(matches: readonly PageMatch[]): void {
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
