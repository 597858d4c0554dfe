import type { Transaction } from 'dexie';
import { v2DedupKey } from './frozen/v2-dedup-key';
import type { ClippingRecord } from './records';

/** Where an upgrade keeps the clippings it could not convert, for the clippings page to offer back. */
export const SET_ASIDE_KEY = 'clippings.setAside';

export interface SetAsideClipping {
  /** The record exactly as it was stored. */
  record: unknown;
  /** The schema version whose upgrade set it aside, and why. */
  version: number;
  reason: string;
  at: number;
}

const stringList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));

/**
 * What makes a stored v1 clipping impossible to convert: the v2 key needs a string quote, and the
 * pages call string methods on tags, terms and note. Anything else the upgrade fills or keeps.
 */
function v1Problem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not an object';
  const c = raw as Record<string, unknown>;
  if (typeof c.id !== 'string') return 'id is not a string';
  if (c.kind !== 'page' && c.kind !== 'passage') return 'kind is neither "page" nor "passage"';
  if (typeof c.quote !== 'string') return 'quote is not a string';
  if (!stringList(c.tags)) return 'tags is not a list of strings';
  if (!stringList(c.terms)) return 'terms is not a list of strings';
  if (c.note !== undefined && typeof c.note !== 'string') return 'note is not a string';
  return null;
}

/** Appends records to the set-aside list in the settings store (user data, like the clippings). */
async function setAside(tx: Transaction, items: SetAsideClipping[]): Promise<void> {
  if (items.length === 0) return;
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const before = (await settings.get(SET_ASIDE_KEY))?.value;
  const list = Array.isArray(before) ? (before as SetAsideClipping[]) : [];
  await settings.put({ key: SET_ASIDE_KEY, value: [...list, ...items] });
}

/**
 * Data upgrades, by the schema version that introduced them (SCHEMA_HISTORY declares the stores).
 * Like the history, an upgrade is frozen once shipped: it calls only code frozen with it (never a
 * live helper whose behaviour may change), because a browser holding an older version runs every
 * later upgrade in order, possibly years later.
 *
 * One malformed record must not block the upgrade of all the others (Dexie aborts the whole
 * upgrade, and the database never opens, when the callback throws): such a record is taken out of
 * its table and kept, as it was, under SET_ASIDE_KEY in settings; the clippings page tells the user
 * and offers it as a file. A browser where the v2 upgrade once succeeded had no such record, so
 * the records it converted are converted exactly as before.
 */
export const SCHEMA_UPGRADES: Readonly<Record<number, (tx: Transaction) => Promise<unknown>>> = {
  // v2: clippings gain their duplicate key (frozen v2 normalisation), and format 2.
  2: async (tx) => {
    const table = tx.table<ClippingRecord, string>('clippings');
    const all: unknown[] = await table.toArray();
    const converted: ClippingRecord[] = [];
    const aside: SetAsideClipping[] = [];
    const at = Date.now();
    for (const raw of all) {
      const problem = v1Problem(raw);
      if (problem) {
        aside.push({ record: raw, version: 2, reason: problem, at });
        continue;
      }
      const c = { ...(raw as ClippingRecord) };
      c.tags ??= [];
      c.terms ??= [];
      c.note ??= '';
      c.dedupKey = v2DedupKey(c);
      c.format = 2;
      converted.push(c);
    }
    await table.bulkPut(converted);
    const primaryKeys = await table.toCollection().primaryKeys();
    const kept = new Set(converted.map((c) => c.id));
    // a record with a malformed id still has a primary key: remove by key, never by field
    await table.bulkDelete(primaryKeys.filter((k) => !kept.has(k as string)));
    await setAside(tx, aside);
  },
  // v4: reports before v4 were all bundled. Frozen: writes the literal, calls nothing live.
  4: (tx) =>
    tx
      .table<{ source?: string }, string>('reports')
      .toCollection()
      .modify((r) => {
        r.source ??= 'bundled';
      }),
  // v7: every report's term counts (passages per term), counted from its stored hits. Frozen:
  // reads the v6 stores and writes literals, calls no live helper; a report without hits gets an
  // empty row, a hit of no stored report is not counted (no report column shows it).
  7: async (tx) => {
    const reportIds = (await tx.table('reports').toCollection().primaryKeys()) as string[];
    const rows = new Map<string, { reportId: string; counts: Record<string, number> }>();
    for (const reportId of reportIds) rows.set(reportId, { reportId, counts: {} });
    await tx.table<{ termId: string; reportId: string }>('termHits').each((hit) => {
      const row = rows.get(hit.reportId);
      if (row) row.counts[hit.termId] = (row.counts[hit.termId] ?? 0) + 1;
    });
    await tx.table('reportTermCounts').bulkPut([...rows.values()]);
  },
};
