import { reportHits } from '../corpus/report-build';
import { effectiveForms } from '../terms/effective';
import { createTermMatcher, termKeys } from '../terms/patterns';
import { allForms } from '../terms/term-data';
import type { TermEntry, TermForms } from '../terms/types';
import type { PolicyDatabase } from './database';
import type { PassageRecord, TermHitRecord, TermRecord, UserTermRecord } from './records';
import { applyHitDelta } from './report-term-counts';

// A user's change to one term (added, aliases edited, hidden, deleted) is written into the corpus
// tables at once and for that term only: a re-seed would rebuild every report. Only the passages
// the term's old or new forms touch are matched again, with the whole effective catalogue, so the
// stored hits stay what a full rebuild would give (leftmost-longest: a longer user form can take
// a passage's occurrence from a bundled term, and a removed alias gives it back).

/** The tables a term change reads and writes; seeding's transaction must include them all. */
export const TERM_CHANGE_TABLES = [
  'terms',
  'termHits',
  'reportTermCounts',
  'passages',
  'reports',
  'userTerms',
  'termOverrides',
  'hiddenTerms',
] as const;

/** A stored user term as a catalogue entry: variants expanded, the shape of the `terms` rows. */
export function userTermEntry(record: UserTermRecord): TermEntry {
  const { keys: _k, pinyin: _p, createdAt: _c, updatedAt: _u, variants: _v, ...entry } = record;
  return { ...entry, aliases: allForms(record).slice(1) };
}

/** Bundled entries with the user's overrides, minus hidden ones, plus the user's terms. */
export async function effectiveEntries(db: PolicyDatabase, bundled: readonly TermEntry[]): Promise<TermEntry[]> {
  const [users, overrides, hidden] = await Promise.all([
    db.userTerms.toArray(),
    db.termOverrides.toArray(),
    db.hiddenTerms.toArray(),
  ]);
  const entries = new Map<string, TermEntry>();
  for (const term of bundled) entries.set(term.id, term);
  for (const user of users) entries.set(user.id, userTermEntry(user));
  const forms = effectiveForms(
    bundled,
    users.map((u) => entries.get(u.id) as TermEntry),
    overrides,
    hidden.map((h) => h.termId),
  );
  return forms.map((f) => ({ ...(entries.get(f.id) as TermEntry), aliases: [...f.aliases] }));
}

/** The ids of every term the user has touched: what a re-seed must re-apply. */
export async function userChangedTermIds(db: PolicyDatabase): Promise<string[]> {
  const ids = new Set<string>();
  for (const id of await db.userTerms.toCollection().primaryKeys()) ids.add(id);
  for (const id of await db.termOverrides.toCollection().primaryKeys()) ids.add(id);
  for (const id of await db.hiddenTerms.toCollection().primaryKeys()) ids.add(id);
  return [...ids];
}

export interface TermChangeResult {
  /** Passages matched again. */
  passages: number;
  /** Hits of the changed terms after the change, by term id. */
  hits: Record<string, number>;
}

/**
 * Recomputes the hits of the given terms over every passage of the library (bundled reports and
 * the user's) and writes them, with the terms' rows, in one transaction. A term no longer in the
 * effective catalogue (hidden, deleted) loses its row and its hits.
 */
export async function applyTermChange(
  db: PolicyDatabase,
  bundled: readonly TermEntry[],
  termIds: readonly string[],
): Promise<TermChangeResult> {
  return db.transaction('rw', [...TERM_CHANGE_TABLES], async () => {
    const changed = new Set(termIds);
    const entries = await effectiveEntries(db, bundled);
    const current = entries.filter((e) => changed.has(e.id));

    // passages the changed terms occur in now (their own small matcher) or held hits of them before
    const affected = new Set<string>();
    const oldHits: TermHitRecord[] = [];
    for (const id of changed) oldHits.push(...(await db.termHits.where('termId').equals(id).toArray()));
    for (const hit of oldHits) affected.add(hit.passageId);
    if (current.length > 0) {
      const probe = createTermMatcher(current, { context: 'known' });
      await db.passages.each((passage) => {
        if (!affected.has(passage.id) && probe.findAll(passage.text).length > 0) affected.add(passage.id);
      });
    }

    const passages = (await db.passages.bulkGet([...affected])).filter((p): p is PassageRecord => p !== undefined);
    const reports = new Map((await db.reports.toArray()).map((r) => [r.id, r]));
    const matcher = createTermMatcher(entries as readonly TermForms[], { context: 'known' });
    const before: TermHitRecord[] = [];
    const after: TermHitRecord[] = [];
    for (const passage of passages) {
      before.push(...(await db.termHits.where('passageId').equals(passage.id).toArray()));
      const report = reports.get(passage.reportId);
      if (report) after.push(...reportHits(report, [passage], matcher));
    }
    await db.termHits.bulkDelete(before.map((h) => [h.termId, h.passageId] as [string, string]));
    await db.termHits.bulkPut(after);
    await applyHitDelta(db, before, after);

    // hit counts (passages per term) of every term whose hits moved: counted on the termId index
    const touched = new Set([...before, ...after].map((h) => h.termId));
    const byId = new Map(entries.map((e) => [e.id, e]));
    const rows: TermRecord[] = [];
    for (const id of new Set([...touched, ...changed])) {
      const entry = byId.get(id);
      if (!entry) continue;
      const stored = await db.terms.get(id);
      // a changed term's row is rewritten from its entry; another term keeps its row (its prose)
      const base = changed.has(id) || !stored ? entry : stored;
      rows.push({ ...base, keys: termKeys(entry), hitCount: await countHits(db, id) });
    }
    await db.terms.bulkPut(rows);
    const gone = [...changed].filter((id) => !byId.has(id));
    await db.terms.bulkDelete(gone);

    const hits: Record<string, number> = {};
    for (const id of changed) hits[id] = await countHits(db, id);
    return { passages: passages.length, hits };
  });
}

function countHits(db: PolicyDatabase, termId: string): Promise<number> {
  return db.termHits.where('termId').equals(termId).count();
}
