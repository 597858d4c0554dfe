import { describe, expect, it } from 'vitest';
import { sentenceAround, spansIn, splitSentences } from '../../lib/corpus/sentences';

const parts = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it('ends sentences at 。！？； and runs of them, keeping the closing quote', () => {
    expect(parts('甲地推进改革。乙地怎么办？丙地做试点！丁地；戊地……己地')).toEqual([
      '甲地推进改革。',
      '乙地怎么办？',
      '丙地做试点！',
      '丁地；',
      '戊地……',
      '己地',
    ]);
    expect(parts('他说：“这项工作要抓紧。”随后散会。')).toEqual(['他说：“这项工作要抓紧。”', '随后散会。']);
  });

  it('does not end a sentence inside quotes or brackets', () => {
    expect(parts('会上提出“先行先试。再总结推广”的思路。另一句。')).toEqual([
      '会上提出“先行先试。再总结推广”的思路。',
      '另一句。',
    ]);
    expect(parts('试点城市（第一批。第二批）名单公布。')).toEqual(['试点城市（第一批。第二批）名单公布。']);
  });

  it('is not swallowed by an unbalanced quote from far back', () => {
    const text = `开头“${'甲'.repeat(200)}。后面一句。`;
    expect(parts(text)).toHaveLength(2);
  });

  it('drops white space around sentences and splits at line breaks', () => {
    expect(parts('  第一句。 \n第二句 ')).toEqual(['第一句。', '第二句']);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('sentenceAround', () => {
  const paragraph =
    '会议指出，2023年是全面贯彻落实党的二十大精神开局之年，也是卫生健康事业稳中求进的一年。' +
    '毫不放松抓好呼吸道疾病防治，有效应对季节性流行。' +
    '以基层为重点优化资源布局，“三医”协同发展和治理迈出新步伐，服务体系建设取得新成效。' +
    '持续提升医疗服务水平。';

  it('returns the sentence holding the term, with offsets into the paragraph', () => {
    const at = paragraph.indexOf('“三医”协同');
    const w = sentenceAround(paragraph, [[at, at + 7]]);
    expect(paragraph.slice(w.start, w.end)).toBe(
      '以基层为重点优化资源布局，“三医”协同发展和治理迈出新步伐，服务体系建设取得新成效。',
    );
    expect(w.clippedStart || w.clippedEnd).toBe(false);
    expect(spansIn([[at, at + 7]], w.start, w.end)).toEqual([[at - w.start, at - w.start + 7]]);
  });

  it('takes in the next sentence when the one with the term is very short', () => {
    const text = '推进三医协同。具体做法包括医保支付方式改革和药品集中采购常态化开展。其他内容。';
    const w = sentenceAround(text, [[2, 6]]);
    expect(text.slice(w.start, w.end)).toBe('推进三医协同。具体做法包括医保支付方式改革和药品集中采购常态化开展。');
  });

  it('covers a span that straddles a sentence boundary', () => {
    const text = '第一句话很长很长很长很长很长很长很长很长很长很长。第二句话也很长很长很长很长很长很长很长很长很长。';
    const w = sentenceAround(text, [[20, 30]]);
    expect(w.start).toBe(0);
    expect(w.end).toBe(text.length);
  });

  it('cuts a very long sentence at clause marks but never cuts the term', () => {
    const clauses = Array.from({ length: 30 }, (_, i) => `第${i}项工作有序推进`);
    clauses.splice(20, 0, '全面促进三医协同');
    const text = `${clauses.join('，')}。`;
    const at = text.indexOf('三医协同');
    const w = sentenceAround(text, [[at, at + 4]], { maxChars: 80 });
    expect(w.start).toBeLessThanOrEqual(at);
    expect(w.end).toBeGreaterThanOrEqual(at + 4);
    expect(w.end - w.start).toBeLessThanOrEqual(80);
    expect(w.clippedStart).toBe(true);
    expect(w.clippedEnd).toBe(true);
    // starts right after a comma: the excerpt begins on a phrase
    expect(text[w.start - 1]).toBe('，');
  });

  it('falls back to the first sentence without spans, and the whole text without sentences', () => {
    expect(sentenceAround('甲。乙。', [], { minChars: 0 })).toMatchObject({ start: 0, end: 2 });
    expect(sentenceAround('', [])).toMatchObject({ start: 0, end: 0 });
  });
});
