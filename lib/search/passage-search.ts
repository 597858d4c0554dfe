import type { AdminLevel } from '../corpus/types';
import type { PolicyDatabase } from '../db/database';
import type { PassageRecord, ReportRecord } from '../db/records';
import { normalizeKey } from '../text/fold';
import { findSpans, foldWithOffsets } from './fold-map';

export interface PassageFilters {
  reportIds?: readonly string[];
  levels?: readonly AdminLevel[];
  /** Substring of the report's region (福建, 全国, 浙江 …). */
  region?: string;
  year?: string;
}

export interface PassageHit {
  passage: PassageRecord;
  report: ReportRecord;
  /** [start, end) of each occurrence in the passage text. */
  spans: [number, number][];
}

/**
 * Candidate passage ids for a query key from the persisted bigram index: the passages holding
 * every bigram of the key. Starts from the rarest bigram and intersects, so common characters
 * cost nothing once a rare pair has narrowed the set.
 */
async function candidates(db: PolicyDatabase, key: string): Promise<string[]> {
  // one character: a character that only ends a text is in no bigram's first place, so every
  // passage is a candidate and the substring test decides
  if (key.length === 1) return (await db.passages.toCollection().primaryKeys()) as string[];
  const grams = [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
  const lists = await Promise.all(grams.map((g) => db.passages.where('grams').equals(g).primaryKeys()));
  lists.sort((a, b) => a.length - b.length);
  let ids = new Set(lists[0] as string[]);
  for (const list of lists.slice(1)) {
    if (ids.size === 0) break;
    const next = new Set(list as string[]);
    ids = new Set([...ids].filter((id) => next.has(id)));
  }
  return [...ids];
}

function passes(report: ReportRecord, filters: PassageFilters): boolean {
  if (filters.reportIds?.length && !filters.reportIds.includes(report.id)) return false;
  if (filters.levels?.length && !filters.levels.includes(report.level)) return false;
  if (filters.region && !report.region.includes(filters.region)) return false;
  if (filters.year && !report.date.startsWith(filters.year)) return false;
  return true;
}

/**
 * Passages containing the query (after the shared normalisation: quotes and spaces ignored,
 * traditional folded to simplified), ranked national first, then by occurrences, then report
 * order. Candidates come from the index; each is confirmed by a substring test.
 */
export async function searchPassages(
  db: PolicyDatabase,
  query: string,
  filters: PassageFilters = {},
  limit = 50,
): Promise<{ hits: PassageHit[]; total: number }> {
  const key = normalizeKey(query);
  if (key.length === 0) return { hits: [], total: 0 };
  const [ids, reports] = await Promise.all([candidates(db, key), db.reports.toArray()]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const allowed = ids.filter((id) => {
    const report = reportById.get(id.slice(0, id.lastIndexOf(':')));
    return report !== undefined && passes(report, filters);
  });
  const passages = await db.passages.bulkGet(allowed);
  const hits: PassageHit[] = [];
  for (const passage of passages) {
    if (!passage) continue;
    const spans = findSpans(foldWithOffsets(passage.text), key);
    const report = reportById.get(passage.reportId);
    if (spans.length > 0 && report) hits.push({ passage, report, spans });
  }
  hits.sort(
    (a, b) =>
      a.report.levelRank - b.report.levelRank ||
      b.spans.length - a.spans.length ||
      a.report.id.localeCompare(b.report.id) ||
      a.passage.seq - b.passage.seq,
  );
  return { hits: hits.slice(0, limit), total: hits.length };
}
