import { normalizeKey } from '../text/fold';
import { Matcher, type Pattern } from './matcher';
import type { TermEntry } from './types';

/** Every written form of every term (canonical first), as matcher patterns. */
export function termPatterns(catalogue: readonly TermEntry[]): Pattern[] {
  return catalogue.flatMap((term) => [term.canonical, ...term.aliases].map((form) => ({ termId: term.id, form })));
}

export function createTermMatcher(catalogue: readonly TermEntry[]): Matcher {
  return new Matcher(termPatterns(catalogue));
}

/** The distinct matching keys of a term's forms. */
export function termKeys(term: TermEntry): string[] {
  return [...new Set([term.canonical, ...term.aliases].map(normalizeKey))];
}
