// The card shows above whatever the page put in the browser's top layer: a fullscreen element, a
// modal <dialog> (which makes everything outside it inert) and a popover. In real Chromium with the
// built extension; assumes the build is done (`npx wxt build`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  inCard,
  launchExtension,
  openExtensionPage,
  pointOfText,
  readCard,
  readMarks,
  serveStatic,
  UI_MARKER,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

describe('the card above the top layer', { timeout: 180_000 }, () => {
  let ext;
  let server;

  before(async () => {
    server = await serveStatic();
    // PCR_EXTENSION_DIR: run against another build (e.g. one from before a fix)
    ext = await launchExtension(process.env.PCR_EXTENSION_DIR ? { extensionDir: process.env.PCR_EXTENSION_DIR } : {});
    const extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
    await extPage.close();
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  const CASES = [
    {
      name: 'a fullscreen element',
      id: 'in-fullscreen',
      term: '千县工程',
      open: async (page) => {
        await page.click('#go-fullscreen');
        await waitFor(() => page.evaluate(() => document.fullscreenElement?.id === 'stage'), { what: 'fullscreen' });
      },
    },
    {
      name: 'a modal dialog',
      id: 'in-dialog',
      term: '三医协同',
      open: (page) => page.evaluate(() => document.getElementById('modal').showModal()),
    },
    {
      name: 'a popover',
      id: 'in-popover',
      term: '千县工程',
      open: (page) => page.evaluate(() => document.getElementById('tip').showPopover()),
    },
  ];

  for (const { name, id, term, open } of CASES) {
    it(`shows the card above ${name}, and the card takes clicks`, async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`${server.url}/top-layer.html`);
      await waitFor(async () => (await readMarks(page)).length > 0, { what: 'marks' });
      await open(page);
      // marks are registered as their text comes into view (a closed dialog or popover is not)
      await waitFor(async () => (await readMarks(page)).some((m) => m.id === id), { what: `the mark in ${name}` });
      const point = await pointOfText(page, id, term);
      await page.mouse.move(point.x - 3, point.y);
      await page.mouse.move(point.x, point.y);
      const card = await waitFor(
        async () => {
          const c = await readCard(page);
          return c && !c.loading ? c : null;
        },
        { what: `the card in ${name}`, timeoutMs: 8_000 },
      );
      assert.equal(card.term, term);
      // what the page's own hit testing finds at the card's centre is our host: nothing is above it
      const x = (card.rect.left + card.rect.right) / 2;
      const y = (card.rect.top + card.rect.bottom) / 2;
      const topmost = await page.evaluate(
        ({ x, y }) => {
          const el = document.elementFromPoint(x, y);
          return el ? `${el.localName}#${el.id} ${[...el.attributes].map((a) => a.name).join(',')}` : null;
        },
        { x, y },
      );
      assert.equal(
        await page.evaluate(({ x, y, marker }) => document.elementFromPoint(x, y)?.hasAttribute(marker) ?? false, {
          x,
          y,
          marker: UI_MARKER,
        }),
        true,
        `the card is the topmost thing at its centre above ${name} (found ${topmost})`,
      );
      // a real click on the card's close button works (not inert under a modal dialog)
      const close = await inCard(page, function () {
        const r = this.querySelector('.card .close')?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
      assert.ok(close, 'the card has a close button');
      await page.mouse.click(close.x, close.y);
      await waitFor(async () => (await readCard(page)) === null, { what: 'the card closed by a real click' });
      await page.close();
    });
  }
});
