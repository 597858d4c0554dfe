// Bundled into the library benchmark page (esbuild, IIFE): a generated library in IndexedDB built
// with the product's own code (buildReport, putUserReport, searchPassages), and MiniSearch with a
// Chinese bigram tokenizer over the same passages, in the same page.
import MiniSearch from 'minisearch';
import { buildReport } from '../lib/corpus/report-build';
import { PolicyDatabase } from '../lib/db/database';
import { putUserReport } from '../lib/db/library';
import { searchPassages } from '../lib/search/passage-search';
import { CATALOGUE } from '../lib/terms/catalogue';
import { createTermMatcher, termKeys } from '../lib/terms/patterns';
import { normalizeKey } from '../lib/text/fold';

let db: PolicyDatabase | null = null;
let mini: MiniSearch | null = null;
let sentences: string[] = [];
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** One report's text: `passages` paragraphs of ~200 characters recombined from the seed sentences. */
function reportText(passages: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < passages; i++) {
    let text = '';
    while (text.length < 200) text += sentences[Math.floor(random() * sentences.length)];
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

const bigramTokens = (text: string) => {
  const key = normalizeKey(text);
  const out: string[] = [];
  for (let i = 0; i + 1 < key.length; i++) out.push(key.slice(i, i + 2));
  return out;
};

const LEVELS = ['national', 'provincial', 'municipal'] as const;

const bench = {
  /** Builds `reports` reports of `perReport` passages with the product's build, and MiniSearch over the same passages. */
  async load(seedSentences: string[], reports: number, perReport: number) {
    sentences = seedSentences;
    await new PolicyDatabase('library-bench').delete();
    db = new PolicyDatabase('library-bench');
    const matcher = createTermMatcher(CATALOGUE);
    await db.terms.bulkPut(CATALOGUE.map((t) => ({ ...t, keys: termKeys(t), hitCount: 0 })));
    const docs: { id: string; text: string }[] = [];
    let buildMs = 0;
    let writeMs = 0;
    for (let start = 0; start < reports; start += 50) {
      const batch: ReturnType<typeof buildReport>[] = [];
      const t0 = performance.now();
      for (let r = start; r < Math.min(reports, start + 50); r++) {
        const level = LEVELS[r % 3] as (typeof LEVELS)[number];
        const meta = {
          id: `user-bench-${r}`,
          title: `生成的报告 ${r}`,
          issuer: '示例卫生健康委',
          level,
          region: '示例',
          date: `20${10 + (r % 15)}-01-01`,
          description: '',
        };
        const built = buildReport(meta, reportText(perReport), matcher, 'user');
        batch.push(built);
        for (const p of built.passages) docs.push({ id: p.id, text: p.text });
      }
      const t1 = performance.now();
      await db.transaction('rw', [db.reports, db.passages, db.sections, db.termHits, db.postings], async () => {
        for (const built of batch) {
          await db?.reports.put(built.report);
          await db?.sections.bulkPut(built.sections);
          await db?.passages.bulkPut(built.passages);
          await db?.termHits.bulkPut(built.hits);
          await db?.postings.bulkPut(built.postings);
        }
      });
      buildMs += t1 - t0;
      writeMs += performance.now() - t1;
    }
    await db.meta.put({ key: 'corpusVersion', value: 'bench' });
    const t2 = performance.now();
    mini = new MiniSearch({ fields: ['text'], idField: 'id', tokenize: bigramTokens, processTerm: (t) => t });
    mini.addAll(docs);
    return {
      passages: docs.length,
      postings: await db.postings.count(),
      buildMs,
      writeMs,
      miniIndexMs: performance.now() - t2,
    };
  },

  async ours(query: string, rounds: number) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const result = await searchPassages(db as PolicyDatabase, query, {}, 30);
      times.push(performance.now() - t0);
      total = result.total;
    }
    return { times, total };
  },

  /**
   * MiniSearch: every bigram of the query required (AND). Its time is the index lookup alone, no
   * substring confirmation and no passage load, so it is a lower bound for an engine-based search.
   */
  mini(query: string, rounds: number) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      total = (mini as MiniSearch).search(query, { combineWith: 'AND', prefix: false, fuzzy: false }).length;
      times.push(performance.now() - t0);
    }
    return { times, total };
  },

  /** Adds one report of `passages` passages through the product's putUserReport (ingest, hits, postings, write). */
  async addOne(passages: number) {
    const t0 = performance.now();
    const id = `user-added-${Math.floor(random() * 1e9)}`;
    await putUserReport(db as PolicyDatabase, {
      meta: {
        id,
        title: '新增报告',
        issuer: '示例',
        level: 'provincial',
        region: '示例',
        date: '2025-01-01',
        description: '',
      },
      text: reportText(passages),
    });
    return performance.now() - t0;
  },
};

(window as unknown as { __libraryBench: typeof bench }).__libraryBench = bench;
