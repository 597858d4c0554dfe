import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addAlias, addTerm, importPlan, planImport, removeAlias, setHidden } from '../../components/terms/term-actions';
import { addTermUrl } from '../../lib/background/terms-menu';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { seedCorpus } from '../../lib/db/seed';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { parseGlossary } from '../../lib/terms/glossary';
import { restoreStoredMatcher, USER_MATCHER_KEY } from '../../lib/terms/user-matcher';

let counter = 0;
const opened: PolicyDatabase[] = [];
function freshDb(): PolicyDatabase {
  const db = new PolicyDatabase(`terms-page-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  fakeBrowser.reset();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

async function storedMatcher() {
  const value = (await fakeBrowser.storage.local.get(USER_MATCHER_KEY))[USER_MATCHER_KEY];
  return value === undefined ? null : restoreStoredMatcher(value, TERM_FORMS);
}
const idsIn = (m: NonNullable<Awaited<ReturnType<typeof storedMatcher>>>, text: string) =>
  m.matcher.findAll(text).map((x) => m.matcher.patterns[x.pattern]?.termId);

describe('terms.html actions', () => {
  it('adding a term stores it with pinyin, writes its hits and publishes the pages’ matcher', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    expect(await storedMatcher()).toBeNull();
    const result = await addTerm(db, {
      canonical: '互联网医院',
      aliases: ['线上医院'],
      category: 'institution',
      explanation: '',
    });
    expect(result).toEqual({ ok: true, problems: [] });
    const [stored] = await db.userTerms.toArray();
    expect(stored?.pinyin).toContain('hlwyy');
    expect(
      await db.termHits
        .where('termId')
        .equals(stored?.id ?? '')
        .count(),
    ).toBeGreaterThan(0);
    const m = await storedMatcher();
    if (!m) throw new Error('no stored matcher');
    expect(idsIn(m, '开通互联网医院')).toEqual([stored?.id]);
    expect(m.names.get(stored?.id ?? '')).toBe('互联网医院');
    // a name another term owns is refused, nothing written
    const clash = await addTerm(db, { canonical: '新名字', aliases: ['医共体'], category: 'program', explanation: '' });
    expect(clash.ok).toBe(false);
    expect(await db.userTerms.count()).toBe(1);
  });

  it('aliases of a bundled term become overrides; hiding takes the term out of the matcher', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    expect((await addAlias(db, 'qianxian-gongcheng', '县医院提标工程')).ok).toBe(true);
    expect(await db.termOverrides.get('qianxian-gongcheng')).toMatchObject({ addAliases: ['县医院提标工程'] });
    let m = await storedMatcher();
    if (!m) throw new Error('no stored matcher');
    expect(idsIn(m, '推进县医院提标工程')).toEqual(['qianxian-gongcheng']);
    expect((await addAlias(db, 'qianxian-gongcheng', '医共体')).ok).toBe(false);
    await removeAlias(db, 'qianxian-gongcheng', '县医院提标工程');
    await setHidden(db, 'fangguanfu', true);
    m = await storedMatcher();
    if (!m) throw new Error('no stored matcher');
    expect(idsIn(m, '推进县医院提标工程')).toEqual([]);
    expect(m.matcher.patterns.some((p) => p.termId === 'fangguanfu')).toBe(false);
    await setHidden(db, 'fangguanfu', false);
    // nothing of the user's left: the stored matcher is removed, pages use the bundled one
    expect(await storedMatcher()).toBeNull();
    expect(await db.terms.get('fangguanfu')).toBeDefined();
  });

  it('imports a clean glossary plan and refuses one with conflicts, writing nothing', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    const bad = await planImport(db, parseGlossary('术语,别名\n甲乙工程,丙丁工程\n戊己计划,医共体', 'csv').terms);
    expect(bad.conflicts).toHaveLength(1);
    expect((await importPlan(db, bad)).ok).toBe(false);
    expect(await db.userTerms.count()).toBe(0);
    const good = await planImport(
      db,
      parseGlossary('术语,别名\n甲乙工程,丙丁工程\n互联网医院,线上医院\n千县工程,', 'csv').terms,
    );
    expect(good.duplicates).toHaveLength(1);
    expect((await importPlan(db, good)).ok).toBe(true);
    expect(await db.userTerms.count()).toBe(2);
    expect(
      (await db.terms.toArray())
        .filter((t) => t.source === 'user')
        .map((t) => t.canonical)
        .sort(),
    ).toEqual(['互联网医院', '甲乙工程'].sort());
  });

  it('the context menu opens terms.html with the selection, trimmed and bounded', () => {
    const url = new URL(addTermUrl('  互联网\n医院  '));
    expect(url.pathname).toBe('/terms.html');
    expect(url.searchParams.get('add')).toBe('互联网 医院');
    expect(new URL(addTermUrl('长'.repeat(500))).searchParams.get('add')).toHaveLength(60);
  });
});
