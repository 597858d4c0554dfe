import type { PolicyDatabase } from '../../lib/db/database';

/** Passages per term and report: term id → report id → count. */
export type HitMatrix = Map<string, Map<string, number>>;

/**
 * The report a passage id names: ingestion writes passage ids as `${reportId}:${seq}`. Null when the
 * id does not have that form or names no known report (the caller then reads the hit itself).
 */
export function reportOfPassage(passageId: string, reportIds: ReadonlySet<string>): string | null {
  const at = passageId.lastIndexOf(':');
  if (at <= 0) return null;
  const reportId = passageId.slice(0, at);
  return reportIds.has(reportId) ? reportId : null;
}

function add(matrix: HitMatrix, termId: string, reportId: string): void {
  let row = matrix.get(termId);
  if (!row) {
    row = new Map();
    matrix.set(termId, row);
  }
  row.set(reportId, (row.get(reportId) ?? 0) + 1);
}

/**
 * Passages per term and report from the hits' primary keys ([termId, passageId]) alone. Reading the
 * keys skips deserialising every hit's spans and forms: with a library of 1,000 reports (12,000
 * hits) the values cost 2–3 times as much as the keys in Chromium, and the matrix needs only
 * counts. A hit whose passage id does not name a known report is read in full (its reportId field
 * is the truth), so the counts equal a full scan whatever the id's form.
 */
export async function countHitsByKeys(db: PolicyDatabase, reportIds: ReadonlySet<string>): Promise<HitMatrix> {
  return countHitKeys(db, await hitKeys(db), reportIds);
}

/** Every hit's primary key, [termId, passageId] (one getAllKeys). */
export async function hitKeys(db: PolicyDatabase): Promise<[string, string][]> {
  return (await db.termHits.toCollection().primaryKeys()) as [string, string][];
}

/** The matrix from hit keys read beforehand (so the page reads them beside the reports). */
export async function countHitKeys(
  db: PolicyDatabase,
  keys: readonly [string, string][],
  reportIds: ReadonlySet<string>,
): Promise<HitMatrix> {
  const matrix: HitMatrix = new Map();
  const unresolved: [string, string][] = [];
  for (const key of keys) {
    const [termId, passageId] = key;
    const reportId = reportOfPassage(passageId, reportIds);
    if (reportId) add(matrix, termId, reportId);
    else unresolved.push(key);
  }
  if (unresolved.length > 0) {
    for (const hit of await db.termHits.bulkGet(unresolved)) if (hit) add(matrix, hit.termId, hit.reportId);
  }
  return matrix;
}
