import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { catalogueBuildProblems, renderFormsModule } from '../../lib/terms/catalogue-build';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import catalogueSource from '../../lib/terms/catalogue-forms.ts?raw';
import contextSource from '../../lib/terms/context.ts?raw';
import { createTermMatcher, termKeys } from '../../lib/terms/patterns';
import { catalogueProblems, formsOf, matchingFingerprint, termProblems } from '../../lib/terms/term-data';
import type { TermData } from '../../lib/terms/types';
import { expandVariant } from '../../lib/terms/variants';
import { normalizeKey } from '../../lib/text/fold';
import { decodeFoldPairs } from '../../lib/text/fold-pairs';
import { TRAD_FOLD } from '../../lib/text/trad-fold-table';
import { buildTradFoldPairs } from '../../scripts/trad-fold.mjs';
import catalogueJson from '../../seeds/catalogue.json';

const matcher = createTermMatcher(CATALOGUE);
const byId = new Map(CATALOGUE.map((t) => [t.id, t]));
const data = (catalogueJson as { terms: TermData[] }).terms;

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

  it('matches every alias, standing alone and in a health-policy sentence, as its own term', () => {
    for (const term of CATALOGUE) {
      for (const form of [term.canonical, ...term.aliases]) {
        // ruled forms need health-policy words around them; the sentence gives them
        const text = term.context ? `${form}，推进医疗卫生和医保改革, China hospitals` : form;
        const matches = matcher.findAll(text);
        expect(matches.length, `${term.id}: ${form}`).toBeGreaterThanOrEqual(1);
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
    for (const form of ['紧密型县域医共体', '紧密型县域医疗卫生共同体', '县域医共体']) {
      expect(yKeys.has(normalizeKey(form)), form).toBe(true);
    }
    const related = (ygt?.related ?? []).map((id) => byId.get(id)?.canonical ?? '');
    expect(related.some((name) => name.includes('医联'))).toBe(true);
  });

  it('gives each programme of a coordinated phrase its own card (longest match hides no term)', () => {
    const text = '推进紧密型城市医疗集团和县域医共体建设';
    const found = matcher.findAll(text).map((m) => matcher.patterns[m.pattern]?.termId);
    expect(found).toEqual(['jinmixing-chengshi-yiliao-jituan', 'jinmixing-yigongti']);
  });

  it('lets no form of one term swallow a form of another, except where the data says why', () => {
    // A form of term A that contains a form of term B hides B's card wherever A's longer form is
    // written. Allowed only where the longer form names one thing that includes the other's words.
    const allowed = new Set(data.flatMap((t) => (t.contains ?? []).map((inner) => `${t.id}>${inner}`)));
    const forms = CATALOGUE.flatMap((t) =>
      [t.canonical, ...t.aliases].map((f) => ({ id: t.id, key: normalizeKey(f), f })),
    );
    const offenders: string[] = [];
    for (const a of forms) {
      for (const b of forms) {
        if (a.id === b.id || allowed.has(`${a.id}>${b.id}`) || b.key.length < 3 || !a.key.includes(b.key)) continue;
        offenders.push(`${a.id} “${a.f}” hides ${b.id} “${b.f}”`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('folds every traditional form OpenCC knows for the catalogue characters (table not stale)', () => {
    // the table as shipped (encoded), decoded, is exactly the mapping built from OpenCC
    expect(decodeFoldPairs(TRAD_FOLD)).toBe(buildTradFoldPairs(catalogueSource + contextSource));
  });
});

describe('catalogue as data', () => {
  it('is valid against the term data format, and the generated forms module is current', () => {
    expect(catalogueProblems(catalogueJson)).toEqual([]);
    expect(catalogueBuildProblems(JSON.stringify(catalogueJson), catalogueSource)).toEqual([]);
    expect(renderFormsModule(data.map(formsOf))).toBe(catalogueSource);
  });

  it('rejects malformed terms with a reason per field', () => {
    const good = data[0] as TermData;
    expect(termProblems(good)).toEqual([]);
    expect(termProblems({ ...good, id: 'Bad Id' }).join()).toMatch(/id/u);
    expect(termProblems({ ...good, category: 'other' }).join()).toMatch(/category/u);
    expect(termProblems({ ...good, source: 'web' }).join()).toMatch(/source/u);
    expect(termProblems({ ...good, extra: 1 }).join()).toMatch(/unknown field/u);
    expect(termProblems({ ...good, variants: ['{a|b'] }).join()).toMatch(/variants/u);
    expect(termProblems({ ...good, context: { needs: 'health', reason: '' } }).join()).toMatch(/reason/u);
    expect(
      termProblems({ ...good, context: { needs: 'health', reason: 'a good reason', forms: ['nope'] } }).join(),
    ).toMatch(/not a form/u);
    const dup = { format: 1, terms: [good, { ...good, id: 'other-id' }] };
    expect(catalogueProblems(dup).join()).toMatch(/also a form of/u);
    expect(catalogueProblems({ format: 1, terms: [{ ...good, related: ['missing'] }] }).join()).toMatch(/related/u);
  });

  it('writes the 24 orders of the 三医 long form as one pattern', () => {
    const sanyi = data.find((t) => t.id === 'sanyi-xietong');
    expect(sanyi?.variants).toHaveLength(1);
    const forms = expandVariant(sanyi?.variants?.[0] ?? '');
    expect(forms).toHaveLength(24);
    expect(forms).toContain('医保、医疗、医药协同治理和发展');
    expect(expandVariant('<a|b/-> {x|y}')).toEqual(['a-b x', 'a-b y', 'b-a x', 'b-a y']);
  });

  it('ships only forms to the content script: no explanations, notes or reasons in the forms module', () => {
    for (const term of data) {
      expect(catalogueSource.includes(term.explanation), term.id).toBe(false);
      if (term.context) expect(catalogueSource.includes(term.context.reason), term.id).toBe(false);
    }
    expect(TERM_FORMS.map((t) => t.id)).toEqual(data.map((t) => t.id));
  });

  it('changes the matching fingerprint with a form or a rule, never with prose', () => {
    const base = matchingFingerprint(data.map(formsOf));
    const prose = data.map((t, i) => (i === 0 ? { ...t, explanation: '改写的说明文字。', note: 'edited' } : t));
    expect(matchingFingerprint(prose.map(formsOf))).toBe(base);
    const alias = data.map((t, i) => (i === 0 ? { ...t, aliases: [...t.aliases, '新增别名'] } : t));
    expect(matchingFingerprint(alias.map(formsOf))).not.toBe(base);
    const rule = data.map((t, i) =>
      i === 0 ? { ...t, context: { needs: 'health' as const, reason: 'test rule only' } } : t,
    );
    expect(matchingFingerprint(rule.map(formsOf))).not.toBe(base);
  });

  it('says in the data which names carry a context rule, and why', () => {
    const ruled = data.filter((t) => t.context);
    expect(ruled.length).toBeGreaterThanOrEqual(5);
    for (const t of ruled) expect(t.context?.reason.length ?? 0, t.id).toBeGreaterThan(20);
    expect(readFileSync('seeds/catalogue.json', 'utf8')).toContain('"context"');
  });
});
