// The in-page experience in a real Chromium with the built extension: terms marked in the forms
// real pages write them, nowhere they must not be, a card with the reports' passages on hover and
// from the keyboard, marking switched off per site without a reload, and a hostile page that gets
// nothing. Assumes the build is done (`npm test` builds first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CARD_GOLD, FORMS } from './gold.mjs';
import {
  countStore,
  hoverUntilCard,
  inCard,
  launchExtension,
  openExtensionPage,
  openMarkedPage,
  pointOfText,
  readCard,
  readMarks,
  readStore,
  serveStatic,
  UI_MARKER,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

describe('in-page marking and the hover card', { timeout: 240_000 }, () => {
  let ext;
  let server;
  let extPage;

  before(async () => {
    server = await serveStatic();
    ext = await launchExtension();
    extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  const openNews = () => openMarkedPage(ext.context, `${server.url}/news.html`, FORMS.length);

  const hover = (page, id, text) => hoverUntilCard(page, id, text, 8_000);

  it('marks every form of the flagship terms, across inline elements, and nothing else', async () => {
    const page = await openNews();
    const marks = await readMarks(page);
    for (const form of FORMS) {
      assert.ok(
        marks.some((m) => m.id === form.id && m.text === form.text),
        `${form.id} marked as ${form.text}; got ${JSON.stringify(marks)}`,
      );
    }
    const forbidden = new Set(['ta', 'ce', 'pre', 'in', 'none', 'edge-a', 'edge-b']);
    assert.deepEqual(
      marks.filter((m) => forbidden.has(m.id)),
      [],
      'no mark inside textarea, contenteditable, pre, input, or across two paragraphs',
    );
    assert.ok(
      marks.every((m) => m.sameBlock),
      'no mark spans two blocks',
    );
    // the DOM is untouched: no wrapper elements, the split term still sits in its <b>
    assert.equal(await page.locator('pcr-mark').count(), 0);
    assert.equal(await page.locator('#f-split b').textContent(), '医共体');
    await page.close();
  });

  it('marks text the page inserts later', async () => {
    const page = await openNews();
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'inserted'), {
      what: 'the inserted paragraph to be marked',
      timeoutMs: 6_000,
    });
    await page.close();
  });

  it('re-registers its highlight when the page clears the registry', async () => {
    const page = await openNews();
    await page.evaluate(() => CSS.highlights.clear());
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: 'marks restored' });
    await page.close();
  });

  it('shows a card with the gold passages when the pointer rests on each marked form', async () => {
    const page = await openNews();
    const reports = new Map((await readStore(extPage, 'reports')).map((r) => [r.id, r]));
    const stored = new Map((await readStore(extPage, 'passages')).map((p) => [p.id, p]));
    const levelOrder = ['national', 'multi-provincial', 'provincial', 'municipal'];
    for (const form of FORMS) {
      const card = await hover(page, form.id, form.text);
      assert.equal(card.term, form.term, `card for ${form.id}`);
      assert.ok(card.passages.length >= 1 && card.passages.length <= 5, `${form.id}: 1–5 passages`);
      for (const passage of card.passages) {
        assert.ok(passage.marks.length > 0, `${form.id}: matched words highlighted in ${passage.id}`);
        // the sentence holding the term, taken from the passage, not the whole paragraph
        const whole = stored.get(passage.id)?.text ?? '';
        const sentence = passage.text.replace(/^…|…$/gu, '');
        assert.ok(whole.includes(sentence), `${passage.id}: “${sentence}” is part of its passage`);
        assert.ok(sentence.length < whole.length || /[。！？；]$/u.test(sentence), `${passage.id}: a sentence`);
        // the source line names level, issuer, date and section; the title is the line's tooltip
        const report = reports.get(passage.id.split(':')[0]);
        assert.ok(report, `report of ${passage.id}`);
        assert.ok(passage.source.includes(report.issuer), `source names the issuer: ${passage.source}`);
        assert.ok(passage.source.includes(report.date), `source gives the date: ${passage.source}`);
        assert.ok(passage.source.includes(stored.get(passage.id).section), `source gives the section`);
        assert.equal(passage.sourceTitle, report.title);
      }
      // reading order: by level, newest first within a level
      const ranks = card.passages.map((p) => levelOrder.indexOf(reports.get(p.id.split(':')[0]).level));
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
        `${form.id}: national before provincial before municipal`,
      );
      // each report title printed once: in its count line, which links to it
      for (const line of card.reports) {
        const title = reports.get(line.id).title;
        assert.ok(line.text.includes(title));
        assert.equal(card.text.split(title).length - 1, 1, `${title} printed once`);
      }
      for (const gold of CARD_GOLD[form.term] ?? []) {
        assert.ok(
          card.passages.some((p) => p.text.includes(gold)),
          `${form.term}: card shows the gold passage “${gold}”`,
        );
      }
      if (form.text !== form.term) assert.ok(card.form.includes(form.text), `matched form shown: ${card.form}`);
      // inside the viewport and styled by its own sheet (a fixed, rounded card)
      assert.equal(card.position, 'fixed');
      assert.equal(card.radius, '10px');
      assert.ok(card.rect.left >= 0 && card.rect.top >= 0 && card.rect.right <= 1000 && card.rect.bottom <= 1400);
      assert.equal(card.focused, null, 'a card opened by hover does not take focus');
    }
    // 紧密型医共体 has no national passage: the several-provinces report comes first
    const card = await hover(page, 'f-split', '紧密型医共体');
    assert.equal(reports.get(card.passages[0].id.split(':')[0]).level, 'multi-provincial');
    const several = await extPage.evaluate(() => chrome.i18n.getMessage('level_multi_provincial'));
    assert.ok(card.passages[0].source.startsWith(several), `level badge ${several} on ${card.passages[0].source}`);
    await page.close();
  });

  it('keeps the card on screen in a narrow (zoomed) viewport and follows a dark colour scheme', async () => {
    const page = await openNews();
    // 200% zoom of an 800×1000 window leaves a 400×500 CSS-pixel viewport
    await page.setViewportSize({ width: 400, height: 500 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => document.getElementById('f-official').scrollIntoView({ block: 'end' }));
    const card = await hover(page, 'f-official', '紧密型县域医疗卫生共同体');
    assert.ok(card.rect.left >= 0 && card.rect.right <= 400, `inside horizontally: ${JSON.stringify(card.rect)}`);
    assert.ok(card.rect.top >= 0 && card.rect.bottom <= 500, `inside vertically: ${JSON.stringify(card.rect)}`);
    const background = await inCard(page, function () {
      return getComputedStyle(this.querySelector('.card')).backgroundColor;
    });
    assert.equal(background, 'rgb(31, 35, 40)', 'dark card on a dark system scheme');
    await page.close();
  });

  it('gives no card for unmarked text or for the margin beside a term', async () => {
    const page = await openNews();
    const none = await pointOfText(page, 'none', '天气');
    await page.mouse.move(none.x, none.y);
    await page.waitForTimeout(800);
    assert.equal(await readCard(page), null, 'no card (and no UI host) over unmarked text');
    // beside the end of a paragraph that ends in a term: the caret snaps to it, but the point is not on it
    const term = await pointOfText(page, 'f-plain', '千县工程');
    await page.mouse.move(960, term.y);
    await page.waitForTimeout(800);
    assert.equal(await readCard(page), null, 'no card in the margin');
    await page.close();
  });

  it('closes on Escape, on a click outside, and stays open while the pointer is in the card', async () => {
    const page = await openNews();
    const card = await hover(page, 'f-plain', '千县工程');
    await page.mouse.move((card.rect.left + card.rect.right) / 2, card.rect.top + 20, { steps: 5 });
    await page.waitForTimeout(700);
    assert.ok(await readCard(page), 'still open with the pointer inside the card');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, { what: 'card closed by Escape' });
    await hover(page, 'f-plain', '千县工程');
    await page.mouse.click(5, 1300);
    await waitFor(async () => (await readCard(page)) === null, { what: 'card closed by a click outside' });
    await page.close();
  });

  it('opens the card from the keyboard command for the term at the caret, focused', async () => {
    const page = await openNews();
    await page.evaluate(() => {
      const text = document.querySelector('#f-plain').firstChild;
      getSelection().collapse(text, 2);
    });
    await page.bringToFront();
    // the command handler's own message, sent the way the background sends it
    // (the extension has no "tabs" permission, so tabs are found by being active, not by URL)
    await ext.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id, { type: 'openCardAtCaret', payload: {} });
    });
    const card = await waitFor(async () => readCard(page), { what: 'keyboard card' });
    assert.equal(card.term, '千县工程');
    assert.equal(
      await page.evaluate((marker) => document.activeElement?.hasAttribute(marker) ?? false, UI_MARKER),
      true,
      'focus is in the card (the page sees only our host)',
    );
    await page.keyboard.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, { what: 'closed' });
    await page.close();
  });

  it('turns marking off for a site and back on without a reload', async () => {
    const page = await openNews();
    const site = new URL(server.url).hostname;
    await extPage.evaluate(
      (site) => chrome.storage.local.set({ marking: { enabled: true, disabledSites: [site], hoverDelayMs: 250 } }),
      site,
    );
    await waitFor(async () => (await readMarks(page)).length === 0, { what: 'marks removed' });
    const other = await ext.context.newPage();
    await other.goto(`${server.url}/news.html`);
    await other.waitForTimeout(1500);
    assert.equal((await readMarks(other)).length, 0, 'a new page of the site gets no marks');
    await extPage.evaluate(() =>
      chrome.storage.local.set({ marking: { enabled: true, disabledSites: [], hoverDelayMs: 250 } }),
    );
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: 'marks back' });
    await extPage.evaluate(() =>
      chrome.storage.local.set({ marking: { enabled: false, disabledSites: [], hoverDelayMs: 250 } }),
    );
    await waitFor(async () => (await readMarks(page)).length === 0, { what: 'marks removed everywhere' });
    await extPage.evaluate(() => chrome.storage.local.remove('marking'));
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: 'marks back by default' });
    await other.close();
    await page.close();
  });

  it('marks a long page as the reader scrolls, without registering far-away marks', async () => {
    const filler = '<p>这一段只是填充文字，用来把页面拉长。</p>'.repeat(400);
    const long = await serveStatic({
      '/long.html': `<!doctype html><meta charset="utf-8"><body><p id="top">开头提到千县工程。</p>${filler}<p id="bottom">结尾提到紧密型医共体。</p></body>`,
    });
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${long.url}/long.html`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'top'), { what: 'mark at the top' });
    // drawn at once with the top of the page, then taken out once the observer reports it far away
    await waitFor(async () => !(await readMarks(page)).some((m) => m.id === 'bottom'), {
      what: 'the far end to be unregistered',
    });
    await page.evaluate(() => document.getElementById('bottom').scrollIntoView());
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'bottom'), { what: 'mark at the bottom' });
    await page.close();
    await long.close();
  });

  it('marks terms in same-origin frames too', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/frames.html`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'outer'), { what: 'outer mark' });
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'));
    assert.ok(frame, 'the frame loaded');
    await waitFor(async () => (await readMarks(frame)).some((m) => m.id === 'framed' && m.text === '紧密型医共体'), {
      what: 'mark inside the frame',
    });
    await page.close();
  });

  it('injects nothing into a page without terms', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/no-terms.html`);
    await page.waitForTimeout(1500);
    const injected = await page.evaluate(() => ({
      highlight: CSS.highlights.size,
      sheets: document.adoptedStyleSheets.length,
      hosts: [...document.querySelectorAll('*')].filter((el) => el.tagName.includes('-')).length,
      html: document.body.innerHTML.length,
    }));
    assert.deepEqual(injected, { highlight: 0, sheets: 0, hosts: 0, html: injected.html });
    await page.close();
  });

  it('styles the card on a page with a strict CSP', async () => {
    const page = await ext.context.newPage();
    await page.route('**/news.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'",
        },
      });
    });
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.goto(`${server.url}/news.html`);
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: 'marks under CSP' });
    const card = await hover(page, 'f-plain', '千县工程');
    assert.equal(card.radius, '10px', 'the card keeps its own styles under style-src none');
    await page.close();
  });

  it('gives a hostile page nothing: no script runs from text, no save, no way into the card', async () => {
    const page = await ext.context.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await page.setViewportSize({ width: 1000, height: 1000 });
    await page.goto(`${server.url}/hostile.html`);
    await waitFor(async () => (await readMarks(page)).length >= 2, { what: 'marks on the hostile page' });
    const point = await pointOfText(page, 'f-bait', '千县工程');
    await page.mouse.move(point.x, point.y);
    const card = await waitFor(
      async () => {
        const c = await readCard(page);
        return c && !c.loading ? c : null;
      },
      { what: 'card on the hostile page' },
    );
    assert.ok(!card.elements.includes('IMG') && !card.elements.includes('SCRIPT') && !card.elements.includes('SVG'));
    await page.waitForTimeout(1000);
    const report = await page.evaluate(() => ({ pwned: window.__pwned ?? 0, hostile: window.__hostile }));
    assert.equal(report.pwned, 0, 'nothing executed');
    assert.equal(dialogs, 0, 'no alert');
    assert.ok(report.hostile.posted > 0, 'the page did try');
    for (const found of report.hostile.found)
      assert.equal(found.shadow, false, `${found.tag}: shadow root hidden from the page`);
    assert.deepEqual(report.hostile.errors, []);
    // the card is intact after the page's attempts
    const after = await inCard(page, function () {
      return { img: this.querySelector('img') !== null, term: this.querySelector('.term')?.textContent };
    });
    assert.deepEqual(after, { img: false, term: '千县工程' });
    assert.equal(await countStore(extPage, 'clippings'), 0, 'nothing was saved');
    await page.close();
  });

  it('saves a passage from the card, refuses a silent duplicate, copies with source, opens "more"', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await openNews();
    const card = await hover(page, 'f-plain', '千县工程');
    const first = card.passages[0];
    const clickInCard = async (selector) => {
      const box = await inCard(
        page,
        function (selector) {
          // inside the card's own scroll box, bring it into view first (an expanded passage is long)
          this.querySelector(selector).scrollIntoView({ block: 'nearest' });
          const r = this.querySelector(selector).getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        },
        selector,
      );
      await page.mouse.click(box.x, box.y);
    };
    const status = () =>
      inCard(page, function () {
        return this.querySelector('.passage .status')?.textContent ?? '';
      });

    // the card speaks the browser's language (this Chromium runs in English; Chinese is the default)
    const say = (key) => extPage.evaluate((k) => chrome.i18n.getMessage(k), key);
    const [savedText, duplicateText, copiedText] = [
      await say('card_saved'),
      await say('card_duplicate'),
      await say('card_copied'),
    ];
    assert.ok(savedText && duplicateText && copiedText);
    await clickInCard('.passage [data-action="save"]');
    await waitFor(async () => (await status()) === savedText, { what: 'saved confirmation' });
    const saved = await waitFor(
      async () => {
        const all = (await readStore(extPage, 'clippings')) ?? [];
        return all.length === 1 ? all : null;
      },
      { what: 'one clipping stored' },
    );
    assert.equal(saved[0].passageId, first.id);
    assert.equal(saved[0].kind, 'passage');

    await clickInCard('.passage [data-action="save"]');
    await waitFor(async () => (await status()) === duplicateText, { what: 'duplicate reported' });
    assert.equal(await countStore(extPage, 'clippings'), 1, 'no silent duplicate');

    await clickInCard('.passage [data-action="copy"]');
    await waitFor(async () => (await status()) === copiedText, { what: 'copied confirmation' });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith(first.text.slice(0, 20)), 'the passage text is copied');
    assert.match(copied, /——《.+》/, 'followed by its source');

    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await clickInCard('[data-action="more"]');
    const more = await opened;
    await more.waitForLoadState();
    assert.match(more.url(), /popup\.html\?term=qianxian-gongcheng$/);
    await more.close();

    // a count line opens that report's passages for the term, in a tab as wide as the window
    await page.mouse.move(5, 5);
    const again = await hover(page, 'f-plain', '千县工程');
    // the sentence expands to the whole paragraph on demand
    const stored = (await readStore(extPage, 'passages')).find((p) => p.id === again.passages[0].id);
    await clickInCard('.passage [data-action="expand"]');
    const expanded = await inCard(page, function () {
      return this.querySelector('.passage .text')?.textContent ?? '';
    });
    assert.equal(expanded, stored.text, 'the whole paragraph once expanded');
    const line = again.reports[0];
    assert.ok(line, 'a per-report count line');
    const openedReport = ext.context.waitForEvent('page', { timeout: 10_000 });
    await clickInCard(`[data-action="report"][data-report-id="${line.id}"]`);
    const one = await openedReport;
    await one.waitForLoadState();
    assert.equal(new URL(one.url()).searchParams.get('report'), line.id);
    await one.getByTestId('report-filter').waitFor();
    const groups = await one
      .locator('[data-testid="term-view"] section[data-report-id]')
      .evaluateAll((els) => els.map((e) => e.dataset.reportId));
    assert.deepEqual(groups, [line.id]);
    await one.close();
    await page.close();
  });
});
