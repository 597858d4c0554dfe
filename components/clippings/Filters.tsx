import { termName } from '../../lib/clippings/terms';
import { t } from '../../lib/i18n';
import { type ClippingFilters, NO_FILTERS } from './filter';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  filters: ClippingFilters;
  onFilter: <K extends keyof ClippingFilters>(key: K, value: ClippingFilters[K]) => void;
  onClear: () => void;
  terms: readonly string[];
  tags: readonly string[];
  sites: readonly string[];
  notFound: number;
}

/** Search and filters: what the list shows. */
export function Filters({ query, onQuery, filters, onFilter, onClear, terms, tags, sites, notFound }: Props) {
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <section class="toolbar filters" aria-label={t('clippings_filtersLabel')}>
      <input
        type="search"
        placeholder={t('clippings_searchPlaceholder')}
        aria-label={t('clippings_searchLabel')}
        value={query}
        data-testid="search"
        onInput={(e) => onQuery(value(e))}
      />
      <select value={filters.term} onChange={(e) => onFilter('term', value(e))} aria-label={t('clippings_filterTerm')}>
        <option value="">{t('clippings_allTerms')}</option>
        {terms.map((id) => (
          <option value={id} key={id}>
            {termName(id)}
          </option>
        ))}
      </select>
      <select value={filters.tag} onChange={(e) => onFilter('tag', value(e))} aria-label={t('clippings_filterTag')}>
        <option value="">{t('clippings_allTags')}</option>
        {tags.map((tag) => (
          <option value={tag} key={tag}>
            #{tag}
          </option>
        ))}
      </select>
      <select value={filters.site} onChange={(e) => onFilter('site', value(e))} aria-label={t('clippings_filterSite')}>
        <option value="">{t('clippings_allSites')}</option>
        {sites.map((site) => (
          <option value={site} key={site}>
            {site}
          </option>
        ))}
      </select>
      <label class="field">
        {t('clippings_savedFrom')}
        <input type="date" value={filters.from} onChange={(e) => onFilter('from', value(e))} />
      </label>
      <label class="field">
        {t('clippings_savedTo')}
        <input type="date" value={filters.to} onChange={(e) => onFilter('to', value(e))} />
      </label>
      <label class="check" data-testid="not-found-filter">
        <input
          type="checkbox"
          checked={filters.notFoundOnly}
          onChange={(e) => onFilter('notFoundOnly', (e.target as HTMLInputElement).checked)}
        />
        {t('clippings_notFoundFilter')}{' '}
        <span class="badge" data-testid="not-found-count">
          {notFound}
        </span>
      </label>
      {(filters !== NO_FILTERS || query) && (
        <button type="button" onClick={onClear}>
          {t('clippings_clearFilters')}
        </button>
      )}
    </section>
  );
}
