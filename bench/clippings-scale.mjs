// Clippings at scale, in real Chromium with the built extension (run `npx wxt build` first):
//   1. the clippings page with 10,000 clippings: time to first render of the list (target ≤ 300 ms),
//      against the same page with an empty store (baseline, same run);
//   2. search over 10,000 clippings: input → result count updated (target ≤ 50 ms), against
//      clearing the search box (no query, same re-render path);
//   3. a 50,000-character selection: saved or refused with a clear message, against a 100-character
//      selection saved through the same path.
// Figures go to stdout and bench/.results/clippings-scale.json. Usage: node bench/clippings-scale.mjs
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension, openExtensionPage, ROOT, readStore, serveStatic } from '../tests/e2e/harness.mjs';

const N = 10_000;
const RUNS = 7;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (n) => Math.round(n * 10) / 10;

async function until(check, what, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** 10,000 plausible clippings cut from the bundled reports, with tags, terms, sites and notes. */
async function makeBackup() {
  const text = (await readFile(path.join(ROOT, 'seeds', 'national-work-conference-2024.txt'), 'utf8')).replace(
    /\s+/g,
    '',
  );
  const terms = ['sanyi-xietong', 'qianxian-gongcheng', 'jinmixing-yigongti'];
  const tags = ['医改', '县域', '医保', '公共卫生', '人才', '数字化', '中医药', '基层'];
  const clippings = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < N; i++) {
    const at = (i * 7919) % (text.length - 200);
    const len = 40 + ((i * 31) % 160);
    const site = `site${i % 40}.example.cn`;
    clippings.push({
      id: `bench-${i}`,
      format: 2,
      kind: 'page',
      quote: text.slice(at, at + len),
      url: `https://${site}/article/${i}.html`,
      title: `第${i}篇 ${text.slice((at + 300) % (text.length - 30), ((at + 300) % (text.length - 30)) + 20)}`,
      site,
      prefix: text.slice(Math.max(0, at - 48), at),
      suffix: text.slice(at + len, at + len + 48),
      position: at,
      tags: [tags[i % tags.length], tags[(i * 3) % tags.length]].filter((t, k, a) => a.indexOf(t) === k),
      terms: [terms[i % 3]],
      note: i % 5 === 0 ? `笔记 ${i}：需要核对原文` : '',
      createdAt: start + i * 3_600_000,
      updatedAt: start + i * 3_600_000,
    });
  }
  return {
    format: 'policy-cross-ref/clippings',
    version: 1,
    exportedAt: new Date().toISOString(),
    count: N,
    clippings,
  };
}

/**
 * ms from navigation start until the list shows `expected` results: the first render with data
 * (`stage` 'first'), or the moment everything is loaded for search and filters (`stage` 'all').
 */
async function renderTime(page, extensionId, expected, stage = 'first') {
  await page.goto(`chrome-extension://${extensionId}/clippings.html`);
  return page
    .evaluate(
      ({ expected, stage }) =>
        new Promise((resolve) => {
          const check = () => {
            const el = document.querySelector(
              stage === 'all' ? '[data-testid="result-count"][data-loaded="all"]' : '[data-testid="result-count"]',
            );
            const count = el?.textContent ?? '';
            const empty = document.querySelector('[data-testid="empty"]');
            if ((expected === 0 && empty) || count.startsWith(`${expected} `)) {
              resolve(performance.now());
              return true;
            }
            return false;
          };
          if (check()) return;
          new MutationObserver((_, observer) => {
            if (check()) observer.disconnect();
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      { expected, stage },
    )
    .then((ms) => ms);
}

/** ms from typing a query until the result count changes to its answer. */
async function searchTime(page, query) {
  return page.evaluate(
    (query) =>
      new Promise((resolve) => {
        const input = document.querySelector('[data-testid="search"]');
        const countEl = () => document.querySelector('[data-testid="result-count"]');
        const before = countEl()?.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const now = countEl()?.textContent;
          if (now !== before) {
            observer.disconnect();
            resolve({ ms: performance.now() - started, result: now });
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        // the setter Preact listens through: a real input event
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

async function saveSelectionOf(ext, page, chars) {
  await page.evaluate((chars) => {
    const p = document.getElementById('long');
    p.textContent = '医疗保障'.repeat(Math.ceil(chars / 4)).slice(0, chars);
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, chars);
  await page.bringToFront();
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const started = performance.now();
  const outcome = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.policyCrossRefClippingMenu({ menuItemId: 'policy-cross-ref-save-clipping', frameId: 0 }, tab);
  });
  return { ms: performance.now() - started, outcome };
}

const results = {};
const dir = await mkdtemp(path.join(tmpdir(), 'pcr-bench-'));
const server = await serveStatic({
  '/long.html': '<!doctype html><meta charset="utf-8"><title>长文</title><p>各地推进千县工程。</p><p id="long"></p>',
});
const ext = await launchExtension();
try {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');

  // baseline: the page with no clippings
  const empty = [];
  for (let i = 0; i < RUNS; i++) empty.push(await renderTime(page, ext.extensionId, 0));

  // 50,000 characters vs 100 characters through the context menu's path (before the 10k import)
  const article = await ext.context.newPage();
  await article.goto(`${server.url}/long.html`);
  // the content script is there once it has marked the term (clippings are drawn in our closed UI)
  await until(() => article.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), 'content script');
  const short = await saveSelectionOf(ext, article, 100);
  const long = await saveSelectionOf(ext, article, 50_000);
  results.selection50k = {
    outcome: long.outcome,
    ms: round(long.ms),
    baseline100charsMs: round(short.ms),
    baselineOutcome: short.outcome.status,
    ratio: round(long.ms / short.ms),
  };
  await article.close();

  // import 10,000 clippings through the product's own import
  const backupPath = path.join(dir, 'bench-backup.json');
  await writeFile(backupPath, JSON.stringify(await makeBackup()));
  await page.bringToFront();
  await page.goto(`chrome-extension://${ext.extensionId}/clippings.html`);
  const importStart = performance.now();
  await page.getByTestId('import').setInputFiles(backupPath);
  await until(
    async () =>
      /已导入/.test(
        (await page
          .getByTestId('notice')
          .textContent()
          .catch(() => '')) ?? '',
      ),
    'import',
    180_000,
  );
  results.import10k = { ms: round(performance.now() - importStart) };
  const total = (await readStore(page, 'clippings')).length;

  const full = [];
  const loaded = [];
  for (let i = 0; i < RUNS; i++) {
    full.push(await renderTime(page, ext.extensionId, total));
    loaded.push(await renderTime(page, ext.extensionId, total, 'all'));
  }
  results.render = {
    clippings: total,
    medianMs: round(median(full)),
    emptyBaselineMs: round(median(empty)),
    ratio: round(median(full) / median(empty)),
    targetMs: 300,
    runs: full.map(round),
    allLoadedMedianMs: round(median(loaded)),
    allLoadedRatio: round(median(loaded) / median(empty)),
  };

  const queries = ['县域医共体', '医疗', '千县工程', '公共卫生', '笔记', 'site7.example', '高质量发展', '改革 医院'];
  const search = [];
  const clears = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const q of queries) {
      search.push({ q, ...(await searchTime(page, q)) });
      clears.push((await searchTime(page, '')).ms);
    }
  }
  results.search = {
    medianMs: round(median(search.map((s) => s.ms))),
    maxMs: round(Math.max(...search.map((s) => s.ms))),
    clearBaselineMs: round(median(clears)),
    ratio: round(median(search.map((s) => s.ms)) / median(clears)),
    targetMs: 50,
    perQuery: Object.fromEntries(
      queries.map((q) => [
        q,
        {
          medianMs: round(median(search.filter((s) => s.q === q).map((s) => s.ms))),
          result: search.find((s) => s.q === q).result,
        },
      ]),
    ),
  };
} finally {
  await ext.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
await mkdir(path.join(ROOT, 'bench', '.results'), { recursive: true });
await writeFile(path.join(ROOT, 'bench', '.results', 'clippings-scale.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
