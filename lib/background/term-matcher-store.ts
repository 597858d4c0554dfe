import { browser } from 'wxt/browser';
import type { PolicyDatabase } from '../db/database';
import { applyTermChange, effectiveEntries, type TermChangeResult, userChangedTermIds } from '../db/term-hits';
import { CATALOGUE } from '../terms/catalogue';
import { TERM_FORMS } from '../terms/catalogue-forms';
import { buildStoredMatcher, bundledPrint, USER_MATCHER_KEY } from '../terms/user-matcher';

// Browser glue for the user's terms: extension-origin code (terms page, background) calls these
// after writing a term; the stored matcher reaches every open tab through storage.onChanged.

/** Compiles the effective catalogue into extension storage, or removes it when nothing is the user's. */
export async function publishTermMatcher(db: PolicyDatabase): Promise<void> {
  if ((await userChangedTermIds(db)).length === 0) {
    await browser.storage.local.remove(USER_MATCHER_KEY);
    return;
  }
  const entries = await effectiveEntries(db, CATALOGUE);
  await browser.storage.local.set({ [USER_MATCHER_KEY]: buildStoredMatcher(TERM_FORMS, entries) });
}

/** After a user's change to these terms: their hits over the library, then the pages' matcher. */
export async function termsChanged(db: PolicyDatabase, termIds: readonly string[]): Promise<TermChangeResult> {
  const result = await applyTermChange(db, CATALOGUE, termIds);
  await publishTermMatcher(db);
  return result;
}

/** On worker start: a stored matcher built over an older bundled catalogue is rebuilt. */
export async function refreshTermMatcher(db: PolicyDatabase): Promise<void> {
  const stored = (await browser.storage.local.get(USER_MATCHER_KEY))[USER_MATCHER_KEY] as
    | { bundled?: unknown }
    | undefined;
  const changed = (await userChangedTermIds(db)).length > 0;
  if (changed === (stored !== undefined) && (!stored || stored.bundled === bundledPrint(TERM_FORMS))) return;
  await publishTermMatcher(db);
}
