// Library scale, in real Chromium: a generated library (default 1,000 reports × 100 passages of
// ~200 characters, recombined from the bundled reports' sentences) built and stored with the
// product's code; popup search p50/p95 against MiniSearch with a Chinese bigram tokenizer over the
// same passages in the same page; the cost of adding one report to a small and to the full
// library; then, with the built extension, importing a 100-page text PDF and adding one page.
// Usage: npm run build && node bench/library.bench.mjs   (REPORTS=200 for a quicker run)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bundleForPage,
  launchBrowser,
  launchExtension,
  openExtensionPage,
  ROOT,
  serveStatic,
  waitForSeeded,
} from '../tests/e2e/harness.mjs';
import { seedSentences } from './page-generator.mjs';

const REPORTS = Number(process.env.REPORTS ?? 1000);
const PER_REPORT = 100;
const ROUNDS = 5;
const QUERIES = [
  '千县工程',
  '医共体',
  '三医协同',
  '紧密型县域医疗卫生共同体',
  '分级诊疗',
  '县医院',
  '公立医院改革',
  '健康',
  '疾控',
  '医保支付方式改革',
];
const ADDS = 9;
/** Add time (the add's own transaction) and the merges run after it, amortised over the adds. */
const addFigures = (passages, runs) => ({
  passages,
  medianMs: pct(
    runs.map((r) => r.addMs),
    0.5,
  ),
  maxMs: Math.max(...runs.map((r) => r.addMs)),
  // waiting for the merges the add scheduled (they run after its transaction)
  mergeMsPerAdd: runs.reduce((n, r) => n + r.mergeMs, 0) / runs.length,
});
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const results = { library: {}, queries: [], add: {}, pdf: {}, page: {} };
const js = await bundleForPage('bench/library-entry.ts');
const server = await serveStatic({
  '/bench.html': '<!doctype html><meta charset="utf-8"><title>library bench</title><script src="/bench.js"></script>',
  '/bench.js': { body: js, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
});

// EXTENSION_ONLY=1 skips this part (the generated library and the engines side by side)
if (!process.env.EXTENSION_ONLY) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(0);
    await page.goto(`${server.url}/bench.html`);
    const sentences = seedSentences(ROOT);
    // the cost of adding one report to an almost empty library
    const small = await page.evaluate(({ s, per }) => window.__libraryBench.load(s, 10, per), {
      s: sentences,
      per: PER_REPORT,
    });
    const addSmall = [];
    for (let i = 0; i < ADDS; i++)
      addSmall.push(await page.evaluate((n) => window.__libraryBench.addOne(n), PER_REPORT));
    results.add.smallLibrary = addFigures(small.passages, addSmall);

    const t0 = Date.now();
    results.library = await page.evaluate(({ s, n, per }) => window.__libraryBench.load(s, n, per), {
      s: sentences,
      n: REPORTS,
      per: PER_REPORT,
    });
    results.library.loadSeconds = (Date.now() - t0) / 1000;
    const addFull = [];
    for (let i = 0; i < ADDS; i++)
      addFull.push(await page.evaluate((n) => window.__libraryBench.addOne(n), PER_REPORT));
    results.add.fullLibrary = addFigures(results.library.passages, addFull);

    // MiniSearch in a page of its own (its heap would slow the other engine), same browser, same run
    const miniPage = await context.newPage(); // same context: it reads the same IndexedDB
    miniPage.setDefaultTimeout(0);
    await miniPage.goto(`${server.url}/bench.html`);
    Object.assign(results.library, await miniPage.evaluate(() => window.__libraryBench.miniLoad()));
    const ours = [];
    const mini = [];
    for (const query of QUERIES) {
      const o = await page.evaluate(({ q, r }) => window.__libraryBench.ours(q, r), { q: query, r: ROUNDS });
      const m = await miniPage.evaluate(({ q, r }) => window.__libraryBench.mini(q, r), { q: query, r: ROUNDS });
      if (process.env.PHASES)
        console.log(
          query,
          await page.evaluate(({ q, r }) => window.__libraryBench.phases(q, r), { q: query, r: ROUNDS }),
        );
      ours.push(...o.times);
      mini.push(...m.times);
      results.queries.push({
        query,
        oursMs: pct(o.times, 0.5),
        miniMs: pct(m.times, 0.5),
        oursFirstMs: o.times[0],
        miniFirstMs: m.times[0],
        ours: o.total,
        mini: m.total,
      });
    }
    results.search = {
      oursP50: pct(ours, 0.5),
      oursP95: pct(ours, 0.95),
      miniP50: pct(mini, 0.5),
      miniP95: pct(mini, 0.95),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// with the built extension: a 100-page text PDF imported on library.html, and one page added
// (LIBRARY_ONLY=1 skips this part, which needs `npm run build`)
if (!process.env.LIBRARY_ONLY) {
  const work = await mkdtemp(path.join(tmpdir(), 'pcr-lib-bench-'));
  const pdfBrowser = await launchBrowser();
  const sentences = seedSentences(ROOT);
  const html = (pages) =>
    `<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC";font-size:12pt}p{text-indent:2em}</style>${Array.from(
      { length: pages * 6 },
      (_, i) => `<p>${sentences.slice((i * 3) % sentences.length, ((i * 3) % sentences.length) + 3).join('')}</p>`,
    ).join('')}`;
  const files = {};
  for (const pages of [10, 100]) {
    const p = await pdfBrowser.newPage();
    await p.setContent(html(pages));
    files[pages] = path.join(work, `report-${pages}.pdf`);
    await writeFile(files[pages], await p.pdf({ format: 'A4' }));
    await p.close();
  }
  await pdfBrowser.close();
  const pageServer = await serveStatic({
    '/notice.html': await readFile(path.join(ROOT, 'tests/fixtures/pages/govcn-notice.html'), 'utf8'),
  });
  const ext = await launchExtension();
  try {
    const lib = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
    await waitForSeeded(lib, 90_000);
    for (const pages of [10, 100]) {
      await lib.reload();
      await lib.getByTestId('file-input').waitFor();
      const t0 = Date.now();
      await lib.getByTestId('file-input').setInputFiles(files[pages]);
      await lib.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid=file-row]')].some(
            (r) => r.dataset.status === 'added' || r.dataset.status === 'failed',
          ),
        null,
        { timeout: 120_000 },
      );
      const row = await lib.$eval('[data-testid=file-row]', (r) => ({ status: r.dataset.status, text: r.textContent }));
      results.pdf[`${pages}pages`] = { seconds: (Date.now() - t0) / 1000, ...row };
    }
    const article = await ext.context.newPage();
    await article.goto(`${pageServer.url}/notice.html`);
    const tabId = await ext.serviceWorker.evaluate(async (u) => {
      for (const tab of await chrome.tabs.query({})) {
        try {
          const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => location.href });
          if (r?.result === u) return tab.id;
        } catch {}
      }
    }, `${pageServer.url}/notice.html`);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const add = await ext.context.newPage();
      const t0 = Date.now();
      await add.goto(`chrome-extension://${ext.extensionId}/library.html?add=${tabId}`);
      await add.getByTestId('report-submit').waitFor({ timeout: 30_000 });
      const t1 = Date.now();
      await add.getByTestId('report-submit').click();
      await add.getByTestId('add-page-done').waitFor({ timeout: 30_000 });
      times.push({ formMs: t1 - t0, saveMs: Date.now() - t1 });
      await add.close();
    }
    results.page = {
      formMs: pct(
        times.map((t) => t.formMs),
        0.5,
      ),
      saveMs: pct(
        times.map((t) => t.saveMs),
        0.5,
      ),
    };
  } finally {
    await ext.close();
    await pageServer.close();
    await rm(work, { recursive: true, force: true });
  }
}

console.log(JSON.stringify(results, null, 2));
await mkdir(path.join(ROOT, 'bench/.results'), { recursive: true });
await writeFile(path.join(ROOT, 'bench/.results/library.json'), JSON.stringify(results, null, 2));
if (!process.env.EXTENSION_ONLY) {
  console.log(
    `\nlibrary: ${results.library.passages} passages in ${REPORTS} reports, index ${results.library.segments} segments / ${results.library.shards} shard records, stored in ${results.library.loadSeconds.toFixed(0)} s (merges ${results.library.mergeMs.toFixed(0)} ms)`,
  );
  console.log(
    `popup search: ours p50 ${results.search.oursP50.toFixed(1)} ms, p95 ${results.search.oursP95.toFixed(1)} ms | MiniSearch (bigrams, lookup only) p50 ${results.search.miniP50.toFixed(1)} ms, p95 ${results.search.miniP95.toFixed(1)} ms`,
  );
  console.log(
    `add one ${PER_REPORT}-passage report (median of ${ADDS}; merges after it, per add): ${results.add.smallLibrary.medianMs.toFixed(0)} ms (+${results.add.smallLibrary.mergeMsPerAdd.toFixed(0)} ms) with ${results.add.smallLibrary.passages} passages stored, ${results.add.fullLibrary.medianMs.toFixed(0)} ms (+${results.add.fullLibrary.mergeMsPerAdd.toFixed(0)} ms) with ${results.add.fullLibrary.passages}`,
  );
}
if (!process.env.LIBRARY_ONLY)
  console.log(
    `PDF import: 10 pages ${results.pdf['10pages'].seconds.toFixed(1)} s, 100 pages ${results.pdf['100pages'].seconds.toFixed(1)} s; add one page: form ${results.page.formMs} ms + save ${results.page.saveMs} ms`,
  );
