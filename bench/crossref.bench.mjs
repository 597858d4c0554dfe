// The cross-reference page's first paint with a library of 1,000 reports, against the same page
// with the five bundled reports, in the same run (a slow machine shows in both).
//   first paint: navigation start until the matrix is in the document with its rows
//   open group:  opening the first collapsed group (a level or region) into its columns
// Figures go to stdout and bench/.results/crossref.json. Usage: npx wxt build && node bench/crossref.bench.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import {
  launchExtension,
  openExtensionPage,
  putRecords,
  ROOT,
  readStore,
  termCounts,
  waitForSeeded,
} from '../tests/e2e/harness.mjs';

const RUNS = 5;
const REPORTS = 1000;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (n) => Math.round(n * 10) / 10;

const PROVINCES = ['福建省', '浙江省', '江西省', '安徽省', '山东省', '河南省', '江苏省', '湖南省', '四川省', '广东省'];

/** A generated library: each report mentions four catalogue terms in three passages (template sentences). */
function library(termIds) {
  const reports = [];
  const passages = [];
  const hits = [];
  for (let i = 0; i < REPORTS; i++) {
    const level = i % 25 === 0 ? 'national' : i % 3 === 0 ? 'provincial' : 'municipal';
    const levelRank = { national: 0, provincial: 2, municipal: 3 }[level];
    const province = PROVINCES[i % PROVINCES.length];
    const id = `bench-${i}`;
    const region = level === 'national' ? '全国' : level === 'provincial' ? province : `${province}：第${i % 9}市`;
    reports.push({
      id,
      title: `第${i}号 ${region}卫生健康工作报告`,
      issuer: `${province}卫生健康委员会`,
      level,
      region,
      date: `${2016 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      description: '',
      levelRank,
      passageCount: 3,
    });
    for (let seq = 0; seq < 3; seq++) {
      const text = `第${seq}段：今年继续推进改革，抓好重点工作落实，第${i}号报告的做法值得总结。`;
      passages.push({
        id: `${id}:${seq}`,
        reportId: id,
        sectionId: `${id}#0`,
        section: province,
        seq,
        text,
        start: 0,
        end: text.length,
        grams: [],
      });
      for (let k = 0; k < 4; k++) {
        const termId = termIds[(i * 7 + seq * 3 + k * 11) % termIds.length];
        if (hits.some((h) => h.termId === termId && h.passageId === `${id}:${seq}`)) continue;
        hits.push({
          termId,
          passageId: `${id}:${seq}`,
          reportId: id,
          level,
          levelRank,
          count: 1,
          spans: [[3, 5]],
          forms: ['改革'],
        });
      }
    }
  }
  return { reports, passages, hits };
}

/** ms from navigation start until the matrix has its rows. */
async function firstPaint(page, extensionId) {
  await page.goto(`chrome-extension://${extensionId}/crossref.html`);
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => {
          if (document.querySelector('[data-testid="matrix"] tbody tr')) {
            // the next frame: the table is laid out and painted
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
            return true;
          }
          return false;
        };
        if (check()) return;
        new MutationObserver((_, observer) => {
          if (check()) observer.disconnect();
        }).observe(document.body, { childList: true, subtree: true });
      }),
  );
}

/** ms to open a group into its columns (a level into regions, or a region into reports), until painted. */
async function openGroup(page) {
  return page.evaluate(async () => {
    const before = document.querySelectorAll('.column-row th').length;
    const button = document.querySelector('[data-action="open-group"]');
    if (!button) return null;
    const started = performance.now();
    button.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return {
      ms: performance.now() - started,
      columnsBefore: before,
      columnsAfter: document.querySelectorAll('.column-row th').length,
      cells: document.querySelectorAll('tbody td').length,
    };
  });
}

const results = { loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) };
const ext = await launchExtension();
try {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'crossref.html');
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSeeded(page, 60_000);
  const small = [];
  for (let i = 0; i < RUNS; i++) small.push(await firstPaint(page, ext.extensionId));
  const smallColumns = await page.locator('.column-row th').count();

  const termIds = (await readStore(page, 'terms')).map((t) => t.id);
  const { reports, passages, hits } = library(termIds);
  // the per-report term counts ingestion writes with the hits (schema v7): what the page paints from
  await putRecords(page, { reports, passages, termHits: hits, reportTermCounts: termCounts(reports, hits) });
  const large = [];
  for (let i = 0; i < RUNS; i++) large.push(await firstPaint(page, ext.extensionId));
  const largeColumns = await page.locator('.column-row th').count();
  const rows = await page.locator('tbody tr[data-term-id]').count();
  const allRows = await page.locator('table[aria-rowcount]').getAttribute('aria-rowcount');
  const opened = [];
  for (let i = 0; i < RUNS; i++) {
    await firstPaint(page, ext.extensionId);
    opened.push(await openGroup(page));
  }

  results.firstPaint = {
    reports: (await readStore(page, 'reports')).length,
    rowsRendered: rows,
    rowsInTable: Number(allRows) - (await page.locator('thead tr').count()),
    columns: largeColumns,
    medianMs: round(median(large)),
    baselineMs: round(median(small)),
    baselineColumns: smallColumns,
    ratio: round(median(large) / median(small)),
    runs: large.map(round),
    baselineRuns: small.map(round),
  };
  results.openGroup = {
    medianMs: round(median(opened.map((o) => o.ms))),
    runs: opened.map((o) => round(o.ms)),
    columnsBefore: opened[0]?.columnsBefore,
    columnsAfter: opened[0]?.columnsAfter,
    cells: opened[0]?.cells,
  };
} finally {
  await ext.close();
}
results.loadAverageAfter = loadavg().map((n) => Math.round(n * 100) / 100);
await mkdir(path.join(ROOT, 'bench', '.results'), { recursive: true });
await writeFile(path.join(ROOT, 'bench', '.results', 'crossref.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
