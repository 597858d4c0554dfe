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

/**
 * Context is judged in the block first. A block is left to its page when it cannot say on its own:
 * - it is too short to judge: fewer than SHORT_BLOCK letters (Han characters, Latin letters,
 *   digits; spaces and punctuation not counted), as a list item 深入推进“三个转变”, a heading
 *   三个提高, a slogan line;
 * - or it is short and has half the evidence (one health word, fewer than WEAK_BLOCK letters),
 *   as 集采药进村卫生室，老百姓买到降价药.
 * A longer block is judged alone, so a sentence about teaching or power grids keeps its formulas
 * unmarked even on a page that also carries a health story.
 */
export const SHORT_BLOCK = 16;
export const WEAK_BLOCK = 40;
/**
 * A page holds when it has REQUIRED_HEALTH_WORDS distinct health words and they are not a passing
 * mention: at least one occurrence per PAGE_LETTERS_PER_WORD letters (a portal page whose menu
 * links one health story does not make its industry headlines health policy). Measured on the
 * recognition pages: health pages have 1.3–9 occurrences per 100 letters (English counts each
 * Latin letter, so English pages sit lowest), pages of other industries none.
 */
export const PAGE_LETTERS_PER_WORD = 100;

/** How long a page's verdict is reused before the page text is read again (pages change). */
const PAGE_VERDICT_MS = 2000;

let pageTextSource: (() => string) | null = null;
let pageVerdicts = new Map<ContextNeed, { verdict: boolean; at: number }>();

/**
 * Where the text of the page comes from, for blocks that cannot be judged alone (the content script
 * passes its document's visible text; extension pages and the corpus build pass none, and then only
 * the block counts, as before).
 */
export function setPageContextSource(source: (() => string) | null): void {
  pageTextSource = source;
  pageVerdicts = new Map();
}

const LETTER = /[\p{L}\p{N}]/u;
/** Per code unit: 0 not yet asked, 1 a letter or digit, 2 not (the regex is asked once per character seen). */
const letterKinds = new Uint8Array(0x10000);

function isLetterUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (c >= 0x4e00 && c <= 0x9fff) return true; // the common Han block: most of a Chinese page
  let kind = letterKinds[c] as number;
  if (kind === 0) {
    kind = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterKinds[c] = kind;
  }
  return kind === 1;
}

/** Letters and digits (\p{L}, \p{N}) in `text`, counted up to `limit`: one pass over code units. */
function letterCount(text: string, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // a character outside the BMP (rare Han, letters of other scripts): asked of the regex
      letter = LETTER.test(text.slice(i, i + 2));
      i++;
    } else letter = isLetterUnit(c);
    if (letter && ++n >= limit) break;
  }
  return n;
}

let healthMatcher: Matcher | null = null;
let enMatcher: Matcher | null = null;
let chinaMatcher: Matcher | null = null;

/**
 * How many distinct words of `matcher` occur in `text`, up to `enough`: the scan stops there. A
 * keyword matcher holds each word once, so distinct patterns are distinct words.
 */
function distinctHits(matcher: Matcher, text: string, enough: number): number {
  let found = 0;
  let first = -1;
  matcher.scan(text, (pattern) => {
    if (pattern === first) return false;
    if (first < 0) first = pattern;
    found++;
    return found >= enough;
  });
  return found;
}

function occurrences(matcher: Matcher, text: string): number {
  let n = 0;
  matcher.scan(text, () => {
    n++;
  });
  return n;
}

function words(list: readonly string[]): Matcher {
  return new Matcher(list.map((form) => ({ termId: form, form })));
}

/**
 * The Chinese and English health words in one matcher (they never overlap: Han and Latin), so a
 * block is read once for both; the English words alone and the China words for 'china-health'.
 */
function keywordMatchers(): { health: Matcher; en: Matcher; china: Matcher } {
  healthMatcher ??= words([...HEALTH_WORDS_ZH, ...HEALTH_WORDS_EN]);
  enMatcher ??= words(HEALTH_WORDS_EN);
  chinaMatcher ??= words(CHINA_WORDS_EN);
  return { health: healthMatcher, en: enMatcher, china: chinaMatcher };
}

function healthWords(text: string): number {
  return distinctHits(keywordMatchers().health, text, REQUIRED_HEALTH_WORDS);
}

/**
 * Whether `text` (a block of a page, or a passage) is about what `needs` asks for: the block first,
 * then, for a block that cannot say on its own (see SHORT_BLOCK), the page
 * (setPageContextSource). The keyword matchers are built on first use, so pages where no ruled
 * form occurs never pay for them.
 */
export function contextHolds(text: string, needs: ContextNeed): boolean {
  if (textHolds(text, needs)) return true;
  if (pageTextSource === null) return false;
  const letters = letterCount(text, WEAK_BLOCK);
  const leftToPage = letters < SHORT_BLOCK || (letters < WEAK_BLOCK && healthWords(text) >= 1);
  return leftToPage && pageHolds(needs);
}

/** Whether one text (a block or a passage), judged alone, is about what `needs` asks for. Pure. */
export function textHolds(text: string, needs: ContextNeed): boolean {
  if (needs === 'health') return healthWords(text) >= REQUIRED_HEALTH_WORDS;
  const { en, china } = keywordMatchers();
  return distinctHits(en, text, 1) >= 1 && distinctHits(china, text, 1) >= 1;
}

/** Whether a whole page is about what `needs` asks for: the words of textHolds, and not in passing. */
export function pageTextHolds(text: string, needs: ContextNeed): boolean {
  if (!textHolds(text, needs)) return false;
  return occurrences(keywordMatchers().health, text) * PAGE_LETTERS_PER_WORD >= letterCount(text);
}

function pageHolds(needs: ContextNeed): boolean {
  const source = pageTextSource;
  if (!source) return false;
  const now = Date.now();
  const cached = pageVerdicts.get(needs);
  if (cached && now - cached.at < PAGE_VERDICT_MS) return cached.verdict;
  const verdict = pageTextHolds(source(), needs);
  pageVerdicts.set(needs, { verdict, at: now });
  return verdict;
}
