// Fails when package-lock.json lacks an optional dependency of a locked package (for example the
// other platforms' native builds of biome, rollup or esbuild). npm 11 writes such a lockfile when it
// updates one in place from an existing node_modules, and `npm ci` then rejects it as out of sync on
// every machine. Remedy: regenerate from a clean state (no node_modules, no lockfile):
//   mkdir /tmp/lock && cp package.json /tmp/lock && (cd /tmp/lock && npm install --package-lock-only --ignore-scripts)
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const packages = lock.packages ?? {};

/** npm resolves a dependency from the requiring package's folder upwards to the root. */
function resolves(fromPath, name) {
  let dir = fromPath;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

const missing = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(path, name)) missing.push(`${path || '(root)'} → ${name}`);
  }
}

if (missing.length > 0) {
  console.error(`package-lock.json lacks ${missing.length} optional dependencies:`);
  for (const line of missing.slice(0, 40)) console.error(`  ${line}`);
  console.error('Regenerate it from a clean state (see scripts/check-lockfile.mjs).');
  process.exit(1);
}
console.log(`package-lock.json: every optional dependency of ${Object.keys(packages).length} entries is locked`);
