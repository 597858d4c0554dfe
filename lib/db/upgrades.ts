import type { Transaction } from 'dexie';
import { dedupKey } from '../clippings/keys';
import type { ClippingRecord } from './records';

/**
 * Data upgrades, by the schema version that introduced them (SCHEMA_HISTORY declares the stores).
 * Like the history, an upgrade is never edited once shipped: a browser holding an older version
 * runs every later upgrade in order.
 */
export const SCHEMA_UPGRADES: Readonly<Record<number, (tx: Transaction) => Promise<unknown>>> = {
  // v2: clippings gain their duplicate key, and format 2.
  2: (tx) =>
    tx
      .table<ClippingRecord, string>('clippings')
      .toCollection()
      .modify((c) => {
        c.tags ??= [];
        c.terms ??= [];
        c.note ??= '';
        c.dedupKey = dedupKey(c);
        c.format = 2;
      }),
  // v4: reports before v4 were all bundled. Frozen: writes the literal, calls nothing live.
  4: (tx) =>
    tx
      .table<{ source?: string }, string>('reports')
      .toCollection()
      .modify((r) => {
        r.source ??= 'bundled';
      }),
};
