import Fuse from 'fuse.js';
import type { TermEntry } from '../terms/types';
import { normalizeKey } from '../text/fold';
import { TERM_PINYIN } from './term-pinyin';

export interface TermHit {
  term: TermEntry;
  /** The name or alias that matched (for a pinyin match, the canonical name). */
  matched: string;
  /** 0 exact, 1 a name starts with the query, 2 a name contains it, 3 the query contains a name, 4 fuzzy. */
  tier: number;
  score: number;
}

interface Entry {
  term: TermEntry;
  name: string;
  key: string;
}

export interface TermSearchOptions {
  /**
   * Pinyin keys (full and initials, see lib/terms/pinyin.ts) by term id. Defaults to the table
   * generated for the bundled catalogue; a user's terms bring their own, computed when added.
   */
  pinyin?: Readonly<Record<string, readonly string[]>>;
}

const LATIN_QUERY = /^[a-z]+$/u;
/** Below this length a Latin query gets no fuzzy matches: three letters fuzzily match almost anything. */
const MIN_FUZZY_LATIN = 5;

/**
 * Term lookup for short Chinese queries, and pinyin ones. Exact and whole-name matches must rank
 * above fuzzy ones, which a plain Fuse score does not guarantee for two- and three-character
 * names, so matches are tiered first (exact, prefix, substring, query contains the name) and
 * Fuse fills in only the fuzzy tier (a typo such as 三医协调 → 三医协同). A query of letters is
 * also compared with the names' pinyin and initials (sycx, qxgc, jinmixing); it is fuzzily
 * compared only with Latin names, and only from five letters on, so DRG finds DRG/DIP and no
 * Chinese name that happens to share letters with an English alias.
 */
export class TermSearch {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;
  private readonly latinFuse: Fuse<Entry>;
  private readonly pinyin: { term: TermEntry; key: string }[];

  constructor(terms: readonly TermEntry[], options: TermSearchOptions = {}) {
    this.entries = terms.flatMap((term) =>
      [term.canonical, ...term.aliases].map((name) => ({ term, name, key: normalizeKey(name) })),
    );
    const fuseOptions = {
      keys: ['key'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.45,
      minMatchCharLength: 2,
    };
    this.fuse = new Fuse(
      this.entries.filter((e) => !/^[\x20-\x7e]*$/u.test(e.key)),
      fuseOptions,
    );
    this.latinFuse = new Fuse(
      this.entries.filter((e) => /^[\x20-\x7e]*$/u.test(e.key)),
      { ...fuseOptions, threshold: 0.3 },
    );
    const table = options.pinyin ?? TERM_PINYIN;
    this.pinyin = terms.flatMap((term) => (table[term.id] ?? []).map((key) => ({ term, key })));
  }

  search(query: string, limit = 8): TermHit[] {
    const key = normalizeKey(query);
    if (key.length === 0) return [];
    const best = new Map<string, TermHit>();
    const offer = (hit: TermHit) => {
      const current = best.get(hit.term.id);
      if (!current || hit.tier < current.tier || (hit.tier === current.tier && hit.score < current.score)) {
        best.set(hit.term.id, hit);
      }
    };
    for (const { term, name, key: nameKey } of this.entries) {
      let tier = -1;
      if (nameKey === key) tier = 0;
      else if (nameKey.startsWith(key)) tier = 1;
      else if (nameKey.includes(key)) tier = 2;
      else if (key.length >= 2 && nameKey.length >= 2 && key.includes(nameKey)) tier = 3;
      // within a tier, names closer in length to the query first; the canonical name wins ties
      if (tier >= 0)
        offer({
          term,
          matched: name,
          tier,
          score: Math.abs(nameKey.length - key.length) + (name === term.canonical ? 0 : 0.5),
        });
    }
    const latin = LATIN_QUERY.test(key);
    if (latin && key.length >= 2) {
      for (const { term, key: pinyinKey } of this.pinyin) {
        let tier = -1;
        if (pinyinKey === key) tier = 1;
        else if (pinyinKey.startsWith(key)) tier = 1;
        else if (key.length >= 4 && pinyinKey.includes(key)) tier = 2;
        // the shortest pinyin key that fits stands for the term: sycx is 三医协同, not its long forms
        if (tier >= 0)
          offer({ term, matched: term.canonical, tier, score: 0.25 + Math.abs(pinyinKey.length - key.length) });
      }
    }
    if (!latin && key.length >= 2) {
      for (const result of this.fuse.search(key, { limit: 20 })) {
        offer({ term: result.item.term, matched: result.item.name, tier: 4, score: result.score ?? 1 });
      }
    } else if (latin && key.length >= MIN_FUZZY_LATIN) {
      for (const result of this.latinFuse.search(key, { limit: 20 })) {
        offer({ term: result.item.term, matched: result.item.name, tier: 4, score: result.score ?? 1 });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.tier - b.tier || a.score - b.score || b.term.canonical.length - a.term.canonical.length)
      .slice(0, limit);
  }
}
