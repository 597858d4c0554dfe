import { buildCorpus, catalogueTextVersion, corpusVersion } from '../corpus/build';
import { bundledCorpusInput } from '../corpus/bundled';
import type { PolicyDatabase } from '../db/database';
import { corpusReady } from '../db/queries';
import { corpusIsCurrent, refreshTermText, type SeedOutcome, seedCorpus } from '../db/seed';

let pending: Promise<SeedOutcome> | null = null;

/**
 * Seeds the bundled corpus if the database does not hold this version yet. The service worker may
 * be woken by a message before onInstalled has finished, so every entry point awaits this; the
 * version check lives in the database, not in memory, because the worker stops when idle. The
 * version is a hash of the inputs, checked before the (expensive) build.
 */
export function ensureSeeded(db: PolicyDatabase): Promise<SeedOutcome> {
  pending ??= (async (): Promise<SeedOutcome> => {
    const input = bundledCorpusInput();
    if (await corpusIsCurrent(db, corpusVersion(input)))
      return refreshTermText(db, input.catalogue, catalogueTextVersion(input));
    return seedCorpus(db, buildCorpus(input));
  })().catch((error: unknown) => {
    pending = null; // let the next caller retry
    throw error;
  });
  return pending;
}

/**
 * Resolves once the database holds a corpus to answer from: at once when it holds one, of whatever
 * version (a re-seed replaces it in one transaction, so a reader sees the old corpus or the new,
 * never half), otherwise when seeding is done. For lookups someone waits on, such as the hover
 * card right after the worker started: they skip the version check (a hash of every bundled text)
 * and do not queue behind the catalogue-text refresh.
 */
export async function corpusAvailable(db: PolicyDatabase): Promise<void> {
  if (!(await corpusReady(db))) await ensureSeeded(db);
}
