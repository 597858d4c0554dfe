import { ask } from '../../lib/ask';
import { anchorQuote } from '../../lib/clippings/anchor';
import { buildPageText, spanToBoundaries } from '../../lib/clippings/page-text';
import { anchorKeyed } from '../../lib/clippings/text-key';
import type { AnchorTarget } from '../../lib/messages/clippings';
import { BoxLayer, CLIPPING_BOXES } from './clipping-boxes';
import type { UiHost } from './ui-host';

/** How long DOM changes are gathered before the page's clippings are anchored again. */
const REANCHOR_DEBOUNCE_MS = 700;

export function canonicalLink(doc: Document): string | undefined {
  const href = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href, doc.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Anchors each target in the page; returns the ranges found and the ids not found. */
export function anchorTargets(targets: readonly AnchorTarget[], root: Node) {
  const page = buildPageText(root);
  const keyed = anchorKeyed(page.text);
  const found: { id: string; range: StaticRange }[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const span = anchorQuote(page.text, target, keyed);
    const bounds = span ? spanToBoundaries(page, span.start, span.end) : null;
    if (!bounds) {
      missing.push(target.id);
      continue;
    }
    const range = new StaticRange({
      startContainer: bounds.startNode,
      startOffset: bounds.startOffset,
      endContainer: bounds.endNode,
      endOffset: bounds.endOffset,
    });
    found.push({ id: target.id, range });
  }
  return { found, missing };
}

/**
 * This page's clippings, found in its text again and drawn for the user (clipping-boxes.ts says why
 * they are not in CSS.highlights). Asks the background once per address; anchors again after the
 * page's DOM changed; a page without clippings gets no UI at all.
 */
export class ClippingHighlights {
  private targets: AnchorTarget[] = [];
  private readonly boxes: BoxLayer;
  private lastReport = '';
  private loadedFor = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
  ) {
    this.boxes = new BoxLayer(doc, ui, CLIPPING_BOXES);
  }

  start(signal: AbortSignal): void {
    // the DOM changes under us (late content, re-rendering): re-anchor, debounced; StaticRanges do
    // not follow edits. Our own host coming and going is no reason to.
    this.observer = new MutationObserver((records) => {
      // a single-page app moved to another address: that page's clippings, not this one's
      if (this.doc.location.href !== this.loadedFor) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.load(), REANCHOR_DEBOUNCE_MS);
        return;
      }
      if (this.targets.length === 0) return;
      if (records.every((r) => this.isOwn(r))) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.apply(), REANCHOR_DEBOUNCE_MS);
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => this.stop());
    void this.load();
  }

  private isOwn(record: MutationRecord): boolean {
    if (this.ui.isHost(record.target)) return true;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every((n) => this.ui.isHost(n));
  }

  private async load(): Promise<void> {
    this.loadedFor = this.doc.location.href;
    try {
      this.targets =
        (await ask('pageClippings', { url: this.doc.location.href, canonicalUrl: canonicalLink(this.doc) })) ?? [];
    } catch {
      this.targets = [];
    }
    this.apply();
  }

  private apply(): void {
    if (this.stopped || !this.doc.body) return;
    this.showHost();
    if (this.targets.length === 0) {
      this.boxes.set([]);
      return;
    }
    const { found, missing } = anchorTargets(this.targets, this.doc.body);
    this.boxes.set(found);
    const ids = found.map((f) => f.id);
    const report = JSON.stringify([ids, missing]);
    if (report !== this.lastReport) {
      this.lastReport = report;
      void ask('reportAnchoring', {
        url: this.doc.location.href,
        canonicalUrl: canonicalLink(this.doc),
        found: ids,
        missing,
      }).catch(() => {});
    }
  }

  /**
   * A clipping just saved on this page: drawn over the range the user selected, and kept for the
   * next re-anchoring, without asking the background or walking the page again.
   */
  addSaved(target: AnchorTarget, range: AbstractRange): void {
    if (this.stopped) return;
    if (!this.targets.some((t) => t.id === target.id)) this.targets.push(target);
    this.showHost();
    this.boxes.add({ id: target.id, range });
  }

  /**
   * The host shows while this page has clippings at all: not while some are found or in view,
   * which a page could probe (scrolling itself, deleting its own paragraphs) and watch the host
   * come and go to learn where the saved passages are.
   */
  private showHost(): void {
    const any = this.targets.length > 0;
    if (any) this.ui.ensure();
    this.ui.shown('clippings', any);
  }

  private stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.boxes.dispose();
    this.ui.shown('clippings', false);
  }
}
