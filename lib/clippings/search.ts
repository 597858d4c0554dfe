import type { ClippingRecord } from '../db/records';
import { normalizeKey } from '../text/fold';
import { searchText } from './keys';

/**
 * Search over clippings held in memory (the clippings page has them all loaded for its list and
 * filters). Chinese is never split on white space: each word of the query — the user's own spaces
 * separate words — must occur as a substring of the clipping's normalised text (quote, note, tags,
 * term names, title, site), under the fold that makes 三醫協同, “三医”协同 and 三医协同 equal.
 * The normalised text of each record is computed once and cached by record object.
 */
export class ClippingSearch {
  private readonly texts = new WeakMap<ClippingRecord, string>();

  textOf(c: ClippingRecord): string {
    let text = this.texts.get(c);
    if (text === undefined) {
      text = searchText(c);
      this.texts.set(c, text);
    }
    return text;
  }

  /** Prepares the texts ahead of the first query. */
  warm(records: readonly ClippingRecord[]): void {
    for (const c of records) this.textOf(c);
  }

  /** Ids of the records matching every word of the query; null for an empty query (no filter). */
  ids(records: readonly ClippingRecord[], query: string): Set<string> | null {
    const words = queryWords(query);
    if (words.length === 0) return null;
    const ids = new Set<string>();
    for (const c of records) {
      const text = this.textOf(c);
      if (words.every((w) => text.includes(w))) ids.add(c.id);
    }
    return ids;
  }
}

export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/\s+/)
        .map(normalizeKey)
        .filter((w) => w.length > 0),
    ),
  ];
}
