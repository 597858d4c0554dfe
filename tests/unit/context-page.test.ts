// Context rules judged in the block first, the page when the block cannot say on its own
// (lib/terms/context.ts): a numbered formula alone in a short block of a health page is marked,
// the same block on a page of another industry is not, and a long block is judged by itself.
import { afterEach, describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import {
  contextHolds,
  deferPageVerdicts,
  pageTextHolds,
  releasePageVerdicts,
  setPageContextSource,
  textHolds,
} from '../../lib/terms/context';
import { createTermMatcher } from '../../lib/terms/patterns';

const HEALTH_PAGE = [
  '省卫生健康委2026年工作要点',
  '全省卫生健康系统要坚持以基层为重点，推动医疗卫生服务体系提质增效，持续改善群众就医体验，守护患者健康。',
  '深入推进“三个转变”',
  '加强医院管理，提升医疗服务质量，做好医保支付和药品供应保障。',
].join('\n');
const INDUSTRY_PAGE = [
  '电网公司推动物资管理转型',
  '深入推进“三个转变”',
  '公司持续推进物资集中采购，全年完成变压器、电缆等采购金额超百亿元，构建计划、采购、仓储、配送、质控体系。',
].join('\n');
/** A long page of another industry whose menu links one health story: health words only in passing. */
const PORTAL_PAGE = `${'制造业企业加快数字化转型，推动产品升级和智能工厂建设，产业链供应链韧性持续增强。'.repeat(12)}
相关新闻：县医院新增病床 医保报销比例提高
深入推进“三个转变”`;

const matcher = createTermMatcher(TERM_FORMS);
const termsIn = (text: string) => matcher.findAll(text).map((m) => matcher.patterns[m.pattern]?.termId);

afterEach(() => setPageContextSource(null));

describe('context: block first, page for a block that cannot say', () => {
  it('marks a numbered formula alone in a short block of a health page', () => {
    setPageContextSource(() => HEALTH_PAGE);
    expect(termsIn('深入推进“三个转变”')).toEqual(['sange-zhuanbian']);
    expect(termsIn('实现“三个提高”。')).toEqual(['sange-tigao']);
  });

  it('leaves the same short block unmarked on a page of another industry', () => {
    setPageContextSource(() => INDUSTRY_PAGE);
    expect(termsIn('深入推进“三个转变”')).toEqual([]);
    expect(termsIn('三个转变')).toEqual([]);
  });

  it('leaves it unmarked where the page mentions health only in passing', () => {
    expect(textHolds(PORTAL_PAGE, 'health')).toBe(true); // two health words are there…
    expect(pageTextHolds(PORTAL_PAGE, 'health')).toBe(false); // …but not what the page is about
    setPageContextSource(() => PORTAL_PAGE);
    expect(termsIn('深入推进“三个转变”')).toEqual([]);
  });

  it('counts letters, not code units or punctuation, to tell a short block (characters outside the BMP are one letter)', () => {
    setPageContextSource(() => HEALTH_PAGE);
    // 15 letters (7 of them outside the BMP, two code units each), spaces and quotes not counted
    const fifteen = '𠀀𠀁𠀂𠀃𠀄𠀅𠀆 “三个转变”，一二三四。';
    expect(termsIn(fifteen)).toEqual(['sange-zhuanbian']);
    // 16 letters: long enough to be judged alone, and alone it says nothing of health
    const sixteen = '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇 “三个转变”，一二三四。';
    expect(termsIn(sixteen)).toEqual([]);
  });

  it('leaves a page verdict to the caller that asked to defer it, until that caller lets go', () => {
    setPageContextSource(() => HEALTH_PAGE);
    textHolds('医院', 'health'); // the keyword matchers built (else the first wait is for them)
    const waited: string[] = [];
    const mine = (needs: string, waitsFor: string) => waited.push(`${needs}:${waitsFor}`) > 0;
    const other = () => false;
    deferPageVerdicts(mine);
    expect(termsIn('深入推进“三个转变”')).toEqual([]); // waits: out of context for now
    expect(waited).toContain('health:page');
    releasePageVerdicts(other); // not the one set: nothing changes
    expect(termsIn('实现“三个提高”。')).toEqual([]);
    releasePageVerdicts(mine);
    expect(termsIn('深入推进“三个转变”')).toEqual(['sange-zhuanbian']); // judged at once again
  });

  it('judges a long block by itself, whatever the page', () => {
    setPageContextSource(() => HEALTH_PAGE);
    const teaching = '会议提出，坚持三个结合：理论与实践相结合、科研与教学相结合、校内与校外相结合。';
    expect(termsIn(teaching)).toEqual([]);
    // and a block with its own health words holds on any page
    setPageContextSource(() => INDUSTRY_PAGE);
    expect(termsIn('医院推进三个转变，提升医疗服务质量')).toEqual(['sange-zhuanbian']);
  });

  it('lets a short block with one health word of its own lean on its page', () => {
    const block = '集采药进村卫生室，老百姓家门口就能买到降价药';
    expect(contextHolds(block, 'health')).toBe(false); // no page: one word is not enough
    setPageContextSource(() => HEALTH_PAGE);
    expect(termsIn(block)).toEqual(['jizhong-dailiang-caigou']);
    setPageContextSource(() => INDUSTRY_PAGE);
    expect(termsIn(block)).toEqual([]);
  });

  it('without a page source (extension pages, passages) judges blocks alone, as before', () => {
    expect(termsIn('深入推进“三个转变”')).toEqual([]);
    expect(contextHolds('三个转变', 'health')).toBe(false);
  });

  it('reads the page text once for many short blocks (the verdict is reused)', () => {
    let reads = 0;
    setPageContextSource(() => {
      reads++;
      return HEALTH_PAGE;
    });
    for (let i = 0; i < 50; i++) expect(termsIn('深入推进“三个转变”')).toEqual(['sange-zhuanbian']);
    expect(reads).toBe(1);
  });
});
