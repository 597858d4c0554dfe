import type { AdminLevel } from '../corpus/types';
import type { TermCategory } from '../terms/types';
import { isIntegerIn, isShortString, type Validators } from './validate';

export interface CardPassage {
  passageId: string;
  reportId: string;
  reportTitle: string;
  issuer: string;
  date: string;
  level: AdminLevel;
  section: string;
  text: string;
  /** [start, end) of the term's occurrences in `text`. */
  spans: [number, number][];
}

export interface ReportCount {
  reportId: string;
  title: string;
  level: AdminLevel;
  count: number;
}

export interface TermCardData {
  term: {
    id: string;
    canonical: string;
    category: TermCategory;
    explanation: string;
    explanationEn: string;
    related: { id: string; canonical: string }[];
  };
  /** Passages per report, reports in display order. */
  perReport: ReportCount[];
  /** The best few passages: national before provincial before municipal, then by relevance. */
  passages: CardPassage[];
  total: number;
}

/** Requests about the bundled corpus, answered by the background from IndexedDB. */
export interface CorpusProtocol {
  termCard: { request: { termId: string; limit?: number }; response: TermCardData | null };
  corpusStatus: { request: Record<string, never>; response: { ready: boolean; reports: number; passages: number } };
  /** Opens the full list of a term's passages in an extension page (the card's "more"). */
  openTermPage: { request: { termId: string }; response: boolean };
}

export const corpusValidators: Validators<CorpusProtocol> = {
  termCard(p) {
    if (!isShortString(p.termId)) return null;
    if (p.limit === undefined) return { termId: p.termId };
    return isIntegerIn(p.limit, 1, 50) ? { termId: p.termId, limit: p.limit } : null;
  },
  corpusStatus: () => ({}),
  openTermPage: (p) => (isShortString(p.termId) ? { termId: p.termId } : null),
};
