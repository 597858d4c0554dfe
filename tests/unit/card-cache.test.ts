import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CardCache } from '../../lib/background/card-cache';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { checkLibraryBackup, makeBackup, restoreBackup } from '../../lib/db/backup';
import { CARD_TABLES } from '../../lib/db/card-changes';
import { deleteUserReport, editUserReport, putUserReport } from '../../lib/db/library';
import { mergeAllSegments } from '../../lib/db/postings';
import type { TermRecord } from '../../lib/db/records';
import { refreshTermText, seedCorpus } from '../../lib/db/seed';
import { termCard } from '../../lib/db/term-card';
import { applyTermChange } from '../../lib/db/term-hits';
import { deleteUserTerm, hideTerm, saveUserTerm, setTermOverride, unhideTerm } from '../../lib/db/user-terms';
import {
  CARD_GENERATION_KEY,
  type CachedCard,
  cachedCards,
  cardKey,
  invalidateCards,
  type SessionArea,
} from '../../lib/messages/card-cache';
import type { TermCardData } from '../../lib/messages/corpus';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { USER_TERM, userReportMeta } from './fixtures/user-library';
import { freshDatabases } from './fresh-databases';

const { freshDb, deleteAll } = freshDatabases('card-cache-test');
afterEach(async () => {
  fakeBrowser.reset();
  await deleteAll();
});

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

/** storage.session as the cache sees it, in memory; `reads` counts get calls. */
function memoryArea() {
  const data = new Map<string, unknown>();
  const area = {
    data,
    reads: 0,
    async get(keys: string[] | null) {
      area.reads++;
      const out: Record<string, unknown> = {};
      for (const key of keys ?? [...data.keys()]) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys: string[]) {
      for (const key of keys) data.delete(key);
    },
  };
  return area satisfies SessionArea;
}

const card = (id: string, text = ''): TermCardData =>
  ({ term: { id }, perReport: [], passages: [{ text }], total: 1 }) as unknown as TermCardData;

describe('the cached cards in storage.session', () => {
  it('serves a kept card (a null card too) and misses another term or passage count', async () => {
    const area = memoryArea();
    const cache = new CardCache(area);
    const generation = await cache.generation();
    await cache.keep(generation, [
      { termId: 'a', limit: 5, data: card('a') },
      { termId: 'gone', limit: 5, data: null },
    ]);
    const found = await cachedCards(area, ['a', 'gone', 'b'], 5);
    expect(found.get('a')?.term.id).toBe('a');
    expect(found.has('gone')).toBe(true);
    expect(found.get('gone')).toBeNull();
    expect(found.has('b')).toBe(false);
    expect((await cachedCards(area, ['a'], 3)).has('a')).toBe(false);
  });

  it('misses everything before a generation exists, and after an invalidation', async () => {
    const area = memoryArea();
    expect((await cachedCards(area, ['a'], 5)).size).toBe(0);
    const cache = new CardCache(area);
    await cache.keep(await cache.generation(), [{ termId: 'a', limit: 5, data: card('a') }]);
    expect((await cachedCards(area, ['a'], 5)).size).toBe(1);
    await invalidateCards(area);
    expect((await cachedCards(area, ['a'], 5)).size).toBe(0);
    expect([...area.data.keys()]).toEqual([CARD_GENERATION_KEY]); // the stale entries are gone too
  });

  it('does not keep a card computed before a change that landed while it was computed', async () => {
    const area = memoryArea();
    const cache = new CardCache(area);
    const before = await cache.generation();
    await invalidateCards(area); // a write committed while the card was being read
    await cache.keep(before, [{ termId: 'a', limit: 5, data: card('a', 'old') }]);
    expect(area.data.has(cardKey('a', 5))).toBe(false);
    // and an entry of an old generation written late anyway is not served
    await area.set({ [cardKey('a', 5)]: { g: before as string, d: card('a', 'old'), t: 1 } satisfies CachedCard });
    expect((await cachedCards(area, ['a'], 5)).size).toBe(0);
  });

  it('stays within its bound, dropping the oldest cards first, also after a worker restart', async () => {
    const area = memoryArea();
    const bound = { bytes: 1_000_000, entries: 3 };
    const cache = new CardCache(area, bound);
    const generation = await cache.generation();
    for (const id of ['a', 'b', 'c', 'd']) await cache.keep(generation, [{ termId: id, limit: 5, data: card(id) }]);
    expect([...(await cachedCards(area, ['a', 'b', 'c', 'd'], 5)).keys()]).toEqual(['b', 'c', 'd']);
    // a new worker knows nothing in memory: it reads what is stored before adding to it
    const restarted = new CardCache(area, bound);
    await restarted.keep(generation, [{ termId: 'e', limit: 5, data: card('e') }]);
    expect([...(await cachedCards(area, ['b', 'c', 'd', 'e'], 5)).keys()]).toEqual(['c', 'd', 'e']);
  });

  it('bounds the bytes: large cards push out old ones and one larger than the bound is not kept', async () => {
    const area = memoryArea();
    const big = '政'.repeat(1000); // 3,000 bytes in UTF-8
    const cache = new CardCache(area, { bytes: 7_000, entries: 100 });
    const generation = await cache.generation();
    for (const id of ['a', 'b', 'c']) await cache.keep(generation, [{ termId: id, limit: 5, data: card(id, big) }]);
    expect([...(await cachedCards(area, ['a', 'b', 'c'], 5)).keys()]).toEqual(['b', 'c']);
    await cache.keep(generation, [{ termId: 'huge', limit: 5, data: card('huge', big.repeat(3)) }]);
    expect((await cachedCards(area, ['huge', 'b', 'c'], 5)).size).toBe(2);
  });

  it('fills in every term’s card ahead of any hover, once per generation, and stops at a change', async () => {
    const area = memoryArea();
    const cache = new CardCache(area);
    const generation = await cache.generation();
    await cache.keep(generation, [{ termId: 'a', limit: 5, data: card('a') }]);
    const computed: string[] = [];
    const compute = async (id: string) => {
      computed.push(id);
      return card(id);
    };
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(await cache.fill(generation, ['a', ...ids], 5, compute)).toBe(true);
    expect(computed).toEqual(ids); // the cached one is not computed again
    expect((await cachedCards(area, ['a', ...ids], 5)).size).toBe(21);
    expect(await cache.fill(generation, ['a', ...ids, 'new'], 5, compute)).toBe(true);
    expect(computed).toHaveLength(20); // filled already: nothing computed

    await invalidateCards(area);
    const next = await cache.generation();
    computed.length = 0;
    const interrupted = async (id: string) => {
      if (computed.push(id) === 3) await invalidateCards(area); // a write lands during the fill
      return card(id);
    };
    expect(await cache.fill(next, ids, 5, interrupted)).toBe(false);
    expect(computed).toHaveLength(8); // the step under way, then it stops
    expect((await cachedCards(area, ids, 5)).size).toBe(0);
  });

  it('holds every card of the bundled catalogue within its default bound', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const area = memoryArea();
    const cache = new CardCache(area);
    const generation = await cache.generation();
    const ids = corpus.terms.map((t) => t.id);
    for (const id of ids) await cache.keep(generation, [{ termId: id, limit: 5, data: await termCard(db, id) }]);
    expect((await cachedCards(area, ids, 5)).size).toBe(ids.length);
  });
});

const TERM = 'qianxian-gongcheng';
const REPORT_TEXT = [
  '示例市县医院能力提升情况通报',
  '一、总体进展',
  '全市各县按照千县工程的要求推进县医院综合能力提升，急诊急救和重症医学科建设进展明显，部分县医院已通过评估。',
].join('\n');

/**
 * A seeded database whose committed card changes invalidate `area` as the extension's shared
 * database does; `settled` waits for the invalidations started so far.
 */
async function watchedLibrary() {
  const db = freshDb();
  await seedCorpus(db, corpus);
  const area = memoryArea();
  let pending: Promise<void> = Promise.resolve();
  let invalidations = 0;
  db.onCardsChanged(() => {
    invalidations++;
    pending = pending.then(() => invalidateCards(area));
  });
  const cache = new CardCache(area);
  /** Computes and keeps the term's card as the background does. */
  const keepCard = async (termId = TERM) => {
    const generation = await cache.generation();
    await cache.keep(generation, [{ termId, limit: 5, data: await termCard(db, termId) }]);
    expect((await cachedCards(area, [termId], 5)).has(termId)).toBe(true);
  };
  const served = async (termId = TERM) => {
    await pending;
    return (await cachedCards(area, [termId], 5)).has(termId);
  };
  return { db, area, keepCard, served, invalidations: () => invalidations };
}

const report = (id: string) => ({ meta: userReportMeta(id, '示例市县医院能力提升情况通报'), text: REPORT_TEXT });

describe('every write that changes a card invalidates the cached cards', () => {
  it(`watches exactly the tables a card is computed from`, () => {
    expect([...CARD_TABLES].sort()).toEqual(['passages', 'reports', 'termHits', 'terms']);
  });

  it('a user report added: the cached card is not served, the new one counts the report', async () => {
    const lib = await watchedLibrary();
    const total = (await termCard(lib.db, TERM))?.total ?? 0;
    await lib.keepCard();
    await putUserReport(lib.db, report('user-a'));
    expect(await lib.served()).toBe(false);
    expect((await termCard(lib.db, TERM))?.total).toBe(total + 1);
  });

  it('a user report edited, deleted, and put back by undo', async () => {
    const lib = await watchedLibrary();
    await putUserReport(lib.db, report('user-a'));
    await lib.keepCard();
    await editUserReport(lib.db, 'user-a', { title: '示例市县医院能力提升情况通报（修订）' });
    expect(await lib.served()).toBe(false);
    await lib.keepCard();
    const snapshot = await deleteUserReport(lib.db, 'user-a');
    expect(await lib.served()).toBe(false);
    await lib.keepCard();
    await putUserReport(lib.db, snapshot);
    expect(await lib.served()).toBe(false);
  });

  it('a backup restored', async () => {
    const lib = await watchedLibrary();
    const source = freshDb();
    await seedCorpus(source, corpus);
    await putUserReport(source, report('user-b'));
    const check = checkLibraryBackup(JSON.stringify(await makeBackup(source, {})));
    if (!check.ok) throw new Error(check.errors.join('; '));
    await lib.keepCard();
    await restoreBackup(lib.db, check, CATALOGUE);
    expect(await lib.served()).toBe(false);
  });

  it('the user’s own term added and deleted, an alias added, a term hidden and shown again', async () => {
    const lib = await watchedLibrary();
    const changeTerms = (ids: string[]) => applyTermChange(lib.db, CATALOGUE, ids);
    expect((await saveUserTerm(lib.db, USER_TERM, [], CATALOGUE)).ok).toBe(true);
    await lib.keepCard(USER_TERM.id); // cached as "no such term" before the term's hits are written
    await changeTerms([USER_TERM.id]);
    expect(await lib.served(USER_TERM.id)).toBe(false);
    expect((await termCard(lib.db, USER_TERM.id))?.term.canonical).toBe('互联网医院');

    await lib.keepCard(USER_TERM.id);
    await deleteUserTerm(lib.db, USER_TERM.id);
    await changeTerms([USER_TERM.id]);
    expect(await lib.served(USER_TERM.id)).toBe(false);

    await lib.keepCard();
    await setTermOverride(lib.db, TERM, ['县医院能力提升'], []);
    await changeTerms([TERM]);
    expect(await lib.served()).toBe(false);

    await lib.keepCard();
    await hideTerm(lib.db, TERM);
    await changeTerms([TERM]);
    expect(await lib.served()).toBe(false);
    expect(await termCard(lib.db, TERM)).toBeNull();

    await lib.keepCard();
    await unhideTerm(lib.db, TERM);
    await changeTerms([TERM]);
    expect(await lib.served()).toBe(false);
  });

  it('a re-seed with a new corpus version, and a refresh of the catalogue’s text', async () => {
    const lib = await watchedLibrary();
    await lib.keepCard();
    await seedCorpus(lib.db, { ...corpus, version: `${corpus.version}-next` });
    expect(await lib.served()).toBe(false);
    await lib.keepCard();
    const edited = CATALOGUE.map((t) => (t.id === TERM ? { ...t, explanation: `${t.explanation}（补充）` } : t));
    await refreshTermText(lib.db, edited, 'text-next');
    expect(await lib.served()).toBe(false);
  });

  it('leaves the cache alone for writes no card shows, and for the checks every worker start makes', async () => {
    const lib = await watchedLibrary();
    await putUserReport(lib.db, report('user-a'));
    await lib.keepCard();
    const before = lib.invalidations();
    await seedCorpus(lib.db, corpus); // current: nothing written
    await refreshTermText(lib.db, CATALOGUE, corpus.textVersion);
    await lib.db.settings.put({ key: 'anything', value: 1 });
    await lib.db.meta.put({ key: 'checkedAt', value: 1 });
    await mergeAllSegments(lib.db); // the search index only
    await saveUserTerm(lib.db, USER_TERM, [], CATALOGUE); // not a card until its hits are written
    expect(lib.invalidations()).toBe(before);
    expect(await lib.served()).toBe(true);
  });

  it('invalidates on a direct write to each card table, and not when the write is rolled back', async () => {
    const lib = await watchedLibrary();
    const writes: Record<string, () => Promise<unknown>> = {
      terms: async () => lib.db.terms.put((await lib.db.terms.get(TERM)) as TermRecord),
      termHits: async () => lib.db.termHits.delete([TERM, 'nowhere']),
      passages: async () => lib.db.passages.delete('no-such-passage'),
      reports: async () => lib.db.reports.delete('no-such-report'),
    };
    for (const [table, write] of Object.entries(writes)) {
      await lib.keepCard();
      await write();
      expect(await lib.served(), table).toBe(false);
    }
    await lib.keepCard();
    await lib.db
      .transaction('rw', lib.db.reports, async () => {
        await lib.db.reports.delete('no-such-report');
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await lib.served()).toBe(true);
  });
});
