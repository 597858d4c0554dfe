import { sentenceAround } from '../corpus/sentences';
import type { CardPassage, ReportCount, TermCardData } from '../messages/corpus';
import type { PolicyDatabase } from './database';
import type { ReportRecord, TermHitRecord } from './records';

export const CARD_PASSAGES = 5;
/** Per-report count lines a card lists; the rest are summed up in "N more reports". */
export const CARD_REPORT_LINES = 6;

/** A level's place in reading order; a level this version does not know comes last. */
export function rankOf(report: Pick<ReportRecord, 'levelRank'>): number {
  return Number.isFinite(report.levelRank) ? report.levelRank : Number.MAX_SAFE_INTEGER;
}

/**
 * Reports in the order a researcher reads them: national before several provinces before
 * provincial before municipal (unknown levels last), newest first within a level. Dates are ISO
 * prefixes (2024, 2024-07, 2024-07-22), so comparing strings compares dates.
 */
export function compareReports(a: ReportRecord, b: ReportRecord): number {
  return rankOf(a) - rankOf(b) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/** Orders a term's hits: by their report's reading order, then more occurrences, then passage order. */
export function compareHits(reportById: Map<string, ReportRecord>) {
  return (a: TermHitRecord, b: TermHitRecord): number => {
    const ra = reportById.get(a.reportId);
    const rb = reportById.get(b.reportId);
    const byReport = ra && rb ? compareReports(ra, rb) : a.levelRank - b.levelRank;
    return byReport || b.count - a.count || a.passageId.localeCompare(b.passageId, 'en', { numeric: true });
  };
}

/** Everything a hover card shows for a term, from the precomputed hits: one indexed lookup. */
export async function termCard(
  db: PolicyDatabase,
  termId: string,
  limit = CARD_PASSAGES,
): Promise<TermCardData | null> {
  const term = await db.terms.get(termId);
  if (!term) return null;
  const [hits, related] = await Promise.all([
    db.termHits.where('termId').equals(termId).toArray(),
    db.terms.bulkGet(term.related),
  ]);
  // only the reports that mention the term: a library of 1,000 reports is not read for one card
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.reportId, (counts.get(hit.reportId) ?? 0) + 1);
  const reports = (await db.reports.bulkGet([...counts.keys()])).filter((r): r is ReportRecord => r !== undefined);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const live = hits.filter((h) => reportById.has(h.reportId));
  live.sort(compareHits(reportById));
  const best = live.slice(0, limit);
  const passages = await db.passages.bulkGet(best.map((h) => h.passageId));

  const perReport: ReportCount[] = reports
    .sort(compareReports)
    .slice(0, CARD_REPORT_LINES)
    .map((r) => ({
      reportId: r.id,
      title: r.title,
      level: r.level,
      issuer: r.issuer,
      date: r.date,
      count: counts.get(r.id) ?? 0,
      ...(r.source === 'user' ? { own: true } : {}),
    }));

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
      sentence: sentenceAround(passage.text, hit.spans),
      ...(report.source === 'user' ? { own: true } : {}),
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
    reportTotal: reports.length,
    passages: cardPassages,
    total: live.length,
  };
}
