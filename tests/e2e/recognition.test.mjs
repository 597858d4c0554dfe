// Recognition on real-page wording, in Chromium with the built extension: every page of
// tests/e2e/fixtures/recognition/ is opened, every annotated expected form (data-expect="term-id")
// must carry a term mark (read from CSS.highlights, what the user sees) and, hovered, open the
// card of that term; every quiet place (data-quiet) must carry no mark, and any mark outside the
// expected forms counts as a false card. Prints recall and false cards. Assumes the build is done.
// The same pages are scored without a browser by tests/unit/recognition.test.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURES_DIR,
  launchExtension,
  openExtensionPage,
  ROOT,
  readCard,
  serveStatic,
  TERM_HIGHLIGHT,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

/** The 27 pages written while the catalogue grew, and the held-out pages written before reading its aliases. */
const SETS = [
  { name: '27 pages', folder: 'recognition', minPages: 25 },
  { name: 'held-out', folder: 'recognition-heldout', minPages: 12 },
];
const pagesOf = (folder) =>
  readdirSync(path.join(FIXTURES_DIR, folder))
    .filter((f) => f.endsWith('.html'))
    .sort();
const CANONICAL = new Map(
  JSON.parse(readFileSync(path.join(ROOT, 'seeds/catalogue.json'), 'utf8')).terms.map((t) => [t.id, t.canonical]),
);

/** Marks on the page against the annotations: which expected spans are marked, which marks are wrong. */
function readAnnotatedMarks(page, highlightName) {
  return page.evaluate((name) => {
    const spans = [...document.querySelectorAll('[data-expect],[data-quiet]')];
    const ranges = [];
    for (const r of CSS.highlights.get(name) ?? []) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      if (r.startContainer.isConnected) ranges.push(range);
    }
    return {
      spans: spans.map((el, index) => ({
        index,
        kind: el.hasAttribute('data-expect') ? 'expect' : 'quiet',
        term: el.getAttribute('data-expect'),
        text: el.textContent,
        marked: ranges.some((range) => range.intersectsNode(el)),
      })),
      stray: ranges
        .filter((range) => !spans.some((el) => el.hasAttribute('data-expect') && range.intersectsNode(el)))
        .map((range) => range.toString()),
    };
  }, highlightName);
}

describe('recognition on real-page wording', { timeout: 900_000 }, () => {
  let ext;
  let server;

  before(async () => {
    server = await serveStatic(FIXTURES_DIR);
    ext = await launchExtension();
    const extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
    await extPage.close();
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Opens every page of a set, hovers every expected form; returns the figures and what went wrong. */
  async function scoreSet({ folder }) {
    const PAGES = pagesOf(folder);
    let expected = 0;
    let marked = 0;
    let rightCards = 0;
    let quiet = 0;
    const problems = [];
    const falseCards = [];
    for (const file of PAGES) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1100, height: 2400 });
      await page.goto(`${server.url}/${folder}/${file}`);
      const total = await page.locator('[data-expect]').count();
      // the scan is asynchronous: wait until every expected form is marked, or give up after a while
      // and score what is there (a page with only quiet places gets the same settling time)
      await waitFor(
        async () => {
          const { spans } = await readAnnotatedMarks(page, TERM_HIGHLIGHT);
          return spans.filter((s) => s.kind === 'expect' && s.marked).length >= total;
        },
        { what: `marks on ${file}`, timeoutMs: total === 0 ? 1_500 : 6_000 },
      ).catch(() => null);
      if (total === 0) await page.waitForTimeout(1_000);
      const { spans, stray } = await readAnnotatedMarks(page, TERM_HIGHLIGHT);
      for (const text of stray) falseCards.push(`${file}: mark on “${text}”`);
      for (const span of spans) {
        if (span.kind === 'quiet') {
          quiet++;
          continue;
        }
        expected++;
        if (!span.marked) {
          problems.push(`${file}: “${span.text}” not marked`);
          continue;
        }
        marked++;
        // hover the middle of the form's first line box; the card must name the expected term
        await page.mouse.move(2, 2);
        await waitFor(async () => (await readCard(page)) === null, {
          what: 'the card to close',
          timeoutMs: 4_000,
        }).catch(() => null);
        const box = await page.evaluate((index) => {
          const el = document.querySelectorAll('[data-expect],[data-quiet]')[index];
          const rect = el.getClientRects()[0];
          return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
        }, span.index);
        if (!box) continue;
        await page.mouse.move(box.x, box.y);
        const card = await waitFor(
          async () => {
            const c = await readCard(page);
            return c && !c.loading && c.term ? c : null;
          },
          { what: `card for ${span.text}`, timeoutMs: 6_000 },
        ).catch(() => null);
        const want = CANONICAL.get(span.term);
        if (card?.term === want) rightCards++;
        else if (card) falseCards.push(`${file}: “${span.text}” opens the card of ${card.term}, not ${want}`);
        else problems.push(`${file}: no card for “${span.text}”`);
      }
      await page.close();
    }
    return { pages: PAGES.length, expected, marked, rightCards, quiet, problems, falseCards };
  }

  for (const set of SETS) {
    it(`marks every expected form with the right card and leaves quiet places alone (${set.name})`, async () => {
      const { pages, expected, marked, rightCards, quiet, problems, falseCards } = await scoreSet(set);
      console.log(
        `recognition (Chromium, ${set.name}): ${pages} pages, marked ${marked}/${expected} = ${((100 * marked) / expected).toFixed(1)} %, right card ${rightCards}/${expected} = ${((100 * rightCards) / expected).toFixed(1)} %, false cards ${falseCards.length}, quiet places ${quiet}`,
      );
      for (const p of [...problems, ...falseCards]) console.log(`  ${p}`);
      assert.ok(pages >= set.minPages, `at least ${set.minPages} pages`);
      assert.ok(rightCards / expected >= 0.98, `recall ${rightCards}/${expected} below 98 %`);
      assert.deepEqual(falseCards, []);
    });
  }
});
