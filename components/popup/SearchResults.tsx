import { t } from '../../lib/i18n';
import type { PassageHit } from '../../lib/search/passage-search';
import type { TermHit } from '../../lib/search/term-search';
import { Excerpt } from './Excerpt';
import { levelLabel } from './labels';

export interface SearchState {
  query: string;
  terms: TermHit[];
  passages: PassageHit[];
  total: number;
  /** False when `total` is an upper bound (many candidates, confirmed only as far as shown). */
  exact: boolean;
}

/** Terms first, then passages; every row is a button reachable with the arrow keys. */
export function SearchResults({
  state,
  onTerm,
  onPassage,
}: {
  state: SearchState;
  onTerm: (termId: string) => void;
  onPassage: (passageId: string) => void;
}) {
  const empty = state.terms.length === 0 && state.passages.length === 0;
  return (
    <div class="results" data-testid="results">
      {empty && <p class="meta">{t('noResults')}</p>}
      {state.terms.length > 0 && (
        <section>
          <h2>{t('terms')}</h2>
          <ul>
            {state.terms.map((hit) => (
              <li key={hit.term.id}>
                <button
                  type="button"
                  class="row"
                  data-nav
                  data-term-id={hit.term.id}
                  onClick={() => onTerm(hit.term.id)}
                >
                  <b>{hit.term.canonical}</b>
                  {hit.matched !== hit.term.canonical && <span class="meta"> · {hit.matched}</span>}
                  <span class="meta block">{hit.term.explanation}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.passages.length > 0 && (
        <section>
          <h2>
            {t('passages')}{' '}
            <span class="meta" data-testid="passage-total">
              {state.exact ? t('passageCount', state.total) : t('passageCountApprox', state.total)}
            </span>
          </h2>
          <ul>
            {state.passages.map((hit) => (
              <li key={hit.passage.id}>
                <button
                  type="button"
                  class="row"
                  data-nav
                  data-passage-id={hit.passage.id}
                  onClick={() => onPassage(hit.passage.id)}
                >
                  <Excerpt text={hit.passage.text} spans={hit.spans} />
                  <span class="meta block">
                    {hit.report.source === 'user' && <span class="badge">{t('library_badge')}</span>}
                    {levelLabel(hit.report.level)} · {hit.report.title} · {hit.report.issuer} · {hit.report.date} ·{' '}
                    {hit.passage.section}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {state.total > state.passages.length && <p class="meta">{t('moreResults', state.passages.length)}</p>}
        </section>
      )}
    </div>
  );
}
