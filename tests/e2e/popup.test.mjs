// The popup and the cross-reference page in a real Chromium with the built extension: search,
// term and passage views, the terms of a served page, the matrix, and keyboard-only use.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GOLD, NATIONAL } from './gold.mjs';
import { launchExtension, openExtensionPage, readStore, serveStatic, waitFor, waitForSeeded } from './harness.mjs';

describe('popup lookups', { timeout: 180_000 }, () => {
  let ext;
  let server;

  before(async () => {
    server = await serveStatic();
    ext = await launchExtension();
    const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(page, 60_000);
    await page.close();
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  async function popup(query = '') {
    const page = await openExtensionPage(ext.context, ext.extensionId, `popup.html${query}`);
    await page.setViewportSize({ width: 460, height: 700 });
    return page;
  }

  it('focuses the search box and finds 千县工程 and its national passage', async () => {
    const page = await popup();
    await page.getByTestId('search').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
    await page.keyboard.type('千县工程');
    const first = page.locator('[data-term-id]').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-term-id'), 'qianxian-gongcheng');
    const passage = page.locator(`[data-passage-id^="${NATIONAL}:"]`).first();
    await passage.waitFor();
    assert.match(await passage.textContent(), /深入推进“千县工程”/);
    assert.equal(await passage.locator('mark').first().textContent(), '千县工程');
    await page.close();
  });

  it('finds 紧密型医共体 from 医共体 and shows its gold passages in the term view', async () => {
    const page = await popup();
    await page.getByTestId('search').fill('医共体');
    const term = page.locator('[data-term-id]').first();
    await term.waitFor();
    assert.equal(await term.getAttribute('data-term-id'), 'jinmixing-yigongti');
    await term.click();
    await page.getByTestId('term-view').waitFor();
    const texts = await page.locator('[data-testid="term-view"] [data-passage-id]').allTextContents();
    const sections = await page
      .locator('[data-testid="term-view"] [data-passage-id]')
      .evaluateAll((els) =>
        els.map((el) => ({ report: el.closest('[data-report-id]').dataset.reportId, text: el.textContent })),
      );
    for (const gold of GOLD['jinmixing-yigongti']) {
      assert.ok(
        sections.some(
          (s) => s.report === gold.report && (gold.text ? s.text.includes(gold.text) : s.text.includes(gold.section)),
        ),
        `gold passage ${gold.report} ${gold.text ?? gold.section}`,
      );
    }
    const hits = (await readStore(page, 'termHits')).filter((h) => h.termId === 'jinmixing-yigongti');
    assert.equal(texts.length, hits.length, 'every passage of the term is listed');
    // groups in display order: no national report mentions it, the several-provinces report comes first
    const groups = await page
      .locator('[data-testid="term-view"] section[data-report-id]')
      .evaluateAll((els) => els.map((e) => e.dataset.reportId));
    assert.equal(groups[0], 'eight-provinces-directors-2024');
    await page.close();
  });

  it('tolerates a typo and shows a passage with its neighbours', async () => {
    const page = await popup();
    await page.getByTestId('search').fill('三医协调');
    const term = page.locator('[data-term-id]').first();
    await term.waitFor();
    assert.equal(await term.getAttribute('data-term-id'), 'sanyi-xietong');
    await page.close();
    const view = await popup(`?passage=${NATIONAL}:5`);
    await view.getByTestId('passage-view').waitFor();
    assert.ok((await view.locator('.context').count()) >= 1, 'a neighbouring passage is shown');
    await view.close();
  });

  async function tabOf(page) {
    await page.bringToFront();
    // without the "tabs" permission a tab's url is hidden: the page under test is the active one
    return ext.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id;
    });
  }

  it('lists the terms of the inspected tab in page order with counts, and reveals one', async () => {
    const article = await ext.context.newPage();
    await article.goto(`${server.url}/popup-page.html`);
    await waitFor(() => article.evaluate(() => (CSS.highlights.get('policy-cross-ref-term')?.size ?? 0) >= 7), {
      what: 'marks',
    });
    const page = await popup(`?tab=${await tabOf(article)}`);
    const chips = page.locator('[data-testid="page-terms"] [data-term-id]');
    await chips.first().waitFor();
    const listed = await chips.evaluateAll((els) => els.map((e) => [e.dataset.termId, Number(e.dataset.count)]));
    assert.deepEqual(listed, [
      ['qianxian-gongcheng', 2],
      ['sanyi-xietong', 3],
      ['jinmixing-yigongti', 2],
    ]);
    await chips.filter({ hasText: '三医协同' }).click();
    await page.getByTestId('term-view').waitFor();
    await waitFor(() => article.evaluate(() => CSS.highlights.has('policy-cross-ref-flash')), {
      what: 'flash on the page',
    });
    await page.close();
    await article.close();
  });

  it('says when marking is off for the site and scans once on request', async () => {
    const article = await ext.context.newPage();
    const settings = await popup();
    await settings.evaluate(() =>
      chrome.storage.local.set({ marking: { enabled: true, disabledSites: ['127.0.0.1'], hoverDelayMs: 250 } }),
    );
    await article.goto(`${server.url}/popup-page.html`);
    const page = await popup(`?tab=${await tabOf(article)}`);
    await page.locator('.notice').waitFor();
    // in the browser's language (this Chromium runs in English; Chinese is the default locale)
    const expected = await page.evaluate(() => chrome.i18n.getMessage('markingOffSite'));
    assert.match(expected, /此网站已关闭标记|Marking is off for this site/);
    assert.ok((await page.locator('.notice').textContent()).includes(expected));
    assert.equal(await page.getByTestId('mark-site').isChecked(), false);
    await page.locator('[data-action="scan-once"]').click();
    await page.locator('[data-testid="page-terms"] [data-term-id]').first().waitFor();
    await page.getByTestId('mark-site').check();
    const stored = await page.evaluate(() => chrome.storage.local.get('marking'));
    assert.deepEqual(stored.marking.disabledSites, []);
    await page.close();
    await settings.close();
    await article.close();
  });

  it('renders the cross-reference matrix with the flagship counts per report', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'crossref.html');
    await page.getByTestId('matrix').waitFor();
    const hits = await readStore(page, 'termHits');
    for (const termId of ['sanyi-xietong', 'qianxian-gongcheng', 'jinmixing-yigongti']) {
      const expected = {};
      for (const h of hits.filter((h) => h.termId === termId)) expected[h.reportId] = (expected[h.reportId] ?? 0) + 1;
      const shown = await page
        .locator(`tr[data-term-id="${termId}"] td[data-report-id]`)
        .evaluateAll((tds) =>
          Object.fromEntries(
            tds.filter((td) => td.dataset.count !== '0').map((td) => [td.dataset.reportId, Number(td.dataset.count)]),
          ),
        );
      assert.deepEqual(shown, expected, termId);
    }
    await page
      .locator('tr[data-term-id="qianxian-gongcheng"] td[data-report-id="national-work-conference-2024"] button')
      .click();
    await page.getByTestId('cell-passages').waitFor();
    assert.match(await page.getByTestId('cell-passages').textContent(), /千县工程/);
    await page.getByTestId('category').selectOption('program');
    const categories = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.termId));
    assert.ok(categories.includes('qianxian-gongcheng') && !categories.includes('sanyi-xietong'));
    await page.close();
  });

  it('works with the keyboard alone: type, arrows, Enter, Escape', async () => {
    const page = await popup();
    await page.getByTestId('search').waitFor();
    await page.keyboard.type('千县');
    await page.locator('[data-term-id]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.termId), 'qianxian-gongcheng');
    await page.keyboard.press('Enter');
    await page.getByTestId('term-view').waitFor();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(
      () => document.activeElement?.dataset.passageId ?? document.activeElement?.tagName,
    );
    assert.ok(focused, 'arrows move through the view');
    await page.keyboard.press('Escape');
    await page.getByTestId('search').waitFor();
    assert.equal(await page.getByTestId('search').inputValue(), '千县', 'back to the results, query kept');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('search').inputValue(), '');
    await page.close();
  });

  it('speaks the browser language, with Chinese as the default locale', async () => {
    // this headless Chromium runs in English whatever the environment says; Chinese is what any
    // browser without English gets (default_locale), checked against the built manifest
    const english = await popup();
    assert.equal(await english.getByTestId('search').getAttribute('placeholder'), 'Search terms or report text…');
    const manifest = await english.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.default_locale, 'zh_CN');
    await english.close();
  });

  it('does not search half-composed IME input', async () => {
    const page = await popup();
    const box = page.getByTestId('search');
    await box.waitFor();
    await box.focus();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'qianxian', selectionStart: 8, selectionEnd: 8 });
    assert.equal(await box.inputValue(), 'qianxian', 'the pinyin is in the box while composing');
    await page.waitForTimeout(400);
    assert.equal(await page.getByTestId('results').count(), 0, 'no search on pinyin');
    await cdp.send('Input.insertText', { text: '千县' });
    await page.locator('[data-term-id="qianxian-gongcheng"]').first().waitFor();
    await cdp.detach();
    await page.close();
  });
});
