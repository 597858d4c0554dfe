// The packed catalogue matcher's restore time in Chromium (what every page pays before its first
// scan), this tree's against another tree's (e.g. a checkout of the commit before a format change),
// each alone in a fresh page, taking turns so both see the same machine load.
// Usage: node bench/packed-restore.bench.mjs <other tree root>
import { build } from 'esbuild';
import { launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const other = process.argv[2];
if (!other) throw new Error('usage: node bench/packed-restore.bench.mjs <other tree root>');
const REPS = 6;
const ROUNDS = 100;
const BATCH = 1;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bundle(root, name) {
  const result = await build({
    stdin: {
      contents: `import { termMatcherFromPacked } from './lib/terms/patterns';
import { CATALOGUE_MATCHER } from './lib/terms/catalogue-matcher';
globalThis.${name} = () => termMatcherFromPacked(CATALOGUE_MATCHER);`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const scripts = { other: await bundle(other, 'restoreOther'), this: await bundle(ROOT, 'restoreThis') };
const names = { other: 'restoreOther', this: 'restoreThis' };
const browser = await launchBrowser();
try {
  // each tree alone in a fresh page (two bundles in one page slow down whichever loads second),
  // the trees taking turns, several times over
  const samples = { other: [], this: [] };
  for (let rep = 0; rep < REPS; rep++)
    for (const key of rep % 2 === 0 ? ['other', 'this'] : ['this', 'other']) {
      const page = await browser.newPage();
      await page.addScriptTag({ content: scripts[key] });
      const times = await page.evaluate(
        ({ name, rounds, batch }) => {
          const restore = globalThis[name];
          for (let i = 0; i < 30; i++) restore(); // warm up
          const out = [];
          for (let i = 0; i < rounds; i++) {
            const start = performance.now();
            for (let j = 0; j < batch; j++) restore();
            out.push((performance.now() - start) / batch);
          }
          return out;
        },
        { name: names[key], rounds: ROUNDS, batch: BATCH },
      );
      await page.close();
      samples[key].push(median(times));
    }
  const show = (xs) => xs.map((x) => x.toFixed(3)).join(' ');
  console.log(`per page, median ms per restore (${ROUNDS} batches of ${BATCH}):`);
  console.log(`  this tree   ${show(samples.this)}`);
  console.log(`  other tree  ${show(samples.other)}`);
  console.log(
    `packed matcher restore, this tree / other tree: ${(median(samples.this) / median(samples.other)).toFixed(2)}×`,
  );
} finally {
  await browser.close();
}
