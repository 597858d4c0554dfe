import type { Corpus } from '../corpus/build';
import type { PostingRecord, TermHitRecord } from '../corpus/records';
import { reportHits, reportPostings } from '../corpus/report-build';
import { createTermMatcher } from '../terms/patterns';
import type { TermEntry } from '../terms/types';
import type { PolicyDatabase } from './database';
import {
  assignPassageNumbers,
  clearIndex,
  dropDeadSegments,
  type IndexEntry,
  rebuildDirectory,
  writeSegment,
} from './postings';
import { reportTermCountRows } from './report-term-counts';
import { CORPUS_TABLES, REPORT_TABLES } from './schema';
import { applyTermChange, TERM_CHANGE_TABLES, userChangedTermIds } from './term-hits';

export const CORPUS_VERSION_KEY = 'corpusVersion';

export const CATALOGUE_TEXT_KEY = 'catalogueTextVersion';

export type SeedOutcome = 'seeded' | 'current' | 'text-refreshed';

/** Is this corpus version already stored? Cheap: seeding asks this before building anything. */
export async function corpusIsCurrent(db: PolicyDatabase, version: string): Promise<boolean> {
  return (await db.meta.get(CORPUS_VERSION_KEY))?.value === version;
}

/**
 * Makes the bundled rows of the corpus tables hold exactly `corpus`, in one transaction: a reader
 * never sees half a corpus, and a failure leaves the previous corpus in place. The user's reports
 * (source 'user') keep their rows; their term hits are recomputed with the new catalogue, since
 * the catalogue is part of what a corpus version covers. Clippings, settings and the user's
 * documents are outside the transaction's scope, so re-seeding cannot touch them.
 */
export async function seedCorpus(db: PolicyDatabase, corpus: Corpus): Promise<SeedOutcome> {
  return db.transaction('rw', [...new Set([...CORPUS_TABLES, ...TERM_CHANGE_TABLES])], async () => {
    if (await corpusIsCurrent(db, corpus.version)) return 'current';
    const userReports = await db.reports.where('source').equals('user').toArray();
    const userIds = userReports.map((r) => r.id);
    const oldIds = (await db.reports.toCollection().primaryKeys()).filter((id) => !userIds.includes(id));
    // without user reports every row is bundled: clearing is the same and much faster
    if (userIds.length === 0) {
      await Promise.all(['reports', ...REPORT_TABLES].map((t) => db.table(t).clear()));
      await clearIndex(db);
    } else {
      for (const table of REPORT_TABLES)
        for (const id of oldIds) {
          const keys = await db.table(table).where('reportId').equals(id).primaryKeys();
          await db.table(table).bulkDelete(keys);
        }
      await db.reports.bulkDelete(oldIds);
      await dropDeadSegments(db);
    }
    await db.terms.clear();

    // the user's reports against the (possibly new) catalogue; those not in the search index yet
    // (their postings were dropped by the v6 upgrade) are indexed from their stored passages
    const matcher = createTermMatcher(corpus.terms, { context: 'known' });
    const userHits: TermHitRecord[] = [];
    const unindexed: IndexEntry[] = [];
    for (const report of userReports) {
      const passages = await db.passages.where('reportId').equals(report.id).toArray();
      userHits.push(...reportHits(report, passages, matcher));
      if (report.firstPn === undefined) unindexed.push({ report, postings: reportPostings(report.id, passages) });
    }
    if (unindexed.length > 0) {
      const reports = unindexed.map((e) => e.report as (typeof userReports)[number]);
      await assignPassageNumbers(db, reports);
      await db.reports.bulkPut(reports);
      await writeSegment(db, unindexed);
    }
    for (const id of userIds)
      await db.termHits.bulkDelete(await db.termHits.where('reportId').equals(id).primaryKeys());

    const userCount = new Map<string, number>();
    for (const hit of userHits) userCount.set(hit.termId, (userCount.get(hit.termId) ?? 0) + 1);
    // bundled reports get fresh passage numbers (copies: the corpus object stays as built)
    const reports = corpus.reports.map((r) => ({ ...r }));
    await assignPassageNumbers(db, reports);
    await db.reports.bulkAdd(reports);
    await db.sections.bulkAdd(corpus.sections);
    await db.passages.bulkAdd(corpus.passages);
    await db.terms.bulkAdd(corpus.terms.map((t) => ({ ...t, hitCount: t.hitCount + (userCount.get(t.id) ?? 0) })));
    await db.termHits.bulkAdd([...corpus.hits, ...userHits]);
    // every report's counts from the hits just written (the term change below moves its own)
    await db.reportTermCounts.bulkPut(
      reportTermCountRows([...reports.map((r) => r.id), ...userIds], [...corpus.hits, ...userHits]),
    );
    const byReport = new Map<string, PostingRecord[]>();
    for (const p of corpus.postings) {
      const list = byReport.get(p.reportId);
      if (list) list.push(p);
      else byReport.set(p.reportId, [p]);
    }
    await writeSegment(
      db,
      reports.map((report) => ({ report, postings: byReport.get(report.id) ?? [] })),
    );
    // the user's terms, overrides and hidden terms are user data: re-applied over the new corpus
    const changed = await userChangedTermIds(db);
    if (changed.length > 0) await applyTermChange(db, corpus.terms, changed);
    await rebuildDirectory(db);
    await db.meta.put({ key: CORPUS_VERSION_KEY, value: corpus.version });
    await db.meta.put({ key: CATALOGUE_TEXT_KEY, value: corpus.textVersion });
    await db.meta.put({ key: 'seededAt', value: Date.now() });
    return 'seeded';
  });
}

/**
 * Brings the stored terms' prose up to the bundled catalogue when only the prose changed (the
 * corpus version, which covers names and rules, is current): hits, keys and counts stay.
 */
export async function refreshTermText(
  db: PolicyDatabase,
  catalogue: readonly TermEntry[],
  textVersion: string,
): Promise<SeedOutcome> {
  return db.transaction('rw', [db.terms, db.meta], async () => {
    if ((await db.meta.get(CATALOGUE_TEXT_KEY))?.value === textVersion) return 'current';
    const stored = new Map((await db.terms.toArray()).map((t) => [t.id, t]));
    await db.terms.bulkPut(
      catalogue.flatMap((term) => {
        const old = stored.get(term.id);
        return old ? [{ ...term, keys: old.keys, hitCount: old.hitCount }] : [];
      }),
    );
    await db.meta.put({ key: CATALOGUE_TEXT_KEY, value: textVersion });
    return 'text-refreshed';
  });
}
