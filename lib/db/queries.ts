import type { PolicyDatabase } from './database';
import type { PassageRecord, ReportRecord, TermRecord } from './records';
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

/** A term with every passage that mentions it, grouped by report in display order. */
export interface TermDetail {
  term: TermRecord;
  related: TermRecord[];
  groups: { report: ReportRecord; hits: { passage: PassageRecord; spans: [number, number][] }[] }[];
  total: number;
}

export async function termDetail(db: PolicyDatabase, termId: string): Promise<TermDetail | null> {
  const term = await db.terms.get(termId);
  if (!term) return null;
  const [hits, reports, related] = await Promise.all([
    db.termHits.where('termId').equals(termId).toArray(),
    reportsInOrder(db),
    db.terms.bulkGet(term.related),
  ]);
  const passages = await db.passages.bulkGet(hits.map((h) => h.passageId));
  const byReport = new Map<string, { passage: PassageRecord; spans: [number, number][] }[]>();
  hits.forEach((hit, i) => {
    const passage = passages[i];
    if (!passage) return;
    const list = byReport.get(hit.reportId) ?? [];
    list.push({ passage, spans: hit.spans });
    byReport.set(hit.reportId, list);
  });
  const groups = reports
    .filter((report) => byReport.has(report.id))
    .map((report) => ({
      report,
      hits: (byReport.get(report.id) ?? []).sort((a, b) => a.passage.seq - b.passage.seq),
    }));
  return {
    term,
    related: related.filter((r): r is TermRecord => r !== undefined),
    groups,
    total: hits.length,
  };
}

/** A passage with its neighbours in the report, for reading it in context. */
export interface PassageContext {
  passage: PassageRecord;
  report: ReportRecord;
  previous: PassageRecord | undefined;
  next: PassageRecord | undefined;
}

export async function passageContext(db: PolicyDatabase, passageId: string): Promise<PassageContext | null> {
  const passage = await db.passages.get(passageId);
  if (!passage) return null;
  const [report, previous, next] = await Promise.all([
    db.reports.get(passage.reportId),
    db.passages.get({ reportId: passage.reportId, seq: passage.seq - 1 }),
    db.passages.get({ reportId: passage.reportId, seq: passage.seq + 1 }),
  ]);
  if (!report) return null;
  return { passage, report, previous, next };
}

/** Passages per term and report: the cross-reference matrix, from the precomputed hits. */
export async function crossReference(db: PolicyDatabase): Promise<Map<string, Map<string, number>>> {
  const matrix = new Map<string, Map<string, number>>();
  await db.termHits.each((hit) => {
    let row = matrix.get(hit.termId);
    if (!row) {
      row = new Map();
      matrix.set(hit.termId, row);
    }
    row.set(hit.reportId, (row.get(hit.reportId) ?? 0) + 1);
  });
  return matrix;
}
