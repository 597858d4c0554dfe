import { pinyin } from 'pinyin-pro';
import { termsChanged } from '../../lib/background/term-matcher-store';
import type { PolicyDatabase } from '../../lib/db/database';
import { effectiveEntries } from '../../lib/db/term-hits';
import {
  deleteUserTerm,
  dismissCandidate,
  hideTerm,
  type SaveResult,
  saveUserTerm,
  setTermOverride,
  unhideTerm,
} from '../../lib/db/user-terms';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { type GlossaryPlan, planGlossaryImport, userTermId } from '../../lib/terms/glossary';
import { pinyinKeysOf } from '../../lib/terms/pinyin';
import { allForms } from '../../lib/terms/term-data';
import type { TermCategory, TermData, TermEntry } from '../../lib/terms/types';
import { normalizeKey } from '../../lib/text/fold';

// What terms.html does to the user's terms: each write is checked and stored (lib/db/user-terms),
// then the term's hits over the library are recomputed and the pages' matcher republished.
// pinyin-pro is imported here only: this page is where user terms get their pinyin keys.

const pinyinOf = (text: string) => pinyin(text, { toneType: 'none', type: 'array' });

export interface NewTerm {
  canonical: string;
  aliases: string[];
  category: TermCategory;
  explanation: string;
}

/** Aliases as the user types them: separated by ；, ;, | or a line break, trimmed, distinct. */
export function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[；;|｜\n]/u)
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
    ),
  ];
}

export function knownTerms(db: PolicyDatabase): Promise<TermEntry[]> {
  return effectiveEntries(db, CATALOGUE);
}

async function saveAndApply(db: PolicyDatabase, term: TermData): Promise<SaveResult> {
  const known = await knownTerms(db);
  const result = await saveUserTerm(db, term, pinyinKeysOf(allForms(term), pinyinOf), known);
  if (result.ok) await termsChanged(db, [term.id]);
  return result;
}

export function addTerm(
  db: PolicyDatabase,
  input: NewTerm,
  source: 'user' | 'discovered' = 'user',
): Promise<SaveResult> {
  const canonical = input.canonical.trim();
  return saveAndApply(db, {
    id: userTermId(canonical),
    canonical,
    aliases: input.aliases.filter((a) => a !== canonical),
    category: input.category,
    explanation: input.explanation.trim(),
    explanationEn: '',
    related: [],
    source,
  });
}

/** Adds an alias to any term: a user term is saved again, a bundled one gets an override. */
export async function addAlias(db: PolicyDatabase, termId: string, alias: string): Promise<SaveResult> {
  const form = alias.trim();
  if (!form) return { ok: false, problems: ['empty'] };
  const user = await db.userTerms.get(termId);
  if (user) {
    const { keys: _k, pinyin: _p, createdAt: _c, updatedAt: _u, ...term } = user;
    return saveAndApply(db, { ...term, aliases: [...term.aliases, form] });
  }
  const key = normalizeKey(form);
  const owner = (await knownTerms(db)).find((t) => [t.canonical, ...t.aliases].some((f) => normalizeKey(f) === key));
  if (owner) return { ok: false, problems: [`“${form}” is already a name of ${owner.canonical}`] };
  const bundled = CATALOGUE.find((t) => t.id === termId);
  if (!bundled) return { ok: false, problems: ['unknown term'] };
  const override = await db.termOverrides.get(termId);
  const removed = (override?.removeAliases ?? []).filter((a) => a !== form);
  const added = bundled.aliases.includes(form) ? (override?.addAliases ?? []) : [...(override?.addAliases ?? []), form];
  await setTermOverride(db, termId, added, removed);
  await termsChanged(db, [termId]);
  return { ok: true, problems: [] };
}

export async function removeAlias(db: PolicyDatabase, termId: string, alias: string): Promise<void> {
  const user = await db.userTerms.get(termId);
  if (user) {
    const { keys: _k, pinyin: _p, createdAt: _c, updatedAt: _u, ...term } = user;
    await saveAndApply(db, { ...term, aliases: term.aliases.filter((a) => a !== alias) });
    return;
  }
  const bundled = CATALOGUE.find((t) => t.id === termId);
  if (!bundled) return;
  const override = await db.termOverrides.get(termId);
  const added = (override?.addAliases ?? []).filter((a) => a !== alias);
  const removed = bundled.aliases.includes(alias)
    ? [...(override?.removeAliases ?? []), alias]
    : (override?.removeAliases ?? []);
  await setTermOverride(db, termId, added, removed);
  await termsChanged(db, [termId]);
}

export async function setHidden(db: PolicyDatabase, termId: string, hidden: boolean): Promise<void> {
  if (hidden) await hideTerm(db, termId);
  else await unhideTerm(db, termId);
  await termsChanged(db, [termId]);
}

export async function deleteTerm(db: PolicyDatabase, termId: string): Promise<void> {
  await deleteUserTerm(db, termId);
  await termsChanged(db, [termId]);
}

export async function planImport(db: PolicyDatabase, terms: readonly TermData[]): Promise<GlossaryPlan> {
  return planGlossaryImport(terms, await knownTerms(db));
}

/**
 * Writes a clean plan's new terms, all or nothing: every term is checked against the known ones
 * and the others first, then stored in one transaction; hits and the matcher follow once.
 */
export async function importPlan(db: PolicyDatabase, plan: GlossaryPlan): Promise<SaveResult> {
  if (plan.conflicts.length > 0) return { ok: false, problems: plan.conflicts.map((c) => `${c.imported}: ${c.form}`) };
  const known = await knownTerms(db);
  const problems: string[] = [];
  const written = await db
    .transaction('rw', db.userTerms, async () => {
      const others = [...known];
      for (const term of plan.add) {
        const result = await saveUserTerm(db, term, pinyinKeysOf(allForms(term), pinyinOf), others);
        if (!result.ok) {
          problems.push(...result.problems);
          throw new Error('glossary import refused'); // rolls back every term written so far
        }
        others.push({ ...term, aliases: allForms(term).slice(1) });
      }
      return true;
    })
    .catch(() => false);
  if (!written) return { ok: false, problems };
  if (plan.add.length > 0)
    await termsChanged(
      db,
      plan.add.map((t) => t.id),
    );
  return { ok: true, problems: [] };
}

export async function userTermsForExport(db: PolicyDatabase): Promise<TermData[]> {
  return (await db.userTerms.toArray()).map(({ keys: _k, pinyin: _p, createdAt: _c, updatedAt: _u, ...term }) => term);
}

export { dismissCandidate };
