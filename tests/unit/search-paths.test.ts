// The popup search reads as little as the page of results needs (the first passages of the
// candidates, by range per report; report rows only for hits shown; one character scanned without
// building folded strings). These tests hold it to what a search must answer, worked out the slow
// way from every stored passage: the same hits in the same order, the same spans, the same total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import type { AdminLevel } from '../../lib/corpus/types';
import { PolicyDatabase } from '../../lib/db/database';
import { deleteUserReport, putUserReport } from '../../lib/db/library';
import { mergeAllSegments } from '../../lib/db/postings';
import { seedCorpus } from '../../lib/db/seed';
import { findSpans, foldWithOffsets } from '../../lib/search/fold-map';
import { type PassageFilters, searchPassages } from '../../lib/search/passage-search';
import { normalizeKey } from '../../lib/text/fold';

function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const LEVELS: AdminLevel[] = ['national', 'provincial', 'municipal', 'county'];

/** What a search must answer, from every stored passage: hits in rank order, and the total. */
async function expected(db: PolicyDatabase, query: string, filters: PassageFilters, limit: number) {
  const key = normalizeKey(query);
  const reports = new Map((await db.reports.toArray()).map((r) => [r.id, r]));
  const passes = (id: string) => {
    const r = reports.get(id);
    if (!r || r.firstPn === undefined) return false;
    if (filters.reportIds?.length && !filters.reportIds.includes(r.id)) return false;
    if (filters.levels?.length && !filters.levels.includes(r.level)) return false;
    if (filters.region && !r.region.includes(filters.region)) return false;
    if (filters.year && !r.date.startsWith(filters.year)) return false;
    return true;
  };
  const grams = Array.from({ length: key.length - 1 }, (_, i) => key.slice(i, i + 2));
  const rank = (a: string, b: string) => {
    const x = reports.get(a) as { levelRank: number; date: string; id: string };
    const y = reports.get(b) as { levelRank: number; date: string; id: string };
    return x.levelRank - y.levelRank || y.date.localeCompare(x.date) || x.id.localeCompare(y.id);
  };
  const passages = (await db.passages.toArray())
    .filter((p) => passes(p.reportId))
    .sort((a, b) => rank(a.reportId, b.reportId) || a.seq - b.seq);
  const folded = passages.map((p) => foldWithOffsets(p.text).key);
  // candidates: what the bigram index gives (every bigram of the key somewhere in the passage)
  const candidates = passages.filter((_, i) => key.length === 1 || grams.every((g) => folded[i]?.includes(g)));
  const found = passages
    .map((p, i) => ({ p, hit: folded[i]?.includes(key) }))
    .filter((x) => x.hit)
    .map((x) => x.p);
  const exact = key.length <= 2 || candidates.length <= 100;
  return {
    hits: found.slice(0, limit).map((p) => ({
      id: p.id,
      report: p.reportId,
      spans: findSpans(foldWithOffsets(p.text), key),
    })),
    total: exact ? found.length : candidates.length,
    exact,
  };
}

describe('passage search reads only what the page needs, answering as a full scan would', () => {
  const db = new PolicyDatabase('search-paths-test');
  const sentences: string[] = [];

  beforeAll(async () => {
    const corpus = buildCorpus(bundledCorpusInput());
    await seedCorpus(db, corpus);
    for (const p of await db.passages.toArray())
      sentences.push(...p.text.split(/(?<=[。；！？])/u).filter((s) => s.length >= 6));
    const random = rng(17);
    // user reports of every level, some sharing a date (ties go by id), in several segments
    for (let r = 0; r < 18; r++) {
      const paragraphs = Array.from({ length: 12 + Math.floor(random() * 30) }, () => {
        let text = '';
        while (text.length < 120) text += sentences[Math.floor(random() * sentences.length)];
        return text;
      });
      await putUserReport(db, {
        meta: {
          id: `user-gen-${r}`,
          title: `生成报告 ${r}`,
          issuer: '某地卫生健康委',
          level: LEVELS[r % LEVELS.length] as AdminLevel,
          region: r % 2 ? '福建省' : '浙江省',
          date: `202${r % 4}-0${1 + (r % 3)}-01`,
          description: '',
        },
        text: paragraphs.join('\n'),
      });
    }
    // a deleted report leaves numbers in its segment that match no live report
    await deleteUserReport(db, 'user-gen-3');
    await deleteUserReport(db, 'user-gen-10');
  }, 120_000);
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  const queries = [
    '医共体',
    '县域',
    '健康',
    '医保',
    '三医协同',
    '千县工程',
    '公立医院改革',
    '医疗卫生',
    '医',
    '县',
    '疆',
    '卫生健康委员会',
    '无此词组合',
  ];
  const cases: [PassageFilters, number][] = [
    [{}, 30],
    [{}, 1],
    [{}, 7],
    [{}, 100_000],
    [{ levels: ['municipal', 'county'] }, 30],
    [{ region: '福建' }, 12],
    [{ year: '2022' }, 30],
    [{ reportIds: ['user-gen-5', 'user-gen-11'] }, 5],
  ];

  it('gives the hits, spans, totals and exactness of a full scan, over several segments', async () => {
    const seen = { inexact: 0, multiReportPages: 0, limited: 0 };
    for (const query of queries)
      for (const [filters, limit] of cases) {
        const got = await searchPassages(db, query, filters, limit);
        const want = await expected(db, query, filters, limit);
        const label = `${query} ${JSON.stringify(filters)} ${limit}`;
        expect(
          got.hits.map((h) => ({ id: h.passage.id, report: h.report.id, spans: h.spans })),
          label,
        ).toEqual(want.hits);
        expect(got.total, label).toBe(want.total);
        expect(got.exact, label).toBe(want.exact);
        // the report row shown with each hit is the passage's own
        for (const h of got.hits) expect(h.report.id).toBe(h.passage.reportId);
        if (!want.exact) seen.inexact++;
        if (new Set(want.hits.map((h) => h.report)).size > 2) seen.multiReportPages++;
        if (want.total > limit) seen.limited++;
      }
    // the cases cover an approximate total, pages spanning reports, and pages cut short by the limit
    expect(seen.inexact).toBeGreaterThan(0);
    expect(seen.multiReportPages).toBeGreaterThan(5);
    expect(seen.limited).toBeGreaterThan(5);
  }, 120_000);

  it('answers the same after every segment is merged into one', async () => {
    const before = await Promise.all(queries.map((q) => searchPassages(db, q, {}, 40)));
    await mergeAllSegments(db);
    expect(await db.segments.count()).toBe(1);
    const after = await Promise.all(queries.map((q) => searchPassages(db, q, {}, 40)));
    expect(after.map((r) => [r.total, r.exact, r.hits.map((h) => h.passage.id)])).toEqual(
      before.map((r) => [r.total, r.exact, r.hits.map((h) => h.passage.id)]),
    );
  }, 60_000);
});
