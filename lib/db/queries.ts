import type { PolicyDatabase } from './database';
import type { ReportRecord, TermRecord } from './records';
import { CORPUS_VERSION_KEY } from './seed';

export async function corpusReady(db: PolicyDatabase): Promise<boolean> {
  return (await db.meta.get(CORPUS_VERSION_KEY)) !== undefined;
}

/** Reports in display order: national first, then several provinces, provincial, municipal; newest first within a level. */
export async function reportsInOrder(db: PolicyDatabase): Promise<ReportRecord[]> {
  const reports = await db.reports.toArray();
  return reports.sort((a, b) => a.levelRank - b.levelRank || b.date.localeCompare(a.date));
}

export async function termsByHits(db: PolicyDatabase, limit: number): Promise<TermRecord[]> {
  const terms = await db.terms.toArray();
  return terms.sort((a, b) => b.hitCount - a.hitCount).slice(0, limit);
}
