// Clippings end to end, in real Chromium: select text on a served page → save through the context
// menu's own handler → listed on the clippings page with its automatic tags → highlighted again
// after a reload (and flagged when a quote is gone) → Markdown, CSV and JSON exports → kept across
// a browser restart → the JSON backup imported into a fresh profile gives the same records.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  drawnClippings,
  FIXTURES_DIR,
  inCard,
  launchExtension,
  openExtensionPage,
  readStore,
  selectText,
  serveStatic,
} from './harness.mjs';

const QUOTE = '要全面促进“三医协同”，深入推进紧密型县域医共体建设';
const GONE_QUOTE = '提升县医院综合能力';
const TIMEOUT = 20_000;

/** Waits until `check` returns a truthy value; returns it. */
async function until(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * The clipped text the user sees drawn on the page (boxes inside the extension's closed root, which
 * the page itself cannot read: see security.test.mjs), quotes with whitespace removed.
 */
async function highlighted(page) {
  const runs = await drawnClippings(page);
  return runs.length > 0 ? runs : null;
}

/** Calls the context menu's click handler in the service worker, for the active tab. */
async function clickSaveClipping(ext) {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.policyCrossRefClippingMenu({ menuItemId: 'policy-cross-ref-save-clipping', frameId: 0 }, tab);
  });
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(await mkdtemp(path.join(tmpdir(), 'pcr-dl-')), file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target, text: await readFile(target, 'utf8') };
}

const byId = (records) => new Map(records.map((r) => [r.id, r]));

describe('clippings end to end', { timeout: 240_000 }, () => {
  let server;
  let edited = false;
  let userDataDir;
  let ext;
  let article;
  let savedId;
  let jsonBackup;
  let storedBeforeRestart;

  before(async () => {
    const fixture = await readFile(path.join(FIXTURES_DIR, 'clip-article.html'), 'utf8');
    server = await serveStatic({
      // the second version of the page gains a paragraph above the quote and loses the other quote
      '/clip-article.html': (_req, res) => {
        const body = edited
          ? fixture
              .replace('<!--EDITED-INSERT-->', '<p>编者按：本文有更新，补充了会议的背景。</p>')
              .replace(GONE_QUOTE, '提升县级医院的综合服务能力')
          : fixture;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(body);
      },
    });
    userDataDir = await mkdtemp(path.join(tmpdir(), 'pcr-e2e-clippings-'));
    ext = await launchExtension({ userDataDir });
  });

  after(async () => {
    await ext?.close();
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('saves a selection through the context-menu handler, with context and metadata', async () => {
    article = await ext.context.newPage();
    await article.goto(`${server.url}/clip-article.html?utm_source=e2e#top`);
    await article.bringToFront();
    // the content script is live once it has marked the page's terms (it starts clippings first)
    await until(() => article.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), 'the content script');
    // the page itself can reach neither the menu handler nor the extension's messaging
    assert.deepEqual(
      await article.evaluate(() => [
        typeof globalThis.policyCrossRefClippingMenu,
        typeof globalThis.chrome?.runtime?.sendMessage,
      ]),
      ['undefined', 'undefined'],
    );
    await selectText(article, QUOTE);
    const outcome = await clickSaveClipping(ext);
    assert.equal(outcome?.status, 'saved', JSON.stringify(outcome));
    savedId = outcome.id;
    // visible confirmation on the page, in the browser's language (the toast also holds a form)
    const page0 = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    const savedMessage = await page0.evaluate(() => chrome.i18n.getMessage('toast_saved'));
    await page0.close();
    await article.bringToFront();
    assert.match(savedMessage, /^(已保存摘录|Clipping saved) ✓$/);
    assert.equal(
      await inCard(article, function () {
        return this.querySelector('.toast .message')?.textContent ?? null;
      }),
      savedMessage,
    );
    // and highlighted at once
    assert.deepEqual(
      await until(async () => (await highlighted(article))?.length === 1 && highlighted(article), 'highlight'),
      [QUOTE],
    );

    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    const records = await readStore(page, 'clippings');
    const c = records.find((r) => r.id === savedId);
    assert.ok(c, 'stored');
    assert.equal(c.quote, QUOTE);
    assert.equal(c.kind, 'page');
    assert.equal(c.format, 2);
    assert.equal(c.urlKey, `${server.url}/clip-article.html`);
    assert.ok(c.prefix?.endsWith('会议指出，'), `prefix ${c.prefix}`);
    assert.ok(c.suffix?.startsWith('，推动优质医疗资源'), `suffix ${c.suffix}`);
    assert.equal(typeof c.position, 'number');
    assert.equal(c.title, '福建省全面促进“三医协同”发展');
    assert.equal(c.site, '示例卫生网');
    assert.equal(c.author, '福建省卫生健康委员会');
    assert.equal(c.published, '2024-01-29');
    assert.equal(c.docNumber, '闽卫医政〔2024〕5号');
    assert.equal(c.canonicalUrl, `${server.url}/clip-article.html`);
    assert.deepEqual(c.terms, ['sanyi-xietong', 'jinmixing-yigongti']);
    assert.ok(!c.id.includes('127.0.0.1'), 'the id does not contain the URL');
    await page.close();
  });

  it('notices the same quote saved again and offers to merge', async () => {
    await selectText(article, QUOTE);
    const outcome = await clickSaveClipping(ext);
    assert.deepEqual(outcome, { status: 'duplicate', id: savedId });
    await selectText(article, GONE_QUOTE);
    assert.equal((await clickSaveClipping(ext))?.status, 'saved');
  });

  it('lists the clippings on the clippings page with their automatic tags', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    const item = page.locator(`[data-testid="clipping"][data-id="${savedId}"]`);
    await item.waitFor({ timeout: TIMEOUT });
    assert.equal(await item.getByTestId('quote').textContent(), QUOTE);
    assert.deepEqual(await item.getByTestId('term-tag').allTextContents(), ['三医协同', '紧密型医共体']);
    assert.equal(await page.getByTestId('clipping').count(), 2);
    // newest first
    assert.equal(await page.getByTestId('clipping').first().getByTestId('quote').textContent(), GONE_QUOTE);
    // Chinese search without spaces
    await page.getByTestId('search').fill('县域医共体');
    await until(async () => (await page.getByTestId('clipping').count()) === 1, 'search result');
    assert.equal(await page.getByTestId('clipping').getByTestId('quote').textContent(), QUOTE);
    await page.close();
  });

  it('highlights the quote again after a reload, and flags a quote that is gone from the page', async () => {
    edited = true;
    await article.reload();
    const texts = await until(async () => {
      const t = await highlighted(article);
      return t?.length === 1 ? t : null;
    }, 'the re-highlight');
    assert.deepEqual(texts, [QUOTE]);
    // clearing the page's highlight registry does not touch it (it is not in there)
    await article.evaluate(() => CSS.highlights.clear());
    assert.deepEqual(
      await until(async () => {
        const t = await highlighted(article);
        return t?.length === 1 ? t : null;
      }, 'the highlight still drawn'),
      [QUOTE],
    );

    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    await until(async () => (await page.getByTestId('not-found-count').textContent()) === '1', 'not-found count');
    const gone = page.locator('[data-testid="clipping"]', { hasText: GONE_QUOTE });
    assert.equal(await gone.getByTestId('not-found-flag').count(), 1, 'flagged, not dropped');
    assert.equal(
      await page.locator(`[data-testid="clipping"][data-id="${savedId}"]`).getByTestId('not-found-flag').count(),
      0,
    );
    await page.close();
  });

  it('exports Markdown and CSV that contain the clipping, and a JSON backup', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    await page.getByTestId('clipping').first().waitFor({ timeout: TIMEOUT });
    const md = await download(page, 'export-md');
    assert.match(md.name, /\.md$/);
    assert.ok(md.text.includes(`> ${QUOTE}`), 'quote in Markdown');
    assert.ok(md.text.includes(`<${server.url}/clip-article.html>`), 'source link in Markdown');
    assert.ok(md.text.includes('三医协同、紧密型医共体'), 'terms in Markdown');
    assert.ok(md.text.includes('\\[EB\\/OL\\]'), 'citation in Markdown (escaped: it renders as written)');
    const csv = await download(page, 'export-csv');
    assert.equal(csv.text.charCodeAt(0), 0xfeff, 'CSV has a BOM');
    assert.ok(csv.text.includes(`"${QUOTE.replaceAll('"', '""')}"`), 'quote in CSV');
    jsonBackup = await download(page, 'export-json');
    const backup = JSON.parse(jsonBackup.text);
    assert.equal(backup.count, 2);
    assert.notEqual(await page.getByTestId('backup-status').textContent(), '');
    assert.match(await page.getByTestId('backup-status').textContent(), /上次完整备份|Last full backup/);
    storedBeforeRestart = await readStore(page, 'clippings');
    await page.close();
  });

  it('keeps every clipping across a browser restart', async () => {
    await ext.close();
    ext = await launchExtension({ userDataDir });
    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    const after = await readStore(page, 'clippings');
    assert.deepEqual(
      after.sort((a, b) => a.id.localeCompare(b.id)),
      storedBeforeRestart.sort((a, b) => a.id.localeCompare(b.id)),
    );
    await page.getByTestId('clipping').first().waitFor({ timeout: TIMEOUT });
    assert.equal(await page.getByTestId('clipping').count(), 2);
    await ext.close();
  });

  it('imports the JSON backup into a fresh profile: the same records', async () => {
    ext = await launchExtension();
    const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    await page.getByTestId('empty').waitFor({ timeout: TIMEOUT });
    await page.getByTestId('import').setInputFiles(jsonBackup.path);
    await until(
      async () =>
        /已导入 2 条|Imported 2 clippings/.test(
          (await page
            .getByTestId('notice')
            .textContent()
            .catch(() => '')) ?? '',
        ),
      'import',
    );
    const imported = byId(await readStore(page, 'clippings'));
    const original = byId(storedBeforeRestart);
    assert.equal(imported.size, original.size);
    for (const [id, record] of original) assert.deepEqual(imported.get(id), record, id);

    // a second import merges, it does not duplicate
    await page.getByTestId('import').setInputFiles(jsonBackup.path);
    await until(
      async () =>
        /合并 2|2 merged/.test(
          (await page
            .getByTestId('notice')
            .textContent()
            .catch(() => '')) ?? '',
        ),
      'merge',
    );
    assert.equal((await readStore(page, 'clippings')).length, 2);

    // a truncated file changes nothing and says what is wrong
    const broken = path.join(path.dirname(jsonBackup.path), 'broken.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(broken, jsonBackup.text.slice(0, 200)));
    await page.getByTestId('import').setInputFiles(broken);
    await until(
      async () =>
        /无法导入|cannot be imported/.test(
          (await page
            .getByTestId('notice')
            .textContent()
            .catch(() => '')) ?? '',
        ),
      'refusal',
    );
    assert.match(await page.getByTestId('notice').textContent(), /不是有效的 JSON|Not valid JSON/);
    assert.equal((await readStore(page, 'clippings')).length, 2);
  });
});
