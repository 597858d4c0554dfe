import type { PolicyDatabase } from '../../lib/db/database';
import type { ReportTermCountsRecord } from '../../lib/db/records';
import { recountReport } from '../../lib/db/report-term-counts';

/** Passages per term and report: term id → report id → count. */
export type HitMatrix = Map<string, Map<string, number>>;

/** The matrix from the stored per-report term counts (one row per report, schema v7). */
export function matrixFromCounts(rows: readonly ReportTermCountsRecord[]): HitMatrix {
  const matrix: HitMatrix = new Map();
  for (const { reportId, counts } of rows) {
    for (const termId in counts) {
      let row = matrix.get(termId);
      if (!row) {
        row = new Map();
        matrix.set(termId, row);
      }
      row.set(reportId, counts[termId] as number);
    }
  }
  return matrix;
}

/**
 * Every report's term counts. The page never reads hits for its first paint: each write of hits
 * keeps these rows (lib/db/report-term-counts.ts). A report that has none all the same (a
 * database written some other way) is counted from its own hits, so its column is never blank.
 */
export async function readCounts(
  db: PolicyDatabase,
  reportIds: readonly string[],
  rows: readonly ReportTermCountsRecord[],
): Promise<ReportTermCountsRecord[]> {
  const have = new Set(rows.map((r) => r.reportId));
  const missing = reportIds.filter((id) => !have.has(id));
  if (missing.length === 0) return [...rows];
  return [...rows, ...(await Promise.all(missing.map((id) => recountReport(db, id))))];
}
