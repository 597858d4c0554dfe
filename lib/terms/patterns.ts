import { normalizeKey } from '../text/fold';
import { contextHolds } from './context';
import { otherNumberForms } from './english';
import { type CompiledMatcher, Matcher, type PackedMatcher, type Pattern } from './matcher';
import type { ContextNeed, TermForms } from './types';

/**
 * Every written form of every term (canonical first), as matcher patterns: the listed forms, then
 * the other number of English forms ("communities" for "community"), each carrying the term's
 * context need where its rule covers it. A generated form whose key another term already owns is
 * left out, so the catalogue's own forms always win.
 */
export function termPatterns(catalogue: readonly TermForms[]): Pattern[] {
  const listed: Pattern[] = [];
  const owners = new Set<string>();
  for (const term of catalogue) {
    for (const form of [term.canonical, ...term.aliases]) {
      listed.push(withNeed(term, form, form));
      owners.add(normalizeKey(form));
    }
  }
  const generated: Pattern[] = [];
  for (const term of catalogue) {
    for (const form of [term.canonical, ...term.aliases]) {
      for (const other of otherNumberForms(form)) {
        const key = normalizeKey(other);
        if (owners.has(key)) continue;
        owners.add(key);
        generated.push(withNeed(term, other, form));
      }
    }
  }
  return [...listed, ...generated];
}

function withNeed(term: TermForms, form: string, listedAs: string): Pattern {
  const rule = term.context;
  if (rule && (rule.forms === undefined || rule.forms.includes(listedAs)))
    return { termId: term.id, form, needs: rule.needs };
  return { termId: term.id, form };
}

export interface TermMatcherOptions {
  /**
   * `block` (default): a form with a context need is marked only where the scanned text (a page
   * block) passes contextHolds. `known`: the text is known to be about health policy (a report of
   * the library), so every need holds; the corpus build uses this, or a report's passages about
   * party building would lose 两个确立 and the like.
   */
  context?: 'block' | 'known';
}

export function createTermMatcher(catalogue: readonly TermForms[], options: TermMatcherOptions = {}): Matcher {
  const check =
    options.context === 'known'
      ? () => true
      : (text: string, needs: string) => contextHolds(text, needs as ContextNeed);
  return new Matcher(termPatterns(catalogue), { context: check });
}

/** A matcher restored from its compiled form, checking context needs on page blocks like createTermMatcher. */
export function termMatcherFromCompiled(compiled: CompiledMatcher): Matcher {
  return Matcher.fromCompiled(compiled, { context: (text, needs) => contextHolds(text, needs as ContextNeed) });
}

/**
 * A matcher restored from packed data, checking context needs on page blocks. `bundled`: packed at
 * build from this code's fold table (the bundled catalogue's), see Matcher.fromPacked.
 */
export function termMatcherFromPacked(packed: PackedMatcher, bundled = false): Matcher {
  return Matcher.fromPacked(packed, { context: (text, needs) => contextHolds(text, needs as ContextNeed) }, bundled);
}

/** The distinct matching keys of a term's forms. */
export function termKeys(term: TermForms): string[] {
  return [...new Set([term.canonical, ...term.aliases].map(normalizeKey))];
}
