import { pieceAt } from '../text/offsets';
import { blockContainerOf, isInline, isInsideSkipped, isSkipped } from './dom-rules';

/**
 * A run of text that reads as one: the text nodes between two block edges, inline elements
 * transparent. Matching runs over `text`; `starts[i]` is where `nodes[i]` begins in it.
 */
export interface TextRun {
  /** The block element the run belongs to (a block can hold several runs around nested blocks). */
  container: Element;
  nodes: Text[];
  starts: number[];
  text: string;
}

/**
 * Joins runs of different blocks when several are matched in one pass: a character that folds to
 * itself, occurs in no pattern and is not ignorable, so no match can span two blocks.
 */
export const RUN_SEPARATOR = '\u0001';

class RunBuilder {
  nodes: Text[] = [];

  constructor(readonly container: Element) {}

  add(node: Text): void {
    this.nodes.push(node);
  }

  /** Emits the run (a blank one costs the matcher one pass and finds nothing) and starts a new one. */
  flush(out: TextRun[]): void {
    const nodes = this.nodes;
    if (nodes.length > 0) {
      const starts: number[] = new Array(nodes.length);
      // one join, not a chain of concatenations: the matcher would flatten the chain anyway
      const parts: string[] = new Array(nodes.length);
      let length = 0;
      for (let i = 0; i < nodes.length; i++) {
        const data = (nodes[i] as Text).data;
        starts[i] = length;
        parts[i] = data;
        length += data.length;
      }
      out.push({
        container: this.container,
        nodes,
        starts,
        text: parts.length === 1 ? (parts[0] as string) : parts.join(''),
      });
      this.nodes = [];
    }
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

/** Where a text offset of a run falls: the node, its index in the run and the offset inside it. */
export function locate(
  run: TextRun,
  offset: number,
  preferEnd: boolean,
): { node: Text; index: number; offset: number } {
  let lo = Math.max(0, pieceAt(run.starts, offset));
  // an end offset that falls exactly on a node boundary belongs to the earlier node
  if (preferEnd && lo > 0 && run.starts[lo] === offset) lo--;
  const node = run.nodes[lo] as Text;
  return { node, index: lo, offset: offset - (run.starts[lo] as number) };
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

/**
 * Streams the text runs under a root in document order, resumable between time slices. Traversal
 * is a native TreeWalker over text nodes only (walking elements from script costs several times
 * more); each text node's block and skip status come from its parent, memoised per element.
 * A run ends where the block changes or a skipped region's text lies between two nodes.
 */
export class RunStream {
  private readonly walker: TreeWalker;
  private readonly memo = new Map<Element, ElementInfo>();
  private builder: RunBuilder | null = null;
  // the last two parents seen: prose alternates between a paragraph and its inline children
  private lastParent: Element | null = null;
  private lastInfo: ElementInfo | null = null;
  private prevParent: Element | null = null;
  private prevInfo: ElementInfo | null = null;
  private finished = false;

  /** `skip(container)` lets a caller leave out blocks it has already scanned. */
  constructor(
    private readonly root: Element,
    private readonly skip?: (container: Element) => boolean,
  ) {
    this.walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  }

  get done(): boolean {
    return this.finished;
  }

  private info(element: Element): ElementInfo {
    const known = this.memo.get(element);
    if (known) return known;
    let info: ElementInfo;
    if (element === this.root) {
      info = { container: blockContainerOf(element), skipped: isInsideSkipped(element) };
    } else {
      const parent = element.parentElement;
      const above: ElementInfo = parent ? this.info(parent) : { container: null, skipped: false };
      info = {
        container: isInline(element) ? (above.container ?? element) : element,
        skipped: above.skipped || isSkipped(element),
      };
    }
    this.memo.set(element, info);
    return info;
  }

  /**
   * Appends runs to `out` until the walk ends or `shouldStop()` says so (asked every few nodes).
   * Returns true when the walk has ended.
   */
  pull(out: TextRun[], shouldStop: () => boolean): boolean {
    if (this.finished) return true;
    let sinceCheck = 0;
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      const parent = node.parentElement;
      if (parent !== this.lastParent) {
        const info = parent === this.prevParent ? this.prevInfo : parent ? this.info(parent) : null;
        this.prevParent = this.lastParent;
        this.prevInfo = this.lastInfo;
        this.lastParent = parent;
        this.lastInfo = info;
      }
      const info = this.lastInfo;
      const container = info?.container ?? null;
      if (!info || info.skipped || !container || (this.skip !== undefined && this.skip(container))) {
        this.builder?.flush(out);
        this.builder = null;
      } else {
        if (this.builder && this.builder.container !== container) {
          this.builder.flush(out);
          this.builder = null;
        }
        this.builder ??= new RunBuilder(container);
        this.builder.add(node as Text);
      }
      if (++sinceCheck >= 16) {
        sinceCheck = 0;
        if (shouldStop()) return false;
      }
    }
    this.builder?.flush(out);
    this.builder = null;
    this.finished = true;
    return true;
  }
}
