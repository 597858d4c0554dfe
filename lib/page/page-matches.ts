import type { Matcher, Pattern } from '../terms/matcher';
import { pieceAt } from '../text/offsets';
import { composedParent } from './dom-rules';
import type { TextRun } from './text-blocks';

/**
 * One occurrence of a catalogue term on the page. Kept small (a large page holds thousands): the
 * text as written and the per-node pieces are worked out when asked for (`matchedText`, `piecesOf`).
 */
export interface PageMatch {
  termId: string;
  container: Element;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the match touches, in order, when it spans more than one (else null). */
  nodes: Text[] | null;
}

/** A part of a match inside one text node: [from, to) of that node's text. */
export interface MatchPiece {
  node: Text;
  from: number;
  to: number;
}

/** Where marks are drawn: the highlight registry, or wrapped elements where there is none. */
export interface MarkSink {
  /** Marks a container's new matches (a container's matches may arrive in several calls). */
  add(container: Element, matches: readonly PageMatch[]): void;
  /** Takes out every mark of a container: these are all its matches. */
  drop(container: Element, matches: readonly PageMatch[]): void;
}

/** The text nodes a match touches, with the part of each it covers. */
export function piecesOf(match: PageMatch): MatchPiece[] {
  const nodes = match.nodes ?? [match.startNode];
  const out: MatchPiece[] = [];
  for (const node of nodes) {
    const from = node === match.startNode ? match.startOffset : 0;
    const to = node === match.endNode ? match.endOffset : node.data.length;
    if (to > from) out.push({ node, from, to });
  }
  return out;
}

/** The match as the page writes it (quotes, spaces, traditional script and all). */
export function matchedText(match: PageMatch): string {
  return piecesOf(match)
    .map((piece) => piece.node.data.slice(piece.from, piece.to))
    .join('');
}

/** For a closing quotation mark, its opening partner; 0 for any other character. */
function openingPartner(code: number): number {
  switch (code) {
    case 0x201d: // ”
      return 0x201c;
    case 0x2019: // ’
      return 0x2018;
    case 0x300d: // 」
      return 0x300c;
    case 0x300f: // 』
      return 0x300e;
    case 0x22: // "
      return 0x22;
    default:
      return 0;
  }
}

/**
 * Quotation marks are ignorable when matching, so “三医”协同 matches from 三 on. When the match
 * holds a closing quote whose opening partner sits just before it, the mark includes that quote
 * too, so the reader sees the whole written term marked, not a lopsided piece of it.
 */
function withOpeningQuote(text: string, start: number, end: number): number {
  if (start === 0) return start;
  for (let i = start; i < end; i++) {
    const opening = openingPartner(text.charCodeAt(i));
    if (opening !== 0) return opening === text.charCodeAt(start - 1) ? start - 1 : start;
  }
  return start;
}

/** Matches of one run as (pattern, start, end) triples, reused run after run. */
let found = new Int32Array(3 * 64);

/**
 * Finds the matches of one run of text. The run's texts are joined first: the matcher reads a few
 * long strings of its own several times faster than many short strings handed out by the DOM.
 */
export function matchRun(matcher: Matcher, run: TextRun): PageMatch[] {
  const { nodes, texts, container } = run;
  const text = texts.length === 1 ? (texts[0] as string) : texts.join('');
  let count = matcher.scanInto(text, found);
  // most runs have no match, and a large page has thousands of runs
  if (count === 0) return NO_MATCHES;
  while (count + 3 > found.length) {
    // full: a bigger buffer, and the rest of the run from the last match on
    const more = new Int32Array(found.length * 2);
    more.set(found);
    found = more;
    count += matcher.scanInto(text, found.subarray(count), found[count - 1] as number);
  }
  const patterns = matcher.patterns;
  // where each node begins in the joined text
  const starts = startsOf(texts);
  const out: PageMatch[] = new Array(count / 3);
  for (let k = 0; k < count; k += 3) {
    const end = found[k + 2] as number;
    const start = withOpeningQuote(text, found[k + 1] as number, end);
    const sp = pieceAt(starts, start);
    const ep = pieceAt(starts, end - 1);
    out[k / 3] = {
      termId: (patterns[found[k] as number] as Pattern).termId,
      container,
      startNode: nodes[sp] as Text,
      startOffset: start - (starts[sp] as number),
      endNode: nodes[ep] as Text,
      endOffset: end - (starts[ep] as number),
      nodes: sp === ep ? null : nodes.slice(sp, ep + 1),
    };
  }
  return out;
}

const NO_MATCHES: PageMatch[] = [];

/** Where each piece begins in the joined text. */
function startsOf(texts: readonly string[]): number[] {
  const starts: number[] = new Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts[i] = at;
    at += (texts[i] as string).length;
  }
  return starts;
}

/**
 * Every match on the page, by block container. Rescanning a container replaces exactly its
 * matches, so text changed by the page is re-marked without touching the rest. Hit-testing goes
 * from a text node to its block, so no index by node is kept (thousands of entries on a big page,
 * for a lookup made only when the pointer rests).
 */
export class PageMatches {
  private readonly byContainer = new Map<Element, PageMatch[]>();

  constructor(private readonly sink: MarkSink) {}

  /** Replaces the matches of the containers of `runs` (all runs of each container must be given). */
  replace(runs: readonly TextRun[], matcher: Matcher): void {
    const seen = new Set<Element>();
    for (const run of runs) this.absorbRun(run, matcher, seen);
  }

  /**
   * Adds the matches of one run, for a scan that delivers a container's runs one by one: the first
   * time a container is met (not yet in `seen`) its old matches are dropped. The run's arrays may
   * be reused by the caller afterwards. Returns how many matches were added.
   */
  absorbRun(run: TextRun, matcher: Matcher, seen: Set<Element>): number {
    const container = run.container;
    if (!seen.has(container)) {
      seen.add(container);
      this.drop(container);
    }
    const found = matchRun(matcher, run);
    if (found.length === 0) return 0;
    const list = this.byContainer.get(container);
    if (list) for (const match of found) list.push(match);
    else this.byContainer.set(container, found);
    this.sink.add(container, found);
    return found.length;
  }

  /** Forgets a container's matches (its text changed or it left the page). */
  drop(container: Element): void {
    const old = this.byContainer.get(container);
    if (!old) return;
    this.byContainer.delete(container);
    this.sink.drop(container, old);
  }

  /** Drops the containers inside an element, itself included (it was hidden, or is to be walked again). */
  dropWithin(element: Element): void {
    for (const container of [...this.byContainer.keys()]) if (element.contains(container)) this.drop(container);
  }

  /** Drops containers no longer in the document (removed by the page). */
  pruneDetached(): void {
    for (const container of [...this.byContainer.keys()]) if (!container.isConnected) this.drop(container);
  }

  clear(): void {
    for (const container of [...this.byContainer.keys()]) this.drop(container);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byContainer.values()) n += list.length;
    return n;
  }

  /**
   * The match covering character `offset` of a text node, if any. The node's block is one of its
   * ancestors: those that hold matches are asked, nearest first (no style is read on the way).
   */
  at(node: Text, offset: number): PageMatch | null {
    for (let el = composedParent(node); el; el = composedParent(el)) {
      const list = this.byContainer.get(el);
      if (!list) continue;
      const found = matchIn(list, node, offset);
      if (found) return found;
    }
    return null;
  }

  /** The matches of one block (for hit-testing by geometry under a cover). */
  of(container: Element): readonly PageMatch[] {
    return this.byContainer.get(container) ?? [];
  }

  /** Matches of the live page (connected containers only), in document order. */
  inDocumentOrder(): PageMatch[] {
    const all: PageMatch[] = [];
    for (const [container, list] of this.byContainer) if (container.isConnected) all.push(...list);
    return all.sort(compareMatches);
  }
}

function matchIn(list: readonly PageMatch[], node: Text, offset: number): PageMatch | null {
  for (const match of list) {
    if (match.nodes === null) {
      if (node === match.startNode && offset >= match.startOffset && offset < match.endOffset) return match;
      continue;
    }
    if (!match.nodes.includes(node)) continue;
    if (node === match.startNode && offset < match.startOffset) continue;
    if (node === match.endNode && offset >= match.endOffset) continue;
    return match;
  }
  return null;
}

/** Document order of two matches: by start node, then by offset inside it. */
export function compareMatches(a: PageMatch, b: PageMatch): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a
  return a.startNode.compareDocumentPosition(b.startNode) & 4 ? -1 : 1;
}
