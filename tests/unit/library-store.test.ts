import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withDerived } from '../../lib/clippings/store';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import type { PostingRecord, ReportRecord } from '../../lib/corpus/records';
import { reportPostings } from '../../lib/corpus/report-build';
import { checkLibraryBackup, makeBackup, restoreBackup } from '../../lib/db/backup';
import { PolicyDatabase } from '../../lib/db/database';
import { deleteUserReport, editUserReport, findExisting, putUserReport } from '../../lib/db/library';
import { seedCorpus } from '../../lib/db/seed';
import { termCard } from '../../lib/db/term-card';
import { searchPassages } from '../../lib/search/passage-search';

let counter = 0;
const opened: PolicyDatabase[] = [];
function freshDb(): PolicyDatabase {
  const db = new PolicyDatabase(`library-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
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

const meta = (id: string, title: string) => ({
  id,
  title,
  issuer: '示例市卫生健康委员会',
  level: 'municipal' as const,
  region: '示例市',
  date: '2025-02-10',
  description: '',
  urlKey: `https://example.org/${id}`,
});

const key = (p: PostingRecord) => `${p.gram}|${p.reportId}|${p.seqs.join(',')}`;

async function allPostings(db: PolicyDatabase) {
  return (await db.postings.toArray()).map(key).sort();
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
    expect(await db.passages.where('reportId').equals('user-b').count()).toBe(0);
    expect(await db.termHits.where('reportId').equals('user-b').count()).toBe(0);
    expect((await db.reports.get('user-a'))?.levelRank).toBe(2);
    expect((await db.termHits.where('reportId').equals('user-a').first())?.levelRank).toBe(2);
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
    const { addedAt: _a, updatedAt: _u, ...reportBefore } = (await db.reports.get('user-a')) ?? {};
    const snapshot = await deleteUserReport(db, 'user-a');
    expect(await db.reports.get('user-a')).toBeUndefined();
    await putUserReport(db, snapshot);
    expect(await rows()).toEqual(before);
    const { addedAt: _a2, updatedAt: _u2, ...reportAfter } = (await db.reports.get('user-a')) ?? {};
    expect(reportAfter).toEqual(reportBefore);
  });

  it('survive re-seeding (hits recomputed with the new catalogue), bundled rows replaced', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    const rowsBefore = {
      passages: await db.passages.where('reportId').equals('user-a').toArray(),
      hits: await db.termHits.where('reportId').equals('user-a').toArray(),
      postings: await db.postings.where('reportId').equals('user-a').toArray(),
      document: await db.documents.get('user-a'),
    };
    const input = bundledCorpusInput();
    const next = buildCorpus({ ...input, reports: input.reports.slice(0, 4) });
    expect(await seedCorpus(db, next)).toBe('seeded');
    expect(await db.reports.where('source').equals('bundled').count()).toBe(4);
    expect(await db.passages.where('reportId').equals('user-a').toArray()).toEqual(rowsBefore.passages);
    expect(await db.termHits.where('reportId').equals('user-a').toArray()).toEqual(rowsBefore.hits);
    expect(await db.postings.where('reportId').equals('user-a').toArray()).toEqual(rowsBefore.postings);
    expect(await db.documents.get('user-a')).toEqual(rowsBefore.document);
    // hit counts: bundled + the user's
    const bundledCount = next.terms.find((t) => t.id === 'sanyi-xietong')?.hitCount ?? 0;
    expect((await db.terms.get('sanyi-xietong'))?.hitCount).toBe(bundledCount + 1);
    const dropped = input.reports[4]?.id ?? '';
    expect(await db.postings.where('reportId').equals(dropped).count()).toBe(0);
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
    const count = async () => [await db.reports.count(), await db.passages.count(), await db.postings.count()];
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
    for (const table of ['passages', 'sections', 'termHits', 'postings', 'documents'] as const)
      expect(await fresh.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    const strip = (r: ReportRecord) => {
      const { updatedAt: _u, ...rest } = r;
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
