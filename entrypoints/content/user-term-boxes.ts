import type { PageMatch } from '../../lib/page/page-matches';
import { BoxLayer, type ClipEntry, USER_TERM_BOXES } from './clipping-boxes';
import type { UiHost } from './ui-host';

/**
 * The marks of the user's own terms, drawn as boxes in our closed root (clipping-boxes.ts) rather
 * than registered in the page-readable CSS.highlights: a term's name is the user's data. Follows
 * the scanner's per-container adds and drops; the box layer is given the new set once per task,
 * however many containers a scan slice touched.
 */
export class UserTermBoxes {
  private readonly layer: BoxLayer;
  private readonly byContainer = new Map<Element, ClipEntry[]>();
  private pending = false;
  private next = 0;

  constructor(doc: Document, ui: UiHost) {
    this.layer = new BoxLayer(doc, ui, USER_TERM_BOXES);
  }

  add(container: Element, matches: readonly PageMatch[]): void {
    if (matches.length === 0) return;
    let list = this.byContainer.get(container);
    if (!list) {
      list = [];
      this.byContainer.set(container, list);
    }
    for (const m of matches) {
      const range = new StaticRange({
        startContainer: m.startNode,
        startOffset: m.startOffset,
        endContainer: m.endNode,
        endOffset: m.endOffset,
      });
      list.push({ id: String(this.next++), range });
    }
    this.changed();
  }

  drop(container: Element): void {
    if (this.byContainer.delete(container)) this.changed();
  }

  clear(): void {
    this.byContainer.clear();
    this.pending = false;
    this.layer.set([]);
  }

  dispose(): void {
    this.byContainer.clear();
    this.pending = false;
    this.layer.dispose();
  }

  private changed(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      if (!this.pending) return;
      this.pending = false;
      this.layer.set([...this.byContainer.values()].flat());
    });
  }
}
