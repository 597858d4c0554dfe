// Benchmark of in-page marking, in real Chromium: the product's scanner against a floor (walk every
// text node), a single-RegExp baseline and mark.js, on one generated ~1M-character page, all in the
// same run; the page's own DOM-editing speed with our marks active; hover-to-card latency with the
// built extension; and the content script's size. Figures are printed as ratios to the floor.
// Usage: npm run build && node bench/marking.bench.mjs [--skip-markjs]
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  bundleForPage,
  EXTENSION_DIR,
  importProductModule,
  launchBrowser,
  launchExtension,
  ROOT,
  serveStatic,
} from '../tests/e2e/harness.mjs';
import { generateArticle, generatePage } from './page-generator.mjs';

const skipMarkjs = process.argv.includes('--skip-markjs');
/** `--only-hover`: the hover part alone (for working on the card; prints only its lines). */
const onlyHover = process.argv.includes('--only-hover');
const MARKJS_TIMEOUT_MS = 180_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const { TERM_FORMS } = await importProductModule('lib/terms/catalogue-forms.ts');
const forms = TERM_FORMS.flatMap((t) => [t.canonical, ...t.aliases].map((form) => ({ termId: t.id, form })));
const { html, planted } = generatePage({ root: ROOT, forms });
const article = generateArticle({ root: ROOT, forms });

const benchJs = await bundleForPage('bench/bench-entry.ts');
const markJs = readFileSync(path.join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
const js = (body) => ({ body, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
const server = await serveStatic({
  '/page.html': html,
  '/article.html': article.html,
  '/bench.js': js(benchJs),
  '/mark.js': js(markJs),
});

const browser = await launchBrowser();

async function freshPage(withMark = false, file = 'page.html') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/${file}`);
  await page.addScriptTag({ url: '/bench.js' });
  if (withMark) await page.addScriptTag({ url: '/mark.js' });
  return page;
}

/**
 * Runs `fn` in the page and returns its result with the main thread's CPU time over the call (CDP
 * ThreadTime), less that of an empty call measured just before. Wall time on a loaded machine
 * counts the time the thread was preempted; CPU time does not.
 */
async function withCpu(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadMs = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  const a = await threadMs();
  await page.evaluate(() => 0);
  const b = await threadMs();
  const result = await page.evaluate(fn);
  const c = await threadMs();
  await cdp.detach();
  return { result, cpuMs: c - b - (b - a) };
}

const cpu = { floor: [], regexp: [], ours: [], noStyles: [], aFloor: [], aRegexp: [], aOurs: [], aNoStyles: [] };
async function timed(list, file, fn) {
  const page = await freshPage(false, file);
  const { result, cpuMs } = await withCpu(page, fn);
  cpu[list].push(cpuMs);
  await page.close();
  return result;
}

const results = {};
if (!onlyHover)
  try {
    const info = await (await freshPage()).evaluate(() => window.__pcrBench.floor());
    results.page = { chars: info.chars, textNodes: info.nodes, plantedTerms: planted, patterns: forms.length };

    const floor = [];
    const blockFloor = [];
    const regexp = [];
    const ours = [];
    const noStyles = [];
    for (let i = 0; i < 5; i++) {
      floor.push((await timed('floor', 'page.html', () => window.__pcrBench.floor())).ms);
      const page = await freshPage();
      blockFloor.push((await page.evaluate(() => window.__pcrBench.blockFloor())).ms);
      await page.close();
      regexp.push(await timed('regexp', 'page.html', () => window.__pcrBench.regexp()));
      ours.push(await timed('ours', 'page.html', () => window.__pcrBench.ours()));
      noStyles.push((await timed('noStyles', 'page.html', () => window.__pcrBench.oursWithoutStyles())).total);
    }
    const floorMs = median(floor);
    results.floor = { ms: floorMs };
    results.blockFloor = { ms: median(blockFloor) };
    results.regexp = { ms: median(regexp.map((r) => r.ms)), matches: regexp[0].count };
    const oursMedian = ours.sort((a, b) => a.total - b.total)[2];
    results.ours = {
      totalMs: oursMedian.total,
      longestSliceMs: Math.max(...ours.map((o) => o.longest)),
      slices: oursMedian.slices,
      firstSliceEndMs: oursMedian.firstSliceEnd,
      matcherBuildMs: oursMedian.matcherMs,
      wallMs: oursMedian.wall,
      matches: oursMedian.count,
      withoutStyleReadsMs: median(noStyles),
    };

    // a typical page: a news article of about 15,000 characters; total main-thread cost, fresh loads
    {
      const info = await (await freshPage(false, 'article.html')).evaluate(() => window.__pcrBench.floor());
      const aFloor = [];
      const aRegexp = [];
      const aOurs = [];
      const aNoStyles = [];
      for (let i = 0; i < 7; i++) {
        aFloor.push((await timed('aFloor', 'article.html', () => window.__pcrBench.floor())).ms);
        aRegexp.push((await timed('aRegexp', 'article.html', () => window.__pcrBench.regexp())).ms);
        aOurs.push(await timed('aOurs', 'article.html', () => window.__pcrBench.ours()));
        aNoStyles.push((await timed('aNoStyles', 'article.html', () => window.__pcrBench.oursWithoutStyles())).total);
      }
      const mid = aOurs.sort((a, b) => a.total - b.total)[3];
      results.article = {
        chars: info.chars,
        textNodes: info.nodes,
        plantedTerms: article.planted,
        floorMs: median(aFloor),
        regexpMs: median(aRegexp),
        oursTotalMs: mid.total,
        oursMatcherBuildMs: mid.matcherMs,
        oursLongestSliceMs: Math.max(...aOurs.map((o) => o.longest)),
        matches: mid.count,
        withoutStyleReadsMs: median(aNoStyles),
      };
    }

    // the page's own DOM edits: no marks, our StaticRange marks, and live Ranges for contrast
    {
      const page = await freshPage();
      const base = await page.evaluate(() => window.__pcrBench.editSpeed());
      await page.evaluate(() => window.__pcrBench.ours());
      const withOurs = await page.evaluate(() => window.__pcrBench.editSpeed());
      await page.evaluate(() => window.__pcrBench.liveRanges());
      const withLive = await page.evaluate(() => window.__pcrBench.editSpeed());
      results.pageEdits = {
        baseMs: base,
        withOurMarksMs: withOurs,
        withLiveRangesMs: withLive,
        ratio: withOurs / base,
        liveRatio: withLive / base,
      };
      results.pageEdits.note =
        'edit 2,000 text nodes + the frame that shows it; live = all marks as live Ranges, all registered';
      await page.close();
    }

    if (!skipMarkjs) {
      const page = await freshPage(true);
      const started = Date.now();
      const outcome = await Promise.race([
        page.evaluate(() => window.__pcrBench.markjs()),
        new Promise((resolve) => setTimeout(() => resolve(null), MARKJS_TIMEOUT_MS)),
      ]);
      results.markjs = outcome
        ? { ms: outcome.ms, matches: outcome.count }
        : { ms: null, gaveUpAfterMs: Date.now() - started };
      await page.close().catch(() => {});
    }
  } finally {
    await browser.close();
  }

// hover → card painted, with the built extension and its real background
{
  const ext = await launchExtension();
  try {
    const warm = await ext.context.newPage();
    await warm.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await warm.close();
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // when the first mark shows, against DOMContentLoaded (content scripts run at document_idle)
    await page.addInitScript(() => {
      window.__loaf = [];
      try {
        new PerformanceObserver((list) => window.__loaf.push(...list.getEntries())).observe({
          type: 'long-animation-frame',
          buffered: true,
        });
      } catch {}
      const poll = () => {
        if (CSS.highlights.get('policy-cross-ref-term')?.size) {
          window.__firstMark = performance.now();
          return;
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    const load = async () => {
      await page.goto(`${server.url}/page.html`);
      await page.waitForFunction(() => (CSS.highlights.get('policy-cross-ref-term')?.size ?? 0) > 5, null, {
        timeout: 60_000,
      });
    };
    await load();
    await page.waitForFunction(() => window.__firstMark !== undefined, null, { timeout: 60_000 });
    results.firstMark = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        afterDomContentLoadedMs: window.__firstMark - nav.domContentLoadedEventEnd,
        afterLoadMs: window.__firstMark - nav.loadEventEnd,
      };
    });
    const cdp = await page.context().newCDPSession(page);
    const stopWorker = async () => {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // stopped once the extension's worker target is gone
      for (let i = 0; i < 100; i++) {
        const { targetInfos } = await cdp.send('Target.getTargets');
        if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')))
          return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    const delay = 250; // the default hover delay
    /**
     * Watches the card layer inside our closed root (reachable through DevTools only): when the
     * card shows and when it shows its answer, each at the frame that draws it. Installed once the
     * host exists (it is made by the first card).
     */
    const watchCard = async () => {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const stack = [root];
      let shadow = null;
      while (stack.length > 0 && !shadow) {
        const node = stack.pop();
        const marked = (node.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-policy-cross-ref-ui');
        if (marked && node.shadowRoots?.[0]?.shadowRootType === 'closed') shadow = node.shadowRoots[0];
        for (const child of node.children ?? []) stack.push(child);
      }
      if (!shadow) return false;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () {
          const root = this;
          window.__cardEvents = [];
          const note = () => {
            const layer = root.querySelector('[data-ui="card"]');
            if (!layer || layer.hidden || !layer.firstElementChild) return;
            const ready = layer.querySelector('[data-action="more"]') !== null;
            requestAnimationFrame(() => window.__cardEvents.push({ ready, at: performance.now() }));
          };
          new MutationObserver(note).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        }`,
      });
      return true;
    };
    let watching = false;
    /** One hover on the first visible mark of paragraph `i`: { shown, ready } after the delay, or null. */
    const hoverOnce = async (i) => {
      await page.mouse.move(2, 2);
      await page.waitForTimeout(450); // the open card closes (300 ms grace)
      await page.evaluate((i) => {
        const paragraphs = document.querySelectorAll('#root > p');
        paragraphs[(i * 71 + 13) % paragraphs.length].scrollIntoView({ block: 'center' });
      }, i);
      await page.waitForTimeout(150); // the marks of blocks coming into view are added a frame later
      const target = await page.evaluate(() => {
        const ranges = [...CSS.highlights.get('policy-cross-ref-term')];
        const visible = ranges
          .map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.getClientRects()[0];
          })
          .filter((rect) => rect && rect.top > 100 && rect.bottom < innerHeight - 300);
        const rect = visible[0];
        if (!rect) return null;
        window.__cardEvents = [];
        window.__t0 = 0;
        addEventListener(
          'pointermove',
          () => {
            window.__t0 = performance.now();
          },
          { once: true, capture: true },
        );
        return { x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + rect.height / 2 };
      });
      if (!target) return null;
      await page.mouse.move(target.x, target.y);
      if (!watching) {
        // the first card makes our host: watch it from now on (this sample is not counted)
        await page.waitForTimeout(delay + 500);
        watching = await watchCard();
        return null;
      }
      const events = await page
        .waitForFunction(
          () => {
            const ready = (window.__cardEvents ?? []).find((e) => e.ready && e.at > window.__t0);
            return ready && window.__t0 ? { t0: window.__t0, events: window.__cardEvents } : null;
          },
          null,
          { timeout: 10_000, polling: 20 },
        )
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (!events) return null;
      const shown = events.events.find((e) => e.at > events.t0);
      const ready = events.events.find((e) => e.ready && e.at > events.t0);
      const sample = { shown: shown.at - events.t0 - delay, ready: ready.at - events.t0 - delay };
      if (process.env.BENCH_DEBUG) {
        const detail = await page.evaluate((t0) => {
          const marks = performance
            .getEntriesByType('mark')
            .filter((m) => m.startTime > t0)
            .map((m) => `${m.name}@${(m.startTime - t0).toFixed(0)}`);
          const loaf = (window.__loaf ?? [])
            .filter((e) => e.startTime + e.duration > t0)
            .map((e) => ({
              at: (e.startTime - t0).toFixed(0),
              dur: e.duration.toFixed(0),
              block: e.blockingDuration,
              render: (e.renderStart ? e.startTime + e.duration - e.renderStart : 0).toFixed(0),
              style: e.styleAndLayoutStart ? (e.startTime + e.duration - e.styleAndLayoutStart).toFixed(0) : 0,
              scripts: e.scripts.map(
                (x) =>
                  `${x.invoker}|${x.sourceFunctionName}|${x.duration.toFixed(0)}|${x.forcedStyleAndLayoutDuration.toFixed(0)}`,
              ),
            }));
          return { marks, loaf };
        }, events.t0);
        console.error(JSON.stringify({ i, ...sample, ...detail }));
      }
      return sample;
    };
    const summary = (samples) => {
      const shown = samples.map((s) => s.shown);
      const ready = samples.map((s) => s.ready);
      return {
        samples: samples.length,
        p50AfterDelayMs: pct(shown, 50),
        p95AfterDelayMs: pct(shown, 95),
        maxAfterDelayMs: Math.max(...shown),
        readyP50AfterDelayMs: pct(ready, 50),
        readyP95AfterDelayMs: pct(ready, 95),
        readyMaxAfterDelayMs: Math.max(...ready),
      };
    };
    const warmSamples = [];
    for (let i = 0; i < 51 && warmSamples.length < 50; i++) {
      const sample = await hoverOnce(i);
      if (sample) warmSamples.push(sample);
    }
    results.hover = summary(warmSamples);
    // right after the background's service worker was stopped: the card's data is asked of a
    // worker that must start first. A fresh load each time, so the content script has nothing cached.
    const coldSamples = [];
    let stopped = 0;
    for (let i = 0; i < 12; i++) {
      await load();
      watching = false;
      await hoverOnce(100 + i); // makes the host (the card's data for this term is now cached)
      if (!watching) continue;
      if (await stopWorker()) stopped++;
      const sample = await hoverOnce(200 + i);
      if (sample) coldSamples.push(sample);
    }
    results.hoverAfterWorkerStopped = { ...summary(coldSamples), workerStopped: stopped };
    await cdp.detach();
  } finally {
    await ext.close();
  }
}

results.cpu = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
results.cpu.note = 'median main-thread CPU time (CDP ThreadTime) per call, an empty call subtracted';

const content = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'content.js'));
results.contentScript = { bytes: content.length, gzipBytes: gzipSync(content).length };
await server.close();

const r = results;
console.log(JSON.stringify(r, null, 2));
if (onlyHover) {
  const h = (x) => `shown p95 ${fmt(x.p95AfterDelayMs)}, ready p95 ${fmt(x.readyP95AfterDelayMs)} (${x.samples})`;
  console.log(`hover ${h(r.hover)}; worker stopped ${h(r.hoverAfterWorkerStopped)}`);
  process.exit(0);
}
console.log('\nsummary (ratios to the floor measured in the same run):');
console.log(`  page            ${r.page.chars} chars, ${r.page.textNodes} text nodes, ${r.page.patterns} patterns`);
console.log(`  floor           ${fmt(r.floor.ms)}  (1.0×)`);
console.log(
  `  block floor     ${fmt(r.blockFloor.ms)} (${(r.blockFloor.ms / r.floor.ms).toFixed(1)}×): the floor plus each node's parent, texts gathered per block`,
);
console.log(
  `  ours            ${fmt(r.ours.totalMs)} main thread (${(r.ours.totalMs / r.floor.ms).toFixed(1)}×, ${(r.ours.totalMs / r.regexp.ms).toFixed(2)}× regexp), longest slice ${fmt(r.ours.longestSliceMs)}, first slice done ${fmt(r.ours.firstSliceEndMs)}, ${r.ours.matches} marks`,
);
console.log(
  `  style reads     ${fmt(r.ours.totalMs - r.ours.withoutStyleReadsMs)} of it (ours with tag rules only: ${fmt(r.ours.withoutStyleReadsMs)}, ${(r.ours.withoutStyleReadsMs / r.floor.ms).toFixed(1)}×)`,
);
console.log(
  `  regexp          ${fmt(r.regexp.ms)} (${(r.regexp.ms / r.floor.ms).toFixed(1)}×), ${r.regexp.matches} marks, one task`,
);
if (r.markjs)
  console.log(
    `  mark.js         ${r.markjs.ms === null ? `gave up after ${r.markjs.gaveUpAfterMs} ms` : `${fmt(r.markjs.ms)} (${(r.markjs.ms / r.floor.ms).toFixed(0)}×), ${r.markjs.matches} marks`}`,
  );
console.log(
  `  article         ${r.article.chars} chars, ${r.article.textNodes} text nodes: ours ${fmt(r.article.oursTotalMs)} main thread in all (matcher build ${fmt(r.article.oursMatcherBuildMs)}), floor ${fmt(r.article.floorMs)}, regexp ${fmt(r.article.regexpMs)}, longest slice ${fmt(r.article.oursLongestSliceMs)}, ${r.article.matches} marks; tag rules only ${fmt(r.article.withoutStyleReadsMs)}`,
);
console.log(
  `  page edits      ${r.pageEdits.ratio.toFixed(2)}× with our marks, ${r.pageEdits.liveRatio.toFixed(2)}× with live Ranges`,
);
const hoverLine = (h) =>
  h.samples > 0
    ? `shown p50 ${fmt(h.p50AfterDelayMs)}, p95 ${fmt(h.p95AfterDelayMs)}; with its answer p50 ${fmt(h.readyP50AfterDelayMs)}, p95 ${fmt(h.readyP95AfterDelayMs)} after the 250 ms delay (${h.samples} hovers)`
    : 'no samples';
console.log(`  hover → card    ${hoverLine(r.hover)}`);
console.log(`  worker stopped  ${hoverLine(r.hoverAfterWorkerStopped)}`);
console.log(
  `  first mark      ${fmt(r.firstMark.afterLoadMs)} after the load event (${fmt(r.firstMark.afterDomContentLoadedMs)} after DOMContentLoaded)`,
);
const c = r.cpu;
console.log(
  `  CPU time        page: floor ${fmt(c.floor)}, ours ${fmt(c.ours)} (${(c.ours / c.floor).toFixed(1)}×, ${(c.ours / c.regexp).toFixed(2)}× regexp), tag rules only ${fmt(c.noStyles)}, regexp ${fmt(c.regexp)}`,
);
console.log(
  `                  article: floor ${fmt(c.aFloor)}, ours ${fmt(c.aOurs)}, tag rules only ${fmt(c.aNoStyles)}, regexp ${fmt(c.aRegexp)}`,
);
console.log(`  content script  ${(r.contentScript.gzipBytes / 1024).toFixed(1)} KB gzipped`);
await mkdir(path.join(ROOT, 'bench', '.results'), { recursive: true });
await writeFile(path.join(ROOT, 'bench', '.results', 'marking.json'), JSON.stringify(r, null, 2));
