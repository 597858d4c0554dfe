import { intersectSorted } from '../corpus/segments';
import type { AdminLevel } from '../corpus/types';
import type { PolicyDatabase } from '../db/database';
import { gramLists, type ReportDirectory, reportDirectory } from '../db/postings';
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
 * The bigrams a key is looked up by: all of them. (Every other one covers every character too and
 * reads fewer shards, but its candidate count, shown as the approximate total, was twice the true
 * one for 公立医院改革 in the 1,000-report bench, with no clear gain in time.)
 */
function lookupGrams(key: string): string[] {
  return [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
}

/**
 * Candidate passages for a query key, by directory row: those holding every bigram of the key,
 * from the index segments (intersected segment by segment: a passage lives in one segment).
 * Passage numbers map to reports by their firstPn ranges; numbers of deleted reports map to none.
 * A one-character key has no bigram of its own, so every passage is a candidate.
 */
async function candidates(db: PolicyDatabase, key: string): Promise<[ReportDirectory, Map<number, number[]>]> {
  const out = new Map<number, number[]>();
  if (key.length === 1) {
    const dir = await reportDirectory(db);
    for (const [row, n] of dir.passageCount.entries())
      out.set(
        row,
        Array.from({ length: n }, (_, i) => i),
      );
    return [dir, out];
  }
  // one read transaction for both: a transaction costs a round trip to the database process
  const [dir, bySegment] = await db.transaction('r', [db.reports, db.meta, db.segments, db.shards], () =>
    Promise.all([reportDirectory(db), gramLists(db, lookupGrams(key))]),
  );
  const rows = dir.firstPn.map((_, row) => row).sort((a, b) => (dir.firstPn[a] as number) - (dir.firstPn[b] as number));
  for (const lists of bySegment) {
    if (lists.some((list) => list === null || list.length === 0)) continue;
    const pns = intersectSorted(lists as Uint32Array[]);
    // pns ascend: walk the reports by firstPn alongside
    let r = 0;
    for (const pn of pns) {
      while (r + 1 < rows.length && (dir.firstPn[rows[r + 1] as number] as number) <= pn) r++;
      const row = rows[r] as number;
      const first = dir.firstPn[row] as number;
      if (first > pn || pn >= first + (dir.passageCount[row] as number)) continue;
      const seqs = out.get(row);
      if (seqs) seqs.push(pn - first);
      else out.set(row, [pn - first]);
    }
  }
  return [dir, out];
}

/** Candidates beyond this many are confirmed only as far as the page of results needs. */
const CONFIRM_ALL_UP_TO = 100;
const CHUNK = 64;

function passes(dir: ReportDirectory, row: number, filters: PassageFilters): boolean {
  if (filters.reportIds?.length && !filters.reportIds.includes(dir.id[row] as string)) return false;
  if (filters.levels?.length && !filters.levels.includes(dir.level[row] as AdminLevel)) return false;
  if (filters.region && !(dir.region[row] as string).includes(filters.region)) return false;
  if (filters.year && !(dir.date[row] as string).startsWith(filters.year)) return false;
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
  const [dir, found] = await candidates(db, key);
  // national first, then newer, then report by report in reading order
  const rowsByRank = [...found.keys()]
    .filter((row) => passes(dir, row, filters))
    .sort(
      (a, b) =>
        (dir.levelRank[a] as number) - (dir.levelRank[b] as number) ||
        (dir.date[b] as string).localeCompare(dir.date[a] as string) ||
        (dir.id[a] as string).localeCompare(dir.id[b] as string),
    );
  let candidateCount = 0;
  for (const row of rowsByRank) candidateCount += (found.get(row) as number[]).length;
  // two characters: the bigram postings are exact, no passage needs loading to be counted
  const exactByIndex = key.length === 2;
  // one character: every passage is a candidate and the substring test is the only judge
  const confirmAll = key.length === 1 || (!exactByIndex && candidateCount <= CONFIRM_ALL_UP_TO);
  const hits: PassageHit[] = [];
  let confirmed = 0;
  const queue = (function* () {
    for (const row of rowsByRank) {
      const seqs = (found.get(row) as number[]).sort((a, b) => a - b);
      for (const seq of seqs) yield { reportId: dir.id[row] as string, id: `${dir.id[row]}:${seq}` };
    }
  })();
  const reports = new Map<string, ReportRecord | undefined>();
  for (;;) {
    if (hits.length >= limit && !confirmAll) break;
    const chunk: { reportId: string; id: string }[] = [];
    for (let next = queue.next(); !next.done; next = queue.next()) {
      chunk.push(next.value);
      if (chunk.length === CHUNK) break;
    }
    if (chunk.length === 0) break;
    const passages = await db.passages.bulkGet(chunk.map((c) => c.id));
    const shown: { passage: PassageRecord; reportId: string; spans: [number, number][] }[] = [];
    passages.forEach((passage, i) => {
      if (!passage) return;
      const spans = findSpans(foldWithOffsets(passage.text), key);
      if (spans.length === 0) return;
      confirmed++;
      if (hits.length + shown.length < limit)
        shown.push({ passage, reportId: (chunk[i] as { reportId: string }).reportId, spans });
    });
    // the full report rows, only for the reports of the hits shown
    const missing = [...new Set(shown.map((f) => f.reportId))].filter((id) => !reports.has(id));
    if (missing.length > 0) {
      const rows = await db.reports.bulkGet(missing);
      missing.forEach((id, i) => {
        reports.set(id, rows[i]);
      });
    }
    for (const f of shown) {
      const report = reports.get(f.reportId);
      if (report) hits.push({ passage: f.passage, report, spans: f.spans });
    }
  }
  const exact = exactByIndex || confirmAll;
  return { hits, total: exact && !exactByIndex ? confirmed : candidateCount, exact };
}
