import { useEffect, useState } from 'preact/hooks';
import { askTab } from '../../lib/ask';
import { t } from '../../lib/i18n';
import type { PageTermsData } from '../../lib/messages/content';

/** Chips shown before "show all": a long page must not push everything else out of the popup. */
export const CHIPS_SHOWN = 12;

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; data: PageTermsData };

/** The catalogue terms found in the inspected tab, in page order, with counts. */
export function PageTerms({
  tabId,
  onTerm,
  onData,
}: {
  tabId: number | null;
  onTerm: (termId: string) => void;
  onData?: (data: PageTermsData | null) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [all, setAll] = useState(false);

  const load = async (scan: boolean) => {
    if (tabId === null) {
      setState({ kind: 'unavailable' });
      onData?.(null);
      return;
    }
    try {
      const data = await askTab(tabId, scan ? 'scanOnce' : 'pageTerms', {});
      if (!data) throw new Error('no answer');
      setState({ kind: 'ready', data });
      onData?.(data);
    } catch {
      // no content script in that tab (browser pages, the store, a PDF viewer)
      setState({ kind: 'unavailable' });
      onData?.(null);
    }
  };

  useEffect(() => {
    void load(false);
  }, [tabId]);

  const choose = (termId: string) => {
    if (tabId !== null) void askTab(tabId, 'revealTerm', { termId }).catch(() => false);
    onTerm(termId);
  };

  return (
    <section data-testid="page-terms">
      <h2>{t('onThisPage')}</h2>
      {state.kind === 'loading' && <p class="meta">{t('loading')}</p>}
      {state.kind === 'unavailable' && <p class="meta">{t('pageUnavailable')}</p>}
      {state.kind === 'ready' && (
        <>
          {state.data.marking !== 'on' && (
            <p class="notice">
              {state.data.marking === 'off-site' ? t('markingOffSite') : t('markingOffGlobal')}{' '}
              {!state.data.scanned && (
                <button type="button" data-nav data-action="scan-once" onClick={() => void load(true)}>
                  {t('scanOnce')}
                </button>
              )}
            </p>
          )}
          {state.data.scanned && state.data.terms.length === 0 && <p class="meta">{t('pageNoTerms')}</p>}
          <ul class="chips">
            {(all ? state.data.terms : state.data.terms.slice(0, CHIPS_SHOWN)).map((term) => (
              <li key={term.termId}>
                <button
                  type="button"
                  class="chip"
                  data-nav
                  data-term-id={term.termId}
                  data-count={term.count}
                  title={term.forms.join('、')}
                  onClick={() => choose(term.termId)}
                >
                  {term.canonical} <span class="meta">{t('occurrences', term.count)}</span>
                </button>
              </li>
            ))}
            {!all && state.data.terms.length > CHIPS_SHOWN && (
              <li>
                <button
                  type="button"
                  class="chip more-chips"
                  data-nav
                  data-action="all-terms"
                  onClick={() => setAll(true)}
                >
                  {t('popup_allTerms', state.data.terms.length)}
                </button>
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
