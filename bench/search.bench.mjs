// Benchmark of popup search, in real Chromium: the product's passage search (bigram index in
// IndexedDB + substring confirmation) against plain Fuse.js (`ignoreLocation`) over all passage
// texts, on a generated corpus of 10,000 passages (~2 MB), same page, same run; and the popup's
// first useful paint with the built extension.
// Usage: npm run build && node bench/search.bench.mjs
import { readFileSync } from 'node:fs';
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
import { rng, seedSentences } from './page-generator.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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

// the corpus: sentences of the bundled reports recombined into 10,000 passages of ~200 characters
const random = rng(11);
const seedDir = path.join(ROOT, 'seeds');
const sentences = seedSentences(ROOT);
const reportsMeta = JSON.parse(readFileSync(path.join(seedDir, 'reports.json'), 'utf8'));
const reports = (reportsMeta.reports ?? reportsMeta).map((r, i) => ({ ...r, levelRank: i, passageCount: 2000 }));
const passages = [];
for (let i = 0; i < 10_000; i++) {
  let text = '';
  while (text.length < 200) text += sentences[Math.floor(random() * sentences.length)];
  const report = reports[i % reports.length];
  passages.push({
    id: `${report.id}:${i}`,
    reportId: report.id,
    sectionId: `${report.id}#0`,
    section: '导语',
    seq: i,
    text,
    start: 0,
    end: text.length,
  });
}
const corpusChars = passages.reduce((n, p) => n + p.text.length, 0);

const searchJs = await bundleForPage('bench/search-entry.ts');
const server = await serveStatic({
  '/search.html': '<!doctype html><meta charset="utf-8"><title>search bench</title><script src="/search.js"></script>',
  '/search.js': { body: searchJs, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
});

const results = { corpus: { passages: passages.length, chars: corpusChars }, queries: [] };
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search.html`);
  results.load = await page.evaluate(({ reports, passages }) => window.__searchBench.load(reports, passages), {
    reports,
    passages,
  });
  for (const query of QUERIES) {
    const ours = await page.evaluate(({ q, r }) => window.__searchBench.ours(q, r), { q: query, r: ROUNDS });
    const fuse = await page.evaluate(({ q, r }) => window.__searchBench.fuse(q, r), { q: query, r: ROUNDS });
    results.queries.push({
      query,
      oursMs: median(ours.times),
      fuseMs: median(fuse.times),
      ratio: median(fuse.times) / median(ours.times),
      oursFound: ours.total,
      fuseFound: fuse.total,
      containing: fuse.truth,
    });
  }
} finally {
  await browser.close();
  await server.close();
}

// popup first useful paint: search box plus the home sections rendered, against the page's first paint
{
  const ext = await launchExtension();
  try {
    const warm = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(warm, 60_000);
    await warm.close();
    const paints = [];
    for (let i = 0; i < 7; i++) {
      const page = await ext.context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (
            document.querySelector('[data-testid="search"]') &&
            document.querySelector('[data-testid="latest-clippings"]') &&
            document.querySelector('[data-testid="settings"]')
          ) {
            window.__useful = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await page.waitForFunction(() => window.__useful !== undefined, null, { timeout: 10_000 });
      paints.push(
        await page.evaluate(() => ({
          useful: window.__useful,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        })),
      );
      await page.close();
    }
    results.popup = {
      usefulMs: median(paints.map((p) => p.useful)),
      firstContentfulPaintMs: median(paints.map((p) => p.fcp ?? 0)),
    };
  } finally {
    await ext.close();
  }
}

console.log(JSON.stringify(results, null, 2));
console.log(`\ncorpus: ${results.corpus.passages} passages, ${(results.corpus.chars / 1e6).toFixed(2)} M characters`);
console.log('query                         ours      fuse     fuse/ours  found(ours / fuse / containing)');
for (const q of results.queries) {
  console.log(
    `${q.query.padEnd(20, '　')}  ${q.oursMs.toFixed(1).padStart(7)} ms ${q.fuseMs.toFixed(0).padStart(6)} ms ${q.ratio.toFixed(0).padStart(6)}×   ${q.oursFound} / ${q.fuseFound} / ${q.containing}`,
  );
}
console.log(
  `popup: useful at ${results.popup.usefulMs.toFixed(0)} ms after navigation (first contentful paint ${results.popup.firstContentfulPaintMs.toFixed(0)} ms)`,
);
