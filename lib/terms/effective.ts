import type { TermForms } from './types';

/** A user's change to a bundled term's forms (stored as TermOverrideRecord). */
export interface FormsOverride {
  termId: string;
  addAliases: readonly string[];
  removeAliases: readonly string[];
}

/**
 * The forms the matcher should use: bundled terms minus hidden ones, with the user's added and
 * removed aliases applied (overrides survive catalogue updates because they are kept apart from
 * the bundled data), then the user's own terms. Pure, so the background can build and compile
 * the matcher once and hand the compiled form to content scripts.
 */
export function effectiveForms(
  bundled: readonly TermForms[],
  userTerms: readonly TermForms[],
  overrides: readonly FormsOverride[] = [],
  hidden: readonly string[] = [],
): TermForms[] {
  const byTerm = new Map(overrides.map((o) => [o.termId, o]));
  const hiddenIds = new Set(hidden);
  const out: TermForms[] = [];
  for (const term of [...bundled, ...userTerms]) {
    if (hiddenIds.has(term.id)) continue;
    const override = byTerm.get(term.id);
    if (!override) {
      out.push(term);
      continue;
    }
    const removed = new Set(override.removeAliases);
    const aliases = [...term.aliases.filter((a) => !removed.has(a))];
    for (const alias of override.addAliases)
      if (!aliases.includes(alias) && alias !== term.canonical) aliases.push(alias);
    out.push({ ...term, aliases });
  }
  return out;
}
