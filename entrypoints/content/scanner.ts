import { BARRIER, type ElementInfo, INVISIBLE, infoOf, OWN_UI_ATTRIBUTE } from '../../lib/page/dom-rules';
import type { PageMatches } from '../../lib/page/page-matches';
import { collectRuns, RunStream, type TextRun } from '../../lib/page/text-blocks';
import {
  deferPageVerdicts,
  judgePage,
  pageContextText,
  prepareContext,
  releasePageVerdicts,
} from '../../lib/terms/context';
import type { Matcher } from '../../lib/terms/matcher';
import type { ContextNeed } from '../../lib/terms/types';

/** Longest stretch of main-thread work before yielding to the page. */
const SLICE_MS = 4;
/** How long page mutations are gathered before they are scanned (well inside the 500 ms promise). */
const MUTATION_BATCH_MS = 60;
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // revealing hidden text (a "read more", an accordion, a dialog or <details> opened) is the
  // common way text becomes visible; popovers change no attribute and are followed by `toggle`
  attributes: true,
  attributeFilter: ['hidden', 'open'],
};

/**
 * Elements that may hold a shadow root: all but the common elements that never can (attachShadow
 * accepts only custom elements and article, aside, blockquote, body, div, footer, h1–h6, header,
 * main, nav, p, section, span). The selector is matched natively; reading `shadowRoot` from script
 * for every link, bold run and table cell of a large page cost more than the rest of the check.
 */
export const MAY_HOST_SHADOW =
  ':not(a,abbr,b,br,button,caption,code,col,dd,dl,dt,em,font,form,hr,i,img,input,label,li,link,meta,ol,option,path,picture,pre,q,s,script,select,small,source,strong,style,sub,sup,svg,table,tbody,td,textarea,tfoot,th,thead,time,tr,u,ul,video)';

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
  /** Nodes whose block's own text changed: the block is rescanned without descending. */
  private readonly dirty = new Set<Node>();
  /** Elements added to the page or shown: scanned with everything inside. */
  private readonly added = new Set<Element>();
  /** Elements whose `hidden` changed: what was marked inside them is dropped before the rescan. */
  private readonly toggled = new Set<Element>();
  /** The open shadow roots found so far (observed like the document). */
  readonly shadowRoots = new Set<ShadowRoot>();
  private needsPrune = false;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** The block being matched, while a run of it is (for page verdicts it waits for). */
  private current: Element | null = null;
  /**
   * Blocks whose context was not judged yet (see settleContext): they wait for the keyword
   * matchers (`wordsWanted`) or for their page's verdict on `waitingNeeds`.
   */
  private readonly waiting = new Set<Element>();
  private readonly waitingNeeds = new Set<ContextNeed>();
  private wordsWanted = false;
  /** When the current slice of main-thread work began, and when it should end. */
  private sliceStart = 0;
  private deadline = 0;

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
    this.observer.observe(this.doc.documentElement, OBSERVED);
    // `toggle` does not bubble, but it passes the document in the capture phase
    this.doc.addEventListener('toggle', this.onToggle, { capture: true });
    deferPageVerdicts(this.deferVerdict);
    return this.enqueue(() => {
      const roots: (Element | ShadowRoot)[] = [...this.visibleContainers(), this.doc.body ?? this.doc.documentElement];
      return this.walk(roots);
    });
  }

  stop(): void {
    this.stopped = true;
    releasePageVerdicts(this.deferVerdict);
    this.observer?.disconnect();
    this.doc.removeEventListener('toggle', this.onToggle, { capture: true });
    this.observer = null;
    if (this.batchTimer !== null) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.dirty.clear();
    this.added.clear();
    this.toggled.clear();
    this.shadowRoots.clear();
    this.waiting.clear();
    this.waitingNeeds.clear();
  }

  /** A block being matched needs work for its context: it waits for settleContext (other scans judge at once). */
  private readonly deferVerdict = (needs: ContextNeed, waitsFor: 'words' | 'page'): boolean => {
    if (this.current === null) return false;
    this.waiting.add(this.current);
    if (waitsFor === 'page') this.waitingNeeds.add(needs);
    else this.wordsWanted = true;
    return true;
  };

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
    const cache = new Map<Element, ElementInfo>();
    for (const fx of [0.3, 0.6]) {
      for (let fy = 0.05; fy < 1; fy += 0.1) {
        const el = this.doc.elementFromPoint(view.innerWidth * fx, view.innerHeight * fy);
        const info = el ? infoOf(el, cache) : null;
        const container = info && info.state !== BARRIER ? info.container : null;
        if (!container || container === this.doc.body || container === this.doc.documentElement) continue;
        out.add(container);
      }
    }
    return [...out];
  }

  /**
   * Runs `job` after the jobs before it, in slices: the job pauses (yields to the page) whenever its
   * slice is over; blocks that waited for their page's verdict are settled before it ends.
   */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const sliced = async () => {
      this.beginSlice();
      await job();
      await this.settleContext();
      this.endSlice();
    };
    const next = previous.then(sliced).finally(() => {
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
  private async walk(roots: (Element | ShadowRoot)[]): Promise<void> {
    const seen = new Set<Element>();
    // roots grows as open shadow roots are found under the ones walked
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r] as Element | ShadowRoot;
      if (this.stopped) return;
      if (!root.isConnected) continue;
      const mine = new Set<Element>();
      const checkOwn = seen.size > 0;
      // an inline root (an element the page added inside a paragraph): its text belongs to the
      // paragraph, which is rescanned as a whole; only blocks inside it are this walk's
      const outer = root.nodeType === 1 ? infoOf(root).container : null;
      const foreign = outer !== null && outer !== root ? outer : null;
      const skip =
        checkOwn || foreign !== null
          ? (container: Element) => container === foreign || (checkOwn && seen.has(container) && !mine.has(container))
          : undefined;
      const stream = new RunStream(
        root,
        (run) => {
          if (checkOwn) mine.add(run.container);
          this.current = run.container;
          this.matches.absorbRun(run, this.matcher, seen);
          this.current = null;
        },
        { skip },
      );
      while (!stream.pull(this.overDeadline)) {
        if (!(await this.pause())) return;
      }
      // the open shadow roots under this root (nested ones are found when their tree is walked):
      // one native query, then one property per element, in slices like the text (a large page
      // has tens of thousands of elements)
      const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
      if (own) this.addShadowRoot(own, roots);
      const all = root.querySelectorAll(MAY_HOST_SHADOW);
      for (let i = 0; i < all.length; i++) {
        const shadow = (all[i] as Element).shadowRoot;
        if (shadow) this.addShadowRoot(shadow, roots);
        if ((i & 511) === 511 && this.overDeadline() && !(await this.pause())) return;
      }
    }
    // before anything awaits: our own edits (wrapping fallback) must not reach the observer
    this.afterOwnWork();
  }

  private beginSlice(): void {
    this.sliceStart = performance.now();
    this.deadline = this.sliceStart + SLICE_MS;
  }

  private readonly overDeadline = (): boolean => performance.now() >= this.deadline;

  private endSlice(): void {
    this.afterOwnWork();
    this.hooks.onSlice?.(performance.now() - this.sliceStart);
  }

  /**
   * Ends the slice and yields to the page; false when the scanner was stopped meanwhile. When a
   * block asked for the keyword matchers, they are built in a slice of their own first, so the
   * blocks after it are judged as they come.
   */
  private async pause(): Promise<boolean> {
    this.endSlice();
    await yieldToPage();
    this.beginSlice();
    if (this.wordsWanted && !this.stopped) {
      this.wordsWanted = false;
      prepareContext();
      this.endSlice();
      await yieldToPage();
      this.beginSlice();
    }
    return !this.stopped;
  }

  /**
   * Blocks whose context was left for later (see deferPageVerdicts): the page is read, then judged,
   * each in a slice of its own rather than on top of a slice of scanning, and the blocks are
   * scanned again. A block scanned again may wait once more (its page's verdict had not been asked
   * for), hence the second round.
   */
  private async settleContext(): Promise<void> {
    for (let round = 0; round < 3 && this.waiting.size > 0 && !this.stopped; round++) {
      if (!(await this.pause())) return;
      const needs = [...this.waitingNeeds];
      const blocks = [...this.waiting];
      this.waitingNeeds.clear();
      this.waiting.clear();
      // (no page to read: the page context was withdrawn meanwhile, and the blocks judge alone)
      const text = needs.length > 0 ? pageContextText() : null;
      if (text !== null) {
        for (const need of needs) {
          if (!(await this.pause())) return;
          judgePage(need, text);
        }
        if (!(await this.pause())) return;
      }
      if (!(await this.rescan(blocks, new Map()))) return;
    }
  }

  /** A newly found open shadow root: observed like the document, and walked after the current roots. */
  private addShadowRoot(shadow: ShadowRoot, roots: (Element | ShadowRoot)[]): void {
    if (this.shadowRoots.has(shadow)) return;
    this.shadowRoots.add(shadow);
    this.observer?.observe(shadow, OBSERVED);
    roots.push(shadow);
  }

  private afterOwnWork(): void {
    // in the wrapping fallback our own DOM edits come back as mutation records: drop them
    if (this.hooks.ownMutations) this.observer?.takeRecords();
    this.hooks.afterBatch?.();
  }

  /**
   * Notes what changed and nothing more: working out blocks reads computed styles, which right
   * after the page's own edit would force a style pass in the middle of its frame.
   */
  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'attributes') {
        this.noteToggled(target as Element);
        continue;
      }
      this.dirty.add(target);
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !isOwnUi(node)) this.added.add(node as Element);
      }
      if (record.removedNodes.length > 0) this.needsPrune = true;
    }
    this.schedule();
  }

  /** A popover shown or hidden (dialogs and <details> also fire it; their `open` is observed too). */
  private readonly onToggle = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof Element) || isOwnUi(target)) return;
    this.noteToggled(target);
    this.schedule();
  };

  /** An element shown or hidden: what was marked inside it is dropped, then it is scanned again. */
  private noteToggled(element: Element): void {
    this.toggled.add(element);
    this.added.add(element);
    // the block around it: hidden now, its text may have been part of a term there
    this.dirty.add(element.parentNode ?? element);
  }

  private schedule(): void {
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
    for (const element of this.toggled) this.matches.dropWithin(element);
    this.toggled.clear();
    // one style lookup per element for the whole batch
    const cache = new Map<Element, ElementInfo>();
    const containers = new Set<Element>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      const info = infoOf(node, cache);
      // a change inside hidden or skipped content (a script, a <title>, a closed menu) changes no run
      if (info.sealed) continue;
      if (info.container) containers.add(info.container);
    }
    const added = [...this.added];
    this.dirty.clear();
    this.added.clear();
    if (!(await this.rescan(containers, cache))) return;
    const roots = added.filter((el) => {
      if (!el.isConnected) return false;
      const info = infoOf(el, cache);
      return !info.sealed && info.state !== BARRIER;
    });
    if (roots.length > 0) await this.walk(outermost(roots));
  }

  /** Scans blocks again, each without descending into nested blocks; false when stopped meanwhile. */
  private async rescan(containers: Iterable<Element>, cache: Map<Element, ElementInfo>): Promise<boolean> {
    const runs: TextRun[] = [];
    for (const container of containers) {
      if (this.stopped) return false;
      const info = container.isConnected ? infoOf(container, cache) : null;
      if (info === null || info.state === BARRIER || (info.sealed && info.state === INVISIBLE)) {
        this.matches.drop(container);
        continue;
      }
      collectRuns(container, false, runs);
      // replace() only knows containers that still have runs; one that lost all its text is dropped
      this.current = container;
      if (runs.length === 0) this.matches.drop(container);
      else this.matches.replace(runs, this.matcher);
      this.current = null;
      runs.length = 0;
      if (this.overDeadline() && !(await this.pause())) return false;
    }
    this.afterOwnWork();
    return true;
  }
}

/** Leaves out roots inside other roots of the list (they are walked with them). */
function outermost(roots: Element[]): Element[] {
  const set = new Set(roots);
  return roots.filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

function isOwnUi(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  }
  return false;
}
