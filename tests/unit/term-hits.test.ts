import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { reportHits } from '../../lib/corpus/report-build';
import { PolicyDatabase } from '../../lib/db/database';
import { putUserReport } from '../../lib/db/library';
import { seedCorpus } from '../../lib/db/seed';
import { termCard } from '../../lib/db/term-card';
import { applyTermChange, effectiveEntries } from '../../lib/db/term-hits';
import { deleteUserTerm, hideTerm, saveUserTerm, setTermOverride, unhideTerm } from '../../lib/db/user-terms';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { createTermMatcher } from '../../lib/terms/patterns';
import { USER_TERM } from './fixtures/user-library';

let counter = 0;
const opened: PolicyDatabase[] = [];
function freshDb(): PolicyDatabase {
  const db = new PolicyDatabase(`term-hits-test-${++counter}`);
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

const USER_TEXT = [
  '示例市线上医院建设情况',
  '全市三家公立医院开通线上医院，复诊患者可在线续方，药品配送到家，同时推进紧密型医共体内检查结果互认。',
].join('\n');
const userMeta = {
  id: 'user-a',
  title: '示例市线上医院建设情况',
  issuer: '示例市卫生健康委员会',
  level: 'municipal' as const,
  region: '示例市',
  date: '2025-02-10',
  description: '',
  urlKey: 'https://example.org/user-a',
};

const hitKey = (h: { termId: string; passageId: string; count: number; forms: string[] }) =>
  `${h.termId}|${h.passageId}|${h.count}|${h.forms.join('/')}`;

/** What a full rebuild with the effective catalogue gives: the incremental writes must equal it. */
async function expectSameAsFullRebuild(db: PolicyDatabase) {
  const entries = await effectiveEntries(db, CATALOGUE);
  const matcher = createTermMatcher(entries, { context: 'known' });
  const reports = new Map((await db.reports.toArray()).map((r) => [r.id, r]));
  const expected: string[] = [];
  for (const passage of await db.passages.toArray()) {
    const report = reports.get(passage.reportId);
    if (report) expected.push(...reportHits(report, [passage], matcher).map(hitKey));
  }
  expect((await db.termHits.toArray()).map(hitKey).sort()).toEqual(expected.sort());
  const counts = new Map<string, number>();
  for (const hit of await db.termHits.toArray()) counts.set(hit.termId, (counts.get(hit.termId) ?? 0) + 1);
  const rows = await db.terms.toArray();
  expect(rows.map((t) => t.id).sort()).toEqual(entries.map((e) => e.id).sort());
  for (const row of rows) expect([row.id, row.hitCount]).toEqual([row.id, counts.get(row.id) ?? 0]);
}

describe('a term change is applied to the library at once, for that term', () => {
  it('adds a user term: its row (source user), its hits in bundled and user reports, its card', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: userMeta, text: USER_TEXT });
    expect(await db.termHits.where('termId').equals(USER_TERM.id).count()).toBe(0);
    expect((await saveUserTerm(db, USER_TERM, [], CATALOGUE)).ok).toBe(true);
    const result = await applyTermChange(db, CATALOGUE, [USER_TERM.id]);
    const hits = await db.termHits.where('termId').equals(USER_TERM.id).toArray();
    expect(new Set(hits.map((h) => h.reportId)).has('user-a')).toBe(true);
    expect(hits.some((h) => h.reportId !== 'user-a')).toBe(true);
    expect(result.hits[USER_TERM.id]).toBe(hits.length);
    // only the passages its forms touch were matched again, not the library
    expect(result.passages).toBe(hits.length);
    expect(result.passages).toBeLessThan((await db.passages.count()) / 10);
    const row = await db.terms.get(USER_TERM.id);
    expect(row?.source).toBe('user');
    expect(row?.hitCount).toBe(hits.length);
    const card = await termCard(db, USER_TERM.id);
    expect(card?.passages.some((p) => p.text.includes('互联网医院'))).toBe(true);
    await expectSameAsFullRebuild(db);

    // deleting it takes its row and hits away again
    await deleteUserTerm(db, USER_TERM.id);
    await applyTermChange(db, CATALOGUE, [USER_TERM.id]);
    expect(await db.terms.get(USER_TERM.id)).toBeUndefined();
    expect(await db.termHits.where('termId').equals(USER_TERM.id).count()).toBe(0);
    await expectSameAsFullRebuild(db);
  });

  it('applies overrides of a bundled term (alias added and removed) and hiding/unhiding', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const yigongti = CATALOGUE.find((t) => t.id === 'jinmixing-yigongti');
    if (!yigongti) throw new Error('no jinmixing-yigongti');
    const before = await db.termHits.where('termId').equals(yigongti.id).toArray();
    expect(before.some((h) => h.forms.includes('医共体'))).toBe(true);
    const removed = yigongti.aliases.filter((a) => a === '医共体');
    expect(removed).toHaveLength(1);
    await setTermOverride(db, yigongti.id, ['互联网医院'], removed);
    await applyTermChange(db, CATALOGUE, [yigongti.id]);
    const hits = await db.termHits.where('termId').equals(yigongti.id).toArray();
    expect(hits.some((h) => h.forms.includes('互联网医院'))).toBe(true);
    expect(hits.some((h) => h.forms.includes('医共体'))).toBe(false);
    expect((await db.terms.get(yigongti.id))?.aliases).toContain('互联网医院');
    await expectSameAsFullRebuild(db);

    const hiddenHits = await db.termHits.where('termId').equals('fangguanfu').count();
    expect(hiddenHits).toBeGreaterThan(0);
    await hideTerm(db, 'fangguanfu');
    await applyTermChange(db, CATALOGUE, ['fangguanfu']);
    expect(await db.termHits.where('termId').equals('fangguanfu').count()).toBe(0);
    expect(await db.terms.get('fangguanfu')).toBeUndefined();
    await expectSameAsFullRebuild(db);
    await unhideTerm(db, 'fangguanfu');
    await applyTermChange(db, CATALOGUE, ['fangguanfu']);
    expect(await db.termHits.where('termId').equals('fangguanfu').count()).toBe(hiddenHits);
    expect((await db.terms.get('fangguanfu'))?.hitCount).toBe(hiddenHits);
    await expectSameAsFullRebuild(db);
  });

  it("re-seeding re-adds the user's terms, overrides and hidden terms with their hits", async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: userMeta, text: USER_TEXT });
    await saveUserTerm(db, USER_TERM, [], CATALOGUE);
    await setTermOverride(db, 'qianxian-gongcheng', ['县医院综合能力提升'], []);
    await hideTerm(db, 'fangguanfu');
    await applyTermChange(db, CATALOGUE, [USER_TERM.id, 'qianxian-gongcheng', 'fangguanfu']);
    const userHits = (await db.termHits.where('termId').equals(USER_TERM.id).toArray()).map(hitKey).sort();
    expect(userHits.length).toBeGreaterThan(1);

    // a new corpus version clears `terms` and the bundled hits
    const input = bundledCorpusInput();
    expect(await seedCorpus(db, buildCorpus({ ...input, reports: [...input.reports].reverse() }))).toBe('seeded');
    expect((await db.terms.get(USER_TERM.id))?.source).toBe('user');
    expect((await db.termHits.where('termId').equals(USER_TERM.id).toArray()).map(hitKey).sort()).toEqual(userHits);
    expect(await db.terms.get('fangguanfu')).toBeUndefined();
    expect(await db.termHits.where('termId').equals('fangguanfu').count()).toBe(0);
    expect((await db.terms.get('qianxian-gongcheng'))?.aliases).toContain('县医院综合能力提升');
    await expectSameAsFullRebuild(db);
  });
});
