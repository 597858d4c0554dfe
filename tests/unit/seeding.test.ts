import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusInput, catalogueTextVersion, corpusVersion } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { livePostings } from '../../lib/db/postings';
import { CLIPPING_FORMAT, type ClippingRecord } from '../../lib/db/records';
import { CORPUS_VERSION_KEY, refreshTermText, seedCorpus } from '../../lib/db/seed';

let counter = 0;
const opened: PolicyDatabase[] = [];

function freshDb(): PolicyDatabase {
  const db = new PolicyDatabase(`seed-test-${++counter}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const input = bundledCorpusInput();
const corpus = buildCorpus(input);

const clipping: ClippingRecord = {
  id: 'c-1',
  format: CLIPPING_FORMAT,
  kind: 'page',
  quote: '促进医疗、医保、医药协同发展和治理',
  url: 'https://example.org/a?utm_source=x',
  urlKey: 'https://example.org/a',
  title: '一篇文章',
  tags: ['医改'],
  terms: ['sanyi-xietong'],
  note: '引用',
  createdAt: 1,
  updatedAt: 1,
  dedupKey: 'page:https://example.org/a:0',
};

async function snapshot(db: PolicyDatabase) {
  return {
    reports: await db.reports.toArray(),
    sections: await db.sections.toArray(),
    passages: await db.passages.toArray(),
    terms: await db.terms.toArray(),
    termHits: await db.termHits.toArray(),
    version: await db.meta.get(CORPUS_VERSION_KEY),
  };
}

describe('seeding', () => {
  it('loads the five reports, their passages, the catalogue and the hits', async () => {
    const db = freshDb();
    expect(await seedCorpus(db, corpus)).toBe('seeded');
    expect(await db.reports.count()).toBe(5);
    expect(await db.passages.count()).toBe(corpus.passages.length);
    expect(await db.terms.count()).toBe(input.catalogue.length);
    expect(await db.termHits.where('termId').equals('sanyi-xietong').count()).toBeGreaterThanOrEqual(10);
    // the bigram postings answer a substring lookup, per report
    const rows = (await livePostings(db)).filter((r) => r.gram === '千县');
    const ids = rows.flatMap((r) => r.seqs.map((seq) => `${r.reportId}:${seq}`));
    const byGram = await db.passages.bulkGet(ids);
    expect(byGram.some((p) => p?.text.includes('千县工程'))).toBe(true);
    expect(byGram.every((p) => p?.text.includes('千县'))).toBe(true);
  });

  it('is idempotent: seeding twice gives the same database', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const first = await snapshot(db);
    expect(await seedCorpus(db, buildCorpus(bundledCorpusInput()))).toBe('current');
    expect(await snapshot(db)).toEqual(first);
  });

  it('re-seeds after a corpus change, replacing corpus tables and keeping clippings and settings', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await db.clippings.put(clipping);
    await db.settings.put({ key: 'marking', value: { enabled: false, disabledSites: ['example.org'] } });

    const changed: CorpusInput = {
      ...input,
      reports: input.reports.slice(0, 4),
      texts: { ...input.texts },
    };
    const next = buildCorpus(changed);
    expect(next.version).not.toBe(corpus.version);
    expect(await seedCorpus(db, next)).toBe('seeded');

    expect(await db.reports.count()).toBe(4);
    expect(
      await db.passages
        .where('reportId')
        .equals(input.reports[4]?.id ?? '')
        .count(),
    ).toBe(0);
    expect(
      await db.termHits
        .where('reportId')
        .equals(input.reports[4]?.id ?? '')
        .count(),
    ).toBe(0);
    expect((await db.meta.get(CORPUS_VERSION_KEY))?.value).toBe(next.version);
    expect(await db.clippings.toArray()).toEqual([clipping]);
    expect(await db.settings.get('marking')).toEqual({
      key: 'marking',
      value: { enabled: false, disabledSites: ['example.org'] },
    });
  });

  it('leaves the previous corpus whole when seeding fails half way', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const before = await snapshot(db);
    const broken = { ...buildCorpus({ ...input, reports: input.reports.slice(1) }) };
    broken.hits = [...broken.hits, broken.hits[0] as (typeof broken.hits)[number]]; // duplicate key → bulkAdd fails
    await expect(seedCorpus(db, broken)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('changes the version when a report text changes', () => {
    const first = input.reports[0]?.id ?? '';
    const edited = buildCorpus({ ...input, texts: { ...input.texts, [first]: `${input.texts[first]}\n补充一句。` } });
    expect(edited.version).not.toBe(corpus.version);
  });

  it('refreshes only the terms prose when only an explanation changes (no re-seed)', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const hitsBefore = await db.termHits.count();
    const countBefore = (await db.terms.get('qianxian-gongcheng'))?.hitCount;
    const seededAt = (await db.meta.get('seededAt'))?.value;
    const target = input.catalogue.find((t) => t.id === 'qianxian-gongcheng');
    if (!target) throw new Error('catalogue lacks qianxian-gongcheng');
    const edited: CorpusInput = {
      ...input,
      catalogue: input.catalogue.map((t) => (t === target ? { ...t, explanation: `${t.explanation}（修订）` } : t)),
    };
    expect(corpusVersion(edited)).toBe(corpus.version);
    expect(catalogueTextVersion(edited)).not.toBe(corpus.textVersion);
    expect(await refreshTermText(db, edited.catalogue, catalogueTextVersion(edited))).toBe('text-refreshed');
    const stored = await db.terms.get(target.id);
    expect(stored?.explanation.endsWith('（修订）')).toBe(true);
    expect(countBefore).toBeGreaterThan(0);
    expect(stored?.hitCount).toBe(countBefore);
    expect(stored?.keys.length).toBeGreaterThan(0);
    expect(await db.termHits.count()).toBe(hitsBefore);
    expect((await db.meta.get('seededAt'))?.value).toBe(seededAt);
    expect(await refreshTermText(db, edited.catalogue, catalogueTextVersion(edited))).toBe('current');
  });

  it('changes the version when a name changes', () => {
    const renamed: CorpusInput = {
      ...input,
      catalogue: input.catalogue.map((t, i) => (i === 0 ? { ...t, aliases: [...t.aliases, '某个新别名'] } : t)),
    };
    expect(corpusVersion(renamed)).not.toBe(corpus.version);
  });
});
