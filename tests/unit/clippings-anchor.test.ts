import { describe, expect, it } from 'vitest';
import { anchorQuote, CONTEXT_CHARS, selectorFor } from '../../lib/clippings/anchor';
import { anchorKey } from '../../lib/clippings/text-key';

const PAGE =
  '2024年全国卫生健康工作会议在北京召开。会议要求，深入推进“千县工程”，推动优质医疗资源扩容下沉。' +
  '各地要全面推进紧密型县域医共体建设。\n第二部分：福建要深入推进“千县工程”，提升县医院能力。';

/** The selector of the n-th (0-based) occurrence of `quote` in `text`. */
function capture(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error('quote not in text');
  return { selector: selectorFor(text, at, at + quote.length), at };
}

const slice = (text: string, span: { start: number; end: number } | null) =>
  span ? text.slice(span.start, span.end) : null;

describe('text-quote anchoring', () => {
  it('captures the quote, up to 48 characters of context each side, and the position', () => {
    const { selector } = capture(PAGE, '推动优质医疗资源扩容下沉');
    expect(selector.quote).toBe('推动优质医疗资源扩容下沉');
    expect(selector.prefix?.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect(selector.prefix?.length).toBeGreaterThanOrEqual(32);
    expect(selector.prefix?.endsWith('深入推进“千县工程”，')).toBe(true);
    expect(selector.suffix?.startsWith('。各地要')).toBe(true);
    expect(selector.position).toBe(anchorKey(PAGE).indexOf('推动优质'));
  });

  it('finds the quote again in the unchanged page', () => {
    const { selector, at } = capture(PAGE, '紧密型县域医共体建设');
    expect(anchorQuote(PAGE, selector)).toEqual({ start: at, end: at + '紧密型县域医共体建设'.length });
  });

  it('finds moved text: new content above shifts every offset', () => {
    const { selector } = capture(PAGE, '紧密型县域医共体建设');
    const moved = `${'编者按：本文转载自国家卫生健康委员会网站，有删节。'.repeat(20)}${PAGE}`;
    expect(slice(moved, anchorQuote(moved, selector))).toBe('紧密型县域医共体建设');
  });

  it('tolerates changed whitespace inside and around the quote', () => {
    const quote = '推动优质医疗资源扩容下沉';
    const { selector } = capture(PAGE, quote);
    const rewrapped = PAGE.replace('推动优质医疗', '推动优质\n    医疗').replace('扩容下沉', '扩容 下沉');
    const found = slice(rewrapped, anchorQuote(rewrapped, selector));
    expect(found?.replace(/\s+/g, '')).toBe(quote);
    // and a quote saved with whitespace matches a page without it
    expect(slice(PAGE, anchorQuote(PAGE, { ...selector, quote: '推动 优质医疗\n资源扩容下沉' }))).toBe(quote);
  });

  it('chooses among repeated quotes by prefix and suffix, not by position', () => {
    const quote = '深入推进“千县工程”';
    const second = capture(PAGE, quote, 1);
    const first = capture(PAGE, quote, 0);
    expect(second.at).not.toBe(first.at);
    expect(anchorQuote(PAGE, second.selector)?.start).toBe(second.at);
    expect(anchorQuote(PAGE, first.selector)?.start).toBe(first.at);
    // the second occurrence's position now points at the first, but its context still wins
    const misleading = { ...second.selector, position: first.selector.position };
    expect(anchorQuote(PAGE, misleading)?.start).toBe(second.at);
  });

  it('uses the position to break a tie when the context says nothing', () => {
    const text = `甲乙丙。${'三医协同'}。甲乙丙。${'三医协同'}。`;
    const key = anchorKey(text);
    const late = key.lastIndexOf('三医协同');
    const span = anchorQuote(text, { quote: '三医协同', position: late });
    expect(span?.start).toBe(text.lastIndexOf('三医协同'));
    expect(anchorQuote(text, { quote: '三医协同', position: 0 })?.start).toBe(text.indexOf('三医协同'));
  });

  it('returns null for a quote that is not on the page', () => {
    const { selector } = capture(PAGE, '紧密型县域医共体建设');
    const edited = PAGE.replace('紧密型县域医共体建设', '县域医共体建设');
    expect(anchorQuote(edited, selector)).toBeNull();
  });

  it('never matches approximately: one changed character is not found', () => {
    // 千县工程 vs 百县工程: an edit distance of one, and a different programme
    const { selector } = capture(PAGE, '深入推进“千县工程”');
    const other = PAGE.replaceAll('千县工程', '百县工程');
    expect(anchorQuote(other, selector)).toBeNull();
    // nor does it fold quotation marks or script: the quote must be the same characters
    expect(anchorQuote(PAGE, { quote: '深入推进千县工程' })).toBeNull();
    expect(anchorQuote(PAGE, { quote: '深入推進“千縣工程”' })).toBeNull();
  });

  it('refuses an empty or whitespace-only quote', () => {
    expect(anchorQuote(PAGE, { quote: ' \n ' })).toBeNull();
  });
});
