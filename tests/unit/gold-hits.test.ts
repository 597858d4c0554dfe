import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { normalizeKey } from '../../lib/text/fold';

const corpus = buildCorpus(bundledCorpusInput());
const passages = new Map(corpus.passages.map((p) => [p.id, p]));

const NATIONAL = 'national-work-conference-2024';
const FUJIAN = 'fujian-work-conference-2024';
const CITIES = 'fujian-cities-third-plenum-2024-07';
const COMMISSION = 'fujian-commission-2024-07';
const PROVINCES = 'eight-provinces-directors-2024';

interface Gold {
  report: string;
  /** Text the passage contains, or the section it belongs to. */
  text?: string;
  section?: string;
}

function hitPassages(termId: string) {
  return corpus.hits.filter((h) => h.termId === termId).map((h) => passages.get(h.passageId));
}

const GOLD: Record<string, Gold[]> = {
  'sanyi-xietong': [
    { report: FUJIAN, text: '全面促进“三医协同”' },
    { report: NATIONAL, text: '“三医”协同发展和治理迈出新步伐' },
    { report: NATIONAL, text: '以推广三明医改经验为抓手促进“三医”协同发展和治理' },
    { report: CITIES, section: '漳州' },
    { report: CITIES, section: '三明' },
    { report: COMMISSION, text: '促进医疗、医保、医药协同发展和治理' },
    { report: PROVINCES, section: '导语' },
    { report: PROVINCES, section: '浙江' },
    { report: PROVINCES, section: '福建' },
    { report: PROVINCES, section: '江西' },
  ],
  'qianxian-gongcheng': [{ report: NATIONAL, text: '深入推进“千县工程”' }],
  'jinmixing-yigongti': [
    { report: CITIES, section: '漳州' },
    { report: CITIES, section: '南平' },
    { report: COMMISSION, text: '二是以强基层为原则' },
    { report: COMMISSION, text: '紧密型县域医疗卫生共同体建设的实施方案' },
    { report: PROVINCES, section: '浙江' },
    { report: PROVINCES, section: '福建' },
    { report: PROVINCES, section: '江西' },
  ],
};

describe('gold hits', () => {
  for (const [termId, golds] of Object.entries(GOLD)) {
    for (const gold of golds) {
      it(`${termId} is found in ${gold.report} ${gold.text ?? gold.section}`, () => {
        const found = hitPassages(termId).filter(
          (p) =>
            p?.reportId === gold.report &&
            (gold.text === undefined || p.text.includes(gold.text)) &&
            (gold.section === undefined || p.section === gold.section),
        );
        expect(found.length).toBeGreaterThan(0);
      });
    }
  }

  it('ties 三医协同 to all five reports', () => {
    expect(new Set(hitPassages('sanyi-xietong').map((p) => p?.reportId)).size).toBe(5);
  });

  it('ties no passage to a term it does not mention', () => {
    const terms = new Map(corpus.terms.map((t) => [t.id, t]));
    for (const hit of corpus.hits) {
      const passage = passages.get(hit.passageId);
      const term = terms.get(hit.termId);
      expect(passage && term).toBeTruthy();
      if (!passage || !term) continue;
      const key = normalizeKey(passage.text);
      expect(
        hit.forms.every((form) => term.keys.includes(normalizeKey(form)) && key.includes(normalizeKey(form))),
        `${hit.termId} in ${hit.passageId}`,
      ).toBe(true);
      for (const [start, end] of hit.spans) {
        expect(term.keys).toContain(normalizeKey(passage.text.slice(start, end)));
      }
    }
  });

  it('does not mark 三医联动 (the predecessor) as 三医协同', () => {
    const liandong = corpus.passages.filter((p) => p.text.includes('三医联动'));
    expect(liandong.length).toBeGreaterThan(0);
    for (const p of liandong) {
      const hit = corpus.hits.find((h) => h.passageId === p.id && h.termId === 'sanyi-liandong');
      expect(hit, p.id).toBeDefined();
    }
  });
});
