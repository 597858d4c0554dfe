// The built Firefox package (.output/firefox-mv2) in Debian's firefox-esr, headless, driven over
// WebDriver BiDi: seeding, marks in every variant form, a hover card per form moved to by a real
// pointer, nothing in a textarea, a strict-CSP page, popup search, and clippings saved by a real
// click and highlighted again after a reload. One browser for the whole file (a start costs
// seconds). Assumes the build is done (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CARD_GOLD, FORMS, NATIONAL } from '../e2e/gold.mjs';
import { FIXTURES_DIR, pointOfText, readMarks, readStore, serveStatic, waitForSeeded } from '../e2e/harness.mjs';
import { inCard, launchFirefoxExtension, readCard, sleep, tintedPixels, waitFor } from './harness.mjs';

const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";
const QUOTE = '要全面促进“三医协同”，深入推进紧密型县域医共体建设';

describe('Firefox: the built add-on in firefox-esr', { timeout: 300_000 }, () => {
  let ff;
  let server;
  let extPage;

  before(async () => {
    const news = await readFile(path.join(FIXTURES_DIR, 'news.html'), 'utf8');
    server = await serveStatic({
      dir: FIXTURES_DIR,
      routes: {
        // the same page under a CSP that blocks every page style and script
        '/strict.html': { body: news, headers: { 'Content-Security-Policy': STRICT_CSP } },
      },
    });
    ff = await launchFirefoxExtension();
    extPage = await ff.openExtensionPage('popup.html');
  });

  after(async () => {
    await ff?.close();
    await server?.close();
  });

  async function openPage(pathname, { width = 1000, height = 1400 } = {}) {
    const page = await ff.browser.newPage();
    await page.setViewport({ width, height });
    await page.goto(`${server.url}${pathname}`);
    return page;
  }

  async function openNews(pathname = '/news.html') {
    const page = await openPage(pathname);
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: `marks on ${pathname}` });
    return page;
  }

  /** Moves the real pointer onto `text` and waits for a card that has its passages. */
  async function hover(page, id, text) {
    await page.mouse.move(5, 5);
    await waitFor(async () => (await readCard(page)) === null, { what: 'the previous card to close' });
    const point = await pointOfText(page, id, text);
    assert.ok(point, `${text} is on the page`);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    return waitFor(
      async () => {
        const card = await readCard(page);
        return card && card.passages.length > 0 ? card : null;
      },
      { what: `card for ${text}`, timeoutMs: 8_000 },
    );
  }

  it('seeds the corpus into the add-on database', async () => {
    assert.match(ff.version, /firefox/i, `running ${ff.version}`);
    const version = await waitForSeeded(extPage, 60_000);
    assert.ok(version, 'meta.corpusVersion written');
    const reports = await readStore(extPage, 'reports');
    assert.ok(
      reports.some((r) => r.id === NATIONAL),
      'the national report is stored',
    );
    const passages = await readStore(extPage, 'passages');
    assert.ok(
      passages.some((p) => p.reportId === NATIONAL && p.text.includes('深入推进“千县工程”')),
      'its passages are stored',
    );
  });

  it('marks every form of the flagship terms and nothing in a textarea, editable, input or across blocks', async () => {
    const page = await openNews();
    const marks = await readMarks(page);
    for (const form of FORMS) {
      assert.ok(
        marks.some((m) => m.id === form.id && m.text === form.text),
        `${form.id} marked as ${form.text}; got ${JSON.stringify(marks)}`,
      );
    }
    const forbidden = new Set(['ta', 'ce', 'in', 'none', 'edge-a', 'edge-b']);
    assert.deepEqual(
      marks.filter((m) => forbidden.has(m.id)),
      [],
      'no mark inside textarea, contenteditable, input, or across two paragraphs',
    );
    assert.ok(
      marks.every((m) => m.sameBlock),
      'no mark spans two blocks',
    );
    // the textarea really holds the terms: an unmarked textarea is the extension's choice, not the fixture's
    assert.match(await page.evaluate(() => document.getElementById('ta').value), /三医协同 千县工程/);
    // the DOM is untouched: the split term still sits in its <b>
    assert.equal(await page.evaluate(() => document.querySelector('#f-split b').textContent), '医共体');
    // text the page inserts later is marked too
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'inserted'), {
      what: 'the inserted paragraph to be marked',
      timeoutMs: 8_000,
    });
    await page.close();
  });

  it('shows a styled card with the gold passages when the real pointer rests on each marked form', async () => {
    const page = await openNews();
    for (const form of FORMS) {
      const card = await hover(page, form.id, form.text);
      assert.equal(card.term, form.term, `card for ${form.id}`);
      assert.ok(card.passages.length >= 1 && card.passages.length <= 5, `${form.id}: 1–5 passages`);
      for (const passage of card.passages) {
        assert.ok(passage.marks.length > 0, `${form.id}: matched words highlighted in ${passage.id}`);
        // the source line under the sentence: issuer and date (the title is printed once, in the count lines)
        assert.match(passage.source, /卫生健康/, 'source names the issuer');
        assert.match(passage.source, /(^|\D)(19|20)\d{2}(\D|$)/, 'source gives the date (a year at least)');
      }
      for (const gold of CARD_GOLD[form.term] ?? []) {
        assert.ok(
          card.passages.some((p) => p.text.includes(gold)),
          `${form.term}: card shows the gold passage “${gold}”`,
        );
      }
      if (form.text !== form.term) assert.ok(card.form.includes(form.text), `matched form shown: ${card.form}`);
      // styled by its own sheet: fixed, rounded, opaque, inside the viewport
      assert.equal(card.position, 'fixed');
      assert.equal(card.radius, '10px');
      assert.notEqual(card.background, 'rgba(0, 0, 0, 0)');
      assert.ok(card.rect.left >= 0 && card.rect.top >= 0 && card.rect.right <= 1000 && card.rect.bottom <= 1400);
    }
    await page.mouse.move(5, 5);
    await waitFor(async () => (await readCard(page)) === null, { what: 'the card to close when the pointer leaves' });
    await page.close();
  });

  it('marks terms in a same-origin frame and on a long page as the reader scrolls', async () => {
    const page = await openPage('/frames.html');
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'outer'), { what: 'outer mark' });
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'));
    assert.ok(frame, 'the frame loaded');
    await waitFor(async () => (await readMarks(frame)).some((m) => m.id === 'framed' && m.text === '紧密型医共体'), {
      what: 'mark inside the frame',
    });
    // a long page: the far end is marked once it comes near the viewport
    const filler = '<p>这一段只是填充文字，用来把页面拉长。</p>'.repeat(400);
    const long = await serveStatic({
      '/long.html': `<!doctype html><meta charset="utf-8"><body><p id="top">开头提到千县工程。</p>${filler}<p id="bottom">结尾提到紧密型医共体。</p></body>`,
    });
    try {
      await page.setViewport({ width: 1000, height: 800 });
      await page.goto(`${long.url}/long.html`);
      await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'top'), { what: 'mark at the top' });
      await page.evaluate(() => document.getElementById('bottom').scrollIntoView());
      await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'bottom' && m.text === '紧密型医共体'), {
        what: 'mark at the bottom',
      });
    } finally {
      await page.close();
      await long.close();
    }
  });

  it('opens the card from the keyboard command for the term at the caret, focused', async () => {
    const page = await openNews();
    await page.evaluate(() => getSelection().collapse(document.querySelector('#f-plain').firstChild, 2));
    await page.bringToFront();
    // the command handler's own message, sent the way the background sends it
    await extPage.evaluate(async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      await browser.tabs.sendMessage(tab.id, { type: 'openCardAtCaret', payload: {} });
    });
    const card = await waitFor(
      async () => {
        const c = await readCard(page);
        return c && c.passages.length > 0 ? c : null;
      },
      { what: 'keyboard card' },
    );
    assert.equal(card.term, '千县工程');
    assert.ok(
      await inCard(page, (root) => root.activeElement?.tagName === 'BUTTON'),
      'focus is on a button in the card',
    );
    await page.keyboard.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, { what: 'closed by Escape' });
    await page.close();
  });

  it('gives no card over a term in a textarea or over unmarked text', async () => {
    const page = await openNews();
    for (const [id, text] of [
      ['ta', '千县工程'],
      ['none', '天气'],
    ]) {
      await page.mouse.move(5, 5);
      const point = await page.evaluate((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return { x: r.left + 40, y: r.top + r.height / 2 };
      }, id);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await sleep(900);
      assert.equal(await readCard(page), null, `no card over #${id} (${text})`);
    }
    // the same pointer moves do open a card over a mark (the check above can fail)
    await hover(page, 'f-plain', '千县工程');
    await page.close();
  });

  it('turns marking off for the site and back on without a reload', async () => {
    const page = await openNews();
    const site = new URL(server.url).hostname;
    await extPage.evaluate(
      (site) => browser.storage.local.set({ marking: { enabled: true, disabledSites: [site], hoverDelayMs: 250 } }),
      site,
    );
    await waitFor(async () => (await readMarks(page)).length === 0, { what: 'marks removed' });
    await extPage.evaluate(() => browser.storage.local.remove('marking'));
    await waitFor(async () => (await readMarks(page)).length >= FORMS.length, { what: 'marks back' });
    await page.close();
  });

  it('marks and styles the card on a page whose CSP blocks every style and script', async () => {
    const page = await openNews('/strict.html');
    const header = await page.evaluate(() => document.getElementById('f-plain') !== null);
    assert.ok(header, 'the strict page loaded');
    // the page's own <style> is blocked: proof that the CSP is in force
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '760px');
    // the marks are painted (their amber wash on screen), unmarked text is not
    const decoder = await ff.browser.newPage();
    const marked = await waitFor(async () => tintedPixels(page, decoder, 'f-plain', '千县工程'), {
      what: 'the mark painted',
    });
    assert.ok(marked > 100, `tinted pixels under the mark: ${marked}`);
    assert.equal(await tintedPixels(page, decoder, 'none', '天气'), 0, 'no wash over unmarked text');
    await decoder.close();
    const card = await hover(page, 'f-plain', '千县工程');
    assert.equal(card.position, 'fixed', 'the card keeps its own styles under style-src none');
    assert.equal(card.radius, '10px');
    assert.ok(card.rect.right - card.rect.left > 200, `a card-sized box: ${JSON.stringify(card.rect)}`);
    await page.close();
  });

  it('finds 千县工程 and its national passage in the popup search', async () => {
    const page = await ff.openExtensionPage('popup.html');
    await page.setViewport({ width: 460, height: 700 });
    await page.waitForSelector('[data-testid="search"]');
    await page.focus('[data-testid="search"]');
    await page.keyboard.type('千县工程');
    const first = await page.waitForSelector('[data-term-id]');
    assert.equal(await first.evaluate((el) => el.dataset.termId), 'qianxian-gongcheng');
    const passage = await page.waitForSelector(`[data-passage-id^="${NATIONAL}:"]`);
    assert.match(await passage.evaluate((el) => el.textContent), /深入推进“千县工程”/);
    assert.equal(await passage.evaluate((el) => el.querySelector('mark')?.textContent), '千县工程');
    await page.close();
  });

  it('saves a passage from the card with a real click', async () => {
    const page = await openNews();
    const card = await hover(page, 'f-plain', '千县工程');
    const first = card.passages[0];
    const before = (await readStore(extPage, 'clippings')) ?? [];
    const box = await inCard(page, (root) => {
      const r = root.querySelector('.passage [data-action="save"]').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await page.mouse.click(box.x, box.y);
    // the card speaks the browser's language
    const savedText = await extPage.evaluate(() => browser.i18n.getMessage('card_saved'));
    assert.ok(savedText.length > 0);
    await waitFor(
      async () =>
        (await inCard(page, (root) => root.querySelector('.passage .status')?.textContent ?? '')).includes(savedText),
      { what: 'saved confirmation' },
    );
    const saved = await waitFor(
      async () => {
        const all = (await readStore(extPage, 'clippings')) ?? [];
        return all.length === before.length + 1 ? all.find((c) => c.passageId === first.id) : null;
      },
      { what: 'the clipping stored' },
    );
    assert.equal(saved.kind, 'passage');
    await page.close();
  });

  it('saves a quote from the page and highlights it again after a reload', async () => {
    const page = await openPage('/clip-article.html');
    await waitFor(() => page.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), {
      what: 'the content script',
    });
    const decoder = await ff.browser.newPage();
    // what the reader sees: the quote's first and last words tinted, the words before it not
    // (its two terms carry the marks' own tint, so the quote is checked where it has no term)
    const paint = async () => ({
      start: await tintedPixels(page, decoder, 'p1', '要全面促进'),
      end: await tintedPixels(page, decoder, 'p1', '建设'),
      before: await tintedPixels(page, decoder, 'p1', '会议指出'),
    });
    const highlightedOnScreen = async () => {
      const { start, end, before } = await paint();
      return start > 100 && end > 30 && before === 0;
    };
    assert.deepEqual(await paint(), { start: 0, end: 0, before: 0 }, 'no tint there before the quote is saved');
    const selected = await page.evaluate((quote) => {
      const root = document.getElementById('p1');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: text.length });
        text += n.data;
      }
      const at = text.indexOf(quote);
      const locate = (offset) => {
        const hit = nodes.findLast((entry) => entry.start <= offset);
        return [hit.node, offset - hit.start];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + quote.length));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString();
    }, QUOTE);
    assert.equal(selected, QUOTE);
    await page.bringToFront();
    // the context menu's click handler, called in the background page for the active tab, as the
    // menu calls it (a headless browser has no context menu to click)
    const outcome = await extPage.evaluate(async () => {
      const background = await browser.runtime.getBackgroundPage();
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const result = await background.policyCrossRefClippingMenu(
        { menuItemId: 'policy-cross-ref-save-clipping', frameId: 0 },
        tab,
      );
      return JSON.parse(JSON.stringify(result ?? null));
    });
    assert.equal(outcome?.status, 'saved', JSON.stringify(outcome));
    await waitFor(highlightedOnScreen, { what: 'the quote highlighted on screen' });
    const stored = await readStore(extPage, 'clippings');
    assert.ok(stored.some((c) => c.id === outcome.id && c.quote === QUOTE && c.kind === 'page'));
    await page.reload();
    await waitFor(() => page.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), {
      what: 'the content script after the reload',
    });
    await waitFor(highlightedOnScreen, { what: 'the re-highlight after the reload', timeoutMs: 15_000 });
    // and listed on the clippings page with its automatic term tags
    const list = await ff.openExtensionPage('clippings.html');
    const item = await list.waitForSelector(`[data-testid="clipping"][data-id="${outcome.id}"]`);
    assert.equal(await item.$eval('[data-testid="quote"]', (el) => el.textContent), QUOTE);
    assert.deepEqual(await item.$$eval('[data-testid="term-tag"]', (els) => els.map((el) => el.textContent)), [
      '三医协同',
      '紧密型医共体',
    ]);
    await list.close();
    await decoder.close();
    await page.close();
  });
});
