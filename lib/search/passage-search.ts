import { intersectSorted } from '../corpus/segments';
import type { AdminLevel } from '../corpus/types';
import type { PolicyDatabase } from '../db/database';
import { gramLists } from '../db/postings';
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

/** A report's candidate passages, as seqs in reading order. */
interface ReportCandidates {
  report: ReportRecord;
  seqs: number[];
}

const byRank = (a: ReportRecord, b: ReportRecord) =>
  a.levelRank - b.levelRank || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/**
 * Candidate passages for a query key, by report: those holding every bigram of the key, from the
 * index segments (intersected segment by segment: a passage lives in one segment). Passage
 * numbers are mapped to reports by their firstPn ranges; numbers of deleted reports map to none.
 * A one-character key has no bigram of its own, so every passage is a candidate.
 */
async function candidates(db: PolicyDatabase, key: string): Promise<[ReportRecord[], Map<string, number[]>]> {
  const out = new Map<string, number[]>();
  if (key.length === 1) {
    const reports = await db.reports.toArray();
    for (const r of reports)
      out.set(
        r.id,
        Array.from({ length: r.passageCount }, (_, i) => i),
      );
    return [reports, out];
  }
  const grams = [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
  // one read transaction for both: a transaction costs a round trip to the database process
  const [reports, bySegment] = await db.transaction('r', [db.reports, db.segments, db.shards], () =>
    Promise.all([db.reports.toArray(), gramLists(db, grams)]),
  );
  const starts = reports
    .filter((r) => r.firstPn !== undefined)
    .sort((a, b) => (a.firstPn as number) - (b.firstPn as number));
  for (const lists of bySegment) {
    if (lists.some((list) => list === null || list.length === 0)) continue;
    const pns = intersectSorted(lists as Uint32Array[]);
    // pns ascend: walk the reports by firstPn alongside
    let r = 0;
    for (const pn of pns) {
      while (r + 1 < starts.length && ((starts[r + 1] as ReportRecord).firstPn as number) <= pn) r++;
      const report = starts[r];
      if (!report || (report.firstPn as number) > pn || pn >= (report.firstPn as number) + report.passageCount)
        continue;
      const seqs = out.get(report.id);
      if (seqs) seqs.push(pn - (report.firstPn as number));
      else out.set(report.id, [pn - (report.firstPn as number)]);
    }
  }
  return [reports, out];
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
  const [reports, found] = await candidates(db, key);
  // national first, then newer, then report by report in reading order
  const ordered: ReportCandidates[] = [];
  let candidateCount = 0;
  for (const report of [...reports].sort(byRank)) {
    const seqs = found.get(report.id);
    if (!seqs || !passes(report, filters)) continue;
    seqs.sort((a, b) => a - b);
    ordered.push({ report, seqs });
    candidateCount += seqs.length;
  }
  // two characters: the bigram postings are exact, no passage needs loading to be counted
  const exactByIndex = key.length === 2;
  // one character: every passage is a candidate and the substring test is the only judge
  const confirmAll = key.length === 1 || (!exactByIndex && candidateCount <= CONFIRM_ALL_UP_TO);
  const hits: PassageHit[] = [];
  let confirmed = 0;
  const queue = (function* () {
    for (const { report, seqs } of ordered) for (const seq of seqs) yield { report, id: `${report.id}:${seq}` };
  })();
  for (;;) {
    if (hits.length >= limit && !confirmAll) break;
    const chunk: { report: ReportRecord; id: string }[] = [];
    for (let next = queue.next(); !next.done; next = queue.next()) {
      chunk.push(next.value);
      if (chunk.length === CHUNK) break;
    }
    if (chunk.length === 0) break;
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
  return { hits, total: exact && !exactByIndex ? confirmed : candidateCount, exact };
}
