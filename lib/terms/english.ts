// English aliases are written once, in the number the catalogue uses; pages write the other one too
// ("county medical communities", "national regional medical centers"). Case, hyphens and spaces
// are folded by lib/text/fold.ts; only the number of the last word needs its own form.

const PLURAL_EXCEPTIONS: Readonly<Record<string, string>> = {
  consortium: 'consortia',
  criterion: 'criteria',
  people: 'people',
};
const SINGULAR_EXCEPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PLURAL_EXCEPTIONS).map(([one, many]) => [many, one]),
);

const LATIN_ONLY = /^[\x20-\x7e]+$/u;
const LAST_WORD = /([A-Za-z]+)$/u;

export function pluralOf(word: string): string {
  const lower = word.toLowerCase();
  const exception = PLURAL_EXCEPTIONS[lower];
  if (exception !== undefined) return exception;
  if (/[^aeiou]y$/u.test(lower)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/u.test(lower)) return `${word}es`;
  return `${word}s`;
}

export function singularOf(word: string): string | null {
  const lower = word.toLowerCase();
  const exception = SINGULAR_EXCEPTIONS[lower];
  if (exception !== undefined) return exception;
  if (lower.endsWith('ies') && lower.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/u.test(lower)) return word.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 3) return word.slice(0, -1);
  return null;
}

/**
 * The other number of an English form's last word: "county medical community" → "… communities",
 * "Thousand Counties Project" → "… Projects", "Sanming model" → "… models". Chinese forms and
 * forms not ending in a word get nothing.
 */
export function otherNumberForms(form: string): string[] {
  if (!LATIN_ONLY.test(form)) return [];
  const last = LAST_WORD.exec(form)?.[1];
  if (!last || last.length < 3) return [];
  const stem = form.slice(0, form.length - last.length);
  const out = new Set<string>();
  const plural = pluralOf(last);
  if (plural.toLowerCase() !== last.toLowerCase()) out.add(stem + plural);
  const singular = singularOf(last);
  if (
    singular &&
    singular.toLowerCase() !== last.toLowerCase() &&
    pluralOf(singular).toLowerCase() === last.toLowerCase()
  )
    out.add(stem + singular);
  return [...out];
}
