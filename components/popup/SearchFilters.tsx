import type { ReportRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import type { PassageFilters } from '../../lib/search/passage-search';
import { levelLabel } from './labels';

/** Filters for passage results: report, administrative level, region, year. */
export function SearchFilters({
  reports,
  filters,
  onChange,
}: {
  reports: ReportRecord[];
  filters: PassageFilters;
  onChange: (next: PassageFilters) => void;
}) {
  const levels = [...new Set(reports.map((r) => r.level))];
  const years = [...new Set(reports.map((r) => r.date.slice(0, 4)))].sort();
  const regions = [...new Set(reports.flatMap((r) => r.region.split(/[、，,\s]+/)).filter(Boolean))];
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement).value;
  return (
    <div class="filters" data-testid="filters">
      <select
        aria-label={t('allReports')}
        value={filters.reportIds?.[0] ?? ''}
        onChange={(e) => onChange({ ...filters, reportIds: value(e) ? [value(e)] : undefined })}
      >
        <option value="">{t('allReports')}</option>
        {reports.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
      <select
        aria-label={t('allLevels')}
        value={filters.levels?.[0] ?? ''}
        onChange={(e) => onChange({ ...filters, levels: value(e) ? [value(e) as ReportRecord['level']] : undefined })}
      >
        <option value="">{t('allLevels')}</option>
        {levels.map((l) => (
          <option key={l} value={l}>
            {levelLabel(l)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('region')}
        value={filters.region ?? ''}
        onChange={(e) => onChange({ ...filters, region: value(e) || undefined })}
      >
        <option value="">{t('region')}</option>
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select
        aria-label={t('allYears')}
        value={filters.year ?? ''}
        onChange={(e) => onChange({ ...filters, year: value(e) || undefined })}
      >
        <option value="">{t('allYears')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
