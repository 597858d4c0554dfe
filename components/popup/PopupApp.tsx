import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database } from '../../lib/db/database';
import { requestPersistence } from '../../lib/db/persistence';
import { corpusReady, reportsInOrder } from '../../lib/db/queries';
import type { ReportRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import type { PageTermsData } from '../../lib/messages/content';
import { type PassageFilters, searchPassages } from '../../lib/search/passage-search';
import type { TermSearch } from '../../lib/search/term-search';
import { LatestClippings } from '../clippings/LatestClippings';
import { MarkingSwitches } from './MarkingSwitches';
import { PageTerms } from './PageTerms';
import { PassageView } from './PassageView';
import { SearchFilters } from './SearchFilters';
import { SearchResults, type SearchState } from './SearchResults';
import { TermView } from './TermView';

export type Route =
  | { kind: 'home' }
  | { kind: 'term'; termId: string; reportId?: string }
  | { kind: 'passage'; passageId: string };

/** The first view from the popup's address: `?term=` (with `&report=` for one report), `?passage=`, else home. */
export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const term = params.get('term');
  const report = params.get('report');
  if (term) return report ? { kind: 'term', termId: term, reportId: report } : { kind: 'term', termId: term };
  const passage = params.get('passage');
  if (passage) return { kind: 'passage', passageId: passage };
  return { kind: 'home' };
}

/**
 * Opened as a page in a tab (the card's "more", the matrix's term links) rather than as the toolbar
 * popup: then the views use the tab's width instead of the popup's 440 px.
 */
export function isFullPage(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('term') || params.has('passage');
}

async function inspectedTab(search: string): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

const PASSAGE_LIMIT = 30;

/** Moves focus to the previous/next element marked `data-nav` in the view. */
function moveFocus(container: HTMLElement, step: 1 | -1): void {
  const items = [...container.querySelectorAll<HTMLElement>('[data-nav]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next]?.focus();
}

export function PopupApp({ search = location.search }: { search?: string }) {
  const [stack, setStack] = useState<Route[]>(() => [routeFromSearch(search)]);
  const route = stack[stack.length - 1] as Route;
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [site, setSite] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [reports, setReports] = useState<ReportRecord[]>([]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<PassageFilters>({});
  const [results, setResults] = useState<SearchState | null>(null);
  const composing = useRef(false);
  const sequence = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);
  const termSearch = useRef<Promise<TermSearch> | null>(null);

  useEffect(() => {
    document.documentElement.classList.toggle('full-page', isFullPage(search));
    void inspectedTab(search).then(setTabId);
    void requestPersistence();
    let stopped = false;
    const poll = async () => {
      const db = database();
      if (await corpusReady(db)) {
        if (stopped) return;
        setReports(await reportsInOrder(db));
        setReady(true);
      } else if (!stopped) setTimeout(poll, 150); // first run: the background is still seeding
    };
    void poll();
    input.current?.focus();
    return () => {
      stopped = true;
    };
  }, []);

  const runSearch = async (text: string, activeFilters: PassageFilters) => {
    const mine = ++sequence.current;
    if (text.trim() === '') {
      setResults(null);
      return;
    }
    // the catalogue and Fuse load with the first query, not with the popup: a faster first paint
    termSearch.current ??= Promise.all([
      import('../../lib/search/term-search'),
      import('../../lib/terms/catalogue'),
    ]).then(([{ TermSearch }, { CATALOGUE }]) => new TermSearch(CATALOGUE));
    const terms = (await termSearch.current).search(text);
    const { hits, total, exact } = ready
      ? await searchPassages(database(), text, activeFilters, PASSAGE_LIMIT)
      : { hits: [], total: 0, exact: true };
    if (mine === sequence.current) setResults({ query: text, terms, passages: hits, total, exact });
  };

  useEffect(() => {
    if (!composing.current) void runSearch(query, filters);
  }, [query, filters, ready]);

  const open = (next: Route) => setStack((s) => [...s, next]);
  const back = () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  const openTerm = (termId: string) => open({ kind: 'term', termId });
  const openPassage = (passageId: string) => open({ kind: 'passage', passageId });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if ((event.target as HTMLElement).tagName === 'SELECT') return;
      event.preventDefault();
      if (main.current) moveFocus(main.current, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      if (stack.length > 1) {
        event.preventDefault();
        back();
      } else if (query) {
        event.preventDefault();
        setQuery('');
        input.current?.focus();
      }
    }
  };

  // one listener for the page; it calls the latest handler (which sees the current view)
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  useEffect(() => {
    // after going back or forward, the first row of the new view takes focus, or the search box
    if (route.kind === 'home') input.current?.focus();
    else main.current?.querySelector<HTMLElement>('[data-nav]')?.focus();
  }, [route]);

  return (
    <div class="app">
      <header>
        <div class="brand">
          {stack.length > 1 && (
            <button type="button" class="back" data-testid="back" onClick={back} aria-label={t('back')}>
              ←
            </button>
          )}
          <h1>{t('appTitle')}</h1>
          <nav>
            <a
              href={browser.runtime.getURL('/crossref.html')}
              target="_blank"
              rel="noreferrer"
              data-testid="crossref-link"
            >
              {t('crossref')}
            </a>{' '}
            <a
              href={browser.runtime.getURL('/library.html')}
              target="_blank"
              rel="noreferrer"
              data-testid="library-link"
            >
              {t('library_open')}
            </a>{' '}
            <a href={browser.runtime.getURL('/terms.html')} target="_blank" rel="noreferrer" data-testid="terms-link">
              {t('terms_open')}
            </a>{' '}
            {typeof tabId === 'number' && (
              // the page is read and extracted in library.html (scripting + DOMParser), not here
              <button
                type="button"
                data-testid="add-to-library"
                onClick={() =>
                  void browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}?add=${tabId}` })
                }
              >
                {t('library_addThisPage')}
              </button>
            )}
          </nav>
        </div>
        {route.kind === 'home' && (
          <input
            ref={input}
            type="search"
            class="search"
            data-testid="search"
            aria-label={t('searchLabel')}
            placeholder={t('searchPlaceholder')}
            value={query}
            onCompositionStart={() => {
              composing.current = true;
            }}
            onCompositionEnd={(e) => {
              composing.current = false;
              setQuery((e.currentTarget as HTMLInputElement).value);
              void runSearch((e.currentTarget as HTMLInputElement).value, filters);
            }}
            onInput={(e) => {
              // while an IME composes, the box shows pinyin: search only once the text is committed
              if (!composing.current) setQuery((e.currentTarget as HTMLInputElement).value);
            }}
          />
        )}
      </header>
      <main ref={main}>
        {route.kind === 'term' && (
          <TermView
            termId={route.termId}
            reportId={route.reportId}
            onTerm={openTerm}
            onPassage={openPassage}
            onAllReports={() => setStack((s) => [...s.slice(0, -1), { kind: 'term', termId: route.termId }])}
          />
        )}
        {route.kind === 'passage' && <PassageView passageId={route.passageId} onPassage={openPassage} />}
        {route.kind === 'home' && (
          <>
            {query.trim() !== '' && (
              <>
                <SearchFilters reports={reports} filters={filters} onChange={setFilters} />
                {results ? (
                  <SearchResults state={results} onTerm={openTerm} onPassage={openPassage} />
                ) : (
                  <p class="meta results-placeholder">{t('loading')}</p>
                )}
              </>
            )}
            <div hidden={query.trim() !== ''}>
              {/* the switches first: a page with many terms must not push them below the fold */}
              <MarkingSwitches site={site} />
              {tabId !== undefined && (
                <PageTerms
                  tabId={tabId}
                  onTerm={openTerm}
                  onData={(data: PageTermsData | null) => setSite(data?.site ?? null)}
                />
              )}
              <LatestClippings limit={3} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
