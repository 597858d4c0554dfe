import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { seedCorpus } from '../../lib/db/seed';
import { findSpans, foldWithOffsets } from '../../lib/search/fold-map';
import { searchPassages } from '../../lib/search/passage-search';
import { TermSearch } from '../../lib/search/term-search';
import { CATALOGUE } from '../../lib/terms/catalogue';

const terms = new TermSearch(CATALOGUE);
const top = (q: string) => terms.search(q)[0]?.term.canonical;

describe('term search', () => {
  it('finds a term from part of its name, an alias, or a typo', () => {
    expect(top('医共体')).toBe('紧密型医共体');
    expect(top('千县')).toBe('千县工程');
    expect(top('三医协调')).toBe('三医协同');
    expect(top('“三医”协同')).toBe('三医协同');
    expect(top('千縣工程')).toBe('千县工程');
  });

  it('ranks exact and whole-name matches above fuzzy ones', () => {
    const hits = terms.search('三医协同');
    expect(hits[0]?.tier).toBe(0);
    expect(hits[0]?.term.id).toBe('sanyi-xietong');
    const tiers = hits.map((h) => h.tier);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
  });

  it('finds terms by pinyin, pinyin initials and a pinyin prefix', () => {
    // san yi xie tong: the initials are syxt (the "sycx" is not a pinyin of 三医协同)
    expect(top('syxt')).toBe('三医协同');
    expect(top('qxgc')).toBe('千县工程');
    expect(top('jinmixing')).toMatch(/^紧密型/u);
    expect(top('sanyixietong')).toBe('三医协同');
    expect(top('SYXT')).toBe('三医协同');
    expect(top('jmxygt')).toBe('紧密型医共体');
    expect(top('shiwuwu')).toBe('十五五规划');
  });

  it('gives no fuzzy hits for short Latin queries', () => {
    expect(terms.search('DRG').map((h) => h.term.id)).toEqual(['drg-dip-zhifu-gaige']);
    expect(terms.search('xyz')).toEqual([]);
    expect(terms.search('abc')).toEqual([]);
    // longer English queries still forgive a typo, among English names only
    expect(top('Thousand Cuonty Project')).toBe('千县工程');
  });

  it('takes pinyin keys for terms the bundled table does not know (user terms)', async () => {
    const { pinyin } = await import('pinyin-pro');
    const { pinyinKeysOf } = await import('../../lib/terms/pinyin');
    const term = { ...CATALOGUE[0], id: 'user-x', canonical: '银发经济', aliases: [] } as (typeof CATALOGUE)[number];
    const keys = pinyinKeysOf([term.canonical], (t) => pinyin(t, { toneType: 'none', type: 'array' }));
    expect(keys).toEqual(['yinfajingji', 'yfjj']);
    const own = new TermSearch([term], { pinyin: { 'user-x': keys } });
    expect(own.search('yfjj')[0]?.term.id).toBe('user-x');
  });

  it('has a current pinyin table for the bundled catalogue', async () => {
    const { pinyin } = await import('pinyin-pro');
    const { pinyinKeysOf } = await import('../../lib/terms/pinyin');
    const { TERM_PINYIN } = await import('../../lib/search/term-pinyin');
    const { normalizeKey } = await import('../../lib/text/fold');
    const { TERM_FORMS } = await import('../../lib/terms/catalogue-forms');
    for (const term of TERM_FORMS) {
      const keys = [...new Set([term.canonical, ...term.aliases].map(normalizeKey))];
      const expected = pinyinKeysOf(keys, (t) => pinyin(t, { toneType: 'none', type: 'array' }));
      expect(TERM_PINYIN[term.id] ?? [], term.id).toEqual(expected);
    }
  });

  it('finds nothing for unrelated text', () => {
    expect(terms.search('天气晴朗')).toEqual([]);
    expect(terms.search('  ')).toEqual([]);
  });
});

describe('fold map', () => {
  it('maps matches in the folded key back to the original text', () => {
    const text = '全面促进“三医”协同，三醫協同。';
    const spans = findSpans(foldWithOffsets(text), '三医协同');
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['三医”协同', '三醫協同']);
  });
});

describe('passage search over the seeded corpus', () => {
  const db = new PolicyDatabase('search-test');

  beforeAll(async () => {
    await seedCorpus(db, buildCorpus(bundledCorpusInput()));
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('finds the national passage on 千县工程 with the words highlighted', async () => {
    const { hits } = await searchPassages(db, '千县工程');
    const national = hits.find((h) => h.report.id === 'national-work-conference-2024');
    expect(national?.passage.text).toContain('深入推进“千县工程”');
    for (const hit of hits) {
      for (const [s, e] of hit.spans) expect(hit.passage.text.slice(s, e).replace(/[“”]/g, '')).toBe('千县工程');
    }
    expect(hits[0]?.report.level).toBe('national');
  });

  it('confirms every candidate by substring, so every hit really contains the query', async () => {
    const all = await db.passages.toArray();
    for (const query of ['医共体', '三明', '县域', '医保']) {
      const { hits, total } = await searchPassages(db, query, {}, 10_000);
      const expected = all.filter((p) => foldWithOffsets(p.text).key.includes(query)).length;
      expect(total, query).toBe(expected);
      expect(hits).toHaveLength(expected);
    }
  });

  it('filters by report, level, region and year', async () => {
    const { hits } = await searchPassages(db, '医共体', { levels: ['municipal'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.report.level === 'municipal')).toBe(true);
    const zhe = await searchPassages(db, '医共体', { region: '浙江' });
    expect(zhe.hits.every((h) => h.report.region.includes('浙江'))).toBe(true);
    expect((await searchPassages(db, '医共体', { year: '2023' })).total).toBe(0);
    const one = await searchPassages(db, '医共体', { reportIds: ['fujian-commission-2024-07'] });
    expect(one.hits.every((h) => h.report.id === 'fujian-commission-2024-07')).toBe(true);
  });

  it('handles a one-character query and an empty one', async () => {
    expect((await searchPassages(db, '')).total).toBe(0);
    const { total } = await searchPassages(db, '疆', {}, 10_000);
    const all = await db.passages.toArray();
    expect(total).toBe(all.filter((p) => p.text.includes('疆')).length);
  });
});
