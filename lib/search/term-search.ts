import Fuse from 'fuse.js';
import type { TermEntry } from '../terms/types';
import { normalizeKey } from '../text/fold';

export interface TermHit {
  term: TermEntry;
  /** The name or alias that matched. */
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

/**
 * Term lookup for short Chinese queries. Exact and whole-name matches must rank above fuzzy ones,
 * which a plain Fuse score does not guarantee for two- and three-character names, so matches are
 * tiered first (exact, prefix, substring, query contains the name) and Fuse fills in only the
 * fuzzy tier (a typo such as 三医协调 → 三医协同).
 */
export class TermSearch {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;

  constructor(terms: readonly TermEntry[]) {
    this.entries = terms.flatMap((term) =>
      [term.canonical, ...term.aliases].map((name) => ({ term, name, key: normalizeKey(name) })),
    );
    this.fuse = new Fuse(this.entries, {
      keys: ['key'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.45,
      minMatchCharLength: 2,
    });
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
    if (key.length >= 2) {
      for (const result of this.fuse.search(key, { limit: 20 })) {
        offer({ term: result.item.term, matched: result.item.name, tier: 4, score: result.score ?? 1 });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.tier - b.tier || a.score - b.score || b.term.canonical.length - a.term.canonical.length)
      .slice(0, limit);
  }
}
