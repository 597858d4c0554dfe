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
 * Candidate passage ids for a query key: those holding every bigram of the key, from the bigram
 * postings (one small record per bigram, intersected from the shortest list). A one-character
 * key has no bigram of its own, so every passage is a candidate.
 */
async function candidates(db: PolicyDatabase, key: string): Promise<string[]> {
  if (key.length === 1) return (await db.passages.toCollection().primaryKeys()) as string[];
  const grams = [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
  const rows = await db.gramPostings.bulkGet(grams);
  if (rows.some((row) => row === undefined)) return [];
  const lists = rows.map((row) => (row as { ids: string[] }).ids).sort((a, b) => a.length - b.length);
  let ids = lists[0] as string[];
  for (const list of lists.slice(1)) {
    if (ids.length === 0) break;
    const next = new Set(list);
    ids = ids.filter((id) => next.has(id));
  }
  return ids;
}

/** Candidates beyond this many are confirmed only as far as the page of results needs. */
const CONFIRM_ALL_UP_TO = 100;
const CHUNK = 64;

function passes(report: ReportRecord, filters: PassageFilters): boolean {
  if (filters.reportIds?.length && !filters.reportIds.includes(report.id)) return false;
  if (filters.levels?.length && !filters.levels.includes(report.level)) return false;
  if (filters.region && !report.region.includes(filters.region)) return false;
  if (filters.year && !report.date.startsWith(filters.year)) return false;
  return true;
}

/**
 * Passages containing the query (after the shared normalisation: quotes and spaces ignored,
 * traditional folded to simplified), national first, then report by report in reading order.
 * Candidates come from the bigram postings and are confirmed by a substring test, loading only
 * as many passages as the results need. `total` is exact when `exact`; otherwise (many
 * candidates of a long query) it is the candidate count, an upper bound.
 */
export async function searchPassages(
  db: PolicyDatabase,
  query: string,
  filters: PassageFilters = {},
  limit = 50,
): Promise<{ hits: PassageHit[]; total: number; exact: boolean }> {
  const key = normalizeKey(query);
  if (key.length === 0) return { hits: [], total: 0, exact: true };
  const [ids, reports] = await Promise.all([candidates(db, key), db.reports.toArray()]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const ordered = ids
    .map((id) => {
      const cut = id.lastIndexOf(':');
      return { id, report: reportById.get(id.slice(0, cut)), seq: Number(id.slice(cut + 1)) };
    })
    .filter(
      (c): c is { id: string; report: ReportRecord; seq: number } =>
        c.report !== undefined && passes(c.report, filters),
    )
    .sort(
      (a, b) =>
        a.report.levelRank - b.report.levelRank ||
        b.report.date.localeCompare(a.report.date) ||
        a.report.id.localeCompare(b.report.id) ||
        a.seq - b.seq,
    );
  // two characters: the bigram postings are exact, no passage needs loading to be counted
  const exactByIndex = key.length === 2;
  // one character: every passage is a candidate and the substring test is the only judge
  const confirmAll = key.length === 1 || (!exactByIndex && ordered.length <= CONFIRM_ALL_UP_TO);
  const hits: PassageHit[] = [];
  let confirmed = 0;
  for (let at = 0; at < ordered.length; at += CHUNK) {
    if (hits.length >= limit && !confirmAll) break;
    const chunk = ordered.slice(at, at + CHUNK);
    const passages = await db.passages.bulkGet(chunk.map((c) => c.id));
    passages.forEach((passage, i) => {
      if (!passage) return;
      const spans = findSpans(foldWithOffsets(passage.text), key);
      if (spans.length === 0) return;
      confirmed++;
      if (hits.length < limit) hits.push({ passage, report: (chunk[i] as { report: ReportRecord }).report, spans });
    });
  }
  const exact = exactByIndex || confirmAll;
  return { hits, total: exact && !exactByIndex ? confirmed : ordered.length, exact };
}
