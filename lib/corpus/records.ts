import type { TermEntry } from '../terms/types';
import type { AdminLevel, Passage, ReportMeta, Section } from './types';

/**
 * The rows the corpus build produces, one shape for bundled and user reports. They live here (not
 * in lib/db) because the build makes them: a lower layer must not reach up for its own output types.
 */

/** Where a report came from: shipped with the extension (re-seeding replaces it) or added by the user (never touched by re-seeding). */
export type ReportSource = 'bundled' | 'user';

/** How a user report reached the library. */
export type ReportOrigin = 'page' | 'pdf' | 'docx' | 'html' | 'txt';

/** What the user (or extraction) knows about one of their own reports, beyond ReportMeta. */
export interface UserReportFields {
  /** 发文字号, e.g. 国卫医政发〔2024〕12号. */
  docNumber?: string;
  /** 发布日期 (publication), when it differs from the 成文日期 in `date`. */
  published?: string;
  /** 索引号 of a gov.cn-style metadata table. */
  indexNo?: string;
  /** 主题分类. */
  subject?: string;
  url?: string;
  /** `url` without fragment and tracking parameters: how the same page is recognised again. */
  urlKey?: string;
  site?: string;
  /** Access date (ISO day) of a page, or the import day of a file. */
  accessed?: string;
  origin?: ReportOrigin;
  fileName?: string;
  /** Hash of the normalised text: the same text imported twice is recognised. */
  textKey?: string;
  addedAt?: number;
  updatedAt?: number;
}

export type ReportRecord = ReportMeta &
  UserReportFields & {
    source: ReportSource;
    /** 0 national, 1 several provinces, 2 provincial, 3 municipal, 4 county, 5 other: the order the UI lists reports in. */
    levelRank: number;
    passageCount: number;
    /**
     * Number of its first passage in the search index (passage seq n is firstPn + n). Numbers are
     * never reused, so a stale posting of a deleted or re-imported report matches no live report.
     */
    firstPn?: number;
  };

export type SectionRecord = Section;

export type PassageRecord = Passage;

export type TermRecord = TermEntry & {
  /** Normalised keys of the canonical name and every alias, for exact lookups. */
  keys: string[];
  /** How many passages mention the term, over all reports (bundled and the user's). */
  hitCount: number;
};

/**
 * The passages of one report holding one character bigram (of their normalised text), as passage
 * seqs in order. Keyed per [gram+reportId], so adding or deleting a report writes only its own
 * postings, never another report's.
 */
export interface PostingRecord {
  gram: string;
  reportId: string;
  seqs: number[];
}

/**
 * One segment of the search index: the postings of the reports it lists (some may have been
 * deleted since; their numbers are dropped at the next merge), cut into `shards` ShardRecords.
 */
export interface SegmentRecord {
  id: number;
  shards: number;
  /** Passage numbers stored, stale ones included: the size the merge policy works with. */
  postings: number;
  reportIds: string[];
}

/**
 * A shard of a segment: its bigrams sorted, each bigram's passage numbers packed (gaps or a bitmap,
 * lib/corpus/segments.ts) at packed[offsets[i]..offsets[i+1]). Shards written by the first v6
 * code hold plain numbers instead, at ids[offsets[i]..offsets[i+1]); both are read, and a merge
 * rewrites a segment packed.
 */
export interface ShardRecord {
  segment: number;
  shard: number;
  grams: string[];
  offsets: Uint32Array;
  packed?: Uint8Array;
  ids?: Uint32Array;
}

/** A precomputed term → passage link: a hover card needs one indexed lookup, not a scan. */
export interface TermHitRecord {
  termId: string;
  passageId: string;
  reportId: string;
  level: AdminLevel;
  levelRank: number;
  /** How often the term occurs in the passage. */
  count: number;
  /** [start, end) of each occurrence in the passage text, for highlighting. */
  spans: [number, number][];
  /** The written forms found, distinct, in order of first occurrence. */
  forms: string[];
}

export const LEVEL_RANK: Record<AdminLevel, number> = {
  national: 0,
  'multi-provincial': 1,
  provincial: 2,
  municipal: 3,
  county: 4,
  other: 5,
};
