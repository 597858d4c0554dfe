import type { PageMatch } from '../../lib/page/page-matches';
import { BoxLayer, type ClipEntry, USER_TERM_BOXES } from './clipping-boxes';
import type { UiHost } from './ui-host';

/**
 * Which term marks the page may read, and the private layer that draws the others.
 *
 * `CSS.highlights` is shared with the page's scripts. Whatever is registered there is public, so it
 * may depend on the bundled catalogue only (which anyone can download), never on the user's data.
 * The user's data changes marks in three ways, and each would show through the registry:
 * - own terms: marks where the catalogue has none (the term's text is the user's);
 * - aliases added to a bundled term: a bundled term marked at a form the catalogue lacks;
 * - bundled terms hidden, or aliases removed from one: a catalogue form left unmarked. A missing
 *   highlight cannot be hidden by adding others: a page knowing the catalogue sees the gap.
 *
 * So the rule is all or nothing, decided by one fact: whether the user has changed the catalogue
 * at all (the background stores a matcher with the user's changes only then, term-matcher-store.ts).
 * - Unchanged: every mark goes to the public registry (cheap: the browser paints it).
 * - Changed in any way: nothing is registered; every mark on the page is drawn as a box in our
 *   closed root (PrivateMarkBoxes below), and the root's host shows on every marked page whether
 *   or not a term of the user's occurs there.
 * What a page can learn is then one bit, "this user has changed the catalogue", and only on a page
 * with catalogue terms: public marks present (unchanged) or absent with our host shown (changed).
 * Not which change, nor whether it concerns this page: a page cannot test words of its own for
 * being one of the user's terms or aliases, nor test a bundled term for being hidden. Keeping the
 * bundled marks public for users with own terms only would add a second bit (own terms only vs
 * edits of bundled terms) for no gain in privacy, so own terms alone also switch to private.
 */
export function marksArePrivate(userCatalogue: boolean): boolean {
  return userCatalogue;
}

/** Matches drawn in one frame at most (the box layer draws up to 600 boxes). */
const EAGER_MATCHES = 150;

interface Block {
  matches: PageMatch[];
  entries: ClipEntry[] | null;
  near: boolean;
}

/**
 * Term marks drawn as boxes inside our closed root instead of the page's highlight registry, for
 * the marks that must not be public (see above). Only blocks within half a screen of the viewport
 * are handed to the box layer, which reads each entry's rects on every frame the page scrolls: a
 * page with thousands of marks costs what its visible ones cost. An IntersectionObserver follows
 * the blocks (as HighlightSink does for the public registry); the first matches found are drawn at
 * once, before the observer's first report, since a page is usually opened at its top.
 */
export class PrivateMarkBoxes {
  private readonly layer: BoxLayer;
  private readonly blocks = new Map<Element, Block>();
  private readonly observer: IntersectionObserver | null;
  private eager = EAGER_MATCHES;
  private pending = false;
  private next = 0;

  constructor(doc: Document, ui: UiHost) {
    this.layer = new BoxLayer(doc, ui, USER_TERM_BOXES);
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: '50% 0px' })
        : null;
  }

  add(container: Element, matches: readonly PageMatch[]): void {
    if (matches.length === 0) return;
    let block = this.blocks.get(container);
    if (!block) {
      block = { matches: [], entries: null, near: this.observer === null };
      this.blocks.set(container, block);
      this.observer?.observe(container);
      if (!block.near && this.eager > 0) {
        this.eager -= matches.length;
        block.near = true;
      }
    }
    for (const m of matches) block.matches.push(m);
    block.entries = null;
    if (block.near) this.changed();
  }

  drop(container: Element): void {
    const block = this.blocks.get(container);
    if (!block) return;
    this.blocks.delete(container);
    this.observer?.unobserve(container);
    if (block.near) this.changed();
  }

  /** Forgets every mark (a rescan follows): the next scan's first matches are drawn at once again. */
  clear(): void {
    this.observer?.disconnect();
    this.blocks.clear();
    this.pending = false;
    this.eager = EAGER_MATCHES;
    this.layer.set([]);
  }

  dispose(): void {
    this.observer?.disconnect();
    this.blocks.clear();
    this.pending = false;
    this.layer.dispose();
  }

  /** How many matches are handed to the box layer now (for tests and the benchmark). */
  get drawnMatches(): number {
    let n = 0;
    for (const block of this.blocks.values()) if (block.near) n += block.matches.length;
    return n;
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    let any = false;
    for (const entry of entries) {
      const block = this.blocks.get(entry.target);
      if (!block) continue;
      const near = entry.isIntersecting || hasNoBox(entry);
      if (near !== block.near) {
        block.near = near;
        any = true;
      }
    }
    if (any) this.changed();
  }

  /** Hands the near blocks' entries to the layer once per task, however many blocks changed. */
  private changed(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      if (!this.pending) return;
      this.pending = false;
      const all: ClipEntry[] = [];
      for (const block of this.blocks.values()) {
        if (!block.near) continue;
        block.entries ??= block.matches.map((m) => ({
          id: String(this.next++),
          range: new StaticRange({
            startContainer: m.startNode,
            startOffset: m.startOffset,
            endContainer: m.endNode,
            endOffset: m.endOffset,
          }),
        }));
        for (const entry of block.entries) all.push(entry);
      }
      this.layer.set(all);
    });
  }
}

/** An element without a box of its own (display: contents) never intersects: its marks stay drawn. */
function hasNoBox(entry: IntersectionObserverEntry): boolean {
  const rect = entry.boundingClientRect;
  if (rect.width !== 0 || rect.height !== 0) return false;
  const view = entry.target.ownerDocument.defaultView;
  return view !== null && view.getComputedStyle(entry.target).display === 'contents';
}
