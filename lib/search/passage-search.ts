import { intersectSorted } from '../corpus/segments';
import type { AdminLevel } from '../corpus/types';
import type { PolicyDatabase } from '../db/database';
import { gramLists, type ReportDirectory, reportDirectory } from '../db/postings';
import type { PassageRecord, ReportRecord } from '../db/records';
import { FOLD, normalizeKey } from '../text/fold';
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
 * The candidate passages of one report: seqs ascending. A report's postings live in one segment,
 * so this is normally a view of that segment's intersection (no copy: 健康 has 91,000 candidates
 * and the page shows 30); numbers from two segments are merged.
 */
interface RowCandidates {
  row: number;
  count: number;
  seq(i: number): number;
}

/** A run [start, end) of one segment's candidate numbers that falls in one report's range. */
interface Run {
  pns: ArrayLike<number>;
  start: number;
  end: number;
}

/** Report rows ordered by firstPn, and where each candidate number belongs: runs per row. */
function runsByRow(dir: ReportDirectory, bySegment: readonly ArrayLike<number>[]): Map<number, Run[]> {
  const rows = dir.firstPn.map((_, row) => row).sort((a, b) => (dir.firstPn[a] as number) - (dir.firstPn[b] as number));
  const out = new Map<number, Run[]>();
  for (const pns of bySegment) {
    // pns ascend: walk the reports by firstPn alongside, one run per report met
    let r = 0;
    let i = 0;
    while (i < pns.length) {
      const pn = pns[i] as number;
      while (r + 1 < rows.length && (dir.firstPn[rows[r + 1] as number] as number) <= pn) r++;
      const row = rows[r] as number;
      const first = dir.firstPn[row] as number;
      const end = first + (dir.passageCount[row] as number);
      if (rows.length === 0 || first > pn || pn >= end) {
        // a number of a deleted report (or before the first report): no live passage
        i++;
        continue;
      }
      let j = i + 1;
      while (j < pns.length && (pns[j] as number) < end) j++;
      const run = { pns, start: i, end: j };
      const runs = out.get(row);
      if (runs) runs.push(run);
      else out.set(row, [run]);
      i = j;
    }
  }
  return out;
}

function rowCandidates(dir: ReportDirectory, row: number, runs: readonly Run[]): RowCandidates {
  const first = dir.firstPn[row] as number;
  if (runs.length === 1) {
    const { pns, start, end } = runs[0] as Run;
    return { row, count: end - start, seq: (i) => (pns[start + i] as number) - first };
  }
  const seqs: number[] = [];
  for (const { pns, start, end } of runs) for (let i = start; i < end; i++) seqs.push((pns[i] as number) - first);
  seqs.sort((a, b) => a - b);
  return { row, count: seqs.length, seq: (i) => seqs[i] as number };
}

function passes(dir: ReportDirectory, row: number, filters: PassageFilters): boolean {
  if (filters.reportIds?.length && !filters.reportIds.includes(dir.id[row] as string)) return false;
  if (filters.levels?.length && !filters.levels.includes(dir.level[row] as AdminLevel)) return false;
  if (filters.region && !(dir.region[row] as string).includes(filters.region)) return false;
  if (filters.year && !(dir.date[row] as string).startsWith(filters.year)) return false;
  return true;
}

/** National first, then newer, then report by report (by id) — the order results are listed in. */
function byRank(dir: ReportDirectory) {
  return (a: number, b: number) =>
    (dir.levelRank[a] as number) - (dir.levelRank[b] as number) ||
    (dir.date[b] as string).localeCompare(dir.date[a] as string) ||
    (dir.id[a] as string).localeCompare(dir.id[b] as string);
}

/**
 * The candidates of a key of two or more characters, by report in rank order: those holding every
 * bigram of the key, from the index segments (intersected segment by segment: a passage lives in
 * one segment). Passage numbers map to reports by their firstPn ranges; numbers of deleted
 * reports map to none.
 */
async function indexCandidates(
  db: PolicyDatabase,
  key: string,
  filters: PassageFilters,
): Promise<{ dir: ReportDirectory; rows: RowCandidates[] }> {
  const [dir, bySegment] = await Promise.all([reportDirectory(db), gramLists(db, lookupGrams(key))]);
  const lists: ArrayLike<number>[] = [];
  for (const grams of bySegment) {
    if (grams.some((list) => list === null || list.length === 0)) continue;
    lists.push(grams.length === 1 ? (grams[0] as Uint32Array) : intersectSorted(grams as Uint32Array[]));
  }
  const runs = runsByRow(dir, lists);
  const rows = [...runs.keys()].filter((row) => passes(dir, row, filters)).sort(byRank(dir));
  return { dir, rows: rows.map((row) => rowCandidates(dir, row, runs.get(row) as Run[])) };
}

/** Every passage of every report passing the filters, in rank order: a one-character key has no bigram of its own. */
function everyPassage(dir: ReportDirectory, filters: PassageFilters): RowCandidates[] {
  return dir.id
    .map((_, row) => row)
    .filter((row) => passes(dir, row, filters))
    .sort(byRank(dir))
    .map((row) => ({ row, count: dir.passageCount[row] as number, seq: (i: number) => i }));
}

/** Candidates of a report not already more than this many times as many passages apart are read as one range. */
const RANGE_SLACK = 2;

/**
 * The passages of `seqs` (ascending) of one report, undefined where missing. Close seqs are read
 * with one range request on [reportId+seq] instead of one request each: IndexedDB charges mostly
 * per request (a round trip to the database process), and results come report by report.
 */
async function readPassages(
  db: PolicyDatabase,
  reportId: string,
  seqs: readonly number[],
): Promise<(PassageRecord | undefined)[]> {
  const lo = seqs[0] as number;
  const hi = seqs[seqs.length - 1] as number;
  if (seqs.length > 1 && hi - lo + 1 <= RANGE_SLACK * seqs.length + 4) {
    const range = await db.passages
      .where('[reportId+seq]')
      .between([reportId, lo], [reportId, hi], true, true)
      .toArray();
    const bySeq = new Map(range.map((p) => [p.seq, p]));
    return seqs.map((seq) => bySeq.get(seq));
  }
  return db.passages.bulkGet(seqs.map((seq) => `${reportId}:${seq}`));
}

/** Whether the folded text contains `c` (one folded character), without building the folded string. */
function containsFolded(text: string, c: number): boolean {
  for (let i = 0; i < text.length; i++) if (FOLD[text.charCodeAt(i)] === c) return true;
  return false;
}

/** Candidates beyond this many are confirmed only as far as the page of results needs. */
const CONFIRM_ALL_UP_TO = 100;
/** The largest read of passages at once while confirming (reads grow from what the page still needs). */
const MAX_CHUNK = 256;
/** A one-character key reads every passage: whole reports at a time, by range. */
const SCAN_CHUNK = 2048;

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
  // one read transaction for every read of the query: a transaction costs a round trip to the database process
  return db.transaction('r', [db.reports, db.meta, db.segments, db.shards, db.passages], async () => {
    const { dir, rows } =
      key.length === 1
        ? await reportDirectory(db).then((d) => ({ dir: d, rows: everyPassage(d, filters) }))
        : await indexCandidates(db, key, filters);
    let candidateCount = 0;
    for (const r of rows) candidateCount += r.count;
    // two characters: the bigram postings are exact, no passage needs loading to be counted
    const exactByIndex = key.length === 2;
    // one character: every passage is a candidate and the substring test is the only judge
    const confirmAll = key.length === 1 || (!exactByIndex && candidateCount <= CONFIRM_ALL_UP_TO);
    const single = key.length === 1 ? key.charCodeAt(0) : -1;
    const hits: PassageHit[] = [];
    const reports = new Map<string, Promise<ReportRecord | undefined>>();
    const reportRow = (id: string) => {
      let row = reports.get(id);
      if (!row) {
        row = db.reports.get(id);
        reports.set(id, row);
      }
      return row;
    };
    let confirmed = 0;
    let rowAt = 0;
    let seqAt = 0;
    let chunk = 0;
    while (rowAt < rows.length) {
      if (hits.length >= limit && !confirmAll) break;
      // read what the page still needs (exactly that when the index is exact), more while confirming
      const need = limit - hits.length;
      chunk = confirmAll
        ? single >= 0
          ? SCAN_CHUNK
          : MAX_CHUNK
        : exactByIndex
          ? need
          : Math.min(MAX_CHUNK, Math.max(need, 2 * chunk));
      const groups: { reportId: string; seqs: number[] }[] = [];
      for (let taken = 0; taken < chunk && rowAt < rows.length; ) {
        const r = rows[rowAt] as RowCandidates;
        const seqs: number[] = [];
        for (; seqAt < r.count && taken < chunk; seqAt++, taken++) seqs.push(r.seq(seqAt));
        groups.push({ reportId: dir.id[r.row] as string, seqs });
        if (seqAt === r.count) {
          rowAt++;
          seqAt = 0;
        }
      }
      // the report rows are read alongside the passages (only the ones a hit shown needs are awaited)
      const shownReports = hits.length < limit;
      const read = await Promise.all(
        groups.map(async (g) => {
          const report = shownReports ? reportRow(g.reportId) : undefined;
          return { g, passages: await readPassages(db, g.reportId, g.seqs), report };
        }),
      );
      for (const { g, passages, report } of read)
        for (const passage of passages) {
          if (!passage) continue;
          if (single >= 0) {
            if (!containsFolded(passage.text, single)) continue;
            confirmed++;
            if (hits.length >= limit) continue;
          }
          if (single < 0 && hits.length >= limit) {
            // beyond the page: counted, not shown (spans are worked out only for hits shown)
            if (findSpans(foldWithOffsets(passage.text), key).length > 0) confirmed++;
            continue;
          }
          const spans = findSpans(foldWithOffsets(passage.text), key);
          if (spans.length === 0) continue;
          if (single < 0) confirmed++;
          const row = await (report ?? reportRow(g.reportId));
          if (row) hits.push({ passage, report: row, spans });
        }
    }
    const exact = exactByIndex || confirmAll;
    return { hits, total: exact && !exactByIndex ? confirmed : candidateCount, exact };
  });
}
