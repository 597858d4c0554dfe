import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { seedCorpus } from '../../lib/db/seed';
import { CARD_REPORT_LINES, compareReports, termCard } from '../../lib/db/term-card';
import { corpusValidators } from '../../lib/messages/corpus';
import { addLibrary, largeLibrary } from './fixtures/large-library';

let counter = 0;
const opened: PolicyDatabase[] = [];
let corpus: ReturnType<typeof buildCorpus>;

beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

async function seeded(): Promise<PolicyDatabase> {
  const db = new PolicyDatabase(`term-card-test-${++counter}`);
  opened.push(db);
  await seedCorpus(db, corpus);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const LEVEL_ORDER = ['national', 'multi-provincial', 'provincial', 'municipal'];

describe('the card data', () => {
  it('gives 三医协同 in reading order: national first, newest first within a level', async () => {
    const db = await seeded();
    const card = await termCard(db, 'sanyi-xietong');
    expect(card).not.toBeNull();
    if (!card) return;
    const reports = new Map((await db.reports.toArray()).map((r) => [r.id, r]));
    const ranks = card.passages.map((p) => LEVEL_ORDER.indexOf(p.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(card.passages[0]?.level).toBe('national');
    for (let i = 1; i < card.passages.length; i++) {
      const a = card.passages[i - 1];
      const b = card.passages[i];
      if (a && b && a.level === b.level) expect(a.date >= b.date).toBe(true);
    }
    // the count lines too, each with issuer and date for its link
    expect(card.perReport.map((r) => r.reportId)).toEqual(
      [...card.perReport]
        .map((r) => reports.get(r.reportId))
        .sort((a, b) => (a && b ? compareReports(a, b) : 0))
        .map((r) => r?.id),
    );
    const hits = await db.termHits.where('termId').equals('sanyi-xietong').toArray();
    expect(card.total).toBe(hits.length);
    expect(card.reportTotal).toBe(new Set(hits.map((h) => h.reportId)).size);
  });

  it('gives each passage the sentence that holds the term, not the whole paragraph', async () => {
    const db = await seeded();
    const card = await termCard(db, 'sanyi-xietong');
    for (const p of card?.passages ?? []) {
      const sentence = p.sentence;
      expect(sentence).toBeDefined();
      if (!sentence) continue;
      const [first] = p.spans;
      expect(first).toBeDefined();
      if (!first) continue;
      // the first occurrence is inside the sentence, and the sentence is part of the paragraph
      expect(sentence.start).toBeLessThanOrEqual(first[0]);
      expect(sentence.end).toBeGreaterThanOrEqual(first[1]);
      expect(sentence.end - sentence.start).toBeLessThanOrEqual(p.text.length);
    }
    // the national report's first passage on 三医协同: a sentence, much shorter than its paragraph
    const national = card?.passages.find((p) => p.text.includes('“三医”协同发展和治理迈出新步伐'));
    expect(national?.sentence).toBeDefined();
    if (national?.sentence) {
      const shown = national.text.slice(national.sentence.start, national.sentence.end);
      expect(shown).toContain('“三医”协同发展和治理迈出新步伐');
      expect(shown.length).toBeLessThan(national.text.length / 2);
      expect(shown).not.toContain('新冠');
    }
  });

  it('stays small with 1,000 reports and ranks a level it does not know last', async () => {
    const db = await seeded();
    const library = largeLibrary(1000, 'sanyi-xietong', '三医协同');
    await addLibrary(db, library);
    const card = await termCard(db, 'sanyi-xietong');
    expect(card?.passages).toHaveLength(5);
    expect(card?.passages.every((p) => p.level === 'national')).toBe(true);
    // newest national reports first
    const dates = card?.passages.map((p) => p.date) ?? [];
    expect(dates).toEqual([...dates].sort().reverse());
    expect(card?.perReport.length).toBe(CARD_REPORT_LINES);
    expect(card?.reportTotal).toBe(1000 + 5);
    const county = library.reports.filter((r) => r.level === ('county' as string));
    expect(county.length).toBeGreaterThan(0);
    const national = library.reports.find((r) => r.level === 'national');
    if (national && county[0]) expect(compareReports(county[0], national)).toBeGreaterThan(0);
    const municipal = library.reports.find((r) => r.level === 'municipal');
    if (municipal && county[0]) expect(compareReports(county[0], municipal)).toBeGreaterThan(0);
  });

  it('validates the request that opens one report of a term', () => {
    expect(corpusValidators.openTermPage({ termId: 'sanyi-xietong' })).toEqual({ termId: 'sanyi-xietong' });
    expect(corpusValidators.openTermPage({ termId: 'sanyi-xietong', reportId: 'r1' })).toEqual({
      termId: 'sanyi-xietong',
      reportId: 'r1',
    });
    expect(corpusValidators.openTermPage({ termId: 'sanyi-xietong', reportId: 5 })).toBeNull();
    expect(corpusValidators.openTermPage({ termId: 'sanyi-xietong', reportId: 'x'.repeat(500) })).toBeNull();
  });
});
