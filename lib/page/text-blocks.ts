import {
  ATTRIBUTE_SELECTOR,
  aboveOf,
  attributeState,
  BARRIER,
  classify,
  type ElementInfo,
  INVISIBLE,
  infoOf,
  isInShadowTree,
  shadowTopInfo,
  type TextState,
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
 * tail, so finding a new parent's place costs a few identity comparisons, and each element's
 * computed style is read once. A run ends where the block changes or the text of a skipped region
 * (code, an input) lies between two nodes; text the reader cannot see is left out without ending it.
 */
export class RunStream {
  private readonly walker: TreeWalker;
  private readonly path: Element[] = [];
  private readonly infos: ElementInfo[] = [];
  private readonly climbed: Element[] = [];
  /** What is above the elements at the top of the walk. */
  private readonly base: ElementInfo;
  /** The root's own block, for `ownOnly` walks. */
  private readonly own: Element | null;
  /** Hidden or editable elements under the root, found by one native query instead of attribute reads per element. */
  private readonly ruled: Map<Element, TextState>;
  private readonly attributes = (element: Element): TextState =>
    this.ruled.size > 0 ? (this.ruled.get(element) ?? VISIBLE) : VISIBLE;
  /** The run being gathered (container null: none). */
  private readonly run: { container: Element | null; nodes: Text[]; texts: string[] } = {
    container: null,
    nodes: [],
    texts: [],
  };
  // the last two parents: prose alternates between a paragraph and its inline children
  private lastParent: Element | null = null;
  private lastInfo: ElementInfo | null = null;
  private prevParent: Element | null = null;
  private prevInfo: ElementInfo | null = null;
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
    this.ruled = new Map();
    for (const element of root.querySelectorAll(ATTRIBUTE_SELECTOR)) {
      const state = attributeState(element);
      if (state !== VISIBLE) this.ruled.set(element, state);
    }
    if (root.nodeType === 1) {
      const element = root as Element;
      this.base = aboveOf(element);
      const info = classify(element, this.base, attributeState, this.inShadow);
      this.path.push(element);
      this.infos.push(info);
      this.own = options.ownOnly ? info.container : null;
    } else {
      const host = (root as ShadowRoot).host;
      this.base = shadowTopInfo(infoOf(host), host);
      this.own = options.ownOnly ? host : null;
    }
  }

  /** What is known of a text node's parent: found on the path, or worked out from its nearest ancestor there. */
  private infoOf(parent: Element): ElementInfo {
    const path = this.path;
    const climbed = this.climbed;
    let depth = -1;
    for (let el: Element | null = parent; el; el = el.parentElement) {
      const at = path.lastIndexOf(el);
      if (at >= 0) {
        depth = at;
        break;
      }
      climbed.push(el);
    }
    path.length = depth + 1;
    this.infos.length = depth + 1;
    let above = depth >= 0 ? (this.infos[depth] as ElementInfo) : this.base;
    for (let k = climbed.length - 1; k >= 0; k--) {
      const element = climbed[k] as Element;
      above = classify(element, above, this.attributes, this.inShadow);
      path.push(element);
      this.infos.push(above);
    }
    climbed.length = 0;
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
    for (let i = 1; i < path.length; i++) {
      const info = infos[i] as ElementInfo;
      if (info.container === path[i]) return path[i] as Element;
    }
    return null;
  }

  /**
   * Walks on, handing over runs, until the walk ends or `shouldStop()` says so (asked every few
   * text nodes). Returns true when the walk has ended.
   */
  pull(shouldStop: () => boolean): boolean {
    if (this.finished) return true;
    const run = this.run;
    const walker = this.walker;
    const own = this.own;
    let sinceCheck = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      // white space between elements (indentation): matches skip it anyway, and looking up its
      // parent (often a block holding nothing but other blocks) would cost a style read
      if (isBlank(data)) continue;
      const parent = node.parentElement;
      if (parent !== this.lastParent) {
        let info: ElementInfo | null;
        if (parent === this.prevParent) info = this.prevInfo;
        else info = parent ? this.infoOf(parent) : this.base;
        this.prevParent = this.lastParent;
        this.prevInfo = this.lastInfo;
        this.lastParent = parent;
        this.lastInfo = info;
      }
      const info = this.lastInfo as ElementInfo;
      const state = info.state;
      if (state === BARRIER) {
        if (run.container !== null) this.endRun();
      } else if (state !== INVISIBLE) {
        const container = info.container as Element;
        if (own !== null && container !== own) {
          // a nested block's text ends the run, and the block is not ours to read: step over it
          if (run.container !== null) this.endRun();
          const block = this.nestedBlockOnPath();
          if (block !== null) {
            let last: Node = block;
            while (last.lastChild) last = last.lastChild;
            walker.currentNode = last;
          }
        } else if (this.skip?.(container)) {
          if (run.container !== null) this.endRun();
        } else {
          if (run.container !== container) {
            if (run.container !== null) this.endRun();
            run.container = container;
          }
          run.nodes.push(node as Text);
          run.texts.push(data);
        }
      }
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
