// The clippings page in English, in real Chromium: every piece of interface text comes from the
// English locale (no Chinese, no full-width punctuation), counts agree in number (1 result,
// 2 results), dates are labelled, and the page says it is English.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchExtension, openExtensionPage } from './harness.mjs';

const TIMEOUT = 20_000;
const T = Date.UTC(2026, 2, 5, 12);

/** A one-clipping backup file, written in English so that the page holds no Chinese at all. */
async function backupFile(dir, id, quote) {
  const file = path.join(dir, `${id}.json`);
  const clipping = {
    id,
    format: 2,
    kind: 'page',
    quote,
    url: `https://news.example.org/${id}.html`,
    title: 'County health alliances, one year on',
    site: 'Example News',
    author: 'Jane Doe',
    published: '2026-02-01',
    tags: ['reform'],
    terms: [],
    note: 'For the briefing',
    createdAt: T,
    updatedAt: T,
  };
  const backup = { format: 'policy-cross-ref/clippings', version: 1, exportedAt: new Date(T).toISOString(), count: 1 };
  await writeFile(file, JSON.stringify({ ...backup, clippings: [clipping] }));
  return file;
}

/** The page's interface text: everything but the user's data and the (Chinese-standard) citation. */
function interfaceText(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    for (const el of clone.querySelectorAll('[data-testid="citation"], [data-testid="quote"], [data-testid="note"]'))
      el.remove();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a reader sees it
    return clone.innerText;
  });
}

describe('the clippings page in English', () => {
  let ext;
  let dir;
  let previousLanguage;

  before(async () => {
    // Chromium picks its UI language from --lang; on Linux it also reads LANGUAGE
    previousLanguage = process.env.LANGUAGE;
    process.env.LANGUAGE = 'en_US:en';
    ext = await launchExtension({ args: ['--lang=en-US'] });
    dir = await mkdtemp(path.join(tmpdir(), 'pcr-locale-'));
  });

  after(async () => {
    await ext?.close();
    if (previousLanguage === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = previousLanguage;
  });

  it('speaks English throughout, with plurals and labelled dates', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    await page.getByTestId('empty').waitFor({ timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => chrome.i18n.getUILanguage().slice(0, 2)), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.title(), 'My clippings · Policy Cross-Ref');
    assert.equal(await page.locator('h1').textContent(), 'My clippings');
    assert.match(await page.getByTestId('empty').textContent(), /^No clippings yet\./);
    assert.equal(await page.getByTestId('search').getAttribute('placeholder'), 'Search quotes, notes, tags, sources…');

    await page
      .getByTestId('import')
      .setInputFiles(await backupFile(dir, 'one', 'Deepen the reform of county hospitals.'));
    await page.getByTestId('clipping').first().waitFor({ timeout: TIMEOUT });
    assert.match(
      await page.getByTestId('notice').textContent(),
      /^Imported 1 clipping: 1 new, 0 merged with the same clippings/,
    );
    assert.equal(await page.getByTestId('result-count').textContent(), '1 result');
    assert.equal(await page.getByTestId('selection-count').textContent(), '1 clipping');

    await page
      .getByTestId('import')
      .setInputFiles(await backupFile(dir, 'two', 'Share hospital records across the county.'));
    await page.getByTestId('clipping').nth(1).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.getByTestId('result-count').textContent(), '2 results');
    assert.equal(await page.getByTestId('selection-count').textContent(), '2 clippings');
    assert.equal(await page.getByTestId('published').first().textContent(), 'Published 2026-02-01');
    assert.match(await page.getByTestId('saved').first().textContent(), /^Saved \d{4}-\d{2}-\d{2}$/);

    const text = await interfaceText(page);
    assert.doesNotMatch(text, /[\u3400-\u9fff]/, 'no Chinese in the interface');
    assert.doesNotMatch(text, /[，。：；！？（）]/, 'no full-width punctuation in English');
    assert.match(text, /Export all:/);
    assert.match(text, /Citation style/);

    // an error says what is wrong, in English too
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"format": "policy-cross-ref/clippings", "version": [[[1]]]');
    await page.getByTestId('import').setInputFiles(broken);
    await page.getByText(/cannot be imported/).waitFor({ timeout: TIMEOUT });
    assert.match(
      await page.getByTestId('notice').textContent(),
      /^“broken\.json” cannot be imported; nothing was changed:Not valid JSON/,
    );
    assert.equal(await page.getByTestId('result-count').textContent(), '2 results');

    // the citation follows the chosen edition
    await page.getByTestId('citation-style').selectOption('gbt7714-2015');
    await page
      .locator('details.cite')
      .first()
      .evaluate((d) => {
        d.open = true;
      });
    assert.match(
      await page.getByTestId('citation').first().textContent(),
      /^Jane Doe\. County health alliances, one year on\[EB\/OL\]\. \(2026-02-01\)\[/,
    );
    await page.close();
  });
});
