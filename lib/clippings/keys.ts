import { normalizeKey } from '../text/fold';
import { fnv1a } from '../text/hash';
import { termName } from './terms';

/** The fields of a clipping the derived keys are computed from. */
export interface KeySource {
  kind: 'passage' | 'page';
  quote: string;
  passageId?: string;
  urlKey?: string;
  url?: string;
  note?: string;
  tags?: readonly string[];
  terms?: readonly string[];
  title?: string;
  site?: string;
}

/** Everything search looks at, as one normalised string (quote, note, tags, terms, source). */
export function searchText(c: KeySource): string {
  return normalizeKey(
    [c.quote, c.note ?? '', ...(c.tags ?? []), ...(c.terms ?? []).map(termName), c.title ?? '', c.site ?? ''].join(
      '\u0001',
    ),
  );
}

/**
 * Same source and same normalised quote give the same key, so a second save of a quote is noticed.
 * The quote is hashed twice (two seeds) to keep the index small; callers still compare quotes.
 */
export function dedupKey(c: KeySource): string {
  const quote = normalizeKey(c.quote);
  const digest = `${fnv1a(quote)}${fnv1a(quote, 0x9747b28c)}:${quote.length}`;
  if (c.kind === 'passage' && c.passageId) return `passage:${c.passageId}:${digest}`;
  return `page:${c.urlKey ?? c.url ?? ''}:${digest}`;
}
