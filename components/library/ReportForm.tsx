import { useState } from 'preact/hooks';
import type { AdminLevel } from '../../lib/corpus/types';
import type { UserReportMeta } from '../../lib/corpus/user-report';
import { t } from '../../lib/i18n';
import { levelLabel } from '../popup/labels';

export const LEVELS: AdminLevel[] = ['national', 'multi-provincial', 'provincial', 'municipal', 'county', 'other'];

type Field = 'title' | 'issuer' | 'docNumber' | 'region' | 'date' | 'published' | 'url';

/** The short metadata form: what extraction found, for the user to confirm or correct. */
export function ReportForm({
  initial,
  missing = [],
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: UserReportMeta;
  missing?: readonly string[];
  submitLabel: string;
  onSubmit: (meta: UserReportMeta) => void | Promise<void>;
  onCancel?: () => void;
}) {
  const [meta, setMeta] = useState<UserReportMeta>(initial);
  const set = (field: Field, value: string) => setMeta((m) => ({ ...m, [field]: value }));
  const text = (field: Field, label: string) => (
    <label class={missing.includes(field) ? 'missing' : ''}>
      <span>{label}</span>
      <input
        type="text"
        name={field}
        data-testid={`field-${field}`}
        value={(meta[field] as string | undefined) ?? ''}
        onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
        required={field === 'title'}
      />
    </label>
  );
  return (
    <form
      class="report-form"
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({ ...meta, title: meta.title.trim() });
      }}
    >
      {text('title', t('library_fieldTitle'))}
      {text('issuer', t('library_fieldIssuer'))}
      {text('docNumber', t('library_fieldDocNumber'))}
      <label class={missing.includes('level') ? 'missing' : ''}>
        <span>{t('library_fieldLevel')}</span>
        <select
          name="level"
          data-testid="field-level"
          value={meta.level}
          onChange={(e) =>
            setMeta((m) => ({ ...m, level: (e.currentTarget as HTMLSelectElement).value as AdminLevel }))
          }
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      {text('region', t('library_fieldRegion'))}
      {text('date', t('library_fieldDate'))}
      {text('published', t('library_fieldPublished'))}
      {meta.url !== undefined && text('url', t('library_fieldUrl'))}
      {(meta.indexNo || meta.subject) && (
        <p class="meta">
          {meta.indexNo && `${t('library_fieldIndexNo')}：${meta.indexNo} `}
          {meta.subject && `${t('library_fieldSubject')}：${meta.subject}`}
        </p>
      )}
      {missing.length > 0 && <p class="meta warn">{t('library_fillMissing')}</p>}
      <div class="actions">
        <button type="submit" data-testid="report-submit" disabled={!meta.title.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('library_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
