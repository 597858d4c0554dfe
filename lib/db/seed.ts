import type { Corpus } from '../corpus/build';
import type { PolicyDatabase } from './database';
import { CORPUS_TABLES } from './schema';

export const CORPUS_VERSION_KEY = 'corpusVersion';

export type SeedOutcome = 'seeded' | 'current';

/**
 * Makes the corpus tables hold exactly `corpus`, in one transaction: a reader never sees half a
 * corpus, and a failure leaves the previous corpus in place. Clippings and settings are not in
 * the transaction's scope at all, so re-seeding cannot touch them.
 */
export async function seedCorpus(db: PolicyDatabase, corpus: Corpus): Promise<SeedOutcome> {
  return db.transaction('rw', [...CORPUS_TABLES], async () => {
    const current = await db.meta.get(CORPUS_VERSION_KEY);
    if (current?.value === corpus.version) return 'current';
    await Promise.all(CORPUS_TABLES.map((name) => db.table(name).clear()));
    await db.reports.bulkAdd(corpus.reports);
    await db.sections.bulkAdd(corpus.sections);
    await db.passages.bulkAdd(corpus.passages);
    await db.terms.bulkAdd(corpus.terms);
    await db.termHits.bulkAdd(corpus.hits);
    await db.gramPostings.bulkAdd(corpus.postings);
    await db.meta.put({ key: CORPUS_VERSION_KEY, value: corpus.version });
    await db.meta.put({ key: 'seededAt', value: Date.now() });
    return 'seeded';
  });
}
