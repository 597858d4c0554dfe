import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AdminLevel } from '../../lib/corpus/types';
import { database } from '../../lib/db/database';
import { deleteUserReport, editUserReport, putUserReport, type UserReportSnapshot } from '../../lib/db/library';
import { corpusReady, reportsInOrder } from '../../lib/db/queries';
import type { ReportRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import { levelLabel } from '../popup/labels';
import { AddPage } from './AddPage';
import { BackupPanel } from './BackupPanel';
import { FileImport, importFile, refusalText } from './FileImport';
import { LEVELS, ReportForm } from './ReportForm';

const UNDO_MS = 30_000;

interface Filters {
  level: AdminLevel | '';
  region: string;
  issuer: string;
  year: string;
  source: '' | 'user' | 'bundled';
}

function passes(r: ReportRecord, f: Filters): boolean {
  if (f.level && r.level !== f.level) return false;
  if (f.region && !r.region.includes(f.region)) return false;
  if (f.issuer && !r.issuer.includes(f.issuer)) return false;
  if (f.year && !r.date.startsWith(f.year)) return false;
  if (f.source && r.source !== f.source) return false;
  return true;
}

/** library.html: the user's reports and the bundled ones; adding pages and files; backup. */
export function LibraryApp({ search = location.search }: { search?: string }) {
  const db = database();
  const addTab = Number(new URLSearchParams(search).get('add'));
  const [ready, setReady] = useState(false);
  const [reports, setReports] = useState<ReportRecord[]>([]);
  const [filters, setFilters] = useState<Filters>({ level: '', region: '', issuer: '', year: '', source: '' });
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<UserReportSnapshot | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reimportFor = useRef<string | null>(null);
  const reimportInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState('');

  const reload = async () => setReports(await reportsInOrder(db));

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (await corpusReady(db)) {
        if (stopped) return;
        await reload();
        setReady(true);
      } else if (!stopped) setTimeout(poll, 150); // first run: the background is still seeding
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);

  const years = useMemo(() => [...new Set(reports.map((r) => r.date.slice(0, 4)).filter(Boolean))].sort(), [reports]);
  const shown = reports.filter((r) => passes(r, filters));
  const userCount = reports.filter((r) => r.source === 'user').length;

  const remove = async (id: string) => {
    const snapshot = await deleteUserReport(db, id);
    setUndo(snapshot);
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
    await reload();
  };

  const undoDelete = async () => {
    if (!undo) return;
    await putUserReport(db, undo);
    setUndo(null);
    await reload();
  };

  const filterInput = (field: 'region' | 'issuer', label: string) => (
    <input
      type="search"
      placeholder={label}
      aria-label={label}
      data-testid={`filter-${field}`}
      value={filters[field]}
      onInput={(e) => setFilters((f) => ({ ...f, [field]: (e.currentTarget as HTMLInputElement).value }))}
    />
  );

  return (
    <div class="library">
      <header>
        <h1>{t('library_title')}</h1>
        <p class="meta">
          {t('library_summary', userCount)} ·{' '}
          <a href={browser.runtime.getURL('/crossref.html')} target="_blank" rel="noreferrer">
            {t('crossref')}
          </a>{' '}
          ·{' '}
          <a href={browser.runtime.getURL('/terms.html')} target="_blank" rel="noreferrer" data-testid="terms-link">
            {t('terms_open')}
          </a>
        </p>
      </header>
      {!ready && <p class="meta">{t('loading')}</p>}
      {ready && Number.isInteger(addTab) && addTab > 0 && (
        <AddPage db={db} tabId={addTab} onSaved={() => void reload()} />
      )}
      {ready && <FileImport db={db} onChanged={() => void reload()} />}
      {undo && (
        <p class="undo" data-testid="undo-bar">
          {t('library_deleted', undo.meta.title)}{' '}
          <button type="button" data-testid="undo" onClick={() => void undoDelete()}>
            {t('library_undo')}
          </button>
        </p>
      )}
      {notice && <p class="meta">{notice}</p>}
      <section class="reports">
        <h2>{t('library_listTitle')}</h2>
        <div class="filters" data-testid="library-filters">
          <select
            aria-label={t('allLevels')}
            value={filters.level}
            onChange={(e) =>
              setFilters((f) => ({ ...f, level: (e.currentTarget as HTMLSelectElement).value as AdminLevel }))
            }
          >
            <option value="">{t('allLevels')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
          {filterInput('region', t('library_fieldRegion'))}
          {filterInput('issuer', t('library_fieldIssuer'))}
          <select
            aria-label={t('allYears')}
            value={filters.year}
            onChange={(e) => setFilters((f) => ({ ...f, year: (e.currentTarget as HTMLSelectElement).value }))}
          >
            <option value="">{t('allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <select
            aria-label={t('library_source')}
            value={filters.source}
            onChange={(e) =>
              setFilters((f) => ({ ...f, source: (e.currentTarget as HTMLSelectElement).value as Filters['source'] }))
            }
          >
            <option value="">{t('library_sourceAll')}</option>
            <option value="user">{t('library_badge')}</option>
            <option value="bundled">{t('library_sourceBundled')}</option>
          </select>
        </div>
        <ul class="report-list" data-testid="report-list">
          {shown.map((r) => (
            <li key={r.id} data-report-id={r.id} data-source={r.source}>
              <div class="report-head">
                {r.source === 'user' && <span class="badge">{t('library_badge')}</span>}
                <b>{r.title}</b>
              </div>
              <div class="meta">
                {levelLabel(r.level)} · {r.region || '—'} · {r.issuer || '—'} · {r.date || '—'}
                {r.docNumber && ` · ${r.docNumber}`} · {t('library_passages', r.passageCount)}
                {r.url && (
                  <>
                    {' · '}
                    <a href={r.url} target="_blank" rel="noreferrer noopener">
                      {r.site ?? r.url}
                    </a>
                  </>
                )}
              </div>
              {r.source === 'user' && editing !== r.id && (
                <div class="actions">
                  <button type="button" data-testid="edit" onClick={() => setEditing(r.id)}>
                    {t('library_edit')}
                  </button>
                  <button
                    type="button"
                    data-testid="reimport"
                    onClick={() => {
                      reimportFor.current = r.id;
                      reimportInput.current?.click();
                    }}
                  >
                    {t('library_reimport')}
                  </button>
                  <button type="button" data-testid="delete" onClick={() => void remove(r.id)}>
                    {t('library_delete')}
                  </button>
                </div>
              )}
              {editing === r.id && (
                <ReportForm
                  initial={r}
                  submitLabel={t('library_save')}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (meta) => {
                    const { id: _id, ...changes } = meta;
                    await editUserReport(db, r.id, changes);
                    setEditing(null);
                    await reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
        <input
          ref={reimportInput}
          type="file"
          hidden
          accept=".pdf,.docx,.html,.htm,.txt"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            const id = reimportFor.current;
            input.value = '';
            if (!file || !id) return;
            void importFile(db, file, () => {}, id)
              .then(({ report }) => setNotice(`${t('library_status_updated')} ${report.title}`))
              .catch((error: unknown) => setNotice(refusalText(error, file.name)))
              .then(reload);
          }}
        />
      </section>
      <BackupPanel db={db} onRestored={() => void reload()} />
    </div>
  );
}
