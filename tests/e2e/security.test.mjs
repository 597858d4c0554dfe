// The page is hostile: these tests attack the extension the way a page script can, in real Chromium
// with the built extension, and check that the page gets nothing.
//  (a) pre-defined custom elements for every tag name the extension ever used, keeping their
//      ElementInternals or taking the shadow root first, plus !important styles on every selector our
//      host might match: the card still opens on a real hover, the page reaches none of its text and
//      its clicks save nothing;
//  (b) synthetic hover events do not open the card, synthetic clicks and keys save nothing;
//  (c) clickjacking of the selection button: a page-made selection with a synthetic mouseup shows no
//      button, a real click elsewhere saves nothing, and the button a real selection shows keeps its
//      own look however the page restyles its host;
//  (d) a page where the user saved a clipping learns nothing of it: not from CSS.highlights, not from
//      the DOM (text or attributes), while the clipping is still drawn for the user.
// Assumes the build is done (`npx wxt build`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  countStore,
  inCard,
  launchExtension,
  openExtensionPage,
  pointOfText,
  readCard,
  readMarks,
  readStore,
  serveStatic,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

const QUOTE = '要全面促进“三医协同”，深入推进紧密型县域医共体建设';

describe('a hostile page gets nothing', { timeout: 300_000 }, () => {
  let ext;
  let server;
  let extPage;

  before(async () => {
    server = await serveStatic();
    // PCR_EXTENSION_DIR: run the attacks against another build (e.g. one from before a fix)
    ext = await launchExtension(process.env.PCR_EXTENSION_DIR ? { extensionDir: process.env.PCR_EXTENSION_DIR } : {});
    extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  async function clearClippings() {
    await extPage.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('policy-cross-ref');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('clippings', 'readwrite');
            tx.objectStore('clippings').clear();
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
  }

  async function openAttacker(variant) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.url}/sec-attacker.html?variant=${variant}`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.text === '千县工程'), { what: 'marks' });
    await page.mouse.move(2, 2);
    return page;
  }

  /** Moves the real mouse onto the term and waits for the loaded card. */
  async function hoverTerm(page) {
    const point = await pointOfText(page, 'f-term', '千县工程');
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    return waitFor(
      async () => {
        const card = await readCard(page);
        return card && !card.loading && card.passages.length > 0 ? card : null;
      },
      { what: 'the card on a real hover', timeoutMs: 8_000 },
    );
  }

  /** The host as the card's own shadow root sees it: computed look and where its card is. */
  function hostLook(page) {
    return inCard(page, function () {
      const host = this.host;
      const style = getComputedStyle(host);
      return {
        tag: host.localName,
        isDiv: host instanceof HTMLDivElement,
        opacity: style.opacity,
        transform: style.transform,
        filter: style.filter,
        visibility: style.visibility,
      };
    });
  }

  for (const variant of ['internals', 'shadow']) {
    it(`(a) pre-defined tag names (${variant}): the card opens on a real hover, the page reaches nothing`, async () => {
      await clearClippings();
      const page = await openAttacker(variant);
      const card = await hoverTerm(page);
      assert.ok(card.rect.right - card.rect.left > 100, 'the card has its own size');

      // nothing of the card's text is reachable from the page
      const reachable = await page.evaluate(() => window.__reachableText());
      for (const passage of card.passages) {
        const probe = passage.text.slice(0, 12);
        assert.ok(!reachable.includes(probe), `the page cannot read the passage “${probe}”`);
      }
      // the save button's label, in whichever language the browser speaks, read from inside our root
      const saveLabel = await inCard(page, function () {
        return this.querySelector('[data-action="save"]')?.textContent ?? '';
      });
      assert.ok(saveLabel.length > 0, 'the card has a save button');
      assert.ok(!reachable.includes(saveLabel), 'the page cannot read the card buttons');
      // what the page kept of its pre-defined elements gives no root of ours
      const kept = await page.evaluate(() =>
        window.__attack.internals.map((internals) => internals.shadowRoot?.textContent ?? null),
      );
      assert.ok(
        kept.every((text) => text === null || text === 'taken by the page'),
        `no internals reach our root: ${JSON.stringify(kept)}`,
      );

      // the page clicks everything it can reach: nothing is saved, the card is still ours
      const clicks = await page.evaluate(() => window.__clickEverything());
      assert.ok(clicks > 5, 'the page did try');
      await page.waitForTimeout(800);
      assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'the page saved nothing');

      const look = await hostLook(page);
      assert.equal(look.isDiv, true, 'the host is a plain div, not a page-defined element');
      assert.equal(look.opacity, '1', 'page CSS does not make the host transparent');
      assert.equal(look.transform, 'none', 'page CSS does not scale the host');
      assert.equal(look.filter, 'none');
      await page.close();
    });
  }

  it('(b) synthetic hover events open no card; synthetic clicks and keys save nothing', async () => {
    await clearClippings();
    const page = await openAttacker('none');
    const point = await pointOfText(page, 'f-term', '千县工程');
    for (let i = 0; i < 8; i++) {
      await page.evaluate(({ x, y }) => window.__fakeHover(x + (performance.now() % 2), y), point);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(1200); // well past the 250 ms hover delay
    assert.equal(await readCard(page), null, 'a synthetic hover opened no card');

    // a real hover opens it (so the check above could fail), then the page fires at everything
    await hoverTerm(page);
    await page.evaluate(() => window.__clickEverything());
    await page.waitForTimeout(800);
    assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'synthetic clicks saved nothing');
    // the card's own buttons ignore synthetic clicks too, even when one reaches them
    const untrusted = await inCard(page, function () {
      const save = this.querySelector('[data-action="save"]');
      if (!save) return 'no save button';
      save.click();
      save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return 'clicked';
    });
    assert.equal(untrusted, 'clicked');
    await page.waitForTimeout(800);
    assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'untrusted clicks inside the card saved nothing');
    await page.close();
  });

  it('(c) clickjacking: no button after a page-made selection, and the real one keeps its look', async () => {
    await clearClippings();
    await extPage.evaluate(() => chrome.storage.local.set({ clippingsSelectionButton: true }));
    try {
      const page = await openAttacker('clickjack');
      const selected = await page.evaluate(() => window.__fakeSelection());
      assert.ok(selected.length > 5, 'the page selected its own text');
      await page.waitForTimeout(600);
      const button = () =>
        inCard(page, function () {
          const b = [...this.querySelectorAll('button')].find(
            (el) => el.classList.contains('save-selection') && el.getClientRects().length > 0,
          );
          if (!b) return null;
          const r = b.getBoundingClientRect();
          const host = getComputedStyle(this.host);
          return {
            x: r.left + r.width / 2,
            y: r.top + r.height / 2,
            width: r.width,
            opacity: host.opacity,
            transform: host.transform,
          };
        });
      assert.equal(await button(), null, 'no selection button after a synthetic mouseup');
      // one real click anywhere on the page
      await page.mouse.click(500, 400);
      await page.mouse.click(120, 160);
      await page.waitForTimeout(800);
      assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'a real click elsewhere saved nothing');

      // a real selection gesture shows the button, in its own look despite the page's restyling
      const from = await pointOfText(page, 'user-text', '基层');
      const to = await pointOfText(page, 'user-text', '方便');
      await page.mouse.move(from.x - 8, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x + 8, to.y, { steps: 8 });
      await page.mouse.up();
      const shown = await waitFor(button, { what: 'the selection button after a real selection' });
      await page.waitForTimeout(300); // the page's observer has had its go at the host
      const look = await button();
      assert.ok((await page.evaluate(() => window.__attack.restyled)) > 0, 'the page did restyle what we added');
      assert.equal(look.opacity, '1', 'the host stays opaque');
      assert.equal(look.transform, 'none', 'the host stays unscaled');
      assert.ok(look.width < 200, `the button keeps its size (${look.width})`);
      // and a real click on it saves the user's selection (the control: the button works)
      await page.mouse.click(shown.x, shown.y);
      await waitFor(async () => (await countStore(extPage, 'clippings')) === 1, { what: 'the real save' });
      const [saved] = await readStore(extPage, 'clippings');
      assert.ok(saved.quote.includes('医疗卫生机构的诊疗量'), saved.quote);
      await page.close();
    } finally {
      await extPage.evaluate(() => chrome.storage.local.remove('clippingsSelectionButton'));
    }
  });

  it('(c) a page that fights the host for ever gets no button, and a real click saves nothing', async () => {
    await clearClippings();
    await extPage.evaluate(() => chrome.storage.local.set({ clippingsSelectionButton: true }));
    try {
      const page = await openAttacker('fight');
      const from = await pointOfText(page, 'user-text', '基层');
      const to = await pointOfText(page, 'user-text', '方便');
      await page.mouse.move(from.x - 8, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x + 8, to.y, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(600);
      // whatever is left of our UI must not be a restyled button
      const left = await inCard(page, function () {
        const host = getComputedStyle(this.host);
        const b = [...this.querySelectorAll('button')].find((el) => el.classList.contains('save-selection'));
        return {
          button: b ? b.getClientRects().length > 0 : false,
          opacity: host.opacity,
          connected: this.host.isConnected,
        };
      });
      assert.ok(
        left === null || !left.connected || !left.button || left.opacity === '1',
        `no restyled button: ${JSON.stringify(left)}`,
      );
      for (const [x, y] of [
        [to.x, to.y + 20],
        [500, 400],
        [120, 160],
      ])
        await page.mouse.click(x, y);
      await page.waitForTimeout(800);
      assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'real clicks saved nothing');
      assert.ok(
        (await page.evaluate(() => document.readyState)) === 'complete',
        'the page still answers (no endless repair loop)',
      );
      await page.close();
    } finally {
      await extPage.evaluate(() => chrome.storage.local.remove('clippingsSelectionButton'));
    }
  });

  it('(c) a page lure kept above our button lets clicks through: the covered button saves nothing', async () => {
    await clearClippings();
    await extPage.evaluate(() => chrome.storage.local.set({ clippingsSelectionButton: true }));
    try {
      const page = await openAttacker('overlay');
      const from = await pointOfText(page, 'user-text', '基层');
      const to = await pointOfText(page, 'user-text', '方便');
      await page.mouse.move(from.x - 8, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x + 8, to.y, { steps: 8 });
      await page.mouse.up();
      const shown = await waitFor(
        () =>
          inCard(page, function () {
            const b = [...this.querySelectorAll('button')].find((el) => el.classList.contains('save-selection'));
            const r = b?.getBoundingClientRect();
            return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
          }),
        { what: 'the button under the lure' },
      );
      // the lure is what the page's own hit testing would call topmost if it took clicks: it is drawn over us
      await page.waitForTimeout(400);
      await page.mouse.click(shown.x, shown.y);
      await page.waitForTimeout(800);
      assert.equal((await countStore(extPage, 'clippings')) ?? 0, 0, 'a click through the lure saved nothing');
      await page.close();
    } finally {
      await extPage.evaluate(() => chrome.storage.local.remove('clippingsSelectionButton'));
    }
  });

  it('(d) a page with a saved clipping cannot find the clipped text in CSS.highlights or the DOM', async () => {
    await clearClippings();
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.url}/clip-article.html`);
    await waitFor(async () => (await readMarks(page)).length > 0, { what: 'marks' });

    // everything a page script can read: every highlight's ranges, every text node and attribute
    const snapshot = () =>
      page.evaluate(() => {
        const highlights = [];
        for (const [name, highlight] of CSS.highlights) {
          for (const r of highlight) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            highlights.push(`${name}: ${range.toString()}`);
          }
        }
        const dom = [];
        const visit = (root) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.nodeType === 3) dom.push(n.data);
            else {
              for (const attr of n.attributes) dom.push(`${attr.name}=${attr.value}`);
              if (n.shadowRoot) visit(n.shadowRoot);
            }
          }
        };
        visit(document.documentElement);
        return { highlights: highlights.sort(), dom };
      });
    const before = await snapshot();

    // the user saves the quote (selection + the context menu's handler)
    await page.evaluate((quote) => {
      const p = document.getElementById('p1');
      const text = p.textContent;
      const at = text.indexOf(quote);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: seen });
        seen += n.data.length;
      }
      const locate = (offset) => {
        const hit = nodes.findLast((e) => e.start <= offset);
        return [hit.node, offset - hit.start];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + quote.length));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }, QUOTE);
    await page.bringToFront();
    const outcome = await ext.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return globalThis.policyCrossRefClippingMenu({ menuItemId: 'policy-cross-ref-save-clipping', frameId: 0 }, tab);
    });
    assert.equal(outcome?.status, 'saved', JSON.stringify(outcome));

    for (const phase of ['after saving', 'after a reload']) {
      if (phase === 'after a reload') {
        await page.reload();
        await waitFor(async () => (await readMarks(page)).length > 0, { what: 'marks after reload' });
      }
      await page.evaluate(() => getSelection().removeAllRanges());
      // the user does see it: boxes over the quote's text, inside our closed root
      const drawn = await waitFor(
        () =>
          inCard(page, function () {
            const boxes = [...this.querySelectorAll('[data-ui="clipping-box"]')].filter(
              (b) => b.getClientRects().length > 0,
            );
            return boxes.length > 0 ? boxes.map((b) => b.getBoundingClientRect().toJSON()) : null;
          }),
        { what: `the clipping drawn ${phase}` },
      );
      const quoteRects = await page.evaluate(() => {
        const p = document.getElementById('p1');
        const range = document.createRange();
        range.selectNodeContents(p);
        return [...range.getClientRects()].map((r) => r.toJSON());
      });
      const centre = drawn[0];
      assert.ok(
        quoteRects.some(
          (r) =>
            centre.left + centre.width / 2 >= r.left &&
            centre.left + centre.width / 2 <= r.right &&
            centre.top + centre.height / 2 >= r.top - 2 &&
            centre.top + centre.height / 2 <= r.bottom + 2,
        ),
        'the boxes sit over the quote',
      );

      const now = await snapshot();
      assert.deepEqual(now.highlights, before.highlights, `CSS.highlights shows the page nothing new ${phase}`);
      assert.ok(
        now.highlights.every((h) => !h.includes('深入推进紧密型')),
        'no highlight range holds the clipped text',
      );
      const added = now.dom.filter((entry) => !before.dom.includes(entry));
      assert.ok(
        added.every((entry) => !/[\u3400-\u9fff]/.test(entry)),
        `nothing added to the DOM carries text: ${JSON.stringify(added)}`,
      );
      const count = (list) => list.filter((entry) => entry.includes('深入推进紧密型')).length;
      assert.equal(count(now.dom), count(before.dom), 'the quote is in the DOM only where the page put it');

      // nor from occlusion: IntersectionObserver v2 on the clipped and an unclipped paragraph
      // reports the same (our boxes must not tell the page which lines they cover)
      const visibility = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = {};
            const observer = new IntersectionObserver(
              (entries) => {
                for (const e of entries) seen[e.target.id] = e.isVisible;
                if ('p1' in seen && 'p2' in seen) {
                  observer.disconnect();
                  resolve(seen);
                }
              },
              { trackVisibility: true, delay: 100 },
            );
            observer.observe(document.getElementById('p1'));
            observer.observe(document.getElementById('p2'));
          }),
      );
      assert.equal(
        visibility.p1,
        visibility.p2,
        `occlusion tells the clipped line apart: ${JSON.stringify(visibility)}`,
      );
    }
    await page.close();
  });
});
