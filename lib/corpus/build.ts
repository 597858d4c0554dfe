import { createTermMatcher, termKeys } from '../terms/patterns';
import { matchingFingerprint } from '../terms/term-data';
import type { TermEntry } from '../terms/types';
import { fnv1a } from '../text/hash';
import type { PassageRecord, PostingRecord, ReportRecord, SectionRecord, TermHitRecord, TermRecord } from './records';
import { buildReport } from './report-build';
import type { ReportMeta } from './types';

/**
 * Bump when what the build produces changes shape, so every browser re-seeds. 2: gram postings.
 * 3: postings per [gram+reportId] (user reports add their own), no grams on passage rows.
 * 4: postings stored as packed segments (lib/corpus/segments.ts, schema v6).
 */
export const CORPUS_FORMAT = 4;

export interface CorpusInput {
  reports: readonly ReportMeta[];
  /** Report text by report id. */
  texts: Readonly<Record<string, string>>;
  catalogue: readonly TermEntry[];
}

export interface Corpus {
  /** Changes whenever reports, texts, names, rules or the corpus format change: the seeding key. */
  version: string;
  /** Changes with the catalogue's prose too (catalogueTextVersion). */
  textVersion: string;
  postings: PostingRecord[];
  reports: ReportRecord[];
  sections: SectionRecord[];
  passages: PassageRecord[];
  terms: TermRecord[];
  hits: TermHitRecord[];
}

/** The seeding key: cheap next to the build, so seeding checks it before building anything. */
export function corpusVersion(input: CorpusInput): string {
  const parts = [
    String(CORPUS_FORMAT),
    JSON.stringify(input.reports),
    // names and rules only: an explanation or note edit changes no hit, so it must not re-seed
    matchingFingerprint(input.catalogue),
    ...input.reports.map((r) => input.texts[r.id] ?? ''),
  ];
  return `${CORPUS_FORMAT}-${fnv1a(parts.join('\u0000'))}-${fnv1a(parts.join('\u0001'), 0x12345678)}`;
}

/**
 * The catalogue's prose (explanations, notes, related links): when only this changes, seeding
 * refreshes the terms' text in place instead of rebuilding the corpus.
 */
export function catalogueTextVersion(input: CorpusInput): string {
  const text = JSON.stringify(input.catalogue);
  return `${fnv1a(text)}-${fnv1a(text, 0x12345678)}`;
}

/** Ingests every bundled report and precomputes term → passage hits. Pure: same input, same corpus. */
export function buildCorpus(input: CorpusInput): Corpus {
  // reports are known to be about health policy: context rules are for pages, not for them
  const matcher = createTermMatcher(input.catalogue, { context: 'known' });
  const corpus: Corpus = {
    version: corpusVersion(input),
    textVersion: catalogueTextVersion(input),
    reports: [],
    sections: [],
    passages: [],
    terms: [],
    hits: [],
    postings: [],
  };
  const hitCount = new Map<string, number>();
  for (const meta of input.reports) {
    const text = input.texts[meta.id];
    if (text === undefined) throw new Error(`No text for report ${meta.id}`);
    const built = buildReport(meta, text, matcher, 'bundled');
    corpus.reports.push(built.report);
    corpus.sections.push(...built.sections);
    corpus.passages.push(...built.passages);
    corpus.hits.push(...built.hits);
    corpus.postings.push(...built.postings);
    for (const hit of built.hits) hitCount.set(hit.termId, (hitCount.get(hit.termId) ?? 0) + 1);
  }
  corpus.terms = input.catalogue.map((term) => ({
    ...term,
    keys: termKeys(term),
    hitCount: hitCount.get(term.id) ?? 0,
  }));
  return corpus;
}
