import { isInline, isSkipped } from './dom-rules';

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
  starts: number[] = [];
  parts: string[] = [];
  length = 0;

  constructor(readonly container: Element) {}

  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /** Emits the run if it has any non-blank text, and starts a new one. */
  flush(out: TextRun[]): void {
    if (this.nodes.length > 0) {
      const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
      if (/\S/.test(text)) out.push({ container: this.container, nodes: this.nodes, starts: this.starts, text });
    }
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
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

/** Where a text offset of a run falls: the node and the offset inside it. */
export function locate(run: TextRun, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  // binary search for the last node starting at or before the offset
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((run.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  // an end offset that falls exactly on a node boundary belongs to the earlier node
  if (preferEnd && lo > 0 && run.starts[lo] === offset) lo--;
  const node = run.nodes[lo] as Text;
  return { node, offset: offset - (run.starts[lo] as number) };
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
