// Firefox 140 ESR: a content script cannot assign adoptedStyleSheets (its Xray view of the
// ObservableArray rejects the array), so the card's sheet and the page's ::highlight() rules fall
// back to <style> elements. Debian's ESR (153) accepts the assignment, so this file installs a copy
// of the built package whose content scripts see the setters throw as 140's do (see
// buildXray140Package) and checks that the fallback still styles the card and paints the marks —
// also on a page whose CSP blocks every style, where a page's own <style> would be dropped.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES_DIR, pointOfText, readMarks, serveStatic } from '../e2e/harness.mjs';
import { buildXray140Package, launchFirefoxExtension, readCard, tintedPixels, waitFor } from './harness.mjs';

const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

describe('Firefox 140: the <style> fallback when adoptedStyleSheets cannot be set', { timeout: 180_000 }, () => {
  let ff;
  let server;
  let decoder;

  before(async () => {
    const news = await readFile(path.join(FIXTURES_DIR, 'news.html'), 'utf8');
    server = await serveStatic({
      dir: FIXTURES_DIR,
      routes: { '/strict.html': { body: news, headers: { 'Content-Security-Policy': STRICT_CSP } } },
    });
    ff = await launchFirefoxExtension({ extensionDir: await buildXray140Package(), ownDir: true });
    // seeding starts with the background page; the popup waits for nothing, the card for the corpus
    await (await ff.openExtensionPage('popup.html')).close();
    decoder = await ff.browser.newPage();
  });

  after(async () => {
    await ff?.close();
    await server?.close();
  });

  for (const pathname of ['/news.html', '/strict.html']) {
    it(`styles the card and paints the marks through <style> elements on ${pathname}`, async () => {
      const page = await ff.browser.newPage();
      await page.setViewport({ width: 1000, height: 1400 });
      await page.goto(`${server.url}${pathname}`);
      await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'f-plain'), { what: 'marks' });
      if (pathname === '/strict.html') {
        // the CSP is in force: the page's own <style> is dropped
        assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '760px');
      }
      // the simulation stays in the add-on's sandbox: the page still has the native setters
      assert.deepEqual(
        await page.evaluate(() =>
          [ShadowRoot.prototype, Document.prototype].map((proto) =>
            String(Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets').set).includes('[native code]'),
          ),
        ),
        [true, true],
      );
      // the document-level fallback is in use: no adopted sheet, a <style> element of ours
      assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
      // the marks are painted (amber wash), and unmarked text is not
      const marked = await waitFor(async () => tintedPixels(page, decoder, 'f-plain', '千县工程'), {
        what: 'the mark painted',
      });
      assert.ok(marked > 100, `tinted pixels under the mark: ${marked}`);
      assert.equal(await tintedPixels(page, decoder, 'none', '天气'), 0, 'no wash over unmarked text');

      const point = await pointOfText(page, 'f-plain', '千县工程');
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      const card = await waitFor(
        async () => {
          const c = await readCard(page);
          return c && c.passages.length > 0 ? c : null;
        },
        { what: 'the card', timeoutMs: 15_000 },
      );
      assert.equal(card.term, '千县工程');
      assert.deepEqual(
        { adopted: card.adopted, styleElements: card.styleElements },
        { adopted: 0, styleElements: 1 },
        'the card is styled by the <style> fallback, not an adopted sheet',
      );
      assert.equal(card.position, 'fixed', 'the card sheet applies');
      assert.equal(card.radius, '10px');
      assert.notEqual(card.background, 'rgba(0, 0, 0, 0)');
      assert.ok(card.rect.right - card.rect.left > 200, `a card-sized box: ${JSON.stringify(card.rect)}`);
      await page.close();
    });
  }
});
