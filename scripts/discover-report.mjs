// Runs term discovery (lib/terms/discover.ts) over the five bundled reports and prints what it
// proposes: name, kind, reports, passages and an example passage.
//   node scripts/discover-report.mjs            proposals the catalogue lacks
//   node scripts/discover-report.mjs --blind    proposals with the catalogue hidden, scored against it
import { importTs } from './product-module.mjs';

let entry;
try {
  entry = await importTs('scripts/discover-entry.ts');
} catch (error) {
  console.error(String(error.message).slice(0, 2000));
  process.exit(1);
}

function print(candidates) {
  for (const [i, c] of candidates.entries()) {
    const verdict = c.verdict ? `  → ${c.verdict}` : '';
    console.log(
      `${String(i + 1).padStart(3)}. ${c.name}  [${c.kind}] reports ${c.reports}, passages ${c.passages}${verdict}`,
    );
    console.log(`     ${c.example.text.replace(/\s+/gu, ' ')}`);
  }
}

if (process.argv.includes('--blind')) {
  const { candidates, strict, loose } = entry.scoreWithoutCatalogue();
  print(candidates);
  const pct = (n) => `${((100 * n) / Math.max(1, candidates.length)).toFixed(0)} %`;
  console.log(
    `${candidates.length} proposals with the catalogue hidden: ${strict} are catalogue names (${pct(strict)}), ${loose} are or overlap one (${pct(loose)})`,
  );
} else {
  const candidates = entry.runDiscovery();
  print(candidates);
  console.log(`${candidates.length} proposals the catalogue lacks`);
}
