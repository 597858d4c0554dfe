// A sampling CPU profile (CDP Profiler) of the product's scanner on the marking bench's pages, for
// finding where the time goes: self time per function, summed over fresh loads.
// Usage: node bench/marking.profile.mjs [page|article] [loads]
import { bundleForPage, importProductModule, launchBrowser, ROOT, serveStatic } from '../tests/e2e/harness.mjs';
import { generateArticle, generatePage } from './page-generator.mjs';

const which = process.argv[2] ?? 'page';
const loads = Number(process.argv[3] ?? 3);
const { TERM_FORMS } = await importProductModule('lib/terms/catalogue-forms.ts');
const forms = TERM_FORMS.flatMap((t) => [t.canonical, ...t.aliases].map((form) => ({ termId: t.id, form })));
const html =
  which === 'article' ? generateArticle({ root: ROOT, forms }).html : generatePage({ root: ROOT, forms }).html;
const benchJs = await bundleForPage('bench/bench-entry.ts');
const server = await serveStatic({
  '/page.html': html,
  '/bench.js': { body: benchJs, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
});
const browser = await launchBrowser();
const self = new Map();
let total = 0;
try {
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/page.html`);
    await page.addScriptTag({ url: '/bench.js' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const r = await page.evaluate(() => window.__pcrBench.ours());
    const { profile } = await cdp.send('Profiler.stop');
    console.error(`load ${i}: total ${r.total.toFixed(1)} ms, longest ${r.longest.toFixed(1)} ms, ${r.count} marks`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let k = 0; k < profile.samples.length; k++) {
      const id = profile.samples[k];
      dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
    }
    for (const [id, ms] of dt) {
      const f = byId.get(id).callFrame;
      if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
      const key = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    }
    await cdp.detach();
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`sampled ${(total / loads).toFixed(1)} ms per load (self time, per load):`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${(ms / loads).toFixed(2).padStart(8)}  ${k}`);
