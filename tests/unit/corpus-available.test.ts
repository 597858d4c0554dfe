import { afterEach, describe, expect, it } from 'vitest';
import { corpusHandlers } from '../../lib/background/corpus-handlers';
import { corpusAvailable } from '../../lib/background/seeding';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { CORPUS_VERSION_KEY, seedCorpus } from '../../lib/db/seed';
import { termCard } from '../../lib/db/term-card';
import { freshDatabases } from './fresh-databases';

const { freshDb, deleteAll } = freshDatabases('corpus-available');
afterEach(deleteAll);

const version = async (db: ReturnType<typeof freshDb>) => (await db.meta.get(CORPUS_VERSION_KEY))?.value;

// the first test runs while no seeding has started in this module (ensureSeeded keeps one per worker)
describe('a corpus to answer the card from', () => {
  it('is the one in the database, of any version: no version check or re-seed before the answer', async () => {
    const db = freshDb();
    await seedCorpus(db, { ...buildCorpus(bundledCorpusInput()), version: 'an-older-release' });
    await corpusAvailable(db);
    expect(await version(db)).toBe('an-older-release');
    expect((await termCard(db, 'sanyi-xietong'))?.passages.length).toBeGreaterThan(0);
  });

  it('is seeded first when the database holds none', async () => {
    const db = freshDb();
    expect(await version(db)).toBeUndefined();
    await corpusAvailable(db);
    expect(await version(db)).toMatch(/\S/);
    expect((await termCard(db, 'sanyi-xietong'))?.passages.length).toBeGreaterThan(0);
  });

  it('answers several cards at once, in the order asked, null for a term it does not know', async () => {
    const db = freshDb();
    await seedCorpus(db, buildCorpus(bundledCorpusInput()));
    const cards = await corpusHandlers.termCards(
      { termIds: ['sanyi-xietong', 'no-such-term', 'qianxian-gongcheng'], limit: 2 },
      { db, sender: {} },
    );
    expect(cards.map((c) => c?.term.id ?? null)).toEqual(['sanyi-xietong', null, 'qianxian-gongcheng']);
    expect(cards[0]).toEqual(await termCard(db, 'sanyi-xietong', 2));
  });
});
