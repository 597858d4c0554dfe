// Importing a 100-page text PDF on library.html with the built extension, beside baselines from the
// same run: a 10-page PDF (the same pipeline, a tenth of the pages) and a TXT file holding the
// 100 pages' text (the same ingestion and storage without pdf.js). While each PDF is read the bench
// records the page counter the row shows (第 n/N 页) and its <progress> value, to show progress
// advances page by page. Figures go to stdout and bench/.results/pdf-import.json.
// Usage: npx wxt build && node bench/pdf-import.bench.mjs
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, launchExtension, openExtensionPage, ROOT, waitForSeeded } from '../tests/e2e/harness.mjs';
import { seedSentences } from './page-generator.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((n) => Math.round(n * 100) / 100);

const work = await mkdtemp(path.join(tmpdir(), 'pcr-pdf-bench-'));
const sentences = seedSentences(ROOT);
/** Six paragraphs of three seed sentences a page, in a CJK serif at 12 pt: a dense A4 page. */
const paragraphs = (pages) =>
  Array.from(
    { length: pages * 6 },
    (_, i) => `${sentences.slice((i * 3) % sentences.length, ((i * 3) % sentences.length) + 3).join('')}`,
  );
/** One A4 page per `pages`: six paragraphs each, a page break after each (so 100 pages are 100 pages). */
const html = (pages) => {
  const list = paragraphs(pages);
  const sheets = Array.from(
    { length: pages },
    (_, n) =>
      `<section>${list
        .slice(n * 6, n * 6 + 6)
        .map((p) => `<p>${p}</p>`)
        .join('')}</section>`,
  );
  return `<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC";font-size:12pt}p{text-indent:2em;margin:0 0 6pt}section{break-after:page}</style><h1>第${pages}页样本方案</h1>${sheets.join('')}`;
};

const files = {};
const pdfBrowser = await launchBrowser();
try {
  for (const pages of [10, 100]) {
    const p = await pdfBrowser.newPage();
    await p.setContent(html(pages));
    files[`pdf${pages}`] = path.join(work, `plan-${pages}.pdf`);
    await writeFile(files[`pdf${pages}`], await p.pdf({ format: 'A4' }));
    await p.close();
  }
} finally {
  await pdfBrowser.close();
}
files.txt100 = path.join(work, 'plan-100.txt');
await writeFile(files.txt100, `第100页样本方案\n${paragraphs(100).join('\n')}\n`);

/** Imports one file on a fresh library.html; seconds until its row is added, and what the row showed meanwhile. */
async function importOnce(page, file) {
  await page.reload();
  await page.getByTestId('file-input').waitFor();
  await page.evaluate(() => {
    const seen = [];
    window.__seen = seen;
    new MutationObserver(() => {
      const row = document.querySelector('[data-testid=file-row]');
      if (!row) return;
      const pages = row.querySelector('[data-testid=file-pages]')?.textContent?.trim() ?? '';
      const value = Number(row.querySelector('progress')?.value ?? 0);
      const last = seen[seen.length - 1];
      if (!last || last.pages !== pages || last.value !== value)
        seen.push({ pages, value, status: row.dataset.status, t: performance.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid=file-row]')].some(
        (r) => r.dataset.status === 'added' || r.dataset.status === 'updated' || r.dataset.status === 'failed',
      ),
    null,
    { timeout: 300_000, polling: 'raf' },
  );
  const seconds = (Date.now() - t0) / 1000;
  // the page's own clock: from the first page counter to the last, and from the last to the result
  const ended = await page.evaluate(() => performance.now());
  const row = await page.$eval('[data-testid=file-row]', (r) => ({ status: r.dataset.status, text: r.textContent }));
  const seen = await page.evaluate(() => window.__seen);
  const counters = seen.filter((s) => s.pages);
  const reading = counters.length > 1 ? (counters[counters.length - 1].t - counters[0].t) / 1000 : null;
  const afterReading = counters.length > 0 ? (ended - counters[counters.length - 1].t) / 1000 : null;
  return { seconds, status: row.status, row: row.text, seen, reading, afterReading };
}

const results = { loadAverage: load() };
const ext = await launchExtension();
try {
  const lib = await openExtensionPage(ext.context, ext.extensionId, 'library.html');
  await waitForSeeded(lib, 120_000);
  const runs = { pdf10: [], pdf100: [], txt100: [] };
  const phases = [];
  let progress100 = null;
  for (let i = 0; i < RUNS; i++) {
    // the same file again is offered as an update of its report: import each once per run, then delete it
    for (const key of ['pdf10', 'txt100', 'pdf100']) {
      const r = await importOnce(lib, files[key]);
      if (r.status === 'failed') throw new Error(`${key}: ${r.row}`);
      runs[key].push(r.seconds);
      if (key === 'pdf100' && !progress100) progress100 = r.seen;
      if (key === 'pdf100') phases.push({ readingPages: r.reading, afterLastPage: r.afterReading });
      // delete through the page's own control, as a user would (keeps every table consistent)
      await lib.reload();
      await lib.getByTestId('delete').first().waitFor();
      while ((await lib.getByTestId('delete').count()) > 0) {
        const before = await lib.getByTestId('delete').count();
        await lib.getByTestId('delete').first().click();
        await lib.waitForFunction((n) => document.querySelectorAll('[data-testid=delete]').length < n, before);
      }
    }
  }
  const pageCounts = (progress100 ?? []).map((s) => s.pages).filter(Boolean);
  results.import = {
    pdf100: { medianSeconds: median(runs.pdf100), runs: runs.pdf100 },
    baselinePdf10: { medianSeconds: median(runs.pdf10), runs: runs.pdf10 },
    baselineTxt100: { medianSeconds: median(runs.txt100), runs: runs.txt100 },
    pdf100Phases: phases,
    ratioToPdf10: Math.round((median(runs.pdf100) / median(runs.pdf10)) * 10) / 10,
    ratioToTxt100: Math.round((median(runs.pdf100) / median(runs.txt100)) * 10) / 10,
  };
  results.progress100 = {
    distinctPageCounters: new Set(pageCounts).size,
    first: pageCounts[0],
    last: pageCounts[pageCounts.length - 1],
    valuesNeverDecrease: (progress100 ?? []).every((s, i, a) => i === 0 || s.value >= a[i - 1].value),
  };
} finally {
  await ext.close();
  await rm(work, { recursive: true, force: true });
}
results.loadAverageAfter = load();
await mkdir(path.join(ROOT, 'bench', '.results'), { recursive: true });
await writeFile(path.join(ROOT, 'bench', '.results', 'pdf-import.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
