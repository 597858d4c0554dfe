import {
  aboveOf,
  BARRIER,
  classify,
  type ElementInfo,
  infoOf,
  isInShadowTree,
  shadowTopInfo,
  VISIBLE,
} from './dom-rules';

/**
 * A run of text that reads as one: the visible text nodes between two block edges, inline elements
 * transparent, hidden text left out. `texts[i]` is the text of `nodes[i]`, read once.
 */
export interface TextRun {
  /** The block element the run belongs to (a block can hold several runs around nested blocks). */
  container: Element;
  nodes: Text[];
  texts: string[];
}

/** True for text of nothing but white space (line breaks and indentation between elements). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Receives each run of a stream; the run and its arrays are reused once the call returns. */
export type RunHandler = (run: TextRun) => void;

export interface RunStreamOptions {
  /** Leaves out the runs of blocks a caller has already scanned. */
  skip?: (container: Element) => boolean;
  /**
   * Only the root's own runs, for rescanning one block after its text changed: nested blocks are
   * stepped over without reading their text.
   */
  ownOnly?: boolean;
}

/**
 * Collects the text runs of `container`: with `descend`, those of nested blocks too (each with its
 * own container); without, only the container's own. The same walk as a page's first scan, so a
 * rescan after an edit finds what the first scan found.
 */
export function collectRuns(container: Element, descend: boolean, out: TextRun[] = []): TextRun[] {
  const stream = new RunStream(
    container,
    (run) => out.push({ container: run.container, nodes: run.nodes.slice(), texts: run.texts.slice() }),
    { ownOnly: !descend },
  );
  stream.pull(() => false);
  return out;
}

/**
 * Streams the text runs under a root (an element or a shadow root) in document order, resumable
 * between time slices. Traversal is a native TreeWalker over text nodes only (walking elements from
 * script costs several times more). Each run is handed over as soon as it ends, in one reused run
 * whose arrays are emptied afterwards: on a large page, keeping every node's text until a batch is
 * matched costs more in garbage collection than the matching itself.
 *
 * Each text node's block and visibility come from its parent; what is known of the parent's
 * ancestors is kept as the path from the root down, which in document order changes only at its
 * tail: prose alternates between a paragraph and its inline children, so a text node's parent is
 * nearly always the path's last element or the one above it, and a new element is classified from
 * its parent, found a step or two below the tail. Each element is classified once, and its
 * computed style read only where its tag does not decide (see dom-rules.ts). This runs once per page
 * load, before the engine has optimised it, so the loop does as few calls and allocations per text
 * node as it can: the DOM calls it needs (the node's text and parent; a new element's parent, tag
 * and attributes) and little else.
 *
 * A run ends where the block changes or the text of a skipped region (code, an input) lies between
 * two nodes; text the reader cannot see is left out without ending it.
 */
export class RunStream {
  private readonly walker: TreeWalker;
  /**
   * `path[0..depth]`: the elements from the top of the walk down to the last text node's parent
   * (entries above `depth` are stale and overwritten; the arrays are never shortened, which costs
   * more than the comparisons it would save), `infos` alongside.
   */
  private readonly path: Element[] = [];
  private readonly infos: ElementInfo[] = [];
  private depth = -1;
  private readonly climbed: Element[] = [];
  /** What is above the elements at the top of the walk. */
  private readonly base: ElementInfo;
  /** The root's own block, for `ownOnly` walks. */
  private readonly own: Element | null;
  /** The run being gathered (container null: none). */
  private readonly run: { container: Element | null; nodes: Text[]; texts: string[] } = {
    container: null,
    nodes: [],
    texts: [],
  };
  private finished = false;
  private readonly skip: ((container: Element) => boolean) | undefined;
  /** The walk is inside a shadow tree: styles are read for every element (see dom-rules.ts). */
  private readonly inShadow: boolean;

  constructor(
    root: Element | ShadowRoot,
    private readonly onRun: RunHandler,
    options: RunStreamOptions = {},
  ) {
    this.skip = options.skip;
    this.inShadow = isInShadowTree(root);
    const doc = root.ownerDocument as Document;
    this.walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    if (root.nodeType === 1) {
      const element = root as Element;
      this.base = aboveOf(element);
      const info = classify(element, this.base, this.inShadow);
      this.path.push(element);
      this.infos.push(info);
      this.depth = 0;
      this.own = options.ownOnly ? info.container : null;
    } else {
      const host = (root as ShadowRoot).host;
      this.base = shadowTopInfo(infoOf(host), host);
      this.own = options.ownOnly ? host : null;
    }
  }

  /**
   * What is known of a text node's parent that is not at the path's tail: found further up the
   * path, or classified from its nearest ancestor there (the path then ends at it).
   */
  private place(parent: Element): ElementInfo {
    const path = this.path;
    const infos = this.infos;
    const climbed = this.climbed;
    const top = this.depth;
    let at = -1;
    let count = 0;
    for (let el: Element | null = parent; el !== null; el = el.parentElement) {
      let k = top;
      while (k >= 0 && path[k] !== el) k--;
      if (k >= 0) {
        at = k;
        break;
      }
      climbed[count++] = el;
    }
    let above = at >= 0 ? (infos[at] as ElementInfo) : this.base;
    let depth = at;
    while (count > 0) {
      const element = climbed[--count] as Element;
      above = classify(element, above, this.inShadow);
      depth++;
      path[depth] = element;
      infos[depth] = above;
    }
    this.depth = depth;
    return above;
  }

  /** Hands the gathered run over (if it has any text nodes) and starts none. */
  private endRun(): void {
    const run = this.run;
    if (run.nodes.length > 0) {
      this.onRun(run as TextRun);
      run.nodes.length = 0;
      run.texts.length = 0;
    }
    run.container = null;
  }

  /** In an `ownOnly` walk: the outermost block on the current path below the root, to step over. */
  private nestedBlockOnPath(): Element | null {
    const { path, infos } = this;
    for (let i = 1; i <= this.depth; i++) {
      const info = infos[i] as ElementInfo;
      if (info.container === path[i]) return path[i] as Element;
    }
    return null;
  }

  /**
   * A visible text node whose block is not the gathered run's: ends that run, and starts one of
   * this block unless it is skipped. Returns false when the node is not taken.
   */
  private startRun(container: Element | null): boolean {
    const run = this.run;
    const own = this.own;
    if (own !== null && container !== own) {
      // a nested block's text ends the run, and the block is not ours to read: step over it
      if (run.container !== null) this.endRun();
      const block = this.nestedBlockOnPath();
      if (block !== null) {
        let last: Node = block;
        while (last.lastChild) last = last.lastChild;
        this.walker.currentNode = last;
      }
      return false;
    }
    if (this.skip?.(container as Element)) {
      if (run.container !== null) this.endRun();
      return false;
    }
    if (run.container !== container) {
      if (run.container !== null) this.endRun();
      run.container = container;
    }
    return true;
  }

  /**
   * Walks on, handing over runs, until the walk ends or `shouldStop()` says so (asked every few
   * text nodes). Returns true when the walk has ended.
   */
  pull(shouldStop: () => boolean): boolean {
    if (this.finished) return true;
    const run = this.run;
    const nodes = run.nodes;
    const texts = run.texts;
    const walker = this.walker;
    const path = this.path;
    const infos = this.infos;
    let sinceCheck = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      // white space between elements (indentation): matches skip it anyway, and looking up its
      // parent (often a block holding nothing but other blocks) would cost a style read. The
      // first character answers for nearly every other node without a call.
      const first = data.charCodeAt(0);
      if (!(first > 0x20 && first !== 0xa0 && first !== 0x3000) && isBlank(data)) continue;
      const parent = node.parentElement;
      const depth = this.depth;
      let info: ElementInfo;
      if (depth >= 0 && path[depth] === parent) info = infos[depth] as ElementInfo;
      else if (depth >= 1 && path[depth - 1] === parent) {
        this.depth = depth - 1;
        info = infos[depth - 1] as ElementInfo;
      } else info = parent !== null ? this.place(parent) : this.base;
      const state = info.state;
      if (state === VISIBLE) {
        const container = info.container;
        if ((container === run.container && container !== null) || this.startRun(container)) {
          nodes.push(node as Text);
          texts.push(data);
        }
      } else if (state === BARRIER && run.container !== null) this.endRun();
      if (++sinceCheck >= 16) {
        sinceCheck = 0;
        if (shouldStop()) return false;
      }
    }
    this.endRun();
    this.finished = true;
    return true;
  }
}
