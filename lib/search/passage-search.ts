import { Dexie } from 'dexie';
import type { AdminLevel } from '../corpus/types';
import type { PolicyDatabase } from '../db/database';
import type { PassageRecord, PostingRecord, ReportRecord } from '../db/records';
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

/** The postings of one bigram, over every report: one key range of [gram+reportId]. */
function postingsOf(db: PolicyDatabase, gram: string) {
  return db.postings.where('[gram+reportId]').between([gram, Dexie.minKey], [gram, Dexie.maxKey]).toArray();
}

/**
 * Candidate passage ids for a query key: those holding every bigram of the key, from the bigram
 * postings (one small record per bigram and report, intersected report by report). A
 * one-character key has no bigram of its own, so every passage is a candidate.
 */
async function candidates(db: PolicyDatabase, key: string): Promise<string[]> {
  if (key.length === 1) return (await db.passages.toCollection().primaryKeys()) as string[];
  const grams = [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
  const perGram = await Promise.all(grams.map((gram) => postingsOf(db, gram)));
  if (perGram.some((rows) => rows.length === 0)) return [];
  // reports holding every gram, then the passages holding every gram within each
  perGram.sort((a, b) => a.length - b.length);
  const byReport = new Map<string, number[][]>();
  for (const row of perGram[0] as PostingRecord[]) byReport.set(row.reportId, [row.seqs]);
  for (const rows of perGram.slice(1)) {
    const seen = new Set<string>();
    for (const row of rows) {
      const lists = byReport.get(row.reportId);
      if (!lists) continue;
      lists.push(row.seqs);
      seen.add(row.reportId);
    }
    for (const id of [...byReport.keys()]) if (!seen.has(id)) byReport.delete(id);
  }
  const ids: string[] = [];
  for (const [reportId, lists] of byReport) {
    lists.sort((a, b) => a.length - b.length);
    let seqs = lists[0] as number[];
    for (const list of lists.slice(1)) {
      if (seqs.length === 0) break;
      const next = new Set(list);
      seqs = seqs.filter((seq) => next.has(seq));
    }
    for (const seq of seqs) ids.push(`${reportId}:${seq}`);
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
