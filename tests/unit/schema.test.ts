import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dedupKey } from '../../lib/clippings/keys';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { v2DedupKey } from '../../lib/db/frozen/v2-dedup-key';
import { CLIPPING_FORMAT, type ClippingRecord } from '../../lib/db/records';
import { SCHEMA_HISTORY } from '../../lib/db/schema';
import { seedCorpus } from '../../lib/db/seed';
import { SET_ASIDE_KEY, type SetAsideClipping } from '../../lib/db/upgrades';
import { searchPassages } from '../../lib/search/passage-search';

const corpus = buildCorpus(bundledCorpusInput());

/**
 * The schema history is append-only: a shipped version must never change, or browsers that
 * already hold it would not be upgraded the way the code assumes. Update this pin only by
 * appending a version (and a fixture for it below).
 */
const PINNED = [
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
    version: 2,
    stores: {
      clippings:
        'id, createdAt, updatedAt, urlKey, passageId, reportId, *tags, *terms, deletedAt, dedupKey, site, notFoundAt',
    },
  },
  {
    version: 3,
    stores: {
      gramPostings: 'gram',
    },
  },
  {
    version: 4,
    stores: {
      reports: 'id, levelRank, date, source, urlKey, textKey',
      gramPostings: null,
      postings: '[gram+reportId], reportId',
      documents: 'id',
    },
  },
  {
    version: 5,
    stores: {
      userTerms: 'id, *keys, category, updatedAt',
      termOverrides: 'termId',
      hiddenTerms: 'termId',
      dismissedCandidates: 'key',
    },
  },
  {
    version: 6,
    stores: {
      postings: null,
      segments: 'id',
      shards: '[segment+shard]',
    },
  },
  {
    version: 7,
    stores: {
      reportTermCounts: 'reportId',
    },
  },
];

/** The fields every clipping format has had (v1's record shape). */
type ClippingV1 = Omit<
  ClippingRecord,
  'dedupKey' | 'canonicalUrl' | 'author' | 'published' | 'docNumber' | 'notFoundAt'
>;

/** Clippings as each schema version stored them: a report passage and a web page one. */
const CLIPPING_FIXTURES: Record<number, Array<ClippingV1 | ClippingRecord>> = {
  1: [
    {
      id: 'fixture-v1',
      format: 1,
      kind: 'passage',
      quote: '深入推进“千县工程”',
      passageId: 'national-work-conference-2024:5',
      reportId: 'national-work-conference-2024',
      section: '2024年全国卫生健康工作会议召开',
      tags: ['县医院'],
      terms: ['qianxian-gongcheng'],
      note: '第二点',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_001,
    },
    {
      id: 'fixture-v1-page',
      format: 1,
      kind: 'page',
      quote: '推进紧密型县域医共体建设',
      url: 'https://example.gov.cn/a.html?utm_source=wx#p2',
      urlKey: 'https://example.gov.cn/a.html',
      title: '关于推进紧密型县域医共体建设的通知',
      site: 'example.gov.cn',
      prefix: '各省卫生健康委：为',
      suffix: '，现通知如下',
      position: 120,
      tags: ['医共体', '县域'],
      terms: ['jinmixing-yigongti'],
      note: '',
      createdAt: 1_700_000_100_000,
      updatedAt: 1_700_000_200_000,
      deletedAt: 1_700_000_300_000,
    },
  ],
  2: [
    {
      id: 'fixture-v2',
      format: 2,
      kind: 'page',
      quote: '全面促进“三医协同”',
      url: 'https://example.org/news/1?from=timeline',
      urlKey: 'https://example.org/news/1',
      canonicalUrl: 'https://example.org/news/1',
      title: '全面促进三医协同',
      site: '示例网',
      author: '福建省卫生健康委员会',
      published: '2024-01-29',
      docNumber: '闽卫医政〔2024〕5号',
      prefix: '深化医改，',
      suffix: '。',
      position: 9,
      tags: ['医改'],
      terms: ['sanyi-xietong'],
      note: '引用时注明来源',
      createdAt: 1_710_000_000_000,
      updatedAt: 1_710_000_000_000,
      dedupKey: 'page:https://example.org/news/1:x',
      notFoundAt: 1_710_000_500_000,
    },
  ],
  // v3 changed no clipping field (it added the corpus's bigram postings): a v3 record is a v2 one
  3: [
    {
      id: 'fixture-v3',
      format: 2,
      kind: 'passage',
      quote: '以推广三明医改经验为抓手促进“三医”协同发展和治理',
      passageId: 'national-work-conference-2024:4',
      reportId: 'national-work-conference-2024',
      section: '2024年全国卫生健康工作会议召开',
      tags: [],
      terms: ['sanyi-xietong', 'sanming-yigai'],
      note: '',
      createdAt: 1_720_000_000_000,
      updatedAt: 1_720_000_000_000,
      dedupKey: 'passage:national-work-conference-2024:4',
    },
  ],
  // v4 changed no clipping field (it added the user's reports): a v4 record is a v2 one
  4: [
    {
      id: 'fixture-v4',
      format: 2,
      kind: 'passage',
      quote: '各县区要在六月底前完成医共体章程修订',
      passageId: 'user-0a1b2c3d4e5f6071:1',
      reportId: 'user-0a1b2c3d4e5f6071',
      section: '二、具体任务',
      tags: ['文库'],
      terms: [],
      note: '',
      createdAt: 1_730_000_000_000,
      updatedAt: 1_730_000_000_000,
      dedupKey: 'passage:user-0a1b2c3d4e5f6071:1',
    },
  ],
  // v5 changed no clipping field (it added the user's term stores)
  5: [
    {
      id: 'fixture-v5',
      format: 2,
      kind: 'page',
      quote: '深入推进“千县工程”',
      url: 'https://example.org/news/1.html?utm_source=x',
      urlKey: 'https://example.org/news/1.html',
      title: '县医院能力提升',
      site: 'example.org',
      tags: ['县医院'],
      terms: ['qianxian-gongcheng'],
      note: '',
      createdAt: 1_780_000_000_000,
      updatedAt: 1_780_000_000_000,
      dedupKey: 'page:https://example.org/news/1.html:深入推进千县工程',
    },
  ],
  // v6 changed no clipping field (it re-laid the search index)
  6: [
    {
      id: 'fixture-v6',
      format: 2,
      kind: 'passage',
      quote: '深化“三医”协同发展和治理',
      passageId: 'user-0a1b2c3d4e5f6071:0',
      reportId: 'user-0a1b2c3d4e5f6071',
      section: '二、具体任务',
      tags: [],
      terms: ['sanyi-xietong'],
      note: '六号',
      createdAt: 1_790_000_000_000,
      updatedAt: 1_790_000_000_000,
      dedupKey: 'passage:user-0a1b2c3d4e5f6071:0',
    },
  ],
  // v7 changed no clipping field (it added the per-report term counts)
  7: [
    {
      id: 'fixture-v7',
      format: 2,
      kind: 'passage',
      quote: '各县区要在六月底前完成医共体章程修订',
      passageId: 'user-0a1b2c3d4e5f6071:1',
      reportId: 'user-0a1b2c3d4e5f6071',
      section: '二、具体任务',
      tags: ['医共体'],
      terms: ['jinmixing-yigongti'],
      note: '七号',
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
      dedupKey: 'passage:user-0a1b2c3d4e5f6071:1',
    },
  ],
};

/** A report row as v1–v3 stored it (no source: every report was bundled). */
const BUNDLED_REPORT_V1 = {
  id: 'national-work-conference-2024',
  title: '2024年全国卫生健康工作会议',
  issuer: '国家卫生健康委员会',
  level: 'national',
  region: '全国',
  date: '2024-01-11',
  description: '',
  levelRank: 0,
  passageCount: 1,
};

/** Hits of that report as v1–v3 stored them: two passages of one term, one of another (key order). */
const BUNDLED_HITS_V1 = [5, 4, 6].map((seq) => ({
  termId: seq === 5 ? 'qianxian-gongcheng' : 'sanyi-xietong',
  passageId: `${BUNDLED_REPORT_V1.id}:${seq}`,
  reportId: BUNDLED_REPORT_V1.id,
  level: 'national',
  levelRank: 0,
  count: 1,
  spans: [[0, 4]],
  forms: [seq === 5 ? '千县工程' : '三医协同'],
}));

/** The rows of one user report as v4 stores them: report, section, passages, hit, postings, source text. */
const USER_ID = 'user-0a1b2c3d4e5f6071';
// rows in primary-key order, as toArray() returns them
const USER_ROWS_V4 = {
  reports: [
    {
      id: USER_ID,
      title: '示例市县域医疗卫生改革工作要点',
      issuer: '示例市卫生健康委员会',
      level: 'municipal',
      region: '示例市',
      date: '2025-02-10',
      description: '',
      source: 'user',
      levelRank: 3,
      passageCount: 2,
      url: 'https://example.org/a.html',
      urlKey: 'https://example.org/a.html',
      textKey: '120-00000000-11111111',
      origin: 'page',
      addedAt: 1_730_000_000_000,
      updatedAt: 1_730_000_000_000,
    },
  ],
  sections: [
    {
      id: `${USER_ID}#0`,
      reportId: USER_ID,
      seq: 0,
      label: '二、具体任务',
      kind: 'article',
      headings: ['二、具体任务'],
    },
  ],
  passages: [
    {
      id: `${USER_ID}:0`,
      reportId: USER_ID,
      sectionId: `${USER_ID}#0`,
      section: '二、具体任务',
      seq: 0,
      text: '深化“三医”协同发展和治理。',
      start: 0,
      end: 14,
    },
    {
      id: `${USER_ID}:1`,
      reportId: USER_ID,
      sectionId: `${USER_ID}#0`,
      section: '二、具体任务',
      seq: 1,
      text: '各县区要在六月底前完成医共体章程修订。',
      start: 15,
      end: 34,
    },
  ],
  termHits: [
    {
      termId: 'jinmixing-yigongti',
      passageId: `${USER_ID}:1`,
      reportId: USER_ID,
      level: 'municipal',
      levelRank: 3,
      count: 1,
      spans: [[11, 14]],
      forms: ['医共体'],
    },
    {
      termId: 'sanyi-xietong',
      passageId: `${USER_ID}:0`,
      reportId: USER_ID,
      level: 'municipal',
      levelRank: 3,
      count: 1,
      spans: [[2, 8]],
      forms: ['“三医”协同'],
    },
  ],
  postings: [
    { gram: '协同', reportId: USER_ID, seqs: [0] },
    { gram: '章程', reportId: USER_ID, seqs: [1] },
  ],
  documents: [{ id: USER_ID, text: '深化“三医”协同发展和治理。\n各县区要在六月底前完成医共体章程修订。' }],
};

/**
 * The same user report as v6 stores it: postings as one segment of packed passage numbers (the
 * report's passages numbered from firstPn 0), and the index counter in meta.
 */
const { postings: _v4Postings, ...USER_ROWS_V4_NO_POSTINGS } = USER_ROWS_V4;
const USER_ROWS_V6 = {
  ...USER_ROWS_V4_NO_POSTINGS,
  reports: USER_ROWS_V4.reports.map((r) => ({ ...r, firstPn: 0 })),
  segments: [{ id: 1, shards: 1, postings: 2, reportIds: [USER_ID] }],
  shards: [
    {
      segment: 1,
      shard: 0,
      grams: ['协同', '章程'],
      offsets: new Uint32Array([0, 1, 2]),
      ids: new Uint32Array([0, 1]),
    },
  ],
  meta: [{ key: 'searchIndex', value: { nextPn: 2, nextSegment: 2 } }],
};

/** The user report's term counts (passages per term), as v7 stores them and its upgrade computes them. */
const USER_COUNTS_V7 = [{ reportId: USER_ID, counts: { 'jinmixing-yigongti': 1, 'sanyi-xietong': 1 } }];
const USER_ROWS_V7 = { ...USER_ROWS_V6, reportTermCounts: USER_COUNTS_V7 };
/** Rows of the tables a v{version} database holds for the user's report. */
const userRowsOf = (version: number) =>
  version >= 7 ? USER_ROWS_V7 : version >= 6 ? USER_ROWS_V6 : USER_ROWS_V4_NO_POSTINGS;

/** What a clipping stored at `version` must look like after the upgrade to the current version. */
function expectedAfterUpgrade(fixture: ClippingV1 | ClippingRecord, version: number): Record<string, unknown> {
  if (version >= 2) return { ...fixture };
  // v1 → v2: every v1 field kept as it was; derived fields filled; format bumped
  return { ...fixture, format: CLIPPING_FORMAT, dedupKey: v2DedupKey(fixture) };
}

describe('schema history', () => {
  it('is pinned: shipped versions are never edited, only appended', () => {
    expect(SCHEMA_HISTORY.slice(0, PINNED.length)).toEqual(PINNED);
    // versions are assigned to parallel branches, so gaps are allowed; the order is not
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_HISTORY.length).toBe(PINNED.length);
  });

  it('has a clipping fixture for every version', () => {
    for (const { version } of SCHEMA_HISTORY) expect(CLIPPING_FIXTURES[version], `v${version}`).toBeDefined();
  });

  it.each(SCHEMA_HISTORY.map((v) => v.version))(
    'upgrades a v%i database holding clippings (and, from v4, user reports) without loss, field by field',
    { timeout: 60_000 },
    async (version) => {
      const name = `schema-upgrade-from-${version}`;
      const old = new Dexie(name);
      for (const step of SCHEMA_HISTORY.filter((v) => v.version <= version))
        old.version(step.version).stores(step.stores);
      const fixtures = CLIPPING_FIXTURES[version] ?? [];
      await old.table('clippings').bulkPut(fixtures);
      await old.table('settings').put({ key: 'marking', value: { enabled: true } });
      const userRows = version >= 7 ? USER_ROWS_V7 : version >= 6 ? USER_ROWS_V6 : USER_ROWS_V4;
      if (version < 4) {
        await old.table('reports').put(BUNDLED_REPORT_V1);
        await old.table('termHits').bulkPut(BUNDLED_HITS_V1);
      } else for (const [table, rows] of Object.entries(userRows)) await old.table(table).bulkPut(rows);
      old.close();

      const current = new PolicyDatabase(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
      expect(await current.clippings.count()).toBe(fixtures.length);
      for (const fixture of fixtures) {
        const stored = (await current.clippings.get(fixture.id)) as unknown as Record<string, unknown>;
        const expected = expectedAfterUpgrade(fixture, version);
        expect(Object.keys(stored).sort(), fixture.id).toEqual(Object.keys(expected).sort());
        for (const [field, value] of Object.entries(expected))
          expect(stored[field], `${fixture.id}.${field}`).toEqual(value);
      }
      // the new indexes answer for upgraded records
      for (const fixture of fixtures) {
        const expected = expectedAfterUpgrade(fixture, version);
        if (expected.site !== undefined)
          expect(
            await current.clippings
              .where('site')
              .equals(expected.site as string)
              .primaryKeys(),
          ).toContain(fixture.id);
        expect(
          await current.clippings
            .where('dedupKey')
            .equals(expected.dedupKey as string)
            .primaryKeys(),
        ).toContain(fixture.id);
      }
      expect(await current.settings.get('marking')).toEqual({ key: 'marking', value: { enabled: true } });
      // every report has its term counts (v7), counted from its hits, and they match a recount
      expect(await current.reportTermCounts.toArray()).toEqual(
        version < 4
          ? [{ reportId: BUNDLED_REPORT_V1.id, counts: { 'qianxian-gongcheng': 1, 'sanyi-xietong': 2 } }]
          : USER_COUNTS_V7,
      );
      const recount = new Map<string, number>();
      for (const h of await current.termHits.toArray())
        recount.set(`${h.reportId}|${h.termId}`, (recount.get(`${h.reportId}|${h.termId}`) ?? 0) + 1);
      const stored = (await current.reportTermCounts.toArray()).flatMap((r) =>
        Object.entries(r.counts).map(([t, n]) => [`${r.reportId}|${t}`, n]),
      );
      expect(new Map(stored as [string, number][])).toEqual(recount);
      if (version < 4) {
        // reports from before v4 were all bundled, and say so now
        expect(await current.reports.get(BUNDLED_REPORT_V1.id)).toEqual({ ...BUNDLED_REPORT_V1, source: 'bundled' });
        expect(await current.termHits.toArray()).toEqual(BUNDLED_HITS_V1);
      } else {
        // the user's reports come through every later upgrade row for row, and are indexed
        for (const [table, rows] of Object.entries(userRowsOf(version)))
          expect(await current.table(table).toArray(), table).toEqual(rows);
        expect(await current.reports.where('source').equals('user').primaryKeys()).toEqual([USER_ID]);
        // v4/v5 postings were dropped by v6: re-seeding (the corpus format changed) indexes the
        // user's report again from its passages, and search finds it
        if (version < 6) expect(await seedCorpus(current, corpus)).toBe('seeded');
        const { hits } = await searchPassages(current, '章程');
        expect(hits.map((h) => h.passage.id)).toEqual([`${USER_ID}:1`]);
        if (version < 6) {
          // re-seeding kept the user's rows; the report row only gained its place in the index
          for (const table of ['sections', 'passages', 'documents'])
            expect(
              (await current.table(table).toArray()).filter((r) => (r.reportId ?? r.id) === USER_ID),
              table,
            ).toEqual(USER_ROWS_V4[table as 'passages']);
          expect(await current.reports.get(USER_ID)).toEqual({
            ...USER_ROWS_V4.reports[0],
            firstPn: expect.any(Number),
          });
        }
      }
      current.close();
      await Dexie.delete(name);
    },
  );
});

describe('the v1 → v2 upgrade', () => {
  // Keys computed by the code of commit 8c3466b (where v2 shipped): lib/clippings/keys.ts with the
  // fold table of that day, bundled from `git archive 8c3466b lib` with esbuild and run with Node.
  const V2_KEYS: Array<[Parameters<typeof v2DedupKey>[0], string]> = [
    [
      { kind: 'page', quote: '全面促进“三医协同”', urlKey: 'https://example.org/news/1' },
      'page:https://example.org/news/1:20eb0e0624ccff23:8',
    ],
    [
      { kind: 'passage', quote: '深入推进“千县工程”', passageId: 'national-work-conference-2024:5' },
      'passage:national-work-conference-2024:5:d573ce8c8c647609:8',
    ],
    [
      {
        kind: 'page',
        quote: '並且  推進 緊密型縣域醫共體 建設，ＡＢＣ abc\u3000「引號」\u0000',
        url: 'https://example.gov.cn/a.html?utm_source=wx',
      },
      'page:https://example.gov.cn/a.html?utm_source=wx:a45021196cbf1f7a:23',
    ],
    [
      { kind: 'page', quote: '三醫協同發展和治理；優質醫療資源擴容', urlKey: 'https://x.cn/b' },
      'page:https://x.cn/b:1987313a40a48b4b:18',
    ],
    [{ kind: 'passage', quote: '無' }, 'page::659aa23f92181f04:1'],
  ];

  it('computes duplicate keys exactly as the code that shipped v2 did', () => {
    for (const [source, key] of V2_KEYS) expect(v2DedupKey(source), source.quote).toBe(key);
  });

  it('does not follow the live key once the catalogue (and so the fold table) changed', () => {
    // 並 was folded at v2 (its catalogue then had 并); the current table no longer has the pair
    const source = V2_KEYS[2]?.[0] as Parameters<typeof v2DedupKey>[0];
    expect(dedupKey(source)).not.toBe(v2DedupKey(source));
  });

  it('sets a malformed record aside and upgrades all the others', async () => {
    const name = 'schema-upgrade-malformed';
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_HISTORY[0]?.stores ?? {});
    const good = CLIPPING_FIXTURES[1] ?? [];
    const broken = [
      {
        id: 'broken-quote',
        format: 1,
        kind: 'page',
        quote: 42,
        tags: [],
        terms: [],
        note: '',
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'broken-tags',
        format: 1,
        kind: 'page',
        quote: 'x',
        tags: '医改',
        terms: [],
        note: '',
        createdAt: 2,
        updatedAt: 2,
      },
      { id: 7, format: 1, kind: 'page', quote: '数字 id', tags: [], terms: [], note: '', createdAt: 3, updatedAt: 3 },
    ];
    await old.table('clippings').bulkPut([...good, ...broken]);
    old.close();

    const current = new PolicyDatabase(name);
    await current.open();
    expect((await current.clippings.toCollection().primaryKeys()).sort()).toEqual(good.map((c) => c.id).sort());
    for (const fixture of good)
      expect(await current.clippings.get(fixture.id)).toEqual(expectedAfterUpgrade(fixture, 1));
    const aside = (await current.settings.get(SET_ASIDE_KEY))?.value as SetAsideClipping[];
    // kept exactly as stored (in primary-key order: numbers before strings), each with its reason
    expect(aside.map((a) => a.record)).toEqual([broken[2], broken[0], broken[1]]);
    expect(aside.map((a) => a.reason)).toEqual([
      'id is not a string',
      'quote is not a string',
      'tags is not a list of strings',
    ]);
    expect(aside.every((a) => a.version === 2)).toBe(true);
    current.close();
    await Dexie.delete(name);
  });
});
