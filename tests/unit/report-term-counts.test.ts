import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { checkLibraryBackup, makeBackup, restoreBackup } from '../../lib/db/backup';
import type { PolicyDatabase } from '../../lib/db/database';
import { deleteUserReport, editUserReport, putUserReport } from '../../lib/db/library';
import { applyHitDelta } from '../../lib/db/report-term-counts';
import { seedCorpus } from '../../lib/db/seed';
import { applyTermChange } from '../../lib/db/term-hits';
import { hideTerm, saveUserTerm, setTermOverride, unhideTerm } from '../../lib/db/user-terms';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { userReportMeta as meta, USER_TERM } from './fixtures/user-library';
import { freshDatabases } from './fresh-databases';

// The cross-reference page paints from the stored per-report term counts (schema v7) and never
// reads the hits for it: every write that changes hits must leave those rows equal to a count of
// the hits. Each step below changes hits one way and checks every report's row against a full scan.

const { freshDb, deleteAll } = freshDatabases('report-term-counts');
afterEach(deleteAll);

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

const TEXT_A = [
  '示例市推进县域医疗卫生改革工作要点',
  '一、总体安排',
  '今年全市将继续深化“三医”协同发展和治理，围绕千县工程补齐县医院短板，并在两个县开展紧密型医共体试点。',
  '二、具体任务',
  '各县区要完成医共体章程修订，三家公立医院开通线上医院，复诊患者可在线续方，医共体内检查结果互认。',
].join('\n');
// a re-import of user-a with other text: other terms, other counts
const TEXT_A2 = [
  '示例市家庭医生签约服务推进情况',
  '全市深化“三医”协同发展和治理，家庭医生团队八十个，签约居民在乡镇卫生院就诊可享受优先挂号服务。',
].join('\n');
const TEXT_B = [
  '示例县医共体建设情况',
  '全县推进紧密型县域医共体建设，医共体牵头医院下沉专家，千县工程建设任务按期完成。',
].join('\n');

/** Every report's row as `report|term|count` lines, and the same counted from the hits. */
async function storedAndRecounted(db: PolicyDatabase) {
  const reportIds = (await db.reports.toCollection().primaryKeys()) as string[];
  const fromHits = new Map<string, number>();
  for (const hit of await db.termHits.toArray()) {
    const key = `${hit.reportId}|${hit.termId}`;
    fromHits.set(key, (fromHits.get(key) ?? 0) + 1);
  }
  const rows = await db.reportTermCounts.toArray();
  return {
    rowIds: rows.map((r) => r.reportId).sort(),
    reportIds: [...reportIds].sort(),
    stored: rows.flatMap((r) => Object.entries(r.counts).map(([t, n]) => `${r.reportId}|${t}|${n}`)).sort(),
    recounted: [...fromHits].map(([k, n]) => `${k}|${n}`).sort(),
  };
}

/** One row per report, no other, each equal to its hits counted afresh. */
async function expectCountsMatchHits(db: PolicyDatabase, step: string) {
  const { rowIds, reportIds, stored, recounted } = await storedAndRecounted(db);
  expect(rowIds, `${step}: a row per report`).toEqual(reportIds);
  expect(stored, `${step}: counts`).toEqual(recounted);
  return stored;
}

const countOf = async (db: PolicyDatabase, reportId: string, termId: string) =>
  (await db.reportTermCounts.get(reportId))?.counts[termId] ?? 0;

describe('per-report term counts stay equal to the hits', { timeout: 120_000 }, () => {
  it('through seeding, adding, editing, re-importing, deleting and undoing a user report', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const seeded = await expectCountsMatchHits(db, 'seed');
    expect(seeded.length).toBeGreaterThan(20);

    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await expectCountsMatchHits(db, 'add');
    expect(await countOf(db, 'user-a', 'jinmixing-yigongti')).toBeGreaterThan(0);

    await putUserReport(db, { meta: meta('user-b', 'B'), text: TEXT_B });
    await editUserReport(db, 'user-a', { level: 'county', title: 'A2' });
    await expectCountsMatchHits(db, 'edit');

    // re-importing other text under the same id replaces the report's counts
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A2 });
    await expectCountsMatchHits(db, 're-import');
    expect(await countOf(db, 'user-a', 'jinmixing-yigongti')).toBe(0);

    const snapshot = await deleteUserReport(db, 'user-a');
    await expectCountsMatchHits(db, 'delete');
    expect(await db.reportTermCounts.get('user-a')).toBeUndefined();

    await putUserReport(db, snapshot);
    await expectCountsMatchHits(db, 'undo');
    expect(await countOf(db, 'user-a', 'sanyi-xietong')).toBe(1);
  });

  it('through term changes: a user term added, aliases added and removed, a term hidden and shown', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await putUserReport(db, { meta: meta('user-b', 'B'), text: TEXT_B });

    expect((await saveUserTerm(db, USER_TERM, [], CATALOGUE)).ok).toBe(true);
    await applyTermChange(db, CATALOGUE, [USER_TERM.id]);
    await expectCountsMatchHits(db, 'user term added');
    expect(await countOf(db, 'user-a', USER_TERM.id)).toBe(1);

    // 医共体 no longer a form of the bundled term: its counts fall where only 医共体 was written
    const before = await countOf(db, 'user-a', 'jinmixing-yigongti');
    await setTermOverride(db, 'jinmixing-yigongti', ['县域医共体'], ['医共体']);
    await applyTermChange(db, CATALOGUE, ['jinmixing-yigongti']);
    await expectCountsMatchHits(db, 'aliases changed');
    expect(await countOf(db, 'user-a', 'jinmixing-yigongti')).toBeLessThan(before);

    const hidden = await db.termHits.where('termId').equals('fangguanfu').count();
    expect(hidden).toBeGreaterThan(0);
    await hideTerm(db, 'fangguanfu');
    await applyTermChange(db, CATALOGUE, ['fangguanfu']);
    await expectCountsMatchHits(db, 'hidden');
    await unhideTerm(db, 'fangguanfu');
    await applyTermChange(db, CATALOGUE, ['fangguanfu']);
    await expectCountsMatchHits(db, 'shown again');

    // a re-seed (new corpus version, user reports kept) re-applies the user's terms over new counts
    const input = bundledCorpusInput();
    expect(await seedCorpus(db, buildCorpus({ ...input, reports: input.reports.slice(0, 4) }))).toBe('seeded');
    await expectCountsMatchHits(db, 're-seed with user reports');
    expect(await countOf(db, 'user-a', USER_TERM.id)).toBe(1);
  });

  it('through a backup restored into a fresh profile', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await saveUserTerm(db, USER_TERM, [], CATALOGUE);
    await setTermOverride(db, 'qianxian-gongcheng', ['县医院短板'], []);
    await applyTermChange(db, CATALOGUE, [USER_TERM.id, 'qianxian-gongcheng']);
    const json = JSON.stringify(await makeBackup(db, {}));

    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    const check = checkLibraryBackup(json);
    if (!check.ok) throw new Error(check.errors.join('\n'));
    await restoreBackup(fresh, check);
    const restored = await expectCountsMatchHits(fresh, 'restore');
    expect(restored).toEqual(await expectCountsMatchHits(db, 'backed up'));
    expect(await countOf(fresh, 'user-a', USER_TERM.id)).toBe(1);
  });

  it('counts a report without a row again from its hits when a term change reaches it', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-a', 'A'), text: TEXT_A });
    await db.reportTermCounts.delete('user-a');
    const hit = await db.termHits.where('reportId').equals('user-a').first();
    if (!hit) throw new Error('no hit');
    await applyHitDelta(db, [], [{ termId: 'some-term', reportId: 'user-a' }]);
    // the row is the report's hits as stored (the delta is already in them), not the delta alone
    expect(await countOf(db, 'user-a', hit.termId)).toBeGreaterThan(0);
    expect(await countOf(db, 'user-a', 'some-term')).toBe(0);
    await expectCountsMatchHits(db, 'recounted');
  });
});
