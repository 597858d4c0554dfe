import type { PageTerm } from '../messages/content';
import { matchedText, type PageMatch } from './page-matches';

/** Groups matches (in document order) into the page's terms, ordered by first occurrence. */
export function summarisePageTerms(matches: readonly PageMatch[], canonicalOf: (termId: string) => string): PageTerm[] {
  const byTerm = new Map<string, PageTerm>();
  for (const match of matches) {
    let term = byTerm.get(match.termId);
    if (!term) {
      term = { termId: match.termId, canonical: canonicalOf(match.termId), count: 0, forms: [] };
      byTerm.set(match.termId, term);
    }
    term.count++;
    if (term.forms.length < 10) {
      const form = matchedText(match);
      if (!term.forms.includes(form)) term.forms.push(form);
    }
  }
  return [...byTerm.values()];
}
