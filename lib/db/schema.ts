/**
 * Every schema version the database has ever had, oldest first. Dexie needs each past version
 * declared to upgrade a database that skipped releases, so entries are only ever appended; the
 * schema-history test pins this list so an edit to a shipped version fails loudly.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      reports: 'id, levelRank, date',
      sections: 'id, reportId',
      passages: 'id, reportId, sectionId, [reportId+seq], *grams',
      terms: 'id, category, *keys',
      termHits: '[termId+passageId], termId, passageId, reportId, [termId+levelRank]',
      clippings: 'id, createdAt, updatedAt, urlKey, passageId, reportId, *tags, *terms, deletedAt',
      settings: 'key',
      meta: 'key',
    },
  },
  {
    // v2 (clippings): duplicate key, site filter, "not found on the page" list.
    // Only the clippings store changes; its upgrade (lib/db/database.ts) fills the new fields of v1 records.
    version: 2,
    stores: {
      clippings:
        'id, createdAt, updatedAt, urlKey, passageId, reportId, *tags, *terms, deletedAt, dedupKey, site, notFoundAt',
    },
  },
  {
    // v3 (search): bigram → passage ids, one record per bigram, filled by seeding (corpus format 2).
    version: 3,
    stores: {
      gramPostings: 'gram',
    },
  },
  {
    // v4 (library): every report knows its source ('bundled' | 'user'); the user's reports are
    // found again by page key or text key; postings become one record per [gram+reportId] so a
    // report's postings are written and deleted with it; a user report's source text is kept
    // (documents) for backup and re-ingestion. The v3 postings are dropped (re-seeding rebuilds).
    version: 4,
    stores: {
      reports: 'id, levelRank, date, source, urlKey, textKey',
      gramPostings: null,
      postings: '[gram+reportId], reportId',
      documents: 'id',
    },
  },
  {
    // v5 (terms; v4 is the report library's): the user's own terms in the catalogue's data format,
    // their overrides of bundled terms (aliases added or removed), bundled terms they hid, and
    // discovery candidates they dismissed. All user data: re-seeding never touches these stores.
    version: 5,
    stores: {
      userTerms: 'id, *keys, category, updatedAt',
      termOverrides: 'termId',
      hiddenTerms: 'termId',
      dismissedCandidates: 'key',
    },
  },
  {
    // v6 (search at scale): the search index as packed segments (lib/corpus/segments.ts) instead
    // of one record per [gram+reportId], which cost ~5,000 records per report to write. Reports
    // gain `firstPn` (not indexed). The v4 postings are dropped: re-seeding (corpus format 4)
    // re-indexes the bundled reports and every user report that has no firstPn yet.
    version: 6,
    stores: {
      postings: null,
      segments: 'id',
      shards: '[segment+shard]',
    },
  },
  {
    // v7 (cross-reference at scale): per report, how many of its passages mention each term, kept
    // with the hits so the matrix's first paint reads one row per report, not every hit. Its
    // upgrade counts them from the stored hits.
    version: 7,
    stores: {
      reportTermCounts: 'reportId',
    },
  },
];

/**
 * Tables seeding writes. Seeding replaces the rows of bundled reports (and the catalogue) only:
 * rows whose report has source 'user' survive it, as do clippings, settings and documents.
 */
export const CORPUS_TABLES = [
  'reports',
  'sections',
  'passages',
  'terms',
  'termHits',
  'reportTermCounts',
  'segments',
  'shards',
  'meta',
] as const;

/** Tables holding one report's rows, keyed or indexed by reportId. */
export const REPORT_TABLES = ['sections', 'passages', 'termHits', 'reportTermCounts'] as const;

/** Tables of the search index (segments, their shards, and the passage-number counter in meta). */
export const SEARCH_INDEX_TABLES = ['segments', 'shards', 'meta'] as const;
