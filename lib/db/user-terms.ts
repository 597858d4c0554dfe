import { allForms, termProblems } from '../terms/term-data';
import type { TermData, TermForms } from '../terms/types';
import { normalizeKey } from '../text/fold';
import type { PolicyDatabase } from './database';
import type { UserTermRecord } from './records';

// The user's terms and their changes to bundled ones (schema v5). Every write is checked first
// and is one transaction: a term whose form another term already owns is refused with the
// conflict named, never stored half.

export interface SaveResult {
  ok: boolean;
  problems: string[];
}

/** Adds or replaces a user term; `known` are the other terms' forms (bundled, effective). */
export async function saveUserTerm(
  db: PolicyDatabase,
  term: TermData,
  pinyin: readonly string[],
  known: readonly TermForms[],
  now = Date.now(),
): Promise<SaveResult> {
  const problems = termProblems(term);
  if (term.source === 'bundled') problems.push('source: a user term is user or discovered');
  if (problems.length > 0) return { ok: false, problems };
  const keys = [...new Set(allForms(term).map(normalizeKey))];
  return db.transaction('rw', db.userTerms, async () => {
    const clashes: string[] = [];
    for (const other of known) {
      if (other.id === term.id) continue;
      const theirs = new Set([other.canonical, ...other.aliases].map(normalizeKey));
      for (const key of keys) if (theirs.has(key)) clashes.push(`“${key}” is already a name of ${other.canonical}`);
    }
    for (const key of keys) {
      const owners = await db.userTerms.where('keys').equals(key).toArray();
      for (const owner of owners)
        if (owner.id !== term.id) clashes.push(`“${key}” is already a name of ${owner.canonical}`);
    }
    if (clashes.length > 0) return { ok: false, problems: clashes };
    const previous = await db.userTerms.get(term.id);
    const record: UserTermRecord = {
      ...term,
      keys,
      pinyin: [...pinyin],
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    await db.userTerms.put(record);
    return { ok: true, problems: [] };
  });
}

export function setTermOverride(
  db: PolicyDatabase,
  termId: string,
  addAliases: readonly string[],
  removeAliases: readonly string[],
  now = Date.now(),
): Promise<string> {
  // an override that changes nothing is removed: the term is the bundled one again
  if (addAliases.length === 0 && removeAliases.length === 0) return db.termOverrides.delete(termId).then(() => termId);
  return db.termOverrides.put({
    termId,
    addAliases: [...addAliases],
    removeAliases: [...removeAliases],
    updatedAt: now,
  });
}

export function hideTerm(db: PolicyDatabase, termId: string, now = Date.now()): Promise<string> {
  return db.hiddenTerms.put({ termId, hiddenAt: now });
}

export function dismissCandidate(db: PolicyDatabase, name: string, now = Date.now()): Promise<string> {
  return db.dismissedCandidates.put({ key: normalizeKey(name), name, dismissedAt: now });
}

export function unhideTerm(db: PolicyDatabase, termId: string): Promise<void> {
  return db.hiddenTerms.delete(termId);
}

export function deleteUserTerm(db: PolicyDatabase, termId: string): Promise<void> {
  return db.userTerms.delete(termId);
}
