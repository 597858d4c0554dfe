// Bundled into the library benchmark page (esbuild, IIFE): a generated library in IndexedDB built
// with the product's own code (buildReport, putUserReport, searchPassages), and MiniSearch with a
// Chinese bigram tokenizer over the same passages, in the same page.
import MiniSearch from 'minisearch';
import { buildReport } from '../lib/corpus/report-build';
import { PolicyDatabase } from '../lib/db/database';
import { putUserReport } from '../lib/db/library';
import {
  assignPassageNumbers,
  gramLists,
  mergeSegments,
  reportDirectory,
  scheduleMerges,
  updateDirectory,
  writeSegment,
} from '../lib/db/postings';
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
    let passages = 0;
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
        passages += built.passages.length;
      }
      const t1 = performance.now();
      const d = db;
      // a batch as the seeding stores the bundled reports: rows, and one index segment for the batch
      await d.transaction(
        'rw',
        [d.reports, d.passages, d.sections, d.termHits, d.segments, d.shards, d.meta],
        async () => {
          await assignPassageNumbers(
            d,
            batch.map((b) => b.report),
          );
          for (const built of batch) {
            await d.reports.put(built.report);
            await d.sections.bulkPut(built.sections);
            await d.passages.bulkPut(built.passages);
            await d.termHits.bulkPut(built.hits);
          }
          await writeSegment(
            d,
            batch.map((b) => ({ report: b.report, postings: b.postings })),
          );
          await updateDirectory(
            d,
            batch.map((b) => b.report),
          );
        },
      );
      buildMs += t1 - t0;
      writeMs += performance.now() - t1;
    }
    await db.meta.put({ key: 'corpusVersion', value: 'bench' });
    const tm = performance.now();
    const merges = await mergeSegments(db);
    const mergeMs = performance.now() - tm;
    return {
      passages,
      segments: await db.segments.count(),
      shards: await db.shards.count(),
      buildMs,
      writeMs,
      merges,
      mergeMs,
    };
  },

  /** Opens a library an earlier `load` stored in this profile (a persistent profile reuses it across runs). */
  async attach() {
    db = new PolicyDatabase('library-bench');
    return { passages: await db.passages.count(), segments: await db.segments.count() };
  },

  /**
   * MiniSearch over the passages stored by `load` (and any added since), in its own page: its
   * in-memory index of 100,000 passages is a heap of gigabytes, whose garbage collection would
   * otherwise slow the other engine measured in the same page.
   */
  async miniLoad() {
    const d = new PolicyDatabase('library-bench');
    const docs = (await d.passages.toArray()).map((p) => ({ id: p.id, text: p.text }));
    d.close();
    const t0 = performance.now();
    mini = new MiniSearch({ fields: ['text'], idField: 'id', tokenize: bigramTokens, processTerm: (t) => t });
    mini.addAll(docs);
    return { passages: docs.length, miniIndexMs: performance.now() - t0 };
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

  /** Where a query's time goes: the index read, the reports read, one chunk of passages read (medians). */
  async phases(query: string, rounds: number) {
    const d = db as PolicyDatabase;
    const key = normalizeKey(query);
    const grams = [...new Set(Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2)))];
    const out: Record<string, number[]> = { index: [], reports: [], passages: [] };
    const ids = (await d.passages.limit(64).primaryKeys()) as string[];
    for (let i = 0; i < rounds; i++) {
      let t0 = performance.now();
      await gramLists(d, grams);
      out.index?.push(performance.now() - t0);
      t0 = performance.now();
      await reportDirectory(d);
      out.reports?.push(performance.now() - t0);
      t0 = performance.now();
      await d.passages.bulkGet(ids);
      out.passages?.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
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
    const text = reportText(passages);
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
      text,
    });
    const addMs = performance.now() - t0;
    // putUserReport scheduled the merges the add made due, after its transaction: wait for them
    const t1 = performance.now();
    await scheduleMerges(db as PolicyDatabase);
    return { addMs, mergeMs: performance.now() - t1 };
  },
};

(window as unknown as { __libraryBench: typeof bench }).__libraryBench = bench;
