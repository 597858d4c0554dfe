import {
  blockContainerOf,
  isInline,
  isInlineTag,
  isInsideSkipped,
  isSkipped,
  isSkippedTag,
  SKIPPING_ATTRIBUTES,
  skippedByAttributes,
} from './dom-rules';

/**
 * A run of text that reads as one: the text nodes between two block edges, inline elements
 * transparent. `texts[i]` is the text of `nodes[i]`, read once.
 */
export interface TextRun {
  /** The block element the run belongs to (a block can hold several runs around nested blocks). */
  container: Element;
  nodes: Text[];
  texts: string[];
}

class RunBuilder {
  nodes: Text[] = [];
  texts: string[] = [];

  constructor(readonly container: Element) {}

  add(node: Text): void {
    this.nodes.push(node);
    this.texts.push(node.data);
  }

  /** Emits the run (a blank one costs the matcher one pass and finds nothing) and starts a new one. */
  flush(out: TextRun[]): void {
    if (this.nodes.length === 0) return;
    out.push({ container: this.container, nodes: this.nodes, texts: this.texts });
    this.nodes = [];
    this.texts = [];
  }
}

/**
 * Collects the text runs of `container`. With `descend`, nested blocks are collected too (their runs
 * have their own container); without it, only the container's own runs are, for rescanning one
 * block after its text changed (nested blocks then go to `nested`, if given). Skipped elements
 * (inputs, code, editable regions) end a run.
 */
export function collectRuns(container: Element, descend: boolean, out: TextRun[] = [], nested?: Element[]): TextRun[] {
  const builder = new RunBuilder(container);
  visit(container, builder, descend, out, nested);
  builder.flush(out);
  return out;
}

/**
 * Walks the children of `parent`. Nested blocks are collected recursively (`descend`), or handed
 * back in `nested` so a time-sliced caller can walk them later, or ignored.
 */
function visit(parent: Node, builder: RunBuilder, descend: boolean, out: TextRun[], nested?: Element[]): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      builder.add(child as Text);
    } else if (type === 1) {
      const element = child as Element;
      if (isSkipped(element)) {
        builder.flush(out);
      } else if (isInline(element)) {
        visit(element, builder, descend, out, nested);
      } else {
        builder.flush(out);
        if (descend) collectRuns(element, true, out);
        else nested?.push(element);
      }
    }
  }
}

/** The blocks nested inside an inline element (a link wrapping a card, say), outermost only. */
export function nestedBlocksOf(element: Element, out: Element[] = []): Element[] {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (isSkipped(child)) continue;
    if (isInline(child)) nestedBlocksOf(child, out);
    else out.push(child);
  }
  return out;
}

interface ElementInfo {
  /** The block the element's text belongs to. */
  container: Element | null;
  /** Inside a region the scanner never reads. */
  skipped: boolean;
}

/** Receives each run of a stream; the run and its arrays are reused once the call returns. */
export type RunHandler = (run: TextRun) => void;

/**
 * Streams the text runs under a root in document order, resumable between time slices. Traversal
 * is a native TreeWalker over text nodes only (walking elements from script costs several times
 * more). Each run is handed over as soon as it ends, in one reused run whose arrays are emptied
 * afterwards: on a large page, keeping every node's text until a batch is matched costs more in
 * garbage collection than the matching itself.
 *
 * Each text node's block and skip status come from its parent; what is known of the parent's
 * ancestors is kept as the path from the root down, which in document order changes only at its
 * tail, so finding a new parent's place costs a few identity comparisons and no map of elements.
 * A run ends where the block changes or a skipped region's text lies between two nodes.
 */
export class RunStream {
  private readonly walker: TreeWalker;
  private readonly path: Element[] = [];
  private readonly infos: ElementInfo[] = [];
  private readonly climbed: Element[] = [];
  /**
   * The elements under the root that hidden or contenteditable attributes rule out, found by one
   * native query instead of two attribute reads on every element (most pages have a handful).
   */
  private readonly ruledOut: Set<Element>;
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

  /** `skip(container)` lets a caller leave out blocks it has already scanned. */
  constructor(
    private readonly root: Element,
    private readonly onRun: RunHandler,
    private readonly skip?: (container: Element) => boolean,
  ) {
    this.walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    this.ruledOut = new Set();
    for (const element of root.querySelectorAll(SKIPPING_ATTRIBUTES)) {
      if (skippedByAttributes(element)) this.ruledOut.add(element);
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
      if (el === this.root) break;
    }
    path.length = depth + 1;
    this.infos.length = depth + 1;
    let above = depth >= 0 ? (this.infos[depth] as ElementInfo) : null;
    for (let k = climbed.length - 1; k >= 0; k--) {
      const element = climbed[k] as Element;
      let info: ElementInfo;
      if (above === null) {
        info = { container: blockContainerOf(element), skipped: isInsideSkipped(element) };
      } else {
        const name = element.localName;
        const inline = isInlineTag(name);
        info = {
          container: inline ? (above.container ?? element) : element,
          skipped:
            above.skipped || (!inline && isSkippedTag(name)) || (this.ruledOut.size > 0 && this.ruledOut.has(element)),
        };
      }
      path.push(element);
      this.infos.push(info);
      above = info;
    }
    climbed.length = 0;
    return above as ElementInfo;
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

  /**
   * Walks on, handing over runs, until the walk ends or `shouldStop()` says so (asked every few
   * text nodes). Returns true when the walk has ended.
   */
  pull(shouldStop: () => boolean): boolean {
    if (this.finished) return true;
    const run = this.run;
    let sinceCheck = 0;
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      const parent = node.parentElement;
      if (parent !== this.lastParent) {
        let info: ElementInfo | null;
        if (parent === this.prevParent) info = this.prevInfo;
        else info = parent ? this.infoOf(parent) : null;
        this.prevParent = this.lastParent;
        this.prevInfo = this.lastInfo;
        this.lastParent = parent;
        this.lastInfo = info;
      }
      const info = this.lastInfo;
      const container = info === null || info.skipped ? null : info.container;
      if (container === null || this.skip?.(container)) {
        if (run.container !== null) this.endRun();
      } else {
        if (run.container !== container) {
          if (run.container !== null) this.endRun();
          run.container = container;
        }
        run.nodes.push(node as Text);
        run.texts.push((node as Text).data);
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
