import type { TermData } from '../terms/types';

export type {
  PassageRecord,
  PostingRecord,
  ReportRecord,
  ReportSource,
  SectionRecord,
  SegmentRecord,
  ShardRecord,
  TermHitRecord,
  TermRecord,
} from '../corpus/records';
export { LEVEL_RANK } from '../corpus/records';

/** Version of a clipping record's shape; v2 added dedupKey, notFoundAt and the citation fields. */
export const CLIPPING_FORMAT = 2;

/**
 * How many passages of one report mention each term (term id → count; terms with none are
 * absent): the cross-reference matrix's cells, kept equal to the report's hits (schema v7).
 */
export interface ReportTermCountsRecord {
  reportId: string;
  counts: Record<string, number>;
}

/** A user's clipping. User data: never touched by re-seeding, kept across every schema upgrade. */
export interface ClippingRecord {
  /** Random id; never derived from the URL, so a redirect cannot orphan a clipping. */
  id: string;
  format: number;
  kind: 'passage' | 'page';
  quote: string;
  passageId?: string;
  reportId?: string;
  section?: string;
  /** The page's address as visited (page clippings). */
  url?: string;
  /** `url` without fragment and tracking parameters: the key re-highlighting looks clippings up by. */
  urlKey?: string;
  /** The page's own canonical link, when it declares one. */
  canonicalUrl?: string;
  /** Page or report title. */
  title?: string;
  site?: string;
  /** Author or issuing body (report issuer, citation_author, dc.creator …). */
  author?: string;
  /** Publication date as the source gives it (ISO-like where possible). */
  published?: string;
  /** A document number such as 国办发〔2024〕12号. */
  docNumber?: string;
  /** Up to 48 characters of page text before and after the quote, whitespace removed: re-anchoring context. */
  prefix?: string;
  suffix?: string;
  /** Character offset of the quote in the page text when captured: a hint for re-anchoring. */
  position?: number;
  tags: string[];
  /** Catalogue term ids found in the quote (automatic tags). */
  terms: string[];
  note: string;
  createdAt: number;
  updatedAt: number;
  /** Set while a deletion can still be undone. */
  deletedAt?: number;
  /** Same source + same normalised quote ⇒ same key: how a second save of it is noticed. */
  dedupKey: string;
  /** When the quote was last looked for on its page and not found (cleared once found again). */
  notFoundAt?: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The source text of one of the user's reports: what a backup holds and a re-ingestion starts from. */
export interface DocumentRecord {
  id: string;
  text: string;
}

/** A term the user added (or accepted from discovery), in the catalogue's data format. User data. */
export type UserTermRecord = TermData & {
  /** Normalised keys of every form, for lookups and conflict checks. */
  keys: string[];
  /** Pinyin and initials of its Chinese forms (lib/terms/pinyin.ts), computed when added. */
  pinyin: string[];
  createdAt: number;
  updatedAt: number;
};

/** The user's changes to a bundled term's forms; kept across catalogue updates. */
export interface TermOverrideRecord {
  termId: string;
  addAliases: string[];
  removeAliases: string[];
  updatedAt: number;
}

/** A bundled term the user does not want marked. */
export interface HiddenTermRecord {
  termId: string;
  hiddenAt: number;
}

/** A discovery candidate the user dismissed, by matching key, so it is not proposed again. */
export interface DismissedCandidateRecord {
  key: string;
  name: string;
  dismissedAt: number;
}
