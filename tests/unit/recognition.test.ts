// @vitest-environment happy-dom
// The real-page test set (tests/e2e/fixtures/recognition/*.html) at unit level: the matcher run
// over each block of each page the way the page scanner reads it (one block at a time), so the
// recall and false-card figures are reproducible without a browser. tests/e2e/recognition.test.mjs
// checks the same pages in Chromium with the built extension.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { setPageContextSource } from '../../lib/terms/context';
import { createTermMatcher } from '../../lib/terms/patterns';

/** Runs `scan` with the page's text as the context of blocks too short to judge, as the content script does. */
function withPageText<T>(page: string, scan: () => T): T {
  setPageContextSource(() => page);
  try {
    return scan();
  } finally {
    setPageContextSource(null);
  }
}

const SETS = {
  /** The 27 pages written while the catalogue was extended. */
  main: path.resolve('tests/e2e/fixtures/recognition'),
  /** Pages written before reading the catalogue's aliases (see its README.md): an honest recall figure. */
  heldOut: path.resolve('tests/e2e/fixtures/recognition-heldout'),
};
const pagesOf = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
const matcher = createTermMatcher(TERM_FORMS);
const BLOCKS = 'h1,h2,h3,p,li,td';

interface Span {
  kind: 'expect' | 'quiet';
  term: string;
  start: number;
  end: number;
  text: string;
}

/** A block's text and where its annotated spans sit in it. */
function readBlock(block: Element): { text: string; spans: Span[] } {
  let text = '';
  const starts = new Map<Node, number>();
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, text.length);
    text += (n as Text).data;
  }
  const spans: Span[] = [];
  for (const el of block.querySelectorAll('[data-expect],[data-quiet]')) {
    const inner = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const first = inner.nextNode();
    if (!first) continue;
    const start = starts.get(first) ?? 0;
    const content = el.textContent ?? '';
    spans.push({
      kind: el.hasAttribute('data-expect') ? 'expect' : 'quiet',
      term: el.getAttribute('data-expect') ?? '',
      start,
      end: start + content.length,
      text: content,
    });
  }
  return { text, spans };
}

interface PageScore {
  page: string;
  expected: number;
  found: number;
  missed: string[];
  falseCards: string[];
  quiet: number;
}

function scorePage(dir: string, file: string): PageScore {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8'), 'text/html');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  const score: PageScore = { page: file, expected: 0, found: 0, missed: [], falseCards: [], quiet: 0 };
  // the page's text, for context rules a block too short to judge leaves to the page (context.ts)
  const pageText = document.body.textContent ?? '';
  for (const block of document.body.querySelectorAll(BLOCKS)) {
    const { text, spans } = readBlock(block);
    const matches = withPageText(pageText, () => matcher.findAll(text)).map((m) => ({
      term: matcher.patterns[m.pattern]?.termId ?? '',
      start: m.start,
      end: m.end,
    }));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    for (const span of spans) {
      if (span.kind === 'quiet') {
        score.quiet++;
        continue;
      }
      score.expected++;
      if (matches.some((m) => m.term === span.term && overlaps(m, span))) score.found++;
      else score.missed.push(`${span.text} (${span.term})`);
    }
    for (const m of matches) {
      const right = spans.some((s) => s.kind === 'expect' && s.term === m.term && overlaps(m, s));
      if (!right) score.falseCards.push(`${text.slice(m.start, m.end)} → ${m.term}`);
    }
  }
  return score;
}

function report(name: string, scores: PageScore[]) {
  const expected = scores.reduce((n, s) => n + s.expected, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  const falseCards = scores.flatMap((s) => s.falseCards.map((f) => `${s.page}: ${f}`));
  const missed = scores.flatMap((s) => s.missed.map((f) => `${s.page}: ${f}`));
  console.log(
    `recognition (unit, ${name}): recall ${found}/${expected} = ${((100 * found) / expected).toFixed(1)} %, false cards ${falseCards.length}, quiet places ${scores.reduce((n, s) => n + s.quiet, 0)}, pages ${scores.length}`,
  );
  if (missed.length > 0) console.log(`missed (${name}):\n${missed.join('\n')}`);
  if (falseCards.length > 0) console.log(`false cards (${name}):\n${falseCards.join('\n')}`);
  return { expected, found, falseCards };
}

describe('recognition on real-page wording (unit level)', () => {
  const PAGES = pagesOf(SETS.main);
  const scores = PAGES.map((file) => scorePage(SETS.main, file));

  it('has at least 25 annotated pages, with expected forms and quiet places', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(25);
    expect(scores.reduce((n, s) => n + s.expected, 0)).toBeGreaterThanOrEqual(100);
    expect(scores.reduce((n, s) => n + s.quiet, 0)).toBeGreaterThanOrEqual(40);
  });

  it('marks ≥ 98 % of the expected forms with the right term and gives no false card', () => {
    const { expected, found, falseCards } = report('27 pages', scores);
    expect(found / expected).toBeGreaterThanOrEqual(0.98);
    expect(falseCards).toEqual([]);
  });
});

describe('recognition on held-out real-page wording (unit level)', () => {
  const PAGES = pagesOf(SETS.heldOut);
  const scores = PAGES.map((file) => scorePage(SETS.heldOut, file));

  it('has at least 12 held-out pages, with expected forms and quiet places', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(12);
    expect(scores.reduce((n, s) => n + s.expected, 0)).toBeGreaterThanOrEqual(60);
    expect(scores.reduce((n, s) => n + s.quiet, 0)).toBeGreaterThanOrEqual(30);
  });

  it('marks ≥ 98 % of the held-out expected forms with the right term and gives no false card', () => {
    const { expected, found, falseCards } = report('held-out', scores);
    expect(found / expected).toBeGreaterThanOrEqual(0.98);
    expect(falseCards).toEqual([]);
  });
});
