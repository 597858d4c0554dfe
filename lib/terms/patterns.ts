import { normalizeKey } from '../text/fold';
import { Matcher, type Pattern } from './matcher';
import type { TermForms } from './types';

/** Every written form of every term (canonical first), as matcher patterns. */
export function termPatterns(catalogue: readonly TermForms[]): Pattern[] {
  return catalogue.flatMap((term) => [term.canonical, ...term.aliases].map((form) => ({ termId: term.id, form })));
}

export function createTermMatcher(catalogue: readonly TermForms[]): Matcher {
  return new Matcher(termPatterns(catalogue));
}

/** The distinct matching keys of a term's forms. */
export function termKeys(term: TermForms): string[] {
  return [...new Set([term.canonical, ...term.aliases].map(normalizeKey))];
}
