// Validates seeds/catalogue.json and writes lib/terms/catalogue-forms.ts (forms only) and
// lib/terms/catalogue-matcher.ts (the packed matcher and names, for the content script), then regenerates what depends on the forms: the traditional-script fold table
// (scripts/trad-fold.mjs) and the pinyin table for search (scripts/term-pinyin.mjs).
// `--check` only reports whether the generated modules are current.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTs, ROOT } from './product-module.mjs';

const build = await importTs('lib/terms/catalogue-build.ts');
const matcherBuild = await importTs('lib/terms/catalogue-matcher-build.ts');
const catalogueText = readFileSync(path.join(ROOT, build.CATALOGUE_PATH), 'utf8');
const modulePath = path.join(ROOT, build.FORMS_MODULE_PATH);
if (process.argv.includes('--check')) {
  const problems = [
    ...build.catalogueBuildProblems(catalogueText, readFileSync(modulePath, 'utf8')),
    ...matcherBuild.matcherModuleProblems(
      catalogueText,
      readFileSync(path.join(ROOT, matcherBuild.MATCHER_MODULE_PATH), 'utf8'),
    ),
  ];
  for (const p of problems) console.error(p);
  process.exit(problems.length === 0 ? 0 : 1);
}
let forms;
try {
  forms = build.catalogueFormsOf(JSON.parse(catalogueText));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
writeFileSync(modulePath, build.renderFormsModule(forms));
console.log(
  `${forms.length} terms, ${forms.reduce((n, t) => n + 1 + t.aliases.length, 0)} forms → ${build.FORMS_MODULE_PATH}`,
);
writeFileSync(path.join(ROOT, matcherBuild.MATCHER_MODULE_PATH), matcherBuild.renderMatcherModule(forms));
console.log(`packed matcher → ${matcherBuild.MATCHER_MODULE_PATH}`);
for (const script of ['scripts/trad-fold.mjs', 'scripts/term-pinyin.mjs'])
  execFileSync(process.execPath, [path.join(ROOT, script)], { stdio: 'inherit' });
