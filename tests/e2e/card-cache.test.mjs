// The hover card's answer from the cards cached in storage.session (lib/messages/card-cache.ts):
// after the browser stopped the extension's service worker, a card the worker computed earlier in
// this browser session shows without the worker being started; after the user adds a report, no
// page is shown the card as it was before (neither a new page nor one already open).
// Assumes the build is done (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURES_DIR,
  hoverUntilCard,
  launchExtension,
  openExtensionPage,
  openMarkedPage,
  ROOT,
  serveStatic,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

const TERM = 'qianxian-gongcheng';
const CARD_KEY = `card:5:${TERM}`;
/** A sentence of the report govcn-notice.html adds to the library (national: first in the card). */
const ADDED = '结合“千县工程”，支持县医院建设胸痛、卒中、创伤等急诊急救中心';

describe('hover cards from the session cache', { timeout: 300_000 }, () => {
  let ext;
  let server;
  let extPage;

  before(async () => {
    server = await serveStatic({
      dir: FIXTURES_DIR,
      routes: {
        '/notice.html': await readFile(path.join(ROOT, 'tests/fixtures/pages/govcn-notice.html'), 'utf8'),
      },
    });
    ext = await launchExtension();
    extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  const openNews = () => openMarkedPage(ext.context, `${server.url}/news.html`, 6);

  const hover = (page, id, text) => hoverUntilCard(page, id, text, 10_000);

  const extensionWorker = (info) => info.type === 'service_worker' && info.url.startsWith('chrome-extension://');

  /** Stops the extension's service worker (as the browser does when it is idle); true once it is gone. */
  async function stopWorker(cdp) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 100; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      if (!targetInfos.some(extensionWorker)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  const session = () => extPage.evaluate(() => chrome.storage.session.get(null));

  it('shows the card after the worker was stopped from the cache, without starting the worker', async () => {
    const first = await openNews();
    // the terms in view are looked up as the page is marked, before any hover
    await waitFor(async () => Object.keys(await session()).some((k) => k.startsWith('card:')), {
      what: 'cards prefetched for the terms in view',
    });
    const computed = await hover(first, 'f-plain', '千县工程');
    const stored = await session();
    assert.equal(stored[CARD_KEY]?.g, stored.cardGen, 'the card the worker computed is cached in this generation');
    assert.deepEqual(
      stored[CARD_KEY].d.passages.map((p) => p.passageId),
      computed.passages.map((p) => p.id),
    );
    // then every term's card, so that no hover on any term waits for a worker start
    const filled = await waitFor(
      async () => {
        const all = await session();
        return all.cardsFilled === all.cardGen ? all : null;
      },
      { what: 'every card cached', timeoutMs: 30_000 },
    );
    const terms = await extPage.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('policy-cross-ref');
          open.onsuccess = () => {
            const count = open.result.transaction('terms').objectStore('terms').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    assert.equal(Object.keys(filled).filter((k) => k.startsWith('card:')).length, terms);
    await first.close();

    // a new page: nothing in the content script's memory
    const page = await openNews();
    const cdp = await page.context().newCDPSession(page);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // what the page load asked for is answered
    assert.ok(await stopWorker(cdp), 'the worker stopped');
    // the worker's running status as the browser reports it: any start shows as 'starting'
    const started = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.runningStatus === 'starting' || v.runningStatus === 'running') started.push(v);
    });

    const card = await hover(page, 'f-plain', '千县工程');
    assert.deepEqual(
      card.passages.map((p) => p.id),
      computed.passages.map((p) => p.id),
    );
    assert.equal(card.text, computed.text, 'the same card as the worker computed');
    const { targetInfos } = await cdp.send('Target.getTargets');
    assert.deepEqual(
      started.map((v) => v.runningStatus),
      [],
      'no worker started during the hover',
    );
    assert.equal(targetInfos.filter(extensionWorker).length, 0, 'no worker running after the hover');

    await cdp.detach();
    await page.close();
  });

  it('after the user adds a report, the cached card is not served: neither on a page already open nor on a new one', async () => {
    const open = await openNews();
    const before = await hover(open, 'f-plain', '千县工程');
    assert.ok(!before.passages.some((p) => p.text.includes(ADDED)), 'the report is not in the library yet');
    const generation = (await session()).cardGen;

    // 加入文库 from the popup for the notice's tab, as a user does
    const article = await ext.context.newPage();
    await article.goto(`${server.url}/notice.html`);
    const tabId = await ext.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id;
    }, `${server.url}/notice.html`);
    assert.ok(tabId, 'the article tab');
    const library = await openExtensionPage(ext.context, ext.extensionId, `library.html?add=${tabId}`);
    await library.getByTestId('report-form').waitFor({ timeout: 20_000 });
    await library.getByTestId('report-submit').click();
    await library.getByTestId('add-page-done').waitFor({ timeout: 20_000 });
    await library.close();
    await article.close();

    const after = await session();
    assert.notEqual(after.cardGen, generation, 'a new generation');
    assert.equal(after[CARD_KEY], undefined, 'the old card is dropped');

    const shows = (card) => card.passages.some((p) => p.text.includes(ADDED));
    const again = await hover(open, 'f-plain', '千县工程');
    assert.ok(
      shows(again),
      `the open page shows the added passage: ${JSON.stringify(again.passages.map((p) => p.id))}`,
    );
    const fresh = await openNews();
    assert.ok(shows(await hover(fresh, 'f-plain', '千县工程')), 'a new page shows the added passage');
    const cached = await session();
    assert.equal(cached[CARD_KEY]?.g, cached.cardGen, 'the new card is cached in the new generation');
    assert.ok(cached[CARD_KEY].d.passages.some((p) => p.text.includes(ADDED)));
    await fresh.close();
    await open.close();
  });
});
