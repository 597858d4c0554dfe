import type { AdminLevel } from './corpus/types';
import type { TermCategory } from './terms/types';

/**
 * The typed protocol between content scripts (which must not open the database: their IndexedDB
 * is the page's) and the background, which owns it. Each request names its type; the map gives
 * the payload and the answer. The background validates every request before acting on it.
 */

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

export interface ProtocolMap {
  termCard: { request: { termId: string; limit?: number }; response: TermCardData | null };
  corpusStatus: { request: Record<string, never>; response: { ready: boolean; reports: number; passages: number } };
}

export type MessageType = keyof ProtocolMap;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: ProtocolMap[K]['request'];
}

const MAX_ID = 200;

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

/** Validates a message received by the background; anything malformed is refused, not guessed at. */
export function parseEnvelope(message: unknown): Envelope | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  switch (type) {
    case 'termCard': {
      if (!isShortString(p.termId)) return null;
      const limit = p.limit === undefined ? undefined : Number(p.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && limit <= 50)) return null;
      return { type, payload: limit === undefined ? { termId: p.termId } : { termId: p.termId, limit } };
    }
    case 'corpusStatus':
      return { type, payload: {} };
    default:
      return null;
  }
}
