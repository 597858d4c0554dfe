import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { restoreLibrary } from '../../lib/background/library-handlers';
import { withDerived } from '../../lib/clippings/store';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import type { PostingRecord, ReportRecord } from '../../lib/corpus/records';
import { reportPostings } from '../../lib/corpus/report-build';
import { shardEntries } from '../../lib/corpus/segments';
import { checkLibraryBackup, makeBackup, restoreBackup } from '../../lib/db/backup';
import type { PolicyDatabase } from '../../lib/db/database';
import { deleteUserReport, editUserReport, findExisting, putUserReport } from '../../lib/db/library';
import { livePostings, mergeAllSegments, scheduleMerges } from '../../lib/db/postings';
import { seedCorpus } from '../../lib/db/seed';
import { termCard } from '../../lib/db/term-card';
import { applyTermChange } from '../../lib/db/term-hits';
import { dismissCandidate, hideTerm, saveUserTerm, setTermOverride } from '../../lib/db/user-terms';
import { searchPassages } from '../../lib/search/passage-search';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import type { TermData } from '../../lib/terms/types';
import { restoreStoredMatcher, USER_MATCHER_KEY } from '../../lib/terms/user-matcher';
import { userReportMeta as meta } from './fixtures/user-library';
import { freshDatabases } from './fresh-databases';

const { freshDb, deleteAll } = freshDatabases('library-test');
afterEach(async () => {
  fakeBrowser.reset();
  await deleteAll();
});

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

const TEXT_A = [
  '示例市推进县域医疗卫生改革工作要点',
  '一、总体安排',
  '今年全市将继续深化“三医”协同发展和治理，围绕千县工程补齐县医院急诊急救短板，并在两个县开展紧密型医共体医保总额付费试点。',
  '二、具体任务',
  '各县区要在六月底前完成医共体章程修订，明确牵头医院和成员单位的职责，建立统一的药品目录和采购配送平台，年底前接受市里的评估。',
].join('\n');
const TEXT_B = [
  '示例县家庭医生签约服务推进情况',
  '全县组建家庭医生团队八十个，重点人群签约率稳步提高，签约居民在乡镇卫生院就诊可享受优先挂号和慢病长处方服务，群众满意度有所上升。',
].join('\n');

const key = (p: PostingRecord) => `${p.gram}|${p.reportId}|${p.seqs.join(',')}`;

/** What the search index answers, as per-report postings (numbers of deleted reports excluded). */
async function allPostings(db: PolicyDatabase) {
  return (await livePostings(db)).map(key).sort();
}

/** Every passage number stored in the index, stale ones included. */
async function storedNumbers(db: PolicyDatabase) {
  let n = 0;
  for (const shard of await db.shards.toArray()) for (const [, ids] of shardEntries(shard)) n += ids.length;
  return n;
}

// seeding the real corpus into fake-indexeddb takes seconds on a busy machine
describe('user reports in the library', { timeout: 60_000 }, () => {
  it('are ingested like bundled ones: passages, term hits in the card, search', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const before = (await db.terms.get('sanyi-xietong'))?.hitCount ?? 0;
    const report = await putUserReport(db, { meta: meta('user-a', '工作要点'), text: TEXT_A });
    expect(report.source).toBe('user');
    expect(report.passageCount).toBeGreaterThan(0);
    const hits = await db.termHits.where('reportId').equals('user-a').toArray();
    expect(hits.map((h) => h.termId)).toContain('sanyi-xietong');
    expect((await db.terms.get('sanyi-xietong'))?.hitCount).toBe(before + 1);
    const card = await termCard(db, 'sanyi-xietong', 50);
    expect(card?.passages.some((p) => p.reportId === 'user-a')).toBe(true);
    const { hits: found } = await searchPassages(db, '医共体章程修订');
    expect(found.map((h) => h.report.id)).toEqual(['user-a']);
  });

  it('keep postings equal to a full rebuild through adds, an edit and a delete', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await putUserReport(db, { meta: meta('user-b', 'B'), text: TEXT_B });
    await editUserReport(db, 'user-a', { title: 'A2', level: 'provincial' });
    await deleteUserReport(db, 'user-b');
    const passagesA = await db.passages.where('reportId').equals('user-a').toArray();
    const rebuilt = [...corpus.postings, ...reportPostings('user-a', passagesA)].map(key).sort();
    expect(await allPostings(db)).toEqual(rebuilt);
    // merging drops the numbers of the deleted and the replaced report: stored = live
    await mergeAllSegments(db);
    expect(await db.segments.count()).toBe(1);
    expect(await allPostings(db)).toEqual(rebuilt);
    const live = (await livePostings(db)).reduce((n, p) => n + p.seqs.length, 0);
    expect(await storedNumbers(db)).toBe(live);
    expect(await db.passages.where('reportId').equals('user-b').count()).toBe(0);
    expect(await db.termHits.where('reportId').equals('user-b').count()).toBe(0);
    expect((await db.reports.get('user-a'))?.levelRank).toBe(2);
    expect((await db.termHits.where('reportId').equals('user-a').first())?.levelRank).toBe(2);
  });

  it('merge segments of similar size after adds, keeping what the index answers', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const rebuild = async () => {
      const users = (await db.reports.where('source').equals('user').primaryKeys()) as string[];
      const own = await Promise.all(
        users.map(async (id) => reportPostings(id, await db.passages.where('reportId').equals(id).toArray())),
      );
      return [...corpus.postings, ...own.flat()].map(key).sort();
    };
    // reports of one size: one segment each until four of them are there
    for (const i of [0, 1, 2]) await putUserReport(db, { meta: meta(`user-${i}`, `R${i}`), text: TEXT_B });
    expect(await scheduleMerges(db)).toBe(0);
    expect(await db.segments.count()).toBe(4);
    // a deleted report's segment goes with it
    await deleteUserReport(db, 'user-1');
    expect(await db.segments.count()).toBe(3);
    for (const i of [3, 4]) await putUserReport(db, { meta: meta(`user-${i}`, `R${i}`), text: TEXT_B });
    await scheduleMerges(db);
    // the bundled segment (another size) and the four user segments merged into one
    expect(await db.segments.count()).toBe(2);
    expect(await allPostings(db)).toEqual(await rebuild());
    expect((await searchPassages(db, '家庭医生团队八十个')).hits.map((h) => h.report.id).sort()).toEqual([
      'user-0',
      'user-2',
      'user-3',
      'user-4',
    ]);
  });

  it('delete then undo gives back the same rows', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    const rows = async () => ({
      passages: await db.passages.where('reportId').equals('user-a').toArray(),
      hits: await db.termHits.where('reportId').equals('user-a').toArray(),
      postings: await allPostings(db),
      terms: await db.terms.toArray(),
    });
    const before = await rows();
    // firstPn is the report's place in the search index: a re-added report takes a fresh one
    const { addedAt: _a, updatedAt: _u, firstPn: _f, ...reportBefore } = (await db.reports.get('user-a')) ?? {};
    const snapshot = await deleteUserReport(db, 'user-a');
    expect(await db.reports.get('user-a')).toBeUndefined();
    await putUserReport(db, snapshot);
    expect(await rows()).toEqual(before);
    const { addedAt: _a2, updatedAt: _u2, firstPn: _f2, ...reportAfter } = (await db.reports.get('user-a')) ?? {};
    expect(reportAfter).toEqual(reportBefore);
  });

  it('survive re-seeding (hits recomputed with the new catalogue), bundled rows replaced', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    const rowsBefore = {
      passages: await db.passages.where('reportId').equals('user-a').toArray(),
      hits: await db.termHits.where('reportId').equals('user-a').toArray(),
      postings: (await livePostings(db)).filter((p) => p.reportId === 'user-a'),
      report: await db.reports.get('user-a'),
      document: await db.documents.get('user-a'),
    };
    const input = bundledCorpusInput();
    const next = buildCorpus({ ...input, reports: input.reports.slice(0, 4) });
    expect(await seedCorpus(db, next)).toBe('seeded');
    expect(await db.reports.where('source').equals('bundled').count()).toBe(4);
    expect(await db.passages.where('reportId').equals('user-a').toArray()).toEqual(rowsBefore.passages);
    expect(await db.termHits.where('reportId').equals('user-a').toArray()).toEqual(rowsBefore.hits);
    expect((await livePostings(db)).filter((p) => p.reportId === 'user-a')).toEqual(rowsBefore.postings);
    expect(await db.reports.get('user-a')).toEqual(rowsBefore.report);
    expect(await db.documents.get('user-a')).toEqual(rowsBefore.document);
    // hit counts: bundled + the user's
    const bundledCount = next.terms.find((t) => t.id === 'sanyi-xietong')?.hitCount ?? 0;
    expect((await db.terms.get('sanyi-xietong'))?.hitCount).toBe(bundledCount + 1);
    const dropped = input.reports[4]?.id ?? '';
    expect((await livePostings(db)).filter((p) => p.reportId === dropped)).toEqual([]);
    // the index answers for the new bundled rows and the user's: a full rebuild of both
    const userPassages = await db.passages.where('reportId').equals('user-a').toArray();
    expect(await allPostings(db)).toEqual(
      [...next.postings, ...reportPostings('user-a', userPassages)].map(key).sort(),
    );
  });

  it('recognises the same page by URL key or by text', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    expect((await findExisting(db, { urlKey: 'https://example.org/user-a' }))?.id).toBe('user-a');
    expect((await findExisting(db, { text: `  ${TEXT_A.replace(/，/gu, ', ')}` }))?.id).toBe('user-a');
    expect(await findExisting(db, { urlKey: 'https://example.org/other', text: TEXT_B })).toBeUndefined();
  });

  it('write nothing when ingestion fails, and never replace a bundled report', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const count = async () => [
      await db.reports.count(),
      await db.passages.count(),
      await db.segments.count(),
      await db.shards.count(),
    ];
    const before = await count();
    await expect(putUserReport(db, { meta: meta('user-x', 'X'), text: '\n\n' })).rejects.toThrow();
    await expect(
      putUserReport(db, { meta: { ...meta('national-work-conference-2024', 'X') }, text: TEXT_A }),
    ).rejects.toThrow();
    expect(await count()).toEqual(before);
    expect(await db.documents.count()).toBe(0);
  });
});

describe('full backup', { timeout: 60_000 }, () => {
  const clipping = withDerived({
    id: 'c-lib-1',
    kind: 'passage' as const,
    quote: '各县区要在六月底前完成医共体章程修订',
    passageId: 'user-a:1',
    reportId: 'user-a',
    tags: ['文库'],
    terms: [],
    note: '备注',
    createdAt: 1_730_000_000_000,
    updatedAt: 1_730_000_000_000,
  });

  it('round-trips into a fresh profile: same reports, rows, clippings, settings and storage', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await putUserReport(db, { meta: { ...meta('user-b', 'B'), origin: 'pdf', fileName: 'b.pdf' }, text: TEXT_B });
    await db.clippings.put(clipping);
    await db.settings.put({ key: 'clippings.lastBackupAt', value: 5 });
    const json = JSON.stringify(await makeBackup(db, { marking: { enabled: false } }));

    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const check = checkLibraryBackup(json);
    if (!check.ok) throw new Error(check.errors.join('\n'));
    expect(check.storage).toEqual({ marking: { enabled: false } });
    await restoreBackup(fresh, check);
    for (const table of ['passages', 'sections', 'termHits', 'documents'] as const)
      expect(await fresh.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    expect(await allPostings(fresh)).toEqual(await allPostings(db));
    const strip = (r: ReportRecord) => {
      const { updatedAt: _u, firstPn: _f, ...rest } = r;
      return rest;
    };
    expect((await fresh.reports.toArray()).map(strip)).toEqual((await db.reports.toArray()).map(strip));
    expect(await fresh.clippings.toArray()).toEqual(await db.clippings.toArray());
    expect(await fresh.settings.toArray()).toEqual(await db.settings.toArray());
    expect(await fresh.terms.toArray()).toEqual(await db.terms.toArray());
  });

  it('refuses a damaged backup as a whole and writes nothing', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    const backup = await makeBackup(db, {});
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const bad = {
      ...backup,
      reports: [...backup.reports, { meta: { ...backup.reports[0]?.meta, id: 'x' }, text: '' }],
    };
    const check = checkLibraryBackup(JSON.stringify(bad));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.join('\n')).toMatch(/reports\[1\]\.meta\.id[\s\S]*reports\[1\]\.text/u);
    expect(checkLibraryBackup(JSON.stringify(backup).slice(0, -20)).ok).toBe(false);
    expect(checkLibraryBackup(JSON.stringify({ ...backup, format: 'other' })).ok).toBe(false);
    // a report whose text yields no passage passes validation but fails ingestion: nothing is written
    const empty = checkLibraryBackup(
      JSON.stringify({
        ...backup,
        reports: [...backup.reports, { meta: { ...meta('user-z', 'Z') }, text: '（示例附件）' }],
      }),
    );
    expect(empty.ok).toBe(true);
    if (empty.ok) await expect(restoreBackup(fresh, empty)).rejects.toThrow();
    expect(await fresh.reports.where('source').equals('user').count()).toBe(0);
    expect(await fresh.documents.count()).toBe(0);
  });
});

describe('full backup of the user’s terms', { timeout: 60_000 }, () => {
  // 急诊急救 occurs in TEXT_A and is no catalogue form; 牵头医院 is added to 千县工程 as an alias
  const USER_TERM: TermData = {
    id: 'user-jizhen-jijiu',
    canonical: '急诊急救',
    aliases: ['急救急诊'],
    category: 'institution',
    explanation: '示例说明',
    explanationEn: '',
    related: [],
    source: 'user',
  };
  const TERM_STORES = ['userTerms', 'termOverrides', 'hiddenTerms', 'dismissedCandidates'] as const;
  const CHANGED = ['user-jizhen-jijiu', 'qianxian-gongcheng', 'sanyi-xietong'];

  async function libraryWithTerms() {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    expect((await saveUserTerm(db, USER_TERM, ['jzjj'], CATALOGUE, 1_730_000_000_000)).ok).toBe(true);
    await setTermOverride(db, 'qianxian-gongcheng', ['牵头医院'], [], 1_730_000_000_001);
    await hideTerm(db, 'sanyi-xietong', 1_730_000_000_002);
    await dismissCandidate(db, '章程修订', 1_730_000_000_003);
    await applyTermChange(db, CATALOGUE, CHANGED);
    return db;
  }
  const hitsOf = async (db: PolicyDatabase, id: string) => db.termHits.where('termId').equals(id).toArray();

  it('round-trips into a fresh profile: same term stores, term rows and hits', async () => {
    const db = await libraryWithTerms();
    // the source library really has what the restore must give back
    expect((await hitsOf(db, 'user-jizhen-jijiu')).map((h) => h.reportId)).toContain('user-a');
    expect((await hitsOf(db, 'qianxian-gongcheng')).some((h) => h.forms.includes('牵头医院'))).toBe(true);
    expect(await hitsOf(db, 'sanyi-xietong')).toEqual([]);
    const backup = await makeBackup(db, { [USER_MATCHER_KEY]: { format: 1 }, marking: { enabled: true } });
    expect(backup.version).toBe(2);
    // the compiled matcher is derived: rebuilt on restore, never carried in the file
    expect(backup.storage).toEqual({ marking: { enabled: true } });
    const carried = checkLibraryBackup(JSON.stringify({ ...backup, storage: { [USER_MATCHER_KEY]: 1, a: 2 } }));
    expect(carried.ok && carried.storage).toEqual({ a: 2 });
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const check = checkLibraryBackup(JSON.stringify(backup));
    if (!check.ok) throw new Error(check.errors.join('\n'));
    await restoreBackup(fresh, check, CATALOGUE);
    for (const table of TERM_STORES)
      expect(await fresh.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    for (const id of CHANGED) {
      expect(await hitsOf(fresh, id), id).toEqual(await hitsOf(db, id));
      expect(await fresh.terms.get(id), id).toEqual(await db.terms.get(id));
    }
    expect(await fresh.termHits.toArray()).toEqual(await db.termHits.toArray());
    expect(await fresh.terms.toArray()).toEqual(await db.terms.toArray());
  });

  it('publishes the pages’ matcher after a restore through the background', async () => {
    const db = await libraryWithTerms();
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const backup = await makeBackup(db, { marking: { enabled: false } });
    // a matcher slipped into the file's storage never stands in for the rebuilt one
    const check = checkLibraryBackup(
      JSON.stringify({ ...backup, storage: { ...backup.storage, [USER_MATCHER_KEY]: 'x' } }),
    );
    if (!check.ok) throw new Error(check.errors.join('\n'));
    await restoreLibrary(fresh, check);
    expect((await fakeBrowser.storage.local.get('marking')).marking).toEqual({ enabled: false });
    const stored = restoreStoredMatcher(
      (await fakeBrowser.storage.local.get(USER_MATCHER_KEY))[USER_MATCHER_KEY],
      TERM_FORMS,
    );
    if (!stored) throw new Error('no stored matcher');
    const ids = (text: string) => stored.matcher.findAll(text).map((m) => stored.matcher.patterns[m.pattern]?.termId);
    expect(ids('加强急诊急救能力')).toEqual(['user-jizhen-jijiu']);
    expect(ids('由牵头医院负责')).toEqual(['qianxian-gongcheng']);
    expect(ids('三医协同')).toEqual([]);
    expect(stored.names.get('user-jizhen-jijiu')).toBe('急诊急救');
  });

  it('still restores a version-1 backup (no term stores)', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await db.settings.put({ key: 'clippings.lastBackupAt', value: 5 });
    const {
      userTerms: _u,
      termOverrides: _o,
      hiddenTerms: _h,
      dismissedCandidates: _d,
      ...v2
    } = await makeBackup(db, {});
    const v1 = { ...v2, version: 1 };
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const check = checkLibraryBackup(JSON.stringify(v1));
    if (!check.ok) throw new Error(check.errors.join('\n'));
    expect(check.userTerms).toEqual([]);
    await restoreBackup(fresh, check, CATALOGUE);
    expect(await fresh.termHits.toArray()).toEqual(await db.termHits.toArray());
    expect(await fresh.settings.toArray()).toEqual(await db.settings.toArray());
    for (const table of TERM_STORES) expect(await fresh.table(table).count(), table).toBe(0);
    // a version-2 file must carry the stores
    const missing = checkLibraryBackup(JSON.stringify({ ...v1, version: 2 }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.join('\n')).toMatch(/userTerms 应为/u);
  });

  it('refuses malformed term records with a message per field and writes nothing', async () => {
    const db = await libraryWithTerms();
    const backup = await makeBackup(db, {});
    const term = backup.userTerms[0] as unknown as Record<string, unknown>;
    const bad = {
      ...backup,
      userTerms: [
        { ...term, aliases: [['嵌套']] },
        { ...term, id: 'user-other', canonical: 42 },
        { ...term, id: 'user-third', canonical: '第三', aliases: [], pinyin: 'x', createdAt: '昨天' },
        [1, 2],
      ],
      termOverrides: [{ termId: 'qianxian-gongcheng', addAliases: [['牵头医院']], removeAliases: null, updatedAt: 1 }],
      hiddenTerms: [{ termId: 7, hiddenAt: -1 }],
      dismissedCandidates: [{ key: 1, name: [], dismissedAt: 1.5 }, 'x'],
    };
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const termsBefore = await fresh.terms.toArray();
    const hitsBefore = await fresh.termHits.count();
    let check: ReturnType<typeof checkLibraryBackup> | undefined;
    expect(() => {
      check = checkLibraryBackup(JSON.stringify(bad));
    }).not.toThrow();
    if (!check || check.ok) throw new Error('a malformed backup was accepted');
    const text = check.errors.join('\n');
    for (const expected of [
      /userTerms\[0\]：aliases: a list of strings/u,
      /userTerms\[1\]：canonical: empty/u,
      /userTerms\[2\]\.pinyin：应为字符串数组/u,
      /userTerms\[2\]\.createdAt：应为毫秒时间戳/u,
      /userTerms\[3\]：应为词条对象/u,
      /termOverrides\[0\]\.addAliases：/u,
      /termOverrides\[0\]\.removeAliases：/u,
      /hiddenTerms\[0\]\.termId：/u,
      /hiddenTerms\[0\]\.hiddenAt：/u,
      /dismissedCandidates\[0\]\.name：/u,
      /dismissedCandidates\[0\]\.dismissedAt：/u,
      /dismissedCandidates\[1\]：/u,
    ])
      expect(text).toMatch(expected);
    // two terms sharing a form, and a store that is not an array
    const clash = checkLibraryBackup(
      JSON.stringify({ ...backup, userTerms: [term, { ...term, id: 'user-copy', aliases: [] }], hiddenTerms: {} }),
    );
    expect(clash.ok).toBe(false);
    if (!clash.ok) {
      expect(clash.errors.join('\n')).toMatch(/“急诊急救”同时是 user-jizhen-jijiu 和 user-copy 的名称/u);
      expect(clash.errors.join('\n')).toMatch(/hiddenTerms 应为/u);
    }
    for (const table of TERM_STORES) expect(await fresh.table(table).count(), table).toBe(0);
    expect(await fresh.terms.toArray()).toEqual(termsBefore);
    expect(await fresh.termHits.count()).toBe(hitsBefore);
  });

  it('refuses, writing nothing, a restored term that shares a form with another term already here', async () => {
    const db = await libraryWithTerms();
    const check = checkLibraryBackup(JSON.stringify(await makeBackup(db, {})));
    if (!check.ok) throw new Error(check.errors.join('\n'));
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    expect((await saveUserTerm(fresh, { ...USER_TERM, id: 'user-mine', aliases: [] }, [], CATALOGUE)).ok).toBe(true);
    await expect(restoreBackup(fresh, check, CATALOGUE)).rejects.toThrow(/急诊急救/u);
    expect((await fresh.userTerms.toArray()).map((t) => t.id)).toEqual(['user-mine']);
    expect(await fresh.reports.where('source').equals('user').count()).toBe(0);
    expect(await fresh.termOverrides.count()).toBe(0);
  });
});
