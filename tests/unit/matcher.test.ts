import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/terms/matcher';
import { codeUnitsFoldingTo, FOLD, normalizeKey } from '../../lib/text/fold';

const matcher = new Matcher([
  { termId: 'sanyi', form: '三医协同' },
  { termId: 'sanyi', form: '三医协同发展和治理' },
  { termId: 'sanyi', form: '医疗、医保、医药协同发展和治理' },
  { termId: 'qianxian', form: '千县工程' },
  { termId: 'yigongti', form: '县域医共体' },
  { termId: 'yigongti', form: '紧密型县域医共体' },
  { termId: 'sanming', form: '三明经验' },
  { termId: 'thousand', form: 'Thousand County Project' },
  { termId: 'drg', form: 'DRG' },
  { termId: 'plus', form: '1+1+5+N' },
]);

function found(text: string) {
  return matcher.findAll(text).map((m) => ({
    term: matcher.patterns[m.pattern]?.termId,
    text: text.slice(m.start, m.end),
  }));
}

describe('normalizeKey', () => {
  it('drops quotes, spaces and line breaks and folds traditional script and full width', () => {
    expect(normalizeKey('“三医”协同')).toBe('三医协同');
    expect(normalizeKey('三 医\n协同')).toBe('三医协同');
    expect(normalizeKey('三醫協同')).toBe('三医协同');
    expect(normalizeKey('１＋１＋５＋Ｎ')).toBe('1+1+5+n');
  });
});

describe('Matcher', () => {
  it('finds a term written with quotation marks inside, reporting offsets in the original text', () => {
    const text = '全面促进“三医协同”;推进公立医院';
    expect(found(text)).toEqual([{ term: 'sanyi', text: '三医协同' }]);
    expect(found('以推广三明医改经验为抓手促进“三医”协同发展和治理。')).toEqual([
      { term: 'sanyi', text: '三医”协同发展和治理' },
    ]);
  });

  it('finds terms broken by print line breaks and spaces', () => {
    expect(found('推动“三医”协同\n发展和治理；加快建设')).toEqual([{ term: 'sanyi', text: '三医”协同\n发展和治理' }]);
    expect(found('扎实推进紧密型县域医共\n\n体建设')).toEqual([{ term: 'yigongti', text: '紧密型县域医共\n\n体' }]);
    expect(found('三 医协同')).toEqual([{ term: 'sanyi', text: '三 医协同' }]);
  });

  it('finds traditional script and the long official name', () => {
    expect(found('深入推進“千縣工程”')).toEqual([{ term: 'qianxian', text: '千縣工程' }]);
    expect(found('促进医疗、医保、医药协同发展和治理,有计划')).toEqual([
      { term: 'sanyi', text: '医疗、医保、医药协同发展和治理' },
    ]);
  });

  it('prefers the longest form at a position and does not overlap matches', () => {
    expect(found('紧密型县域医共体和县域医共体')).toEqual([
      { term: 'yigongti', text: '紧密型县域医共体' },
      { term: 'yigongti', text: '县域医共体' },
    ]);
  });

  it('does not match fragments or near misses from the reports', () => {
    expect(found('认真学习借鉴三明医改经验')).toEqual([]);
    expect(found('深入推进千县医院建设工程')).toEqual([]);
    expect(found('三医联动')).toEqual([]);
    expect(found('促进医疗、医保协同发展')).toEqual([]);
    expect(found('三医协\n。同')).toEqual([]);
  });

  it('matches Latin aliases on word boundaries only, in any case', () => {
    expect(found('the thousand county project began')).toEqual([{ term: 'thousand', text: 'thousand county project' }]);
    expect(found('DRG and drg payment')).toHaveLength(2);
    expect(found('hundreds of drgs')).toEqual([]);
    expect(found('加快“1+1+5+N”传染病救治体系建设')).toEqual([{ term: 'plus', text: '1+1+5+N' }]);
    expect(found('21+1+5+N')).toEqual([]);
  });

  it('reports every occurrence in text order', () => {
    const text = '三医协同……千县工程……三医协同';
    expect(found(text).map((m) => m.term)).toEqual(['sanyi', 'qianxian', 'sanyi']);
  });
});

describe('codeUnitsFoldingTo', () => {
  it('is the exact inverse of the fold table', () => {
    const inverse = new Map<number, number[]>();
    for (let raw = 0; raw < 0x10000; raw++) {
      const to = FOLD[raw] as number;
      inverse.set(to, [...(inverse.get(to) ?? []), raw]);
    }
    for (let c = 1; c < 0x10000; c++) {
      expect(
        codeUnitsFoldingTo(c).sort((a, b) => a - b),
        String(c),
      ).toEqual(inverse.get(c) ?? []);
    }
  });
});
