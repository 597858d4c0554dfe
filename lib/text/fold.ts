import { CJK_FOLD } from './cjk-fold-table';
import { decodeFoldPairs } from './fold-pairs';
import { TRAD_FOLD } from './trad-fold-table';

/** The generated tables as (from, to) code-unit pairs: traditional → simplified, look-alike → unified. */
const TRAD_FOLD_PAIRS = decodeFoldPairs(TRAD_FOLD);
const CJK_FOLD_PAIRS = decodeFoldPairs(CJK_FOLD);

/**
 * One table, indexed by UTF-16 code unit, shared by ingestion, the catalogue and the page scanner,
 * so that “三医”协同, 三 医协同 and 三醫協同 all reach the same key.
 * A value of IGNORABLE means the code unit is skipped when matching (quotes, white space, line
 * breaks); any other value is the folded code unit.
 */
export const IGNORABLE = 0;

const IGNORED_CHARS =
  // white space and line breaks, including the ideographic space and no-break space
  ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000' +
  // invisible characters print extraction and CMSs leave inside words
  '\u00ad\u200b\u200c\u200d\u2060\ufeff' +
  // quotation marks of every style Chinese pages use around a programme name
  '"\'\u2018\u2019\u201c\u201d\u201e\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07' +
  // hyphens, so close-knit, close knit and closeknit meet (spaces are already ignored)
  '-\u2010\u2011\uff0d';

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // ASCII upper case → lower case, so English aliases match in any case
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // full-width ASCII forms → ASCII (then lower case)
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = c - 0xfee0;
    table[c] = ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  for (let i = 0; i + 1 < TRAD_FOLD_PAIRS.length; i += 2) {
    table[TRAD_FOLD_PAIRS.charCodeAt(i)] = TRAD_FOLD_PAIRS.charCodeAt(i + 1);
  }
  // radicals and compatibility ideographs fold to the unified ideograph, and on from there
  // (⼯ → 工; a compatibility form of a traditional character on to its simplified form)
  for (let i = 0; i + 1 < CJK_FOLD_PAIRS.length; i += 2) {
    table[CJK_FOLD_PAIRS.charCodeAt(i)] = table[CJK_FOLD_PAIRS.charCodeAt(i + 1)] as number;
  }
  for (let i = 0; i < IGNORED_CHARS.length; i++) table[IGNORED_CHARS.charCodeAt(i)] = IGNORABLE;
  return table;
}

export const FOLD: Uint16Array = buildFoldTable();

/**
 * What the fold table is made of, as one string: anything keyed by folded text (term hits, search
 * postings) must be rebuilt when it changes, so the corpus version includes it.
 */
export const FOLD_SIGNATURE = `${IGNORED_CHARS}|${TRAD_FOLD_PAIRS}|${CJK_FOLD_PAIRS}`;

/**
 * Calls `visit` with every code unit the table may change (ASCII capitals, full-width forms, the
 * generated pairs' sources): the few ranges to look at instead of all 65,536 entries.
 */
export function forEachFoldSource(visit: (raw: number) => void): void {
  for (let c = 0x41; c <= 0x5a; c++) visit(c);
  for (let c = 0xff01; c <= 0xff5e; c++) visit(c);
  for (let i = 0; i < TRAD_FOLD_PAIRS.length; i += 2) visit(TRAD_FOLD_PAIRS.charCodeAt(i));
  for (let i = 0; i < CJK_FOLD_PAIRS.length; i += 2) visit(CJK_FOLD_PAIRS.charCodeAt(i));
}

let sourcePairs: Uint16Array | null = null;

/**
 * (raw, folded) pairs of every code unit the table folds to another character (not ignorable),
 * worked out once and shared: each matcher points the raw forms of its first characters at their
 * nodes from this list, where a pass of its own over the fold sources cost a fresh page about a
 * millisecond per matcher.
 */
export function foldSourcePairs(): Uint16Array {
  if (sourcePairs === null) {
    // forEachFoldSource's ranges, read in loops of their own (no call per code unit: this runs
    // once per page, on cold code)
    const pairs = new Uint16Array(2 * (26 + 94 + (TRAD_FOLD_PAIRS.length + CJK_FOLD_PAIRS.length) / 2));
    let n = 0;
    const add = (raw: number): void => {
      const folded = FOLD[raw] as number;
      if (folded !== raw && folded !== IGNORABLE) {
        pairs[n++] = raw;
        pairs[n++] = folded;
      }
    };
    for (let c = 0x41; c <= 0x5a; c++) add(c);
    for (let c = 0xff01; c <= 0xff5e; c++) add(c);
    for (const table of [TRAD_FOLD_PAIRS, CJK_FOLD_PAIRS]) {
      for (let i = 0; i < table.length; i += 2) {
        const raw = table.charCodeAt(i);
        const folded = FOLD[raw] as number;
        if (folded !== raw && folded !== IGNORABLE) {
          pairs[n++] = raw;
          pairs[n++] = folded;
        }
      }
    }
    sourcePairs = pairs.slice(0, n);
  }
  return sourcePairs;
}

let sources: Map<number, number[]> | null = null;

/**
 * Every code unit that folds to `folded` (itself included when it folds to itself). Worked out from
 * the few ranges that do not fold to themselves, so callers need not read all 65,536 entries.
 */
export function codeUnitsFoldingTo(folded: number): number[] {
  if (sources === null) {
    const map = new Map<number, number[]>();
    const add = (raw: number) => {
      const to = FOLD[raw] as number;
      if (to === IGNORABLE || to === raw) return;
      const list = map.get(to);
      if (list) list.push(raw);
      else map.set(to, [raw]);
    };
    forEachFoldSource(add);
    sources = map;
  }
  const others = sources.get(folded) ?? [];
  return FOLD[folded] === folded ? [folded, ...others] : others;
}

/** The matching key of a string: folded, with ignorable characters removed. */
export function normalizeKey(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text.charCodeAt(i)] as number;
    if (c !== IGNORABLE) out += String.fromCharCode(c);
  }
  return out;
}

/** True for ASCII letters and digits, the characters that make up a Latin word. */
export function isLatinWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}
