import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../lib/terms/catalogue';
import catalogueSource from '../../lib/terms/catalogue-forms.ts?raw';
import { createTermMatcher, termKeys } from '../../lib/terms/patterns';
import { normalizeKey } from '../../lib/text/fold';
import { TRAD_FOLD_PAIRS } from '../../lib/text/trad-fold-table';
import { buildTradFoldPairs } from '../../scripts/trad-fold.mjs';

const matcher = createTermMatcher(CATALOGUE);
const byId = new Map(CATALOGUE.map((t) => [t.id, t]));

describe('term catalogue', () => {
  it('has unique ids and at least the ~90 quoted names plus unquoted programmes', () => {
    expect(new Set(CATALOGUE.map((t) => t.id)).size).toBe(CATALOGUE.length);
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(95);
  });

  it('never gives two terms the same normalised form', () => {
    const owner = new Map<string, string>();
    for (const term of CATALOGUE) {
      const forms = [term.canonical, ...term.aliases];
      // a traditional alias may fold onto the canonical key; a literal repeat is a mistake
      expect(new Set(forms).size, `${term.id} repeats a form`).toBe(forms.length);
      for (const key of new Set(forms.map(normalizeKey))) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${term.id}`).toBeUndefined();
        owner.set(key, term.id);
      }
    }
  });

  it('matches every alias, standing alone, as its own term', () => {
    for (const term of CATALOGUE) {
      for (const form of [term.canonical, ...term.aliases]) {
        const matches = matcher.findAll(form);
        expect(matches, `${term.id}: ${form}`).toHaveLength(1);
        const match = matches[0];
        expect(matcher.patterns[match?.pattern ?? -1]?.termId, form).toBe(term.id);
        expect([match?.start, match?.end]).toEqual([0, form.length]);
      }
    }
  });

  it('has complete entries with related ids that exist', () => {
    for (const term of CATALOGUE) {
      expect(term.explanation.length, term.id).toBeGreaterThan(8);
      expect(term.explanationEn.length, term.id).toBeGreaterThan(8);
      for (const related of term.related) expect(byId.has(related), `${term.id} → ${related}`).toBe(true);
    }
  });

  it('has the three flagship entries complete', () => {
    const sanyi = byId.get('sanyi-xietong');
    const keys = new Set(sanyi ? termKeys(sanyi) : []);
    for (const form of ['“三医协同”', '“三医”协同发展和治理', '三医协同发展和治理', '“三医”协同治理', '三醫協同']) {
      expect(keys.has(normalizeKey(form)), form).toBe(true);
    }
    const parts = ['医疗', '医保', '医药'];
    const orders = parts.flatMap((a) =>
      parts.flatMap((b) => parts.filter((c) => c !== a && c !== b && a !== b).map((c) => [a, b, c])),
    );
    expect(orders).toHaveLength(6);
    for (const order of orders) {
      for (const conj of ['和', '与']) {
        for (const tail of [`发展${conj}治理`, `治理${conj}发展`]) {
          const form = `${order.join('、')}协同${tail}`;
          expect(keys.has(normalizeKey(form)), form).toBe(true);
        }
      }
    }
    expect(sanyi?.related).toContain('sanyi-liandong');
    expect(sanyi?.note ?? '').toMatch(/三医联动/u);

    const qianxian = byId.get('qianxian-gongcheng');
    const qKeys = new Set(qianxian ? termKeys(qianxian) : []);
    for (const form of ['“千县工程”', '“千县工程”县医院综合能力提升工作', '千縣工程']) {
      expect(qKeys.has(normalizeKey(form)), form).toBe(true);
    }

    const ygt = byId.get('jinmixing-yigongti');
    const yKeys = new Set(ygt ? termKeys(ygt) : []);
    for (const form of [
      '紧密型县域医共体',
      '紧密型县域医疗卫生共同体',
      '县域医共体',
      '紧密型城市医疗集团和县域医共体',
    ]) {
      expect(yKeys.has(normalizeKey(form)), form).toBe(true);
    }
    const related = (ygt?.related ?? []).map((id) => byId.get(id)?.canonical ?? '');
    expect(related.some((name) => name.includes('医联'))).toBe(true);
  });

  it('folds every traditional form OpenCC knows for the catalogue characters (table not stale)', () => {
    expect(TRAD_FOLD_PAIRS).toBe(buildTradFoldPairs(catalogueSource));
  });
});

describe('catalogue files', () => {
  it('name the same terms in the forms file and the text file', async () => {
    const { TERM_FORMS } = await import('../../lib/terms/catalogue-forms');
    const { TERM_TEXT } = await import('../../lib/terms/catalogue-text');
    expect(Object.keys(TERM_TEXT).sort()).toEqual(TERM_FORMS.map((t) => t.id).sort());
  });
});
