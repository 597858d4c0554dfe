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
/** See deferPageVerdicts. */
let pageVerdictDeferral: ((needs: ContextNeed, waitsFor: 'words' | 'page') => boolean) | null = null;

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
/** Everything but letters and digits (\p{L}, \p{N}), in runs. */
const NON_LETTERS = /[^\p{L}\p{N}]+/gu;
/** The first half of a character outside the BMP: such a letter is two code units of one letter. */
const HIGH_SURROGATE = /[\ud800-\udbff]/g;
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

/**
 * Letters and digits (\p{L}, \p{N}) in `text`, counted up to `limit`. A block's count stops at a
 * small limit, so a loop over its first code units answers without allocating; a whole page's
 * (no limit, tens of thousands of characters, once per verdict) is counted by native regular
 * expressions, where the loop on cold code cost a fresh page several milliseconds.
 */
function letterCount(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (limit === Number.POSITIVE_INFINITY) {
    const letters = text.replace(NON_LETTERS, '');
    const astral = letters.match(HIGH_SURROGATE);
    return letters.length - (astral === null ? 0 : astral.length);
  }
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
 * The Chinese and English health words in one matcher, so a block is read once for both, and the
 * China words for 'china-health'. (A third matcher of the English health words alone is not
 * needed: Han and Latin words never share a character, so the English hits of the joint matcher
 * are exactly those of the English words alone; each build costs a fresh page a millisecond or more.)
 */
function keywordMatchers(): { health: Matcher; china: Matcher } {
  healthMatcher ??= words([...HEALTH_WORDS_ZH, ...HEALTH_WORDS_EN]);
  chinaMatcher ??= words(CHINA_WORDS_EN);
  return { health: healthMatcher, china: chinaMatcher };
}

/** Whether an English health word occurs in `text` (patterns after the Chinese ones in the joint matcher). */
function hasEnglishHealthWord(health: Matcher, text: string): boolean {
  let found = false;
  health.scan(text, (pattern) => {
    found = pattern >= HEALTH_WORDS_ZH.length;
    return found;
  });
  return found;
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
  if ((healthMatcher === null || chinaMatcher === null) && pageVerdictDeferral?.(needs, 'words') === true) return false;
  if (textHolds(text, needs)) return true;
  if (pageTextSource === null) return false;
  const letters = letterCount(text, WEAK_BLOCK);
  const leftToPage = letters < SHORT_BLOCK || (letters < WEAK_BLOCK && healthWords(text) >= 1);
  return leftToPage && pageHolds(needs);
}

/** Whether one text (a block or a passage), judged alone, is about what `needs` asks for. Pure. */
export function textHolds(text: string, needs: ContextNeed): boolean {
  if (needs === 'health') return healthWords(text) >= REQUIRED_HEALTH_WORDS;
  const { health, china } = keywordMatchers();
  return hasEnglishHealthWord(health, text) && distinctHits(china, text, 1) >= 1;
}

/** Whether a whole page is about what `needs` asks for: the words of textHolds, and not in passing. */
export function pageTextHolds(text: string, needs: ContextNeed): boolean {
  if (!textHolds(text, needs)) return false;
  return occurrences(keywordMatchers().health, text) * PAGE_LETTERS_PER_WORD >= letterCount(text);
}

function pageHolds(needs: ContextNeed): boolean {
  const source = pageTextSource;
  if (!source) return false;
  const cached = freshVerdict(needs);
  if (cached !== undefined) return cached;
  if (pageVerdictDeferral?.(needs, 'page') === true) return false;
  return judgePage(needs, source());
}

function freshVerdict(needs: ContextNeed): boolean | undefined {
  const cached = pageVerdicts.get(needs);
  return cached && Date.now() - cached.at < PAGE_VERDICT_MS ? cached.verdict : undefined;
}

/**
 * For a caller that works in time slices (the page scanner): while `hook` is set, a block need not
 * be judged there and then when that would first build the keyword matchers (`waitsFor` 'words':
 * 3–14 ms on a fresh page) or read and judge its page ('page', for a block left to its page with
 * no fresh verdict known: 5–25 ms), a whole frame in the middle of a slice. When `hook` returns
 * true the block counts as out of context for now, and the caller later does that work in slices
 * of its own (prepareContext; pageContextText, judgePage) and scans the block again. When it
 * returns false (a scan that is not the caller's) the work is done at once.
 */
export function deferPageVerdicts(hook: ((needs: ContextNeed, waitsFor: 'words' | 'page') => boolean) | null): void {
  pageVerdictDeferral = hook;
}

/** Ends deferPageVerdicts for `hook`, if it is still the one set (another caller may have set its own since). */
export function releasePageVerdicts(hook: (needs: ContextNeed, waitsFor: 'words' | 'page') => boolean): void {
  if (pageVerdictDeferral === hook) pageVerdictDeferral = null;
}

/** Builds the keyword matchers context rules read (see deferPageVerdicts). */
export function prepareContext(): void {
  keywordMatchers();
}

/** The page's text for deferred verdicts (null when no page is the context source). */
export function pageContextText(): string | null {
  return pageTextSource ? pageTextSource() : null;
}

/** Judges the page's text for `needs` now and keeps the verdict for a while (see PAGE_VERDICT_MS). */
export function judgePage(needs: ContextNeed, text: string): boolean {
  const verdict = pageTextHolds(text, needs);
  pageVerdicts.set(needs, { verdict, at: Date.now() });
  return verdict;
}
