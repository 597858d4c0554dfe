// Bundled into the search benchmark page (esbuild, IIFE): the product's passage search over a
// generated corpus in IndexedDB, next to plain Fuse.js over the same texts, in the same page.
import Fuse from 'fuse.js';
import { reportPostings } from '../lib/corpus/report-build';
import { PolicyDatabase } from '../lib/db/database';
import { assignPassageNumbers, writeSegment } from '../lib/db/postings';
import type { PassageRecord, ReportRecord } from '../lib/db/records';
import { searchPassages } from '../lib/search/passage-search';

let db: PolicyDatabase | null = null;
let texts: { id: string; text: string }[] = [];
let fuse: Fuse<{ id: string; text: string }> | null = null;

const bench = {
  async load(reports: ReportRecord[], passages: PassageRecord[]) {
    const t0 = performance.now();
    await new PolicyDatabase('search-bench').delete();
    db = new PolicyDatabase('search-bench');
    const byReport = new Map<string, PassageRecord[]>();
    for (const p of passages) byReport.set(p.reportId, [...(byReport.get(p.reportId) ?? []), p]);
    const d = db;
    await d.transaction('rw', [d.reports, d.passages, d.segments, d.shards, d.meta], async () => {
      // reports hold their passages' seqs 0..n-1, so passage numbers follow seq
      const stored = reports.map((r) => ({
        ...r,
        passageCount: Math.max(...(byReport.get(r.id) ?? []).map((p) => p.seq)) + 1,
      }));
      await assignPassageNumbers(d, stored);
      await d.reports.bulkPut(stored);
      await d.passages.bulkPut(passages);
      await writeSegment(
        d,
        stored.map((report) => ({ report, postings: reportPostings(report.id, byReport.get(report.id) ?? []) })),
      );
    });
    texts = passages.map((p) => ({ id: p.id, text: p.text }));
    const t1 = performance.now();
    fuse = new Fuse(texts, { keys: ['text'], ignoreLocation: true, includeScore: true });
    return { indexMs: t1 - t0, fuseIndexMs: performance.now() - t1 };
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

  fuse(query: string, rounds: number) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      total = (fuse as Fuse<{ id: string; text: string }>).search(query).length;
      times.push(performance.now() - t0);
    }
    // what a reader expects: the passages that contain the query
    const truth = texts.filter((t) => t.text.includes(query)).length;
    return { times, total, truth };
  },
};

(window as unknown as { __searchBench: typeof bench }).__searchBench = bench;
