// Cost of the private path (entrypoints/content/mark-privacy.ts): once the user has changed the
// catalogue, every term mark is drawn as a box in our closed root, following scroll and layout
// ourselves, instead of being registered in the page's CSS.highlights. Measured on the marking
// benchmark's two generated pages (a typical ~14,000-character news article, and a ~1M-character
// page with thousands of marks): the floor (the same page in a browser without the extension),
// then the built extension with the bundled catalogue (public registry: the baseline), then after
// adding one own term (private boxes). For each: the main thread's task time from navigation until
// the scan settles, and while the page is scrolled 60 × 250 px (two frames each), with frame gaps.
// Usage: npx wxt build && node bench/private-marks.bench.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  importProductModule,
  launchBrowser,
  launchExtension,
  openExtensionPage,
  ROOT,
  serveStatic,
  waitFor,
  waitForSeeded,
} from '../tests/e2e/harness.mjs';
import { generateArticle, generatePage } from './page-generator.mjs';

const ROUNDS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

const { TERM_FORMS } = await importProductModule('lib/terms/catalogue-forms.ts');
const forms = TERM_FORMS.flatMap((t) => [t.canonical, ...t.aliases].map((form) => ({ termId: t.id, form })));
const { html } = generatePage({ root: ROOT, forms });
const article = generateArticle({ root: ROOT, forms });
const server = await serveStatic({ '/page.html': html, '/article.html': article.html });
const PAGES = ['article.html', 'page.html'];
const ext = await launchExtension();

async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
}

/** One fresh load: task time until the scan settles, then while scrolling. */
async function measure(context, file) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.url}/${file}`);
  // settled: less than 10 ms of main-thread work in a 500 ms window (the scan runs in slices)
  let last = await taskMs(cdp);
  const start = Date.now();
  for (let quiet = 0; quiet < 2 && Date.now() - start < 60_000; ) {
    await page.waitForTimeout(500);
    const now = await taskMs(cdp);
    quiet = now - last < 10 ? quiet + 1 : 0;
    last = now;
  }
  const loadTask = last;
  const before = await taskMs(cdp);
  const gaps = await page.evaluate(async () => {
    const out = [];
    scrollTo(0, 0);
    let prev = performance.now();
    for (let i = 0; i < 60; i++) {
      scrollBy(0, 250);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const now = performance.now();
      out.push(now - prev);
      prev = now;
    }
    return out;
  });
  const scrollTask = (await taskMs(cdp)) - before;
  const registered = await page.evaluate(() => CSS.highlights.get('policy-cross-ref-term')?.size ?? 0);
  await page.close();
  return { loadTask, scrollTask, gapP50: median(gaps), gapP95: pct(gaps, 95), registered };
}

async function rounds(label, context, file) {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await measure(context, file));
  const pick = (key) => median(runs.map((r) => r[key]));
  return {
    label: `${file}: ${label}`,
    loadTaskMs: pick('loadTask'),
    scrollTaskMs: pick('scrollTask'),
    frameGapP50Ms: pick('gapP50'),
    frameGapP95Ms: pick('gapP95'),
    registered: pick('registered'),
  };
}

const results = { floor: {}, public: {}, private: {} };
try {
  const plain = await launchBrowser();
  const plainContext = await plain.newContext();
  for (const file of PAGES) results.floor[file] = await rounds('no extension (floor)', plainContext, file);
  await plain.close();
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await waitForSeeded(popup, 120_000);
  await popup.close();
  for (const file of PAGES)
    results.public[file] = await rounds('bundled catalogue: public registry', ext.context, file);
  // one own term (not on the page): from now on every mark is drawn privately
  const terms = await openExtensionPage(ext.context, ext.extensionId, 'terms.html');
  await terms.fill('[data-testid="term-canonical"]', '银龄健康示范行动');
  await terms.selectOption('select', 'campaign');
  await terms.click('[data-testid="term-save"]');
  await waitFor(async () => (await terms.textContent('[data-testid="terms-message"]'))?.includes('银龄健康示范行动'), {
    what: 'saved',
  });
  await terms.close();
  for (const file of PAGES) results.private[file] = await rounds("user's catalogue: private boxes", ext.context, file);
} finally {
  await ext.close();
  await server.close();
}

const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '—');
for (const r of PAGES.flatMap((file) => [results.floor[file], results.public[file], results.private[file]])) {
  console.log(
    `${r.label.padEnd(52)} load ${r.loadTaskMs.toFixed(0)} ms, scroll 60×250px ${r.scrollTaskMs.toFixed(0)} ms, frame gap p50 ${r.frameGapP50Ms.toFixed(1)} / p95 ${r.frameGapP95Ms.toFixed(1)} ms, registered ranges ${r.registered}`,
  );
}
for (const file of PAGES) {
  const [f, pub, priv] = [results.floor[file], results.public[file], results.private[file]];
  console.log(
    `${file}: private / public: load ${ratio(priv.loadTaskMs, pub.loadTaskMs)}, scroll ${ratio(priv.scrollTaskMs, pub.scrollTaskMs)}, frame p95 ${ratio(priv.frameGapP95Ms, pub.frameGapP95Ms)}; over the floor, scroll: public +${(pub.scrollTaskMs - f.scrollTaskMs).toFixed(0)} ms, private +${(priv.scrollTaskMs - f.scrollTaskMs).toFixed(0)} ms`,
  );
}
const dir = path.join(ROOT, 'bench', '.results');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'private-marks.json'), JSON.stringify(results, null, 2));
