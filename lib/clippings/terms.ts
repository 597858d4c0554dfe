import { CATALOGUE } from '../terms/catalogue';
import type { Matcher } from '../terms/matcher';
import { createTermMatcher } from '../terms/patterns';
import type { TermEntry } from '../terms/types';

let matcher: Matcher | null = null;

/** The catalogue term ids a quote mentions, in order of first occurrence: a clipping's automatic tags. */
export function termsInQuote(quote: string): string[] {
  matcher ??= createTermMatcher(CATALOGUE);
  const ids: string[] = [];
  for (const match of matcher.findAll(quote)) {
    const id = matcher.patterns[match.pattern]?.termId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

const byId = new Map<string, TermEntry>(CATALOGUE.map((term) => [term.id, term]));

/** The display name of a term id (the id itself if the catalogue no longer has it). */
export function termName(id: string): string {
  return byId.get(id)?.canonical ?? id;
}
