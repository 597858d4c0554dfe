import type { SentenceWindow } from '../corpus/sentences';
import type { AdminLevel } from '../corpus/types';
import type { TermCategory } from '../terms/types';
import { isIntegerIn, isShortString, isStringArray, type Validators } from './validate';

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
  /** The sentence (or two) of `text` holding the term: what the card shows until expanded. */
  sentence?: SentenceWindow;
  /** The report is one of the user's own (library.html), shown with a 文库 badge. */
  own?: boolean;
}

export interface ReportCount {
  reportId: string;
  title: string;
  level: AdminLevel;
  issuer?: string;
  date?: string;
  count: number;
  /** The report is one of the user's own. */
  own?: boolean;
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
  /** Passages per report, reports in display order (the first few when there are many). */
  perReport: ReportCount[];
  /** How many reports mention the term (perReport may list fewer). */
  reportTotal?: number;
  /** The first few passages in reading order: national before provincial before municipal, newest first within a level. */
  passages: CardPassage[];
  total: number;
}

/** The most cards one `termCards` request may ask for. */
export const MAX_CARDS_ASKED = 12;

/** Requests about the bundled corpus, answered by the background from IndexedDB. */
export interface CorpusProtocol {
  termCard: { request: { termId: string; limit?: number }; response: TermCardData | null };
  /** Several terms' cards at once, in the order asked (the terms marked in view, ahead of a hover). */
  termCards: { request: { termIds: string[]; limit?: number }; response: (TermCardData | null)[] };
  corpusStatus: { request: Record<string, never>; response: { ready: boolean; reports: number; passages: number } };
  /** Opens the full list of a term's passages in an extension page (the card's "more"). */
  openTermPage: { request: { termId: string; reportId?: string }; response: boolean };
}

export const corpusValidators: Validators<CorpusProtocol> = {
  termCard(p) {
    if (!isShortString(p.termId)) return null;
    if (p.limit === undefined) return { termId: p.termId };
    return isIntegerIn(p.limit, 1, 50) ? { termId: p.termId, limit: p.limit } : null;
  },
  termCards(p) {
    if (!isStringArray(p.termIds, MAX_CARDS_ASKED) || p.termIds.length === 0) return null;
    if (!p.termIds.every((id) => isShortString(id))) return null;
    if (p.limit === undefined) return { termIds: p.termIds };
    return isIntegerIn(p.limit, 1, 50) ? { termIds: p.termIds, limit: p.limit } : null;
  },
  corpusStatus: () => ({}),
  openTermPage(p) {
    if (!isShortString(p.termId)) return null;
    if (p.reportId === undefined) return { termId: p.termId };
    return isShortString(p.reportId) ? { termId: p.termId, reportId: p.reportId } : null;
  },
};
