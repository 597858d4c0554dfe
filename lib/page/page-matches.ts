import { type Matcher, type Pattern, RUN_SEPARATOR } from '../terms/matcher';
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

/**
 * Runs gathered for matching together: their texts are joined into one string, a separator
 * between two runs, and scanned in one call. Many short scans of a page's runs would each run
 * cold, unoptimised code and meet strings of every kind the DOM hands out; one long scan per
 * slice lets the engine optimise the matcher's loop early (measured: the first 100,000 characters
 * of a page scanned run by run cost 15–20 times what later ones do).
 */
export class RunBatch {
  readonly nodes: Text[] = [];
  readonly texts: string[] = [];
  /** Per run: its container, and the index in `nodes` after its last node. */
  readonly containers: Element[] = [];
  readonly ends: number[] = [];
  /** Characters gathered. */
  chars = 0;

  /** Copies a run in (the run's arrays may be reused once this returns). */
  add(run: TextRun): void {
    const { nodes, texts } = run;
    for (let i = 0; i < nodes.length; i++) {
      const text = texts[i] as string;
      this.nodes.push(nodes[i] as Text);
      this.texts.push(text);
      this.chars += text.length;
    }
    this.containers.push(run.container);
    this.ends.push(this.nodes.length);
  }

  clear(): void {
    this.nodes.length = 0;
    this.texts.length = 0;
    this.containers.length = 0;
    this.ends.length = 0;
    this.chars = 0;
  }

  /** The runs' text, RUN_SEPARATOR between two runs. */
  joined(): string {
    const { texts, ends } = this;
    let text = '';
    let piece = 0;
    for (let r = 0; r < ends.length; r++) {
      if (r > 0) text += RUN_SEPARATOR;
      for (const end = ends[r] as number; piece < end; piece++) text += texts[piece] as string;
    }
    return text;
  }
}

/** Matches of a batch as (pattern, start, end) triples, reused batch after batch. */
let found = new Int32Array(3 * 1024);

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
    const batch = new RunBatch();
    for (const run of runs) batch.add(run);
    this.absorb(batch, matcher, new Set());
  }

  /**
   * Adds the matches of a batch of runs, for a scan that delivers a container's runs in several
   * batches: the first time a container is met (not yet in `seen`) its old matches are dropped.
   * The batch is emptied. Returns how many matches were added.
   */
  absorb(batch: RunBatch, matcher: Matcher, seen: Set<Element>): number {
    const { nodes, texts, containers, ends } = batch;
    if (containers.length === 0) return 0;
    const text = batch.joined();
    let count = matcher.scanInto(text, found);
    while (count + 3 > found.length) {
      // full: a bigger buffer, and the rest from the last match on
      const more = new Int32Array(found.length * 2);
      more.set(found);
      found = more;
      count += matcher.scanInto(text, found.subarray(count), found[count - 1] as number);
    }
    const patterns = matcher.patterns;
    let k = 0; // the next match, as an index into `found`
    let piece = 0; // the current run's first node
    let at = 0; // where the current run begins in `text`
    let added = 0;
    for (let r = 0; r < containers.length; r++) {
      const container = containers[r] as Element;
      const end = ends[r] as number;
      if (!seen.has(container)) {
        seen.add(container);
        this.drop(container);
      }
      let runEnd = at;
      for (let i = piece; i < end; i++) runEnd += (texts[i] as string).length;
      let list: PageMatch[] | null = null;
      // the run's matches, mapped to its nodes by walking both in order
      let sp = piece;
      let spAt = at;
      for (; k < count && (found[k + 1] as number) < runEnd; k += 3) {
        const matchEnd = found[k + 2] as number;
        const start = withOpeningQuote(text, found[k + 1] as number, matchEnd);
        while (spAt + (texts[sp] as string).length <= start) spAt += (texts[sp++] as string).length;
        let ep = sp;
        let epAt = spAt;
        while (epAt + (texts[ep] as string).length < matchEnd) epAt += (texts[ep++] as string).length;
        list ??= [];
        list.push({
          termId: (patterns[found[k] as number] as Pattern).termId,
          container,
          startNode: nodes[sp] as Text,
          startOffset: start - spAt,
          endNode: nodes[ep] as Text,
          endOffset: matchEnd - epAt,
          nodes: sp === ep ? null : nodes.slice(sp, ep + 1),
        });
      }
      if (list !== null) {
        const known = this.byContainer.get(container);
        if (known) for (const match of list) known.push(match);
        else this.byContainer.set(container, list);
        this.sink.add(container, list);
        added += list.length;
      }
      piece = end;
      at = runEnd + RUN_SEPARATOR.length;
    }
    batch.clear();
    return added;
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
