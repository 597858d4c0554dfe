import {
  type GramPostingRecord,
  LEVEL_RANK,
  type PassageRecord,
  type ReportRecord,
  type TermHitRecord,
  type TermRecord,
} from '../db/records';
import { createTermMatcher, termKeys } from '../terms/patterns';
import type { TermEntry } from '../terms/types';
import { bigrams } from '../text/grams';
import { fnv1a } from '../text/hash';
import { ingestReport } from './ingest';
import type { ReportMeta, Section } from './types';

/** Bump when ingestion or matching changes in a way that changes the corpus tables. */
/** Bump when what the build produces changes shape, so every browser re-seeds. 2: gram postings. */
export const CORPUS_FORMAT = 2;

export interface CorpusInput {
  reports: readonly ReportMeta[];
  /** Report text by report id. */
  texts: Readonly<Record<string, string>>;
  catalogue: readonly TermEntry[];
}

/**
 * For each character bigram, the passages that contain it, in passage order: a search reads one
 * small record per bigram of the query and intersects, instead of scanning an index per bigram
 * and loading whole passages to count.
 */
export function gramPostings(passages: readonly PassageRecord[]): GramPostingRecord[] {
  const byGram = new Map<string, string[]>();
  for (const passage of passages) {
    for (const gram of passage.grams) {
      const list = byGram.get(gram);
      if (list) list.push(passage.id);
      else byGram.set(gram, [passage.id]);
    }
  }
  return [...byGram].map(([gram, ids]) => ({ gram, ids }));
}

export interface Corpus {
  /** Changes whenever any input or the corpus format changes: the seeding key. */
  version: string;
  postings: GramPostingRecord[];
  reports: ReportRecord[];
  sections: Section[];
  passages: PassageRecord[];
  terms: TermRecord[];
  hits: TermHitRecord[];
}

export function corpusVersion(input: CorpusInput): string {
  const parts = [
    String(CORPUS_FORMAT),
    JSON.stringify(input.reports),
    JSON.stringify(input.catalogue),
    ...input.reports.map((r) => input.texts[r.id] ?? ''),
  ];
  return `${CORPUS_FORMAT}-${fnv1a(parts.join('\u0000'))}-${fnv1a(parts.join('\u0001'), 0x12345678)}`;
}

/** Ingests every report and precomputes term → passage hits. Pure: same input, same corpus. */
export function buildCorpus(input: CorpusInput): Corpus {
  const matcher = createTermMatcher(input.catalogue);
  const reports: ReportRecord[] = [];
  const sections: Section[] = [];
  const passages: PassageRecord[] = [];
  const hits: TermHitRecord[] = [];
  const hitCount = new Map<string, number>();

  for (const meta of input.reports) {
    const text = input.texts[meta.id];
    if (text === undefined) throw new Error(`No text for report ${meta.id}`);
    const ingested = ingestReport(meta.id, text);
    const levelRank = LEVEL_RANK[meta.level];
    reports.push({ ...meta, levelRank, passageCount: ingested.passages.length });
    sections.push(...ingested.sections);
    for (const passage of ingested.passages) {
      passages.push({ ...passage, grams: bigrams(passage.text) });
      const byTerm = new Map<string, TermHitRecord>();
      for (const match of matcher.findAll(passage.text)) {
        const pattern = matcher.patterns[match.pattern];
        if (!pattern) continue;
        let hit = byTerm.get(pattern.termId);
        if (!hit) {
          hit = {
            termId: pattern.termId,
            passageId: passage.id,
            reportId: meta.id,
            level: meta.level,
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
      for (const hit of byTerm.values()) {
        hits.push(hit);
        hitCount.set(hit.termId, (hitCount.get(hit.termId) ?? 0) + 1);
      }
    }
  }

  const terms: TermRecord[] = input.catalogue.map((term) => ({
    ...term,
    keys: termKeys(term),
    hitCount: hitCount.get(term.id) ?? 0,
  }));
  return { version: corpusVersion(input), reports, sections, passages, terms, hits, postings: gramPostings(passages) };
}
