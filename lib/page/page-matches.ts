import type { Matcher } from '../terms/matcher';
import { locate, type TextRun } from './text-blocks';

/** One occurrence of a catalogue term on the page. */
export interface PageMatch {
  termId: string;
  /** The text as the page writes it (quotes, spaces, traditional script and all). */
  form: string;
  container: Element;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The text nodes the match touches, with the part of each it covers: for hit-testing. */
  pieces: { node: Text; from: number; to: number }[];
}

/** Where marks are drawn: the highlight registry, or wrapped elements where there is none. */
export interface MarkSink {
  add(matches: readonly PageMatch[]): void;
  remove(matches: readonly PageMatch[]): void;
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
export function withOpeningQuote(text: string, start: number, end: number): number {
  if (start === 0) return start;
  for (let i = start; i < end; i++) {
    const opening = openingPartner(text.charCodeAt(i));
    if (opening !== 0) return opening === text.charCodeAt(start - 1) ? start - 1 : start;
  }
  return start;
}

/** Finds the matches of one run of text. */
export function matchRun(matcher: Matcher, run: TextRun): PageMatch[] {
  const out: PageMatch[] = [];
  matcher.scan(run.text, (pattern, rawStart, end) => {
    const start = withOpeningQuote(run.text, rawStart, end);
    const first = locate(run, start, false);
    const last = locate(run, end, true);
    const pieces: PageMatch['pieces'] = [];
    for (let i = first.index; i <= last.index; i++) {
      const node = run.nodes[i] as Text;
      const nodeStart = run.starts[i] as number;
      const from = Math.max(0, start - nodeStart);
      const to = Math.min(node.data.length, end - nodeStart);
      if (to > from) pieces.push({ node, from, to });
    }
    out.push({
      termId: (matcher.patterns[pattern] as { termId: string }).termId,
      form: run.text.slice(start, end),
      container: run.container,
      startNode: first.node,
      startOffset: first.offset,
      endNode: last.node,
      endOffset: last.offset,
      pieces,
    });
  });
  return out;
}

/**
 * Every match on the page, by block container, and by text node for hit-testing. Rescanning a
 * container replaces exactly its matches, so text changed by the page is re-marked without
 * touching the rest.
 */
export class PageMatches {
  private readonly byContainer = new Map<Element, PageMatch[]>();
  private byNode = new WeakMap<Text, PageMatch[]>();

  constructor(private readonly sink: MarkSink) {}

  /** Replaces the matches of the containers of `runs` (all runs of each container must be given). */
  replace(runs: readonly TextRun[], matcher: Matcher): PageMatch[] {
    return this.absorb(runs, matcher, new Set());
  }

  /**
   * Adds the matches of `runs`, for a scan that delivers a container's runs in several batches:
   * the first time a container is met (not yet in `seen`) its old matches are dropped.
   */
  absorb(runs: readonly TextRun[], matcher: Matcher, seen: Set<Element>): PageMatch[] {
    const added: PageMatch[] = [];
    for (const run of runs) {
      const container = run.container;
      if (!seen.has(container)) {
        seen.add(container);
        this.drop(container);
      }
      const found = matchRun(matcher, run);
      if (found.length === 0) continue;
      const list = this.byContainer.get(container);
      if (list) list.push(...found);
      else this.byContainer.set(container, found);
      for (const match of found) {
        for (const piece of match.pieces) {
          const onNode = this.byNode.get(piece.node);
          if (onNode) onNode.push(match);
          else this.byNode.set(piece.node, [match]);
        }
        added.push(match);
      }
    }
    if (added.length > 0) this.sink.add(added);
    return added;
  }

  /** Forgets a container's matches (its text changed or it left the page). */
  drop(container: Element): void {
    const old = this.byContainer.get(container);
    if (!old) return;
    this.byContainer.delete(container);
    for (const match of old) {
      for (const piece of match.pieces) {
        const list = this.byNode.get(piece.node);
        if (!list) continue;
        const kept = list.filter((m) => m !== match);
        if (kept.length > 0) this.byNode.set(piece.node, kept);
        else this.byNode.delete(piece.node);
      }
    }
    this.sink.remove(old);
  }

  /** Drops containers no longer in the document (removed by the page). */
  pruneDetached(): void {
    for (const container of [...this.byContainer.keys()]) if (!container.isConnected) this.drop(container);
  }

  clear(): void {
    const all = [...this.byContainer.values()].flat();
    this.byContainer.clear();
    this.byNode = new WeakMap();
    if (all.length > 0) this.sink.remove(all);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byContainer.values()) n += list.length;
    return n;
  }

  /** The match covering character `offset` of a text node, if any. */
  at(node: Text, offset: number): PageMatch | null {
    const list = this.byNode.get(node);
    if (!list) return null;
    for (const match of list) {
      for (const piece of match.pieces)
        if (piece.node === node && offset >= piece.from && offset < piece.to) return match;
    }
    return null;
  }

  /** Matches of the live page (connected containers only), in document order. */
  inDocumentOrder(): PageMatch[] {
    const all: PageMatch[] = [];
    for (const [container, list] of this.byContainer) if (container.isConnected) all.push(...list);
    return all.sort(compareMatches);
  }
}

/** Document order of two matches: by start node, then by offset inside it. */
export function compareMatches(a: PageMatch, b: PageMatch): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a
  return a.startNode.compareDocumentPosition(b.startNode) & 4 ? -1 : 1;
}
