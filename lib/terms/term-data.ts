import { FOLD_SIGNATURE, normalizeKey } from '../text/fold';
import { type ContextNeed, TERM_CATEGORIES, type TermData, type TermForms, type TermSource } from './types';
import { expandVariant } from './variants';

// The one data format of a term, for the bundled catalogue (seeds/catalogue.json), the user's
// terms and accepted discoveries: checked field by field, every problem listed, nothing thrown,
// so an import can show the user all of them at once and write nothing.

export const CATALOGUE_FORMAT = 1;

export interface CatalogueFile {
  format: number;
  terms: TermData[];
}

const SOURCES: readonly TermSource[] = ['bundled', 'user', 'discovered'];
const NEEDS: readonly ContextNeed[] = ['health', 'china-health'];
const KEYS = new Set([
  'id',
  'canonical',
  'aliases',
  'variants',
  'category',
  'explanation',
  'explanationEn',
  'related',
  'contains',
  'note',
  'context',
  'source',
]);
const ID = /^[a-z0-9][a-z0-9-]{1,79}$/u;
const MAX_FORM = 200;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Every form a term is written in: canonical, aliases, and the expansions of its variants. */
export function allForms(term: Pick<TermData, 'canonical' | 'aliases' | 'variants'>): string[] {
  const out = [term.canonical, ...term.aliases];
  for (const pattern of term.variants ?? []) out.push(...expandVariant(pattern));
  return [...new Set(out)];
}

/** Problems with one term, each naming the field; an empty list means the term is well formed. */
export function termProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object'];
  const t = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(t)) if (!KEYS.has(key)) problems.push(`unknown field "${key}"`);
  if (typeof t.id !== 'string' || !ID.test(t.id)) problems.push('id: lower-case ASCII letters, digits and -');
  if (typeof t.canonical !== 'string' || normalizeKey(t.canonical).length === 0) problems.push('canonical: empty');
  if (!isStringArray(t.aliases)) problems.push('aliases: a list of strings');
  else {
    if (t.aliases.some((a) => normalizeKey(a).length === 0)) problems.push('aliases: an empty alias');
    if (new Set(t.aliases).size !== t.aliases.length) problems.push('aliases: a form is listed twice');
    if (typeof t.canonical === 'string' && t.aliases.includes(t.canonical))
      problems.push('aliases: repeat the canonical name');
  }
  if (t.variants !== undefined) {
    if (!isStringArray(t.variants)) problems.push('variants: a list of strings');
    else
      for (const pattern of t.variants) {
        try {
          if (expandVariant(pattern).length > 500) problems.push(`variants: ${pattern} expands to over 500 forms`);
        } catch (error) {
          problems.push(`variants: ${(error as Error).message}`);
        }
      }
  }
  if (!TERM_CATEGORIES.includes(t.category as never)) problems.push(`category: one of ${TERM_CATEGORIES.join(', ')}`);
  if (typeof t.explanation !== 'string') problems.push('explanation: a string');
  if (typeof t.explanationEn !== 'string') problems.push('explanationEn: a string');
  if (!isStringArray(t.related)) problems.push('related: a list of term ids');
  if (t.contains !== undefined && !isStringArray(t.contains)) problems.push('contains: a list of term ids');
  if (t.note !== undefined && typeof t.note !== 'string') problems.push('note: a string');
  if (!SOURCES.includes(t.source as never)) problems.push(`source: one of ${SOURCES.join(', ')}`);
  if (t.context !== undefined) {
    const c = t.context as Record<string, unknown>;
    if (typeof c !== 'object' || c === null) problems.push('context: an object');
    else {
      if (!NEEDS.includes(c.needs as never)) problems.push(`context.needs: one of ${NEEDS.join(', ')}`);
      if (typeof c.reason !== 'string' || c.reason.length < 10) problems.push('context.reason: say why');
      if (c.forms !== undefined && !isStringArray(c.forms)) problems.push('context.forms: a list of strings');
    }
  }
  if (problems.length === 0) {
    const term = t as unknown as TermData;
    const forms = allForms(term);
    if (forms.some((f) => f.length > MAX_FORM)) problems.push(`a form is longer than ${MAX_FORM} characters`);
    for (const form of term.context?.forms ?? [])
      if (!forms.includes(form)) problems.push(`context.forms: "${form}" is not a form of the term`);
  }
  return problems;
}

/**
 * Checks a whole catalogue file: the format, each term, ids unique, related ids known, and no
 * matching key owned by two terms (the matcher would silently give it to the first).
 */
export function catalogueProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['catalogue: not an object'];
  const file = value as Record<string, unknown>;
  const problems: string[] = [];
  if (file.format !== CATALOGUE_FORMAT) problems.push(`catalogue: format must be ${CATALOGUE_FORMAT}`);
  if (!Array.isArray(file.terms)) return [...problems, 'catalogue: terms must be a list'];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  file.terms.forEach((value, index) => {
    const own = termProblems(value);
    const label = (value as { id?: unknown })?.id ?? `#${index}`;
    for (const p of own) problems.push(`${String(label)}: ${p}`);
    if (own.length > 0) return;
    const term = value as TermData;
    if (ids.has(term.id)) problems.push(`${term.id}: id used twice`);
    ids.add(term.id);
    for (const key of new Set(allForms(term).map(normalizeKey))) {
      const other = owner.get(key);
      if (other !== undefined && other !== term.id) problems.push(`${term.id}: form ${key} is also a form of ${other}`);
      owner.set(key, term.id);
    }
  });
  for (const term of file.terms as TermData[]) {
    if (!isStringArray(term?.related)) continue;
    for (const id of [...term.related, ...(term.contains ?? [])])
      if (!ids.has(id)) problems.push(`${term.id}: related or contained id ${id} is not in the catalogue`);
  }
  return problems;
}

/** Parses and checks a catalogue file; throws with every problem listed. */
export function parseCatalogue(value: unknown): CatalogueFile {
  const problems = catalogueProblems(value);
  if (problems.length > 0) throw new Error(`catalogue is invalid:\n${problems.join('\n')}`);
  return value as CatalogueFile;
}

/** What the content script needs of a term: its forms (variants expanded) and its context need. */
export function formsOf(term: TermData): TermForms {
  const forms = allForms(term);
  const out: TermForms = { id: term.id, canonical: term.canonical, aliases: forms.slice(1) };
  if (term.context) {
    out.context = term.context.forms
      ? { needs: term.context.needs, forms: term.context.forms }
      : { needs: term.context.needs };
  }
  return out;
}

/**
 * What decides where terms are found (ids, forms, context needs, and the fold table they are
 * matched through), as one string: the corpus version must change when it changes, and must not
 * when only an explanation, a note or a related link does. lib/corpus/build.ts's corpusVersion
 * should hash this instead of the whole catalogue.
 */
export function matchingFingerprint(terms: readonly TermForms[]): string {
  return JSON.stringify([FOLD_SIGNATURE, terms.map((t) => [t.id, t.canonical, t.aliases, t.context ?? null])]);
}
