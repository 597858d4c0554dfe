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
];

/** Tables rebuilt from the bundled corpus; everything else (clippings, settings) is user data. */
export const CORPUS_TABLES = ['reports', 'sections', 'passages', 'terms', 'termHits', 'gramPostings', 'meta'] as const;
