import type { TermHitRecord } from '../corpus/records';
import type { PolicyDatabase } from './database';
import type { ReportTermCountsRecord } from './records';

// Per report, how many of its passages mention each term: what the cross-reference matrix shows,
// stored beside the hits (schema v7) so the page's first paint reads one small row per report
// instead of every hit. Every write that changes hits updates these rows in the same transaction:
// a report's row is written with its hits (seeding, adding, re-importing), goes with its other
// rows (REPORT_TABLES), and a term change moves its counts by the hits it took and gave.

type HitKey = Pick<TermHitRecord, 'termId' | 'reportId'>;

/** One row per report in `reportIds` (empty counts when it has no hit), counted from `hits`. */
export function reportTermCountRows(reportIds: Iterable<string>, hits: Iterable<HitKey>): ReportTermCountsRecord[] {
  const rows = new Map<string, ReportTermCountsRecord>();
  for (const reportId of reportIds) rows.set(reportId, { reportId, counts: {} });
  for (const hit of hits) {
    let row = rows.get(hit.reportId);
    if (!row) {
      row = { reportId: hit.reportId, counts: {} };
      rows.set(hit.reportId, row);
    }
    row.counts[hit.termId] = (row.counts[hit.termId] ?? 0) + 1;
  }
  return [...rows.values()];
}

/** A report's row counted from its stored hits (the reportId index; keys only, no hit is read whole). */
export async function recountReport(db: PolicyDatabase, reportId: string): Promise<ReportTermCountsRecord> {
  const keys = (await db.termHits.where('reportId').equals(reportId).primaryKeys()) as [string, string][];
  return reportTermCountRows(
    [reportId],
    keys.map(([termId]) => ({ termId, reportId })),
  )[0] as ReportTermCountsRecord;
}

/**
 * Moves the stored counts by a change of hits: `removed` hits are subtracted, `added` ones added,
 * only in the reports they belong to. A report without a row (written before rows existed, or by
 * hand) is counted again from its hits, which already hold the change.
 */
export async function applyHitDelta(
  db: PolicyDatabase,
  removed: readonly HitKey[],
  added: readonly HitKey[],
): Promise<void> {
  const delta = new Map<string, Map<string, number>>();
  const move = (hit: HitKey, by: number) => {
    let row = delta.get(hit.reportId);
    if (!row) {
      row = new Map();
      delta.set(hit.reportId, row);
    }
    row.set(hit.termId, (row.get(hit.termId) ?? 0) + by);
  };
  for (const hit of removed) move(hit, -1);
  for (const hit of added) move(hit, 1);
  // a hit replaced by an identical one moves nothing: skip the reports whose counts stay
  for (const [reportId, row] of delta) {
    for (const [termId, n] of row) if (n === 0) row.delete(termId);
    if (row.size === 0) delta.delete(reportId);
  }
  if (delta.size === 0) return;
  const ids = [...delta.keys()];
  const stored = await db.reportTermCounts.bulkGet(ids);
  const rows: ReportTermCountsRecord[] = [];
  for (const [i, reportId] of ids.entries()) {
    const row = stored[i];
    if (!row) {
      rows.push(await recountReport(db, reportId));
      continue;
    }
    const counts = { ...row.counts };
    for (const [termId, n] of delta.get(reportId) ?? []) {
      const next = (counts[termId] ?? 0) + n;
      if (next > 0) counts[termId] = next;
      else delete counts[termId];
    }
    rows.push({ reportId, counts });
  }
  await db.reportTermCounts.bulkPut(rows);
}
