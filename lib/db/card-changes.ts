import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/**
 * The tables a hover card is computed from (lib/db/term-card.ts): the term's row, its hits, and
 * the passages and reports they point to. Every write path that can change a card (seeding and
 * re-seeding, the catalogue text refresh, the user's reports added, edited, deleted and restored,
 * the user's terms, aliases and hidden terms, a backup restore, a schema upgrade) writes one of
 * these, in the same transaction as everything else it changes.
 */
export const CARD_TABLES: ReadonlySet<string> = new Set(['terms', 'termHits', 'passages', 'reports']);

/**
 * A Dexie middleware that calls `changed` once after each committed transaction that wrote to a
 * card table. Watching the tables, not the callers, means no write path can forget to invalidate
 * the cached cards; a transaction that writes nothing there (a clipping, a setting, the seeding
 * check on every worker start, a search-index merge) leaves them alone. Called after the commit, so
 * a card computed after the call reads the new rows; an aborted transaction changes nothing.
 */
export function cardChangesMiddleware(changed: () => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'cardChanges',
    create(down) {
      const watched = new WeakSet<object>();
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!CARD_TABLES.has(name)) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              // the core's transaction is the IDBTransaction itself (also in upgrades)
              const trans = req.trans as unknown as EventTarget;
              if (!watched.has(trans)) {
                watched.add(trans);
                trans.addEventListener('complete', () => changed(), { once: true });
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
