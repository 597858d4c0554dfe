import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyDatabase } from '../../lib/db/database';
import { CORPUS_TABLES, SCHEMA_HISTORY } from '../../lib/db/schema';
import { dismissCandidate, hideTerm, saveUserTerm, setTermOverride } from '../../lib/db/user-terms';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { effectiveForms } from '../../lib/terms/effective';
import { parseGlossary, planGlossaryImport } from '../../lib/terms/glossary';
import { createTermMatcher } from '../../lib/terms/patterns';

const NAME = 'user-terms-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('user terms (schema v5)', () => {
  it('stores user data outside the corpus tables that re-seeding replaces', () => {
    const v5 = SCHEMA_HISTORY.find((v) => v.version === 5);
    expect(Object.keys(v5?.stores ?? {})).toEqual(['userTerms', 'termOverrides', 'hiddenTerms', 'dismissedCandidates']);
    for (const table of Object.keys(v5?.stores ?? {})) expect(CORPUS_TABLES as readonly string[]).not.toContain(table);
  });

  it('keeps user terms when a v3 database is upgraded, and a v5 database reopens with them', async () => {
    const old = new Dexie(NAME);
    for (const step of SCHEMA_HISTORY.filter((v) => v.version <= 3)) old.version(step.version).stores(step.stores);
    await old.table('settings').put({ key: 'marking', value: { enabled: true } });
    old.close();
    const db = new PolicyDatabase(NAME);
    const { terms } = parseGlossary('术语,别名,类别\n银发经济,银色经济,政策', 'csv');
    const term = terms[0];
    if (!term) throw new Error('no term');
    expect((await saveUserTerm(db, term, ['yinfajingji', 'yfjj'], TERM_FORMS, 1)).ok).toBe(true);
    db.close();
    const again = new PolicyDatabase(NAME);
    const stored = await again.userTerms.get(term.id);
    expect(stored?.canonical).toBe('银发经济');
    expect(stored?.keys).toEqual(['银发经济', '银色经济']);
    expect(await again.userTerms.where('keys').equals('银色经济').count()).toBe(1);
    expect(await again.settings.get('marking')).toEqual({ key: 'marking', value: { enabled: true } });
    again.close();
  });

  it('refuses a term whose form another term owns, naming the conflict, and writes nothing', async () => {
    const db = new PolicyDatabase(NAME);
    const { terms } = parseGlossary('术语,别名\n新名字,医共体', 'csv');
    const result = await saveUserTerm(db, terms[0] as never, [], TERM_FORMS);
    expect(result.ok).toBe(false);
    expect(result.problems.join()).toMatch(/紧密型医共体/u);
    expect(await db.userTerms.count()).toBe(0);
    db.close();
  });

  it('applies overrides, hidden terms and user terms to what the matcher finds', async () => {
    const db = new PolicyDatabase(NAME);
    const { terms } = parseGlossary('术语,别名\n银发经济,银色经济', 'csv');
    expect(planGlossaryImport(terms, TERM_FORMS).add).toHaveLength(1);
    await saveUserTerm(db, terms[0] as never, [], TERM_FORMS);
    await setTermOverride(db, 'qianxian-gongcheng', ['县医院千县行动'], ['千縣工程']);
    await hideTerm(db, 'fangguanfu');
    await dismissCandidate(db, '“全链条”');
    const forms = effectiveForms(
      TERM_FORMS,
      await db.userTerms.toArray(),
      await db.termOverrides.toArray(),
      (await db.hiddenTerms.toArray()).map((h) => h.termId),
    );
    const matcher = createTermMatcher(forms);
    const ids = (text: string) => matcher.findAll(text).map((m) => matcher.patterns[m.pattern]?.termId);
    expect(ids('发展银色经济')).toEqual([terms[0]?.id]);
    expect(ids('推进县医院千县行动')).toEqual(['qianxian-gongcheng']);
    expect(ids('千县工程')).toEqual(['qianxian-gongcheng']);
    expect(forms.find((f) => f.id === 'qianxian-gongcheng')?.aliases).not.toContain('千縣工程');
    expect(forms.some((f) => f.id === 'fangguanfu')).toBe(false);
    expect((await db.dismissedCandidates.get('全链条'))?.name).toBe('“全链条”');
    db.close();
  });
});
