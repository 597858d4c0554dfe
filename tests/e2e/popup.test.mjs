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
    // the switch writes storage asynchronously: wait for the write, then check what it wrote
    const stored = await waitFor(
      async () => {
        const value = await page.evaluate(() => chrome.storage.local.get('marking'));
        return value.marking.disabledSites.length === 0 ? value : null;
      },
      { what: 'the site switched back on in storage' },
    );
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
    // report titles in the column heads, not only in a tooltip
    const reports = await readStore(page, 'reports');
    const heads = await page.locator('.column-row .col-title').allTextContents();
    assert.deepEqual(new Set(heads), new Set(reports.map((r) => r.title)));
    // cells shaded by count: a bigger count never gets a lighter step, and the colours differ
    const shades = await page.locator('tbody td[data-report-id]').evaluateAll((tds) =>
      tds.map((td) => ({
        n: Number(td.dataset.count),
        bg: getComputedStyle(td).backgroundColor,
        step: td.className,
      })),
    );
    const step = (c) => Number(/heat-(\d)/.exec(c.step)?.[1] ?? 0);
    const byCount = [...shades].sort((a, b) => a.n - b.n);
    assert.ok(byCount.every((c, i) => i === 0 || step(c) >= step(byCount[i - 1]) || c.n === byCount[i - 1].n));
    const zero = shades.find((c) => c.n === 0);
    const top = byCount[byCount.length - 1];
    assert.notEqual(zero.bg, top.bg, 'the largest count is shaded');

    const cell = page.locator(
      'tr[data-term-id="qianxian-gongcheng"] td[data-report-id="national-work-conference-2024"] button',
    );
    await cell.click();
    const pane = page.getByTestId('cell-passages');
    await pane.waitFor();
    assert.match(await pane.textContent(), /千县工程/);
    // beside the table and in view, not appended thousands of pixels below
    const paneBox = await pane.boundingBox();
    const tableBox = await page.getByTestId('matrix-wrap').boundingBox();
    const viewport = page.viewportSize();
    assert.ok(
      paneBox.x >= tableBox.x + tableBox.width - 1,
      `pane right of the table: ${JSON.stringify([paneBox, tableBox])}`,
    );
    assert.ok(paneBox.y < viewport.height / 2, 'pane starts in the upper half of the window');
    // with its passages' copy and save actions; saving stores a passage clipping
    await pane.locator('[data-action="save"]').first().click();
    await waitFor(async () => (await readStore(page, 'clippings')).some((c) => c.kind === 'passage'), {
      what: 'a clipping saved from the pane',
    });
    assert.ok((await pane.locator('[data-action="copy"]').count()) >= 1);
    // the header stays pinned and readable when the table scrolls
    const scrolled = await page.getByTestId('matrix-wrap').evaluate((el) => {
      el.scrollTop = 400;
      return el.scrollTop;
    });
    assert.ok(scrolled > 0, 'the table scrolls inside its box');
    const headTop = await page
      .locator('.column-row th')
      .first()
      .evaluate((th) => {
        const wrap = th.closest('.matrix-wrap').getBoundingClientRect();
        return th.getBoundingClientRect().top - wrap.top;
      });
    assert.ok(headTop >= 0 && headTop < 80, `pinned header in view: ${headTop}`);
    await page.keyboard.press('Escape');
    await waitFor(async () => (await pane.count()) === 0, { what: 'pane closed by Escape' });
    await page.getByTestId('category').selectOption('program');
    const categories = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.termId));
    assert.ok(categories.includes('qianxian-gongcheng') && !categories.includes('sanyi-xietong'));
    await page.close();
  });

  it('shows the timeline of 三医协同 from the national conference to Fujian’s cities, at the tab’s width', async () => {
    const page = await popup('?term=sanyi-xietong');
    await page.setViewportSize({ width: 1200, height: 900 });
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const lanes = await page.locator('.lane').evaluateAll((els) => els.map((e) => e.dataset.level));
    assert.deepEqual(lanes, ['national', 'multi-provincial', 'provincial', 'municipal']);
    const points = await page
      .locator('.lane .point')
      .evaluateAll((els) =>
        els.map((e) => ({ report: e.dataset.reportId, date: e.dataset.date, text: e.textContent })),
      );
    assert.equal(points[0].report, NATIONAL);
    assert.match(points[0].date, /^2024-01/);
    const cities = points.find((p) => p.report === 'fujian-cities-third-plenum-2024-07');
    assert.ok(cities, 'Fujian’s cities on the timeline');
    assert.match(cities.date, /^2024-07/);
    assert.ok(
      points.every((p) => /协同/.test(p.text)),
      'each point with the sentence that mentions it',
    );
    // a full tab: the view uses the width of the window, not the popup's 440 px
    const width = await page.getByTestId('term-view').evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(width > 800, `term view ${width}px wide in a 1200px tab`);
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
