// The library in a real Chromium with the built extension: a served page added through the
// popup's 加入文库 shows up in the hover card on another page; a PDF, a DOCX and a GB18030 text
// imported on library.html are found by the popup search; a re-seed (as after an update) keeps
// them; a full backup restored into a fresh profile gives the same library.
// Assumes the build is done (`npm test` builds first).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { encryptedPdf } from '../fixtures/encrypted-pdf.mjs';
import {
  DB_NAME,
  FIXTURES_DIR,
  launchExtension,
  openExtensionPage,
  pointOfText,
  ROOT,
  readCard,
  readStore,
  serveStatic,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

const LIBRARY_FIXTURES = path.join(ROOT, 'tests/fixtures/library');
const PAGES = path.join(ROOT, 'tests/fixtures/pages');

/** A small Word document (fflate), as in the unit tests. */
function makeDocx(paragraphs) {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
}

/** One sentence from each imported file (characters Chromium's PDF print keeps as ideographs). */
const FROM_FILES = {
  pdf: '结余部分留给医共体',
  docx: '每期培训安排十天集中授课',
  txt: '随访结果及时录入居民电子健康档案',
};

/** The id of the tab showing `url` (without the tabs permission, a tab's address is read by a script in it). */
async function tabIdOf(ext, url) {
  return ext.serviceWorker.evaluate(async (u) => {
    for (const tab of await chrome.tabs.query({})) {
      try {
        const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => location.href });
        if (r?.result === u) return tab.id;
      } catch {
        // not a page we may script (extension pages, about:blank)
      }
    }
    return undefined;
  }, url);
}

async function searchPopup(ext, query) {
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await popup.getByTestId('search').fill(query);
  const rows = await waitFor(
    async () => {
      const found = await popup.$$eval('[data-passage-id]', (els) =>
        els.map((el) => ({ id: el.dataset.passageId, text: el.textContent ?? '' })),
      );
      return found.length > 0 ? found : null;
    },
    { what: `popup results for ${query}`, timeoutMs: 10_000 },
  );
  await popup.close();
  return rows;
}

async function userReports(page) {
  return (await readStore(page, 'reports')).filter((r) => r.source === 'user');
}

describe('the library', { timeout: 300_000 }, () => {
  let ext;
  let server;
  let profile;
  let work;

  before(async () => {
    server = await serveStatic({
      dir: FIXTURES_DIR,
      routes: { '/notice.html': await readFile(path.join(PAGES, 'govcn-notice.html'), 'utf8') },
    });
    profile = await mkdtemp(path.join(tmpdir(), 'pcr-library-'));
    work = await mkdtemp(path.join(tmpdir(), 'pcr-library-files-'));
    ext = await launchExtension({ userDataDir: profile });
    const page = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    await waitForSeeded(page, 90_000);
    await page.close();
  });

  after(async () => {
    await ext?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('adds the page in the tab through 加入文库; the card on another page shows its passage', async () => {
    const article = await ext.context.newPage();
    await article.goto(`${server.url}/notice.html`);
    const tabId = await tabIdOf(ext, `${server.url}/notice.html`);
    assert.ok(tabId, 'the article tab');

    const popup = await openExtensionPage(ext.context, ext.extensionId, `popup.html?tab=${tabId}`);
    const [library] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.getByTestId('add-to-library').click(),
    ]);
    await library.getByTestId('report-form').waitFor({ timeout: 20_000 });
    assert.equal(await library.getByTestId('field-title').inputValue(), '关于进一步推进县域医疗资源整合的通知');
    assert.equal(await library.getByTestId('field-issuer').inputValue(), '国家卫生健康委');
    assert.equal(await library.getByTestId('field-docNumber').inputValue(), '国卫基层发〔2025〕7号');
    assert.equal(await library.getByTestId('field-level').inputValue(), 'national');
    await library.getByTestId('report-submit').click();
    await library.getByTestId('add-page-done').waitFor({ timeout: 20_000 });
    const [report] = await userReports(library);
    assert.equal(report?.urlKey, `${server.url}/notice.html`);
    assert.equal(report?.docNumber, '国卫基层发〔2025〕7号');

    // the same page again is recognised and offered as an update
    const again = await openExtensionPage(ext.context, ext.extensionId, `library.html?add=${tabId}`);
    await again.getByTestId('add-page-existing').waitFor({ timeout: 20_000 });
    await again.close();
    await library.close();
    await popup.close();

    // another page: hovering 千县工程 shows the new report's passage in the card
    const news = await ext.context.newPage();
    await news.setViewportSize({ width: 1000, height: 1400 });
    await news.goto(`${server.url}/news.html`);
    const point = await waitFor(() => pointOfText(news, 'f-plain', '千县工程'), { what: '千县工程 on the page' });
    await news.mouse.move(point.x, point.y);
    const card = await waitFor(
      async () => {
        const c = await readCard(news);
        return c && !c.loading && c.passages.length > 0 ? c : null;
      },
      { what: 'the card', timeoutMs: 10_000 },
    );
    assert.ok(
      card.passages.some((p) => p.text.includes('结合“千县工程”，支持县医院建设胸痛、卒中、创伤等急诊急救中心')),
      `the card shows the added report's passage: ${JSON.stringify(card.passages.map((p) => p.text.slice(0, 30)))}`,
    );
    await news.close();
    await article.close();
  });

  it('imports a PDF, a DOCX and a GB18030 text; the popup finds a sentence of each', async () => {
    const docx = path.join(work, '培训通知.docx');
    const encrypted = path.join(work, '加密的实施方案.pdf');
    await writeFile(encrypted, encryptedPdf());
    await writeFile(
      docx,
      makeDocx([
        '关于开展乡村医生轮训的通知',
        `为提高乡村医生常见病诊疗能力，今年分三批组织轮训，${FROM_FILES.docx}，结业时进行考核。`,
      ]),
    );
    const library = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    await library
      .getByTestId('file-input')
      .setInputFiles([
        path.join(LIBRARY_FIXTURES, 'county-plan.pdf'),
        docx,
        path.join(LIBRARY_FIXTURES, 'notice-gb18030.txt'),
        path.join(LIBRARY_FIXTURES, 'scanned.pdf'),
        encrypted,
      ]);
    await waitFor(
      async () => {
        const statuses = await library.$$eval('[data-testid=file-row]', (els) => els.map((el) => el.dataset.status));
        return statuses.length === 5 && statuses.every((s) => s === 'added' || s === 'failed') ? statuses : null;
      },
      { what: 'all five files done', timeoutMs: 60_000 },
    );
    const rows = await library.$$eval('[data-testid=file-row]', (els) =>
      els.map((el) => ({ status: el.dataset.status, text: el.textContent })),
    );
    assert.deepEqual(
      rows.map((r) => r.status),
      ['added', 'added', 'added', 'failed', 'failed'],
      JSON.stringify(rows),
    );
    // refusals speak the browser's language (Chinese by default, English in this browser)
    assert.match(rows[3].text, /没有文字层|has no text layer/u, 'the scanned PDF is refused as such');
    assert.match(rows[4].text, /已加密.*密码|is encrypted.*password/u, 'the encrypted PDF is refused as such');
    const reports = await userReports(library);
    assert.equal(reports.length, 4, 'the page and three files; the scan and the encrypted PDF stored nothing');
    assert.deepEqual(reports.map((r) => r.origin).sort(), ['docx', 'page', 'pdf', 'txt']);
    await library.close();

    for (const [kind, sentence] of Object.entries(FROM_FILES)) {
      const found = await searchPopup(ext, sentence);
      assert.ok(
        found.some((r) => r.id.startsWith('user-') && r.text.replace(/\s/gu, '').includes(sentence)),
        `${kind}: ${sentence} found: ${JSON.stringify(found)}`,
      );
    }
  });

  it('keeps every user report through a re-seed (as after an extension update)', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    const before = (await userReports(page)).map((r) => r.id).sort();
    const passagesBefore = (await readStore(page, 'passages')).filter((p) => p.reportId.startsWith('user-')).length;
    // make the stored corpus look out of date, then restart the browser: the worker re-seeds
    await page.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({ key: 'corpusVersion', value: 'stale' });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        }),
      DB_NAME,
    );
    await ext.close();
    ext = await launchExtension({ userDataDir: profile });
    const again = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    const version = await waitFor(
      async () => {
        const meta = await readStore(again, 'meta');
        const v = meta.find((m) => m.key === 'corpusVersion')?.value;
        return v && v !== 'stale' ? v : null;
      },
      { what: 're-seeded', timeoutMs: 90_000 },
    );
    assert.ok(version);
    assert.deepEqual((await userReports(again)).map((r) => r.id).sort(), before);
    assert.equal(
      (await readStore(again, 'passages')).filter((p) => p.reportId.startsWith('user-')).length,
      passagesBefore,
    );
    await again.close();
    const found = await searchPopup(ext, FROM_FILES.txt);
    assert.ok(found.some((r) => r.id.startsWith('user-')));
  });

  it('restores a full backup into a fresh profile: the same library', async () => {
    const library = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    await library.getByTestId('report-list').waitFor();
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('backup-now').click()]);
    const file = path.join(work, 'backup.json');
    await download.saveAs(file);
    const titles = (await userReports(library)).map((r) => r.title).sort();
    await library.close();

    const fresh = await launchExtension();
    try {
      const page = await openExtensionPage(fresh.context, fresh.extensionId, 'library.html');
      await waitForSeeded(page, 90_000);
      await page.getByTestId('backup').waitFor({ timeout: 20_000 });
      await page.getByTestId('restore-input').setInputFiles(file);
      await waitFor(
        async () => ((await page.getByTestId('backup-message').getAttribute('class')) === 'ok' ? true : null),
        {
          what: 'restored',
          timeoutMs: 30_000,
        },
      );
      assert.deepEqual((await userReports(page)).map((r) => r.title).sort(), titles);
      await page.close();
      for (const sentence of Object.values(FROM_FILES)) {
        const found = await searchPopup(fresh, sentence);
        assert.ok(
          found.some((r) => r.id.startsWith('user-')),
          `${sentence} after restore`,
        );
      }
    } finally {
      await fresh.close();
    }
  });
});
