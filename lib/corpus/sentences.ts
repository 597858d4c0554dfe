/**
 * Sentences of Chinese report text, and the sentence a term sits in.
 *
 * A reader checks a term against the sentence that names it, not the paragraph: policy paragraphs
 * run to several hundred characters and the term may sit on their eighth line. Pure functions over
 * offsets, so the card, the popup and the timeline show the same sentence and can highlight in it.
 */

export type Span = readonly [number, number];

/** Marks that end a sentence (； too: policy text chains whole clauses with it). */
const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
/** Quotes and brackets that may follow a terminator and still belong to the sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '"', "'"]);
const OPENERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '《': '》',
  '【': '】',
  '〔': '〕',
};
/**
 * A terminator inside quotes or brackets does not end the sentence (一句引语。）— unless the quote
 * opened this far back: an unbalanced mark (broken print text) must not swallow a whole passage.
 */
const QUOTE_REACH = 160;
/** Where a long sentence may be cut for an excerpt: after these, the text still reads. */
const CLAUSE_MARKS = /[，,、：:]/u;

/** [start, end) of each sentence of `text`, white space around it excluded; covers every non-space character. */
export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const open: { close: string; at: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s] as string)) s++;
    while (e > s && /\s/u.test(text[e - 1] as string)) e--;
    if (e > s) out.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      open.length = 0;
      push(i + 1);
      continue;
    }
    const closes = OPENERS[ch];
    if (closes) {
      open.push({ close: closes, at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      const top = open.findLastIndex((o) => o.close === ch);
      if (top >= 0) open.length = top;
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    // a run of terminators (……, ？！) and the closers right after it end together
    let end = i + 1;
    while (end < text.length && TERMINATORS.has(text[end] as string)) end++;
    while (end < text.length && CLOSERS.has(text[end] as string)) {
      const top = open.findLastIndex((o) => o.close === text[end]);
      if (top >= 0) open.length = top;
      end++;
    }
    const inner = open[open.length - 1];
    if (inner && end - inner.at < QUOTE_REACH) {
      i = end - 1;
      continue;
    }
    open.length = 0;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

export interface SentenceWindow {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** The window starts or ends inside a sentence (show an ellipsis there). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SentenceOptions {
  /** A window shorter than this takes in the next sentence (or the previous one). */
  minChars?: number;
  /** A window longer than this is cut at clause marks around the span. */
  maxChars?: number;
}

/**
 * The sentence (or two) of `text` that holds the first span: what a reader needs to see the term
 * used. Never cuts the span itself; a very long sentence is cut at clause marks around it.
 */
export function sentenceAround(
  text: string,
  spans: readonly Span[],
  { minChars = 24, maxChars = 180 }: SentenceOptions = {},
): SentenceWindow {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return { start: 0, end: text.length, clippedStart: false, clippedEnd: false };
  const first = [...spans].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0])[0];
  const [spanStart, spanEnd] = first ?? [0, 0];
  // the sentences the span touches (a term may straddle a boundary in broken text)
  let from = sentences.findIndex(([, e]) => e > spanStart);
  if (from < 0) from = sentences.length - 1;
  let to = from;
  while (to + 1 < sentences.length && (sentences[to + 1] as [number, number])[0] < spanEnd) to++;
  let start = (sentences[from] as [number, number])[0];
  let end = (sentences[to] as [number, number])[1];
  if (end - start < minChars) {
    const next = sentences[to + 1];
    const previous = sentences[from - 1];
    if (next && next[1] - start <= maxChars) end = next[1];
    else if (previous && end - previous[0] <= maxChars) start = previous[0];
  }
  let clippedStart = false;
  let clippedEnd = false;
  if (end - start > maxChars) {
    const budget = Math.max(0, maxChars - (spanEnd - spanStart));
    const before = Math.floor(budget / 3);
    let s = Math.max(start, spanStart - before);
    let e = Math.min(end, Math.max(spanEnd, s + maxChars));
    // cut after a clause mark where one is near, so the excerpt begins and ends on a phrase
    if (s > start) {
      const cut = lastClauseMark(text, s, spanStart);
      if (cut >= 0) s = cut + 1;
      clippedStart = s > start;
    }
    if (e < end) {
      const cut = lastClauseMark(text, Math.max(spanEnd, e - 40), e);
      if (cut >= 0) e = cut + 1;
      clippedEnd = e < end;
    }
    start = s;
    end = e;
  }
  return { start, end, clippedStart, clippedEnd };
}

/** The last clause mark in text[from, to), or -1. */
function lastClauseMark(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (CLAUSE_MARKS.test(text[i] as string)) return i;
  return -1;
}

/** Spans moved into a window of the text: those inside it, shifted to its start. */
export function spansIn(spans: readonly Span[], start: number, end: number): [number, number][] {
  return spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start] as [number, number]);
}

/**
 * The sentences holding each span, merged where they touch, at most `maxWindows` of them: an
 * excerpt that shows every occurrence (up to that many) in its sentence, never a clipped match.
 */
export function sentencesAround(
  text: string,
  spans: readonly Span[],
  options: SentenceOptions & { maxWindows?: number } = {},
): SentenceWindow[] {
  const { maxWindows = 3, ...rest } = options;
  const sorted = [...spans].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return [sentenceAround(text, [], rest)];
  const out: SentenceWindow[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[1] <= last.end) continue; // already shown
    if (out.length === maxWindows) break;
    const window = sentenceAround(text, [span], { minChars: 0, ...rest });
    if (last && window.start <= last.end) {
      last.end = Math.max(last.end, window.end);
      last.clippedEnd = window.clippedEnd;
    } else out.push(window);
  }
  return out;
}
