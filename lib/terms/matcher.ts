import { FOLD, FOLD_SIGNATURE, foldSourcePairs, IGNORABLE, isLatinWordChar } from '../text/fold';
import { fnv1a } from '../text/hash';

/** A written form to look for, and what it stands for. */
export interface Pattern {
  termId: string;
  /** The alias (or canonical name) as written in the catalogue. */
  form: string;
  /**
   * Marked only where the scanned text passes the matcher's `context` check for this need (e.g.
   * 'health' for numbered formulas that other industries use too). Absent: always marked.
   */
  needs?: string;
}

export interface MatcherOptions {
  /**
   * Decides whether a text (what one `scan` call gets: a block of a page, a passage) is about what a
   * pattern's `needs` asks for. Called at most once per need and scan, and only when a pattern
   * with that need matched. Without it, patterns with a need are never reported.
   */
  context?: (text: string, needs: string) => boolean;
}

/** One occurrence: pattern index, and [start, end) in UTF-16 offsets of the original text. */
export interface Match {
  pattern: number;
  start: number;
  end: number;
}

/**
 * A built matcher's tables, plain data: kept in extension storage, it lets a content script start
 * matching without rebuilding the trie (a user with 10,000 aliases would otherwise pay for the
 * build on every page load). `fold` records the fold table it was built with; a table built with
 * another one is refused.
 */
export interface CompiledMatcher {
  format: 1;
  fold: string;
  patterns: Pattern[];
  nodeCount: number;
  /** First-level pairs (folded character, node), flattened. */
  roots: number[];
  /** Deeper edges as (key, child) pairs, flattened; the hash is rebuilt from them on restore. */
  edges: Int32Array;
  terminal: Int32Array;
  latinStart: Uint8Array;
  latinEnd: Uint8Array;
}

/**
 * A built matcher as compact text, for shipping a fixed catalogue inside a script: the trie in
 * preorder, one code unit per node, children sorted. Folded pattern characters are never ASCII
 * capitals (the fold table lowers them), so capitals serve as markers: `Y` after a node says a
 * term's first pattern (its canonical name, in a catalogue) ends there, `Z` that another pattern
 * ends there, `A`…`X` before a node go up 1…24 levels first. Patterns are numbered in the order
 * their ends appear, terms in the order their `Y`s appear, so a `Y` pattern's term needs no index:
 * only `Z` patterns list theirs. Restoring reads the text once into typed arrays (no trie is
 * built, no pattern folded); the restored patterns carry their matching key as `form` (the written
 * form is not shipped), and `packedTermKeys` reads each term's first key back as its name.
 */
export interface PackedMatcher {
  format: 3;
  fold: string;
  trie: string;
  /** Term ids, in the order of their `Y` patterns. */
  terms: readonly string[];
  /**
   * Per `Z` pattern, in order: 0 when its term is the previous pattern's (an alias next to its
   * name, an English plural), otherwise 1 + its term's index in `terms`.
   */
  otherTerms: readonly number[];
  needs: readonly string[];
  /**
   * The patterns with a context need, in pattern order, one number each:
   * (pattern − the previous such pattern) × needs.length + its index in `needs`.
   */
  patternNeeds: readonly number[];
}

const PACK_END = 0x5a; // 'Z'
const PACK_FIRST = 0x59; // 'Y'
const PACK_UP = 0x40; // 'A' - 1: 'A' goes up one level
const PACK_MAX_UP = PACK_FIRST - PACK_UP - 1;

const NO_NODE = -1;
/** Numbers in `scan`'s result buffer: 256 matches a batch. */
const SCAN_BATCH = 3 * 256;
/** Trie nodes are packed with a 16-bit character into one int32 key. */
const MAX_NODES = 0x10000;

/**
 * Multi-pattern matcher: one left-to-right pass over a text finds every pattern, leftmost-longest
 * and non-overlapping. Both text and patterns go through the shared fold table, so quotes, white
 * space and line breaks between a term's characters are skipped and traditional script meets
 * simplified. Offsets are reported in the original text, so callers can highlight what was matched.
 *
 * The trie's first level is one table indexed by the folded character, because most characters
 * start no pattern and that test must be two typed-array reads (fold, then the table). Deeper
 * levels are an open-addressing hash in typed arrays (node and character packed into one key).
 */
export class Matcher {
  readonly patterns: readonly Pattern[];
  /**
   * Code unit → first-level node, 0 for none, by raw code unit as well as by folded character: the
   * sources of each first character (traditional forms, capitals, full-width forms) point at its
   * node too, so a position that starts no pattern costs one read, without the fold table. Filled
   * from the fold table's few changed ranges (`foldSourcePairs`), not from all its entries.
   * IGNORABLE is 0 and no node below the root is 0, so an ignorable character reads 0 too.
   */
  private readonly rootChild = new Int32Array(0x10000);
  /** Per-matcher result buffer of `scan` (a scan nested in `onMatch` gets its own). */
  private scratch: Int32Array | null = null;
  private edgeKeys: Int32Array = new Int32Array(0);
  private edgeNodes: Int32Array = new Int32Array(0);
  private edgeMask = 0;
  private readonly terminal: Int32Array; // node → pattern index
  private readonly latinStart: Uint8Array;
  private readonly latinEnd: Uint8Array;
  private nodeCount = 1;
  private readonly rootChars: number[] = [];
  private readonly context: MatcherOptions['context'];
  private readonly hasNeeds: boolean;

  constructor(patterns: readonly Pattern[], options: MatcherOptions = {}, compiled?: CompiledMatcher) {
    this.patterns = patterns;
    this.context = options.context;
    this.hasNeeds = patterns.some((p) => p.needs !== undefined);
    if (compiled) {
      this.terminal = compiled.terminal;
      this.latinStart = compiled.latinStart;
      this.latinEnd = compiled.latinEnd;
      this.allocateEdges(compiled.edges.length / 2);
      // putEdge, inlined: this loop runs on every page, before the code is optimised
      const { edges } = compiled;
      const keys = this.edgeKeys;
      const children = this.edgeNodes;
      const mask = this.edgeMask;
      for (let i = 0; i + 1 < edges.length; i += 2) {
        const key = edges[i] as number;
        let slot = edgeSlot(key, mask);
        while (keys[slot] !== 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        children[slot] = edges[i + 1] as number;
      }
      this.nodeCount = compiled.nodeCount;
      for (let i = 0; i + 1 < compiled.roots.length; i += 2) {
        const c = compiled.roots[i] as number;
        this.rootChild[c] = compiled.roots[i + 1] as number;
        this.rootChars.push(c);
      }
      this.addRootSources();
      return;
    }
    const terminal: number[] = [NO_NODE];
    this.latinStart = new Uint8Array(patterns.length);
    this.latinEnd = new Uint8Array(patterns.length);
    const edges = new Map<number, number>(); // edgeKey(node, char) → child, below the first level
    for (const [index, pattern] of patterns.entries()) this.insert(pattern.form, index, terminal, edges);
    this.terminal = Int32Array.from(terminal);
    this.compileEdges(edges);
    this.addRootSources();
  }

  /**
   * Points every code unit that folds to a first character at that character's node. (The fold is
   * idempotent, so no raw unit it changes is a first character itself.)
   */
  private addRootSources(): void {
    const rootChild = this.rootChild;
    const pairs = foldSourcePairs();
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const node = rootChild[pairs[i + 1] as number] as number;
      if (node !== 0) rootChild[pairs[i] as number] = node;
    }
  }

  private insert(form: string, index: number, terminal: number[], edges: Map<number, number>): void {
    let node = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < form.length; i++) {
      const c = FOLD[form.charCodeAt(i)] as number;
      if (c === IGNORABLE) continue;
      if (first < 0) first = c;
      last = c;
      let next = node === 0 ? (this.rootChild[c] as number) || NO_NODE : (edges.get(edgeKey(node, c)) ?? NO_NODE);
      if (next === NO_NODE) {
        next = this.nodeCount++;
        if (next >= MAX_NODES) throw new Error(`the term catalogue needs more than ${MAX_NODES} trie nodes`);
        terminal.push(NO_NODE);
        if (node === 0) {
          this.rootChild[c] = next;
          this.rootChars.push(c);
        } else {
          edges.set(edgeKey(node, c), next);
        }
      }
      node = next;
    }
    if (node === 0) return; // nothing but ignorable characters
    this.latinStart[index] = isLatinWordChar(first) ? 1 : 0;
    this.latinEnd[index] = isLatinWordChar(last) ? 1 : 0;
    // On a duplicate key the first pattern wins; the catalogue test forbids duplicates across terms.
    if (terminal[node] === NO_NODE) terminal[node] = index;
  }

  /** Moves the deeper edges into the typed-array hash, at most a quarter full so probes stay short. */
  private compileEdges(edges: Map<number, number>): void {
    this.allocateEdges(edges.size);
    for (const [key, child] of edges) this.putEdge(key, child);
  }

  private allocateEdges(count: number): void {
    let size = 16;
    while (size < count * 4) size *= 2;
    this.edgeKeys = new Int32Array(size); // key 0 never occurs: nodes below the root are ≥ 1
    this.edgeNodes = new Int32Array(size);
    this.edgeMask = size - 1;
  }

  private putEdge(key: number, child: number): void {
    let slot = edgeSlot(key, this.edgeMask);
    while (this.edgeKeys[slot] !== 0) slot = (slot + 1) & this.edgeMask;
    this.edgeKeys[slot] = key;
    this.edgeNodes[slot] = child;
  }

  private child(node: number, c: number): number {
    const key = edgeKey(node, c);
    const keys = this.edgeKeys;
    const mask = this.edgeMask;
    for (let slot = edgeSlot(key, mask); ; slot = (slot + 1) & mask) {
      const found = keys[slot] as number;
      if (found === key) return this.edgeNodes[slot] as number;
      if (found === 0) return NO_NODE;
    }
  }

  /**
   * Calls `onMatch` for every match, in text order. `onMatch` returning true ends the scan (a
   * caller counting words stops once it has enough).
   */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => unknown): void {
    // taken while in use: a scan nested in `onMatch` allocates its own
    const out = this.scratch ?? new Int32Array(SCAN_BATCH);
    this.scratch = null;
    try {
      for (let from = 0; ; ) {
        const n = this.scanInto(text, out, from);
        for (let k = 0; k < n; k += 3)
          if (onMatch(out[k] as number, out[k + 1] as number, out[k + 2] as number) === true) return;
        if (n + 3 <= out.length) return;
        from = out[n - 1] as number;
      }
    } finally {
      this.scratch = out;
    }
  }

  /**
   * Writes the matches of `text` from `from` on into `out` as (pattern, start, end) triples, in text
   * order, and returns how many numbers it wrote; when no room for another triple was left there
   * may be more, from the last end on. One pass over the text: a position that starts no pattern costs one table read;
   * only where a pattern could start does the trie walk forward, skipping ignorable characters as
   * it goes. No callback per match, so page scanning runs one monomorphic loop.
   */
  scanInto(text: string, out: Int32Array, from = 0): number {
    const rootChild = this.rootChild;
    const terminal = this.terminal;
    const keys = this.edgeKeys;
    const mask = this.edgeMask;
    const n = text.length;
    let written = 0;
    // context verdicts of this text, by need: worked out at the first match that asks
    let verdicts: Map<string, boolean> | null = null;
    for (let i = from; i < n; i++) {
      let node = rootChild[text.charCodeAt(i)] as number;
      if (node === 0) continue;
      // Characters that can start a pattern are common words (医, 县, 三): most starts are ruled
      // out by the next character, tested here with the first probe of the edge hash inlined.
      if (terminal[node] === NO_NODE && i + 1 < n) {
        const next = FOLD[text.charCodeAt(i + 1)] as number;
        if (next !== IGNORABLE) {
          const key = edgeKey(node, next);
          let slot = edgeSlot(key, mask);
          let found = keys[slot] as number;
          while (found !== key && found !== 0) {
            slot = (slot + 1) & mask;
            found = keys[slot] as number;
          }
          if (found === 0) continue;
        }
      }
      let best = NO_NODE;
      let bestEnd = i;
      let j = i;
      for (;;) {
        const pattern = terminal[node] as number;
        if (pattern !== NO_NODE && this.boundaryOk(text, pattern, i, j)) {
          best = pattern;
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
      if (best === NO_NODE) continue;
      if (this.hasNeeds) {
        const needs = this.patterns[best]?.needs;
        if (needs !== undefined) {
          verdicts ??= new Map();
          let verdict = verdicts.get(needs);
          if (verdict === undefined) {
            verdict = this.context?.(text, needs) ?? false;
            verdicts.set(needs, verdict);
          }
          // out of context: no mark, and the characters stay free for a pattern starting inside
          if (!verdict) continue;
        }
      }
      out[written] = best;
      out[written + 1] = i;
      out[written + 2] = bestEnd + 1;
      written += 3;
      if (written + 3 > out.length) return written;
      i = bestEnd;
    }
    return written;
  }

  /** The built tables as plain data (see CompiledMatcher); `Matcher.fromCompiled` restores them. */
  compile(): CompiledMatcher {
    return {
      format: 1,
      fold: foldFingerprint(),
      patterns: this.patterns.map((p) =>
        p.needs === undefined ? { termId: p.termId, form: p.form } : { termId: p.termId, form: p.form, needs: p.needs },
      ),
      nodeCount: this.nodeCount,
      roots: this.rootChars.flatMap((c) => [c, this.rootChild[c] as number]),
      edges: this.usedEdges(),
      terminal: this.terminal,
      latinStart: this.latinStart,
      latinEnd: this.latinEnd,
    };
  }

  private usedEdges(): Int32Array {
    const out: number[] = [];
    for (let slot = 0; slot < this.edgeKeys.length; slot++) {
      const key = this.edgeKeys[slot] as number;
      if (key !== 0) out.push(key, this.edgeNodes[slot] as number);
    }
    return Int32Array.from(out);
  }

  static fromCompiled(compiled: CompiledMatcher, options: MatcherOptions = {}): Matcher {
    checkFold(compiled.fold, 'compiled');
    return new Matcher(compiled.patterns, options, compiled);
  }

  /**
   * `bundled`: the table was packed at build from this very fold table (a unit test checks that the
   * generated module is current), so its fingerprint is not worked out again on every page: hashing
   * the fold table's description cost a fresh page 1–3 ms.
   */
  static fromPacked(packed: PackedMatcher, options: MatcherOptions = {}, bundled = false): Matcher {
    if (packed.format !== 3) throw new Error('packed matcher: unknown format');
    if (!bundled) checkFold(packed.fold, 'packed');
    const { trie, terms, otherTerms, needs } = packed;
    const size = trie.length + 1;
    const terminal = new Int32Array(size).fill(NO_NODE);
    const edges = new Int32Array(2 * size);
    const roots: number[] = [];
    const path = new Int32Array(size); // the nodes from the root down to the current one
    // each node's parent and character: a pattern's key is read back from them when asked for
    const keys: TrieKeys = { parent: new Int32Array(size), char: new Uint16Array(size) };
    const patterns: PackedPattern[] = [];
    const latinStart = new Uint8Array(size);
    const latinEnd = new Uint8Array(size);
    let depth = 0;
    let nodes = 1;
    let edgeCount = 0;
    let firsts = 0;
    let others = 0;
    let termId = ''; // the previous pattern's term
    for (let i = 0; i < trie.length; i++) {
      const c = trie.charCodeAt(i);
      if (c === PACK_END || c === PACK_FIRST) {
        const end = path[depth] as number;
        const index = patterns.length;
        terminal[end] = index;
        const other = c === PACK_END ? (otherTerms[others++] as number) : 0;
        if (c === PACK_FIRST) termId = terms[firsts++] as string;
        else if (other > 0) termId = terms[other - 1] as string;
        patterns.push(new PackedPattern(termId, end, keys));
        latinStart[index] = isLatinWordChar(keys.char[path[1] as number] as number) ? 1 : 0;
        latinEnd[index] = isLatinWordChar(keys.char[end] as number) ? 1 : 0;
      } else if (c > PACK_UP && c < PACK_FIRST) {
        depth -= c - PACK_UP;
      } else {
        const node = nodes++;
        const parent = path[depth] as number;
        if (parent === 0) roots.push(c, node);
        else {
          edges[edgeCount++] = edgeKey(parent, c);
          edges[edgeCount++] = node;
        }
        keys.parent[node] = parent;
        keys.char[node] = c;
        depth++;
        path[depth] = node;
      }
    }
    for (let i = 0, index = 0; i < packed.patternNeeds.length; i++) {
      const code = packed.patternNeeds[i] as number;
      index += Math.floor(code / needs.length);
      const pattern = patterns[index];
      if (pattern) pattern.needs = needs[code % needs.length];
    }
    return new Matcher(patterns, options, {
      format: 1,
      fold: packed.fold,
      patterns,
      nodeCount: nodes,
      roots,
      edges: edges.subarray(0, edgeCount),
      terminal: terminal.subarray(0, nodes),
      latinStart: latinStart.subarray(0, patterns.length),
      latinEnd: latinEnd.subarray(0, patterns.length),
    });
  }

  findAll(text: string): Match[] {
    const out: Match[] = [];
    this.scan(text, (pattern, start, end) => out.push({ pattern, start, end }));
    return out;
  }

  /** A Latin alias must not start or end inside a Latin word ("drg" is not in "hundreds"). */
  private boundaryOk(text: string, pattern: number, first: number, last: number): boolean {
    if (this.latinStart[pattern] === 1 && first > 0 && isLatinWordChar(text.charCodeAt(first - 1))) return false;
    if (this.latinEnd[pattern] === 1 && last + 1 < text.length && isLatinWordChar(text.charCodeAt(last + 1)))
      return false;
    return true;
  }
}

/**
 * A built matcher as compact text (see PackedMatcher); `Matcher.fromPacked` restores it. A
 * function apart from the class, read from the matcher's compiled tables: only build scripts pack,
 * and the content script, which restores, does not carry it.
 */
export function packMatcher(matcher: Matcher): PackedMatcher {
  const { patterns, nodeCount, roots, edges, terminal } = matcher.compile();
  // children of each node, sorted by character: the preorder is then fixed by the patterns alone
  const children: number[][] = Array.from({ length: nodeCount }, () => []);
  const charOf = new Int32Array(nodeCount);
  for (let i = 0; i + 1 < roots.length; i += 2) {
    const child = roots[i + 1] as number;
    (children[0] as number[]).push(child);
    charOf[child] = roots[i] as number;
  }
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const key = edges[i] as number;
    const child = edges[i + 1] as number;
    (children[key >>> 16] as number[]).push(child);
    charOf[child] = key & 0xffff;
  }
  for (const list of children) list.sort((a, b) => (charOf[a] as number) - (charOf[b] as number));
  // each term's first pattern that the trie holds (a form whose key is taken by an earlier
  // pattern never ends a node)
  const first = new Map<string, number>();
  for (const pattern of terminal)
    if (pattern !== NO_NODE) {
      const { termId } = patterns[pattern] as Pattern;
      if (pattern < (first.get(termId) ?? Number.POSITIVE_INFINITY)) first.set(termId, pattern);
    }
  const ends: { pattern: number; first: boolean }[] = [];
  let trie = '';
  let up = 0;
  const visit = (node: number) => {
    for (const child of children[node] as number[]) {
      const c = charOf[child] as number;
      if (c >= 0x41 && c <= PACK_END) throw new Error('packed matcher: a folded pattern holds an ASCII capital');
      for (; up > 0; up -= Math.min(up, PACK_MAX_UP)) trie += String.fromCharCode(PACK_UP + Math.min(up, PACK_MAX_UP));
      trie += String.fromCharCode(c);
      const pattern = terminal[child] as number;
      if (pattern !== NO_NODE) {
        const isFirst = first.get((patterns[pattern] as Pattern).termId) === pattern;
        trie += String.fromCharCode(isFirst ? PACK_FIRST : PACK_END);
        ends.push({ pattern, first: isFirst });
      }
      visit(child);
      up++;
    }
  };
  visit(0);
  const terms = ends.filter((e) => e.first).map((e) => (patterns[e.pattern] as Pattern).termId);
  const termIndex = new Map(terms.map((id, i) => [id, i]));
  const otherTerms: number[] = [];
  const needs: string[] = [];
  const patternNeeds: number[] = [];
  let previousTerm = '';
  for (const end of ends) {
    const { termId, needs: need } = patterns[end.pattern] as Pattern;
    if (!end.first) otherTerms.push(termId === previousTerm ? 0 : (termIndex.get(termId) as number) + 1);
    previousTerm = termId;
    if (need !== undefined && !needs.includes(need)) needs.push(need);
  }
  let previous = 0;
  for (const [index, end] of ends.entries()) {
    const need = (patterns[end.pattern] as Pattern).needs;
    if (need === undefined) continue;
    patternNeeds.push((index - previous) * needs.length + needs.indexOf(need));
    previous = index;
  }
  return { format: 3, fold: foldFingerprint(), trie, terms, otherTerms, needs, patternNeeds };
}

/**
 * Each term's first key in a packed matcher (the key of its canonical name, in a catalogue), by
 * term id: the names a script shipping the packed matcher need not ship again.
 */
export function packedTermKeys(packed: PackedMatcher): Map<string, string> {
  const keys = new Map<string, string>();
  let path = '';
  for (let i = 0; i < packed.trie.length; i++) {
    const c = packed.trie.charCodeAt(i);
    if (c === PACK_FIRST) keys.set(packed.terms[keys.size] as string, path);
    else if (c > PACK_UP && c < PACK_FIRST) path = path.slice(0, path.length - (c - PACK_UP));
    else if (c !== PACK_END) path += String.fromCharCode(c);
  }
  return keys;
}

let foldPrint: string | null = null;

/** A short fingerprint of the fold table, so a compiled matcher is never used with another one. */
/** A packed trie's nodes: parent and character of each, for reading a pattern's key back. */
interface TrieKeys {
  parent: Int32Array;
  char: Uint16Array;
}

/**
 * A pattern restored from a packed trie. Its `form` (the matching key) is read back from the trie
 * when asked for: the content script never asks, and building some 500 key strings node by node
 * was a share of every page's restore.
 */
class PackedPattern implements Pattern {
  needs?: string;
  constructor(
    readonly termId: string,
    private readonly end: number,
    private readonly keys: TrieKeys,
  ) {}

  get form(): string {
    const codes: number[] = [];
    for (let node = this.end; node !== 0; node = this.keys.parent[node] as number)
      codes.push(this.keys.char[node] as number);
    return String.fromCharCode(...codes.reverse());
  }
}

function checkFold(fold: string, kind: string): void {
  if (fold !== foldFingerprint()) throw new Error(`${kind} matcher: built with another fold table`);
}

function foldFingerprint(): string {
  foldPrint ??= `${fnv1a(FOLD_SIGNATURE)}-${fnv1a(FOLD_SIGNATURE, 0x12345678)}`;
  return foldPrint;
}

/**
 * A compiled matcher as a string for storage (extension storage holds JSON): typed arrays as
 * number lists, which JSON reads and writes faster than base64 strings a character at a time.
 */
export function serializeMatcher(compiled: CompiledMatcher): string {
  return JSON.stringify({
    ...compiled,
    edges: Array.from(compiled.edges),
    terminal: Array.from(compiled.terminal),
    latinStart: Array.from(compiled.latinStart),
    latinEnd: Array.from(compiled.latinEnd),
  });
}

export function deserializeMatcher(text: string): CompiledMatcher {
  const raw = JSON.parse(text);
  if (raw.format !== 1) throw new Error('compiled matcher: unknown format');
  return {
    ...raw,
    edges: Int32Array.from(raw.edges),
    terminal: Int32Array.from(raw.terminal),
    latinStart: Uint8Array.from(raw.latinStart),
    latinEnd: Uint8Array.from(raw.latinEnd),
  };
}

function edgeKey(node: number, c: number): number {
  return (node << 16) | c;
}

function edgeSlot(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 15) & mask;
}
