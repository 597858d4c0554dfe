import { Matcher } from './matcher';
import type { ContextNeed } from './types';

// Vocabulary that says a block of text is about health policy. A numbered formula (三个转变,
// 五大体系) or a generic English phrase is marked only where at least two distinct words of this
// list occur in the same block: one is not enough, since other industries write 健康发展 or 医药
// in passing. 健康 alone is deliberately absent (行业健康发展 is everywhere).
export const HEALTH_WORDS_ZH: readonly string[] = [
  '医疗',
  '医院',
  '医保',
  '医药',
  '医改',
  '医生',
  '医师',
  '医务',
  '医学',
  '卫生',
  '卫健',
  '健康中国',
  '疾控',
  '疾病',
  '患者',
  '诊疗',
  '就医',
  '药品',
  '护理',
  '中医药',
  '公卫',
  '医共体',
  '医联体',
  '病床',
  '临床',
  '基层医疗',
  '三医',
];

export const HEALTH_WORDS_EN: readonly string[] = [
  'health',
  'healthcare',
  'hospital',
  'hospitals',
  'medical',
  'medicine',
  'patient',
  'patients',
  'clinic',
  'clinics',
  'physician',
  'physicians',
  'doctor',
  'doctors',
  'insurance',
  'pharmaceutical',
  'pharmaceuticals',
];

/** English words that place a text in China (for phrases that also name institutions abroad). */
export const CHINA_WORDS_EN: readonly string[] = [
  'China',
  'Chinese',
  'Beijing',
  'NHC',
  'National Health Commission',
  'province',
  'provincial',
  'provinces',
  'Fujian',
  'Zhejiang',
  'Sanming',
  'Shanghai',
  'Guangdong',
  'yuan',
  'RMB',
  'county-level',
  'township',
];

const REQUIRED_HEALTH_WORDS = 2;

let zhMatcher: Matcher | null = null;
let enMatcher: Matcher | null = null;
let chinaMatcher: Matcher | null = null;

function distinctHits(matcher: Matcher, text: string, enough: number): number {
  const seen = new Set<string>();
  matcher.scan(text, (pattern) => {
    seen.add((matcher.patterns[pattern] as { form: string }).form.toLowerCase());
  });
  return Math.min(seen.size, enough);
}

function words(list: readonly string[]): Matcher {
  return new Matcher(list.map((form) => ({ termId: form, form })));
}

/**
 * Whether `text` (a block, or a page) is about what `needs` asks for. Pure; the keyword matchers
 * are built on first use, so pages where no ruled form occurs never pay for them.
 */
export function contextHolds(text: string, needs: ContextNeed): boolean {
  zhMatcher ??= words(HEALTH_WORDS_ZH);
  enMatcher ??= words(HEALTH_WORDS_EN);
  if (needs === 'health') {
    return (
      distinctHits(zhMatcher, text, REQUIRED_HEALTH_WORDS) + distinctHits(enMatcher, text, REQUIRED_HEALTH_WORDS) >=
      REQUIRED_HEALTH_WORDS
    );
  }
  chinaMatcher ??= words(CHINA_WORDS_EN);
  return distinctHits(enMatcher, text, 1) >= 1 && distinctHits(chinaMatcher, text, 1) >= 1;
}
