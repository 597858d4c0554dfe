import { FOLD, IGNORABLE, isLatinWordChar } from '../text/fold';

/** A written form to look for, and what it stands for. */
export interface Pattern {
  termId: string;
  /** The alias (or canonical name) as written in the catalogue. */
  form: string;
}

/** One occurrence: pattern index, and [start, end) in UTF-16 offsets of the original text. */
export interface Match {
  pattern: number;
  start: number;
  end: number;
}

const NO_NODE = -1;

/**
 * Multi-pattern matcher: one left-to-right pass over a text finds every pattern, leftmost-longest
 * and non-overlapping. Both text and patterns go through the shared fold table, so quotes, white
 * space and line breaks between a term's characters are skipped and traditional script meets
 * simplified. Offsets are reported in the original text, so callers can highlight what was matched.
 *
 * The trie's first level is a dense array (most text characters start no pattern, and that test
 * must be one typed-array read); deeper levels are rare and live in a map keyed by node and char.
 */
export class Matcher {
  readonly patterns: readonly Pattern[];
  private readonly rootChild = new Int32Array(0x10000).fill(NO_NODE);
  private readonly children = new Map<number, number>();
  private terminal: number[] = [NO_NODE]; // node → pattern index
  private readonly latinStart: boolean[] = [];
  private readonly latinEnd: boolean[] = [];

  constructor(patterns: readonly Pattern[]) {
    this.patterns = patterns;
    for (const [index, pattern] of patterns.entries()) this.insert(pattern.form, index);
  }

  private insert(form: string, index: number): void {
    let node = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < form.length; i++) {
      const c = FOLD[form.charCodeAt(i)] as number;
      if (c === IGNORABLE) continue;
      if (first < 0) first = c;
      last = c;
      node = this.childOrCreate(node, c);
    }
    if (node === 0) return; // nothing but ignorable characters
    this.latinStart[index] = isLatinWordChar(first);
    this.latinEnd[index] = isLatinWordChar(last);
    // On a duplicate key the first pattern wins; the catalogue test forbids duplicates across terms.
    if (this.terminal[node] === NO_NODE) this.terminal[node] = index;
  }

  private childOrCreate(node: number, c: number): number {
    const existing = this.child(node, c);
    if (existing !== NO_NODE) return existing;
    const created = this.terminal.length;
    this.terminal.push(NO_NODE);
    if (node === 0) this.rootChild[c] = created;
    else this.children.set(node * 0x10000 + c, created);
    return created;
  }

  private child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c] as number;
    return this.children.get(node * 0x10000 + c) ?? NO_NODE;
  }

  /**
   * Calls `onMatch` for every match, in text order. One pass over the text: a position that starts
   * no pattern costs one fold-table and one root-table read; only where a pattern could start does
   * the trie walk forward, skipping ignorable characters as it goes.
   */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const n = text.length;
    const rootChild = this.rootChild;
    const terminal = this.terminal;
    for (let i = 0; i < n; i++) {
      const c = FOLD[text.charCodeAt(i)] as number;
      if (c === IGNORABLE) continue;
      let node = rootChild[c] as number;
      if (node === NO_NODE) continue;
      let best = NO_NODE;
      let bestEnd = i;
      let j = i;
      for (;;) {
        const p = terminal[node] as number;
        if (p !== NO_NODE && this.boundaryOk(text, p, i, j)) {
          best = p;
          bestEnd = j;
        }
        let k = j + 1;
        let next = IGNORABLE;
        for (; k < n; k++) {
          next = FOLD[text.charCodeAt(k)] as number;
          if (next !== IGNORABLE) break;
        }
        if (k >= n) break;
        node = this.child(node, next);
        if (node === NO_NODE) break;
        j = k;
      }
      if (best !== NO_NODE) {
        onMatch(best, i, bestEnd + 1);
        i = bestEnd;
      }
    }
  }

  findAll(text: string): Match[] {
    const out: Match[] = [];
    this.scan(text, (pattern, start, end) => out.push({ pattern, start, end }));
    return out;
  }

  /** A Latin alias must not start or end inside a Latin word ("drg" is not in "hundreds"). */
  private boundaryOk(text: string, pattern: number, first: number, last: number): boolean {
    if (this.latinStart[pattern] && first > 0 && isLatinWordChar(text.charCodeAt(first - 1))) return false;
    if (this.latinEnd[pattern] && last + 1 < text.length && isLatinWordChar(text.charCodeAt(last + 1))) return false;
    return true;
  }
}
