import type { ClippingRecord } from '../../lib/db/records';

export interface ClippingFilters {
  term: string;
  tag: string;
  site: string;
  /** YYYY-MM-DD, inclusive, local time; '' for open. */
  from: string;
  to: string;
  notFoundOnly: boolean;
}

export const NO_FILTERS: ClippingFilters = { term: '', tag: '', site: '', from: '', to: '', notFoundOnly: false };

function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

/** Applies the filters and (when given) the search result to clippings already newest first. */
export function applyFilters(
  clippings: readonly ClippingRecord[],
  filters: ClippingFilters,
  searchIds: ReadonlySet<string> | null,
): ClippingRecord[] {
  const from = filters.from ? dayStart(filters.from) : Number.NEGATIVE_INFINITY;
  const to = filters.to ? dayStart(filters.to) + 86_400_000 : Number.POSITIVE_INFINITY;
  return clippings.filter(
    (c) =>
      (searchIds === null || searchIds.has(c.id)) &&
      (!filters.term || c.terms.includes(filters.term)) &&
      (!filters.tag || c.tags.includes(filters.tag)) &&
      (!filters.site || (c.site ?? '') === filters.site) &&
      c.createdAt >= from &&
      c.createdAt < to &&
      (!filters.notFoundOnly || c.notFoundAt !== undefined),
  );
}

/** Distinct values of a field over all clippings, most frequent first. */
export function facet(
  clippings: readonly ClippingRecord[],
  values: (c: ClippingRecord) => readonly string[],
): string[] {
  const counts = new Map<string, number>();
  for (const c of clippings) for (const v of values(c)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
