import { blockContainerOf, isInline, isInsideSkipped, OWN_UI_TAGS } from '../../lib/page/dom-rules';
import type { PageMatches } from '../../lib/page/page-matches';
import { collectRuns, nestedBlocksOf, RunStream, type TextRun } from '../../lib/page/text-blocks';
import type { Matcher } from '../../lib/terms/matcher';

/** Longest stretch of main-thread work before yielding to the page. */
const SLICE_MS = 4;
/** How long page mutations are gathered before they are scanned (well inside the 500 ms promise). */
const MUTATION_BATCH_MS = 60;

const yieldToPage: () => Promise<void> =
  typeof (globalThis as { scheduler?: { yield?: unknown } }).scheduler?.yield === 'function'
    ? () => (globalThis as unknown as { scheduler: { yield(): Promise<void> } }).scheduler.yield()
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Scans a document in time slices, visible text first, and keeps the marks current as the page
 * changes. The page never waits on us for more than one slice.
 */
export class PageScanner {
  private observer: MutationObserver | null = null;
  /** Containers whose own text changed: rescanned without descending. */
  private readonly dirty = new Set<Element>();
  /** Elements added to the page: scanned with everything inside. */
  private readonly added = new Set<Element>();
  private needsPrune = false;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly matches: PageMatches,
    private readonly hooks: {
      afterBatch?: () => void;
      ownMutations?: boolean;
      /** Reports each slice of main-thread work (for the benchmarks: total and longest task). */
      onSlice?: (durationMs: number) => void;
    } = {},
  ) {}

  /** Scans the whole document, then watches it. Resolves when the first full pass is done. */
  start(): Promise<void> {
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    const roots = [...this.visibleContainers(), this.doc.body ?? this.doc.documentElement];
    return this.enqueue(() => this.walk(roots));
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.batchTimer !== null) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.dirty.clear();
    this.added.clear();
  }

  /** Resolves when no scan is pending (for tests and the popup's "terms on this page"). */
  async idle(): Promise<void> {
    while (this.running || this.batchTimer !== null) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, MUTATION_BATCH_MS));
    }
  }

  /**
   * Block containers under a few points of the viewport: scanned before the rest of the page.
   * At the top of a page document order already starts with what is visible, and hit-testing a
   * large page costs time, so this only runs on a page opened scrolled down.
   */
  private visibleContainers(): Element[] {
    const view = this.doc.defaultView;
    if (!view || typeof this.doc.elementFromPoint !== 'function') return [];
    if (view.scrollY < view.innerHeight / 2) return [];
    const out = new Set<Element>();
    for (const fx of [0.3, 0.6]) {
      for (let fy = 0.05; fy < 1; fy += 0.1) {
        const el = this.doc.elementFromPoint(view.innerWidth * fx, view.innerHeight * fy);
        const container = el ? blockContainerOf(el) : null;
        if (!container || container === this.doc.body || container === this.doc.documentElement) continue;
        if (!isInsideSkipped(container)) out.add(container);
      }
    }
    return [...out];
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(job).finally(() => {
      if (this.running === next) this.running = null;
    });
    this.running = next;
    return next;
  }

  /**
   * Scans the text under each root in document order, in slices, marking as it goes: each run is
   * matched as soon as the walk has read it. A block already scanned under an earlier root (the
   * visible ones go first) is not scanned again.
   */
  private async walk(roots: Element[]): Promise<void> {
    const seen = new Set<Element>();
    let sliceStart = performance.now();
    let deadline = sliceStart + SLICE_MS;
    const shouldStop = () => performance.now() >= deadline;
    for (const root of roots) {
      if (this.stopped) return;
      if (!root.isConnected) continue;
      const mine = new Set<Element>();
      const checkOwn = seen.size > 0;
      const stream = new RunStream(
        root,
        (run) => {
          if (checkOwn) mine.add(run.container);
          this.matches.absorbRun(run, this.matcher, seen);
        },
        // a block scanned under an earlier root is left out; with one root there is nothing to check
        checkOwn ? (container) => seen.has(container) && !mine.has(container) : undefined,
      );
      while (!stream.pull(shouldStop)) {
        this.afterOwnWork();
        this.hooks.onSlice?.(performance.now() - sliceStart);
        await yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
        deadline = sliceStart + SLICE_MS;
      }
    }
    this.afterOwnWork();
    this.hooks.onSlice?.(performance.now() - sliceStart);
  }

  private afterOwnWork(): void {
    // in the wrapping fallback our own DOM edits come back as mutation records: drop them
    if (this.hooks.ownMutations) this.observer?.takeRecords();
    this.hooks.afterBatch?.();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'characterData') {
        const container = blockContainerOf(target);
        if (container) this.dirty.add(container);
        continue;
      }
      const container = target.nodeType === 1 ? blockContainerOf(target) : null;
      if (container) this.dirty.add(container);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOwnUi(node)) continue;
        const element = node as Element;
        if (isInline(element)) {
          // its text belongs to the surrounding block (already marked dirty); blocks inside it are new
          for (const block of nestedBlocksOf(element)) this.added.add(block);
        } else {
          this.added.add(element);
        }
      }
      if (record.removedNodes.length > 0) this.needsPrune = true;
    }
    if (this.batchTimer === null && (this.dirty.size > 0 || this.added.size > 0 || this.needsPrune)) {
      this.batchTimer = setTimeout(() => {
        this.batchTimer = null;
        void this.enqueue(() => this.flush());
      }, MUTATION_BATCH_MS);
    }
  }

  private async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.needsPrune) {
      this.needsPrune = false;
      this.matches.pruneDetached();
    }
    const dirty = [...this.dirty];
    const added = [...this.added];
    this.dirty.clear();
    this.added.clear();
    let sliceStart = performance.now();
    let deadline = sliceStart + SLICE_MS;
    const runs: TextRun[] = [];
    for (const container of dirty) {
      if (this.stopped) return;
      if (!container.isConnected || isInsideSkipped(container)) {
        this.matches.drop(container);
        continue;
      }
      collectRuns(container, false, runs);
      // replace() only knows containers that still have runs; one that lost all its text is dropped
      if (runs.length === 0) this.matches.drop(container);
      else this.matches.replace(runs, this.matcher);
      runs.length = 0;
      if (performance.now() >= deadline) {
        this.afterOwnWork();
        this.hooks.onSlice?.(performance.now() - sliceStart);
        await yieldToPage();
        sliceStart = performance.now();
        deadline = sliceStart + SLICE_MS;
      }
    }
    this.hooks.onSlice?.(performance.now() - sliceStart);
    const roots = added.filter((el) => el.isConnected && !isInsideSkipped(el));
    if (roots.length > 0) await this.walk(roots);
    else this.afterOwnWork();
  }
}

function isOwnUi(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (OWN_UI_TAGS.has(el.localName)) return true;
  }
  return false;
}
