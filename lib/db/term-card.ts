import type { CardPassage, ReportCount, TermCardData } from '../messages/corpus';
import type { PolicyDatabase } from './database';
import type { TermHitRecord } from './records';

export const CARD_PASSAGES = 5;

/** Orders a term's hits: higher administrative level first, then more occurrences, then report order. */
export function compareHits(a: TermHitRecord, b: TermHitRecord): number {
  return (
    a.levelRank - b.levelRank || b.count - a.count || a.passageId.localeCompare(b.passageId, 'en', { numeric: true })
  );
}

/** Everything a hover card shows for a term, from the precomputed hits: one indexed lookup. */
export async function termCard(
  db: PolicyDatabase,
  termId: string,
  limit = CARD_PASSAGES,
): Promise<TermCardData | null> {
  const term = await db.terms.get(termId);
  if (!term) return null;
  const [hits, reports, related] = await Promise.all([
    db.termHits.where('termId').equals(termId).toArray(),
    db.reports.toArray(),
    db.terms.bulkGet(term.related),
  ]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  hits.sort(compareHits);
  const best = hits.slice(0, limit);
  const passages = await db.passages.bulkGet(best.map((h) => h.passageId));

  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.reportId, (counts.get(hit.reportId) ?? 0) + 1);
  const perReport: ReportCount[] = reports
    .filter((r) => counts.has(r.id))
    .sort((a, b) => a.levelRank - b.levelRank || b.date.localeCompare(a.date))
    .map((r) => ({ reportId: r.id, title: r.title, level: r.level, count: counts.get(r.id) ?? 0 }));

  const cardPassages: CardPassage[] = [];
  best.forEach((hit, i) => {
    const passage = passages[i];
    const report = reportById.get(hit.reportId);
    if (!passage || !report) return;
    cardPassages.push({
      passageId: passage.id,
      reportId: report.id,
      reportTitle: report.title,
      issuer: report.issuer,
      date: report.date,
      level: report.level,
      section: passage.section,
      text: passage.text,
      spans: hit.spans,
    });
  });

  return {
    term: {
      id: term.id,
      canonical: term.canonical,
      category: term.category,
      explanation: term.explanation,
      explanationEn: term.explanationEn,
      related: related.flatMap((r) => (r ? [{ id: r.id, canonical: r.canonical }] : [])),
    },
    perReport,
    passages: cardPassages,
    total: hits.length,
  };
}
