import type { UiHost } from './ui-host';

/**
 * Draws the user's clippings as boxes inside our closed UI root, computed from the ranges' client
 * rects and redrawn on scroll, resize and layout changes.
 *
 * Why not the CSS Custom Highlight API, which the term marks use: `CSS.highlights` is one registry
 * per document, shared with the page's own scripts. Whatever we register there — under any name,
 * in any Highlight — the page can enumerate and turn back into text, so a clipping highlight told
 * the page exactly which passages the user saved. A `<mark>` or attribute in the page's DOM would
 * tell it the same. Boxes in a closed shadow root are out of reach: the page sees one host element
 * whose size is the viewport's whatever it holds, and no text. The cost is that we follow layout
 * ourselves (scroll, resize, DOM changes): rects are read once per frame while something moves,
 * only for pages that have clippings, and boxes are clipped to the viewport and to the scrolling
 * or clipping containers of their text. What the page can still learn is that our host exists
 * and shows (this page has clippings, not which): the host spans the viewport, so while it shows
 * the page's own IntersectionObserver v2 finds every one of its elements covered alike, and cannot
 * probe which lines our boxes lie over (tested in security.test.mjs). The host shows whenever the
 * page has clippings at all, never depending on which are found or in view, which the page could
 * probe by scrolling or deleting its own paragraphs.
 *
 * Term marks, once the user has changed the catalogue (own terms, aliases of bundled terms, hidden
 * terms: the user's data), are drawn by the same machinery with a term mark's look (USER_TERM_BOXES,
 * mark-privacy.ts). Their host rule is stricter still (term-marking.ts): the host shows while the
 * user has changed the catalogue and marking is on for the site, whether or not any of the changes
 * concerns this page, so a page cannot test words of its own for being one of them.
 */

/** One passage to draw: its id and where its text is. */
export interface ClipEntry {
  id: string;
  range: AbstractRange;
}

/**
 * What a set of boxes looks like: their class in ui-styles.ts, the `data-ui` name tests read them
 * by, and whether the first box of each entry is marked `start` (a clipping's bar).
 */
export interface BoxKind {
  className: string;
  ui: string;
  markStart: boolean;
}

/** The user's clippings: a teal band with a bar where the quote starts. */
export const CLIPPING_BOXES: BoxKind = { className: 'clip-box', ui: 'clipping-box', markStart: true };
/**
 * Term marks of a user who changed the catalogue (mark-privacy.ts): drawn like the ::highlight
 * marks, but here, because the user's terms and edits are the user's data and CSS.highlights is
 * the page's to read.
 */
export const USER_TERM_BOXES: BoxKind = { className: 'term-box', ui: 'user-term-box', markStart: false };

/** Enough boxes for every entry of a long page in view; beyond this the rest is not drawn. */
const MAX_BOXES = 600;

/**
 * Boxes of one kind over a set of ranges, in the UI host's box layer. Each kind has its own entries
 * and pool; all of them share the one host (whose visibility their owners set, see above).
 */
export class BoxLayer {
  private entries: ClipEntry[] = [];
  private readonly pool: HTMLElement[] = [];
  private layer: HTMLElement | null = null;
  private frame = 0;
  private listening = false;
  private resizeObserver: ResizeObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
    private readonly kind: BoxKind = CLIPPING_BOXES,
  ) {}

  get ids(): string[] {
    return this.entries.map((e) => e.id);
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.id === id);
  }

  /** Replaces what is drawn. */
  set(entries: ClipEntry[]): void {
    this.entries = entries;
    this.changed();
  }

  /** Draws one more clipping (a save on this page). */
  add(entry: ClipEntry): void {
    if (this.has(entry.id)) return;
    this.entries.push(entry);
    this.changed();
  }

  private changed(): void {
    if (this.entries.length > 0) this.listen();
    else this.unlisten();
    this.schedule();
  }

  /** Redraws on the next frame (many triggers in one frame make one redraw). */
  schedule = (): void => {
    if (this.frame !== 0) return;
    const view = this.doc.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  };

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const view = this.doc.defaultView;
    view?.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    view?.addEventListener('resize', this.schedule, { passive: true });
    this.doc.addEventListener('fullscreenchange', this.schedule);
    if (typeof ResizeObserver === 'function') {
      // layout shifts that are not scrolls: images arriving, fonts, the page's own re-rendering
      this.resizeObserver = new ResizeObserver(this.schedule);
      this.resizeObserver.observe(this.doc.documentElement);
      if (this.doc.body) this.resizeObserver.observe(this.doc.body);
    }
  }

  private unlisten(): void {
    if (!this.listening) return;
    this.listening = false;
    const view = this.doc.defaultView;
    view?.removeEventListener('scroll', this.schedule, { capture: true });
    view?.removeEventListener('resize', this.schedule);
    this.doc.removeEventListener('fullscreenchange', this.schedule);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private paint(): void {
    if (this.entries.length === 0 && !this.layer) return; // nothing drawn, nothing to draw
    // the page may have removed our host: put it back (the layer is connected only through it)
    if (!this.layer?.isConnected) this.layer = this.ui.ensure()?.boxes ?? null;
    const layer = this.layer;
    if (!layer) return;
    const view = this.doc.defaultView;
    if (!view) return;
    const viewport = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
    // text under a modal dialog or outside the fullscreen element is covered: not drawn over it
    const top = this.doc.fullscreenElement ?? modalDialog(this.doc);
    // Read every rect first, then write every box: a box moved between two reads would make the
    // next read lay the page out again (on a long page, once per entry and frame while scrolling).
    const placed: { left: number; top: number; width: number; height: number; start: boolean }[] = [];
    const clips = new Map<Node | null, Rect | null>(); // entries of one block share their clipping ancestors
    const range = this.doc.createRange();
    for (const entry of this.entries) {
      if (placed.length >= MAX_BOXES) break;
      const r = entry.range;
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) continue;
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue; // the page changed the text under a static range: re-anchoring will follow
      }
      const common = range.commonAncestorContainer;
      if (top && !top.contains(common)) continue;
      // far from the viewport: no box, and none of the style reads of the clipping walk below
      const bounds = range.getBoundingClientRect();
      if (bounds.bottom < 0 || bounds.top > viewport.bottom || bounds.right < 0 || bounds.left > viewport.right) {
        continue;
      }
      const holder = common.nodeType === 1 ? common : common.parentElement;
      let clip = clips.get(holder);
      if (clip === undefined) {
        clip = clipRect(common, viewport);
        clips.set(holder, clip);
      }
      if (!clip) continue;
      let first = true;
      for (const rect of range.getClientRects()) {
        if (placed.length >= MAX_BOXES) break;
        const left = Math.max(rect.left, clip.left);
        const right = Math.min(rect.right, clip.right);
        const topEdge = Math.max(rect.top, clip.top);
        const bottom = Math.min(rect.bottom, clip.bottom);
        if (right - left < 1 || bottom - topEdge < 1) continue;
        placed.push({ left, top: topEdge, width: right - left, height: bottom - topEdge, start: first });
        first = false;
      }
    }
    range.detach();
    for (const [i, p] of placed.entries()) {
      const box = this.box(i, layer);
      if (this.kind.markStart) box.classList.toggle('start', p.start); // the bar marks where a quote begins
      box.style.left = `${p.left}px`;
      box.style.top = `${p.top}px`;
      box.style.width = `${p.width}px`;
      box.style.height = `${p.height}px`;
    }
    for (let i = placed.length; i < this.pool.length; i++) (this.pool[i] as HTMLElement).hidden = true;
  }

  private box(index: number, layer: HTMLElement): HTMLElement {
    let box = this.pool[index];
    if (!box) {
      box = this.doc.createElement('div');
      box.className = this.kind.className;
      box.dataset.ui = this.kind.ui;
      layer.append(box);
      this.pool.push(box);
    }
    box.hidden = false;
    return box;
  }

  dispose(): void {
    this.unlisten();
    if (this.frame !== 0) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.entries = [];
    for (const box of this.pool) box.remove();
    this.pool.length = 0;
    this.layer = null;
  }
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of the viewport where text under `node` can be seen: the viewport cut by every ancestor
 * that clips its overflow (scrolling boxes, overflow hidden/clip). Null when nothing is left.
 */
function clipRect(node: Node, viewport: Rect): Rect | null {
  const clip = { ...viewport };
  const doc = node.ownerDocument;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el === doc?.documentElement || el === doc?.body) break;
    const style = getComputedStyle(el);
    if (style.position === 'fixed') break; // out of the flow of its scrolling ancestors
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = el.getBoundingClientRect();
    if (style.overflowX !== 'visible') {
      clip.left = Math.max(clip.left, r.left);
      clip.right = Math.min(clip.right, r.right);
    }
    if (style.overflowY !== 'visible') {
      clip.top = Math.max(clip.top, r.top);
      clip.bottom = Math.min(clip.bottom, r.bottom);
    }
  }
  return clip.right > clip.left && clip.bottom > clip.top ? clip : null;
}

function modalDialog(doc: Document): Element | null {
  try {
    return doc.querySelector('dialog:modal');
  } catch {
    return null;
  }
}
