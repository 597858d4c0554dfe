import { buildCorpus } from '../corpus/build';
import { bundledCorpusInput } from '../corpus/bundled';
import type { PolicyDatabase } from '../db/database';
import { type SeedOutcome, seedCorpus } from '../db/seed';

let pending: Promise<SeedOutcome> | null = null;

/**
 * Seeds the bundled corpus if the database does not hold this version yet. The service worker may
 * be woken by a message before onInstalled has finished, so every entry point awaits this; the
 * version check lives in the database, not in memory, because the worker stops when idle.
 */
export function ensureSeeded(db: PolicyDatabase): Promise<SeedOutcome> {
  pending ??= seedCorpus(db, buildCorpus(bundledCorpusInput())).catch((error: unknown) => {
    pending = null; // let the next caller retry
    throw error;
  });
  return pending;
}
