import type { Matcher } from '../terms/matcher';
import { bigrams } from '../text/grams';
import { ingestReport } from './ingest';
import {
  LEVEL_RANK,
  type PassageRecord,
  type PostingRecord,
  type ReportRecord,
  type ReportSource,
  type SectionRecord,
  type TermHitRecord,
  type UserReportFields,
} from './records';
import type { ReportMeta } from './types';

/** Everything one report contributes to the corpus tables: what adding it writes, and what deleting it removes. */
export interface BuiltReport {
  report: ReportRecord;
  sections: SectionRecord[];
  passages: PassageRecord[];
  hits: TermHitRecord[];
  postings: PostingRecord[];
}

/** Term → passage hits of one report's passages with the given catalogue matcher. */
export function reportHits(
  report: Pick<ReportRecord, 'id' | 'level'>,
  passages: readonly PassageRecord[],
  matcher: Matcher,
): TermHitRecord[] {
  const levelRank = LEVEL_RANK[report.level];
  const hits: TermHitRecord[] = [];
  for (const passage of passages) {
    const byTerm = new Map<string, TermHitRecord>();
    for (const match of matcher.findAll(passage.text)) {
      const pattern = matcher.patterns[match.pattern];
      if (!pattern) continue;
      let hit = byTerm.get(pattern.termId);
      if (!hit) {
        hit = {
          termId: pattern.termId,
          passageId: passage.id,
          reportId: report.id,
          level: report.level,
          levelRank,
          count: 0,
          spans: [],
          forms: [],
        };
        byTerm.set(pattern.termId, hit);
      }
      hit.count++;
      hit.spans.push([match.start, match.end]);
      const written = passage.text.slice(match.start, match.end);
      if (!hit.forms.includes(written)) hit.forms.push(written);
    }
    hits.push(...byTerm.values());
  }
  return hits;
}

/** For each bigram of the report's passages, the passage seqs holding it, in order. */
export function reportPostings(reportId: string, passages: readonly PassageRecord[]): PostingRecord[] {
  const byGram = new Map<string, number[]>();
  for (const passage of passages) {
    for (const gram of bigrams(passage.text)) {
      const list = byGram.get(gram);
      if (list) list.push(passage.seq);
      else byGram.set(gram, [passage.seq]);
    }
  }
  return [...byGram].map(([gram, seqs]) => ({ gram, reportId, seqs }));
}

/**
 * Ingests one report (print line-break repair, sections, passages) and derives its term hits and
 * search postings. The same function serves the bundled corpus and every report the user adds, so
 * both are searched and cross-referenced by the same rules. Cost is in proportion to this report.
 */
export function buildReport(
  meta: ReportMeta & UserReportFields,
  text: string,
  matcher: Matcher,
  source: ReportSource,
): BuiltReport {
  const ingested = ingestReport(meta.id, text);
  const report: ReportRecord = {
    ...meta,
    source,
    levelRank: LEVEL_RANK[meta.level],
    passageCount: ingested.passages.length,
  };
  return {
    report,
    sections: ingested.sections,
    passages: ingested.passages,
    hits: reportHits(report, ingested.passages, matcher),
    postings: reportPostings(meta.id, ingested.passages),
  };
}
