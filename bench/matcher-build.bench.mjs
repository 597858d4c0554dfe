// What a user's own terms cost the page: building the matcher from the catalogue plus 10,000 user
// aliases, against the catalogue alone (the baseline, same run), and restoring the same matcher
// from its compiled, serialised form (what a content script would read from extension storage).
// Usage: node bench/matcher-build.bench.mjs
import { importProductModule } from '../tests/e2e/harness.mjs';
import { rng } from './page-generator.mjs';

const { TERM_FORMS } = await importProductModule('lib/terms/catalogue-forms.ts');
const { createTermMatcher } = await importProductModule('lib/terms/patterns.ts');
const matcherModule = await importProductModule('lib/terms/matcher.ts');
const { Matcher, serializeMatcher, deserializeMatcher } = matcherModule;

const USER_ALIASES = 10_000;
const ROUNDS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// user terms shaped like real names: 3–8 characters from the catalogue's own characters plus a
// suffix of the shapes programmes take, 1,000 terms with 10 aliases each
const random = rng(7);
const chars = [...new Set(TERM_FORMS.flatMap((t) => [...t.canonical]).filter((c) => /[\u4e00-\u9fff]/u.test(c)))];
const suffixes = ['工程', '计划', '行动', '体系', '机制', '中心', '试点', ''];
const pick = (list) => list[Math.floor(random() * list.length)];
const userTerms = [];
const seen = new Set();
for (let t = 0; userTerms.length * 10 < USER_ALIASES; t++) {
  const aliases = [];
  while (aliases.length < 10) {
    const length = 3 + Math.floor(random() * 6);
    let name = '';
    for (let i = 0; i < length; i++) name += pick(chars);
    name += pick(suffixes);
    if (seen.has(name)) continue;
    seen.add(name);
    aliases.push(name);
  }
  userTerms.push({ id: `user-${t}`, canonical: aliases[0], aliases: aliases.slice(1) });
}
const withUser = [...TERM_FORMS, ...userTerms];

function time(fn) {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const baseline = [];
const build = [];
const restore = [];
const serialise = [];
// the common case: a handful of user terms, restored from storage instead of built
const few = [...TERM_FORMS, ...userTerms.slice(0, 5)];
const storedFew = serializeMatcher(createTermMatcher(few).compile());
const restoreFew = [];
let stored = '';
for (let round = 0; round < ROUNDS; round++) {
  baseline.push(time(() => createTermMatcher(TERM_FORMS)).ms);
  const built = time(() => createTermMatcher(withUser));
  build.push(built.ms);
  const s = time(() => serializeMatcher(built.value.compile()));
  serialise.push(s.ms);
  stored = s.value;
  restore.push(time(() => Matcher.fromCompiled(deserializeMatcher(stored))).ms);
  restoreFew.push(time(() => Matcher.fromCompiled(deserializeMatcher(storedFew))).ms);
}
const b = median(baseline);
console.log(`matcher build, median of ${ROUNDS} rounds (Node ${process.version}):`);
console.log(`  catalogue only (${TERM_FORMS.length} terms)           ${b.toFixed(1)} ms  (baseline)`);
console.log(
  `  catalogue + ${USER_ALIASES} user aliases          ${median(build).toFixed(1)} ms  (${(median(build) / b).toFixed(1)}× baseline)`,
);
console.log(
  `  compile + serialise                     ${median(serialise).toFixed(1)} ms  (${(median(serialise) / b).toFixed(1)}× baseline), ${(stored.length / 1024).toFixed(0)} KiB`,
);
console.log(
  `  restore from serialised form            ${median(restore).toFixed(1)} ms  (${(median(restore) / b).toFixed(1)}× baseline, ${(median(restore) / median(build)).toFixed(2)}× a full build)`,
);
console.log(
  `  restore, catalogue + 50 user aliases   ${median(restoreFew).toFixed(1)} ms  (${(median(restoreFew) / b).toFixed(2)}× baseline), ${(storedFew.length / 1024).toFixed(0)} KiB`,
);
