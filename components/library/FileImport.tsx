import { useState } from 'preact/hooks';
import type { ReportRecord } from '../../lib/corpus/records';
import { newUserReportId } from '../../lib/corpus/user-report';
import type { PolicyDatabase } from '../../lib/db/database';
import { findExisting, putUserReport } from '../../lib/db/library';
import { draftReport } from '../../lib/documents/draft';
import { extractFile, type Progress } from '../../lib/documents/extract';
import { DocumentError } from '../../lib/documents/limits';
import { type MessageKey, t } from '../../lib/i18n';
import { browserReaders } from './readers';

interface FileRow {
  name: string;
  progress: number;
  /** Pages of a PDF read so far, shown while it is read. */
  pages?: { done: number; total: number };
  status: 'waiting' | 'reading' | 'added' | 'updated' | 'failed';
  message?: string;
  reportId?: string;
  missing?: string[];
}

/** Why a file was refused, in the interface's language (Chinese when a message has no key). */
export function refusalText(error: unknown, fileName: string): string {
  if (error instanceof DocumentError)
    return error.localized ? t(error.localized.key as MessageKey, ...error.localized.params) : error.message;
  return `${fileName}：${(error as Error)?.message ?? String(error)}`;
}

/**
 * Import of files (several at once, from the picker or dropped): each is read, checked and
 * added on its own, with its own progress and result; a refused file changes nothing. With
 * `replaceId`, the file replaces that report's text (re-import).
 */
export async function importFile(
  db: PolicyDatabase,
  file: File,
  onProgress: Progress,
  replaceId?: string,
): Promise<{ report: ReportRecord; updated: boolean; missing: string[] }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const extracted = await extractFile(file.name, bytes, browserReaders, onProgress);
  const existing = replaceId ? await db.reports.get(replaceId) : await findExisting(db, { text: extracted.text });
  const draft = draftReport(existing?.id ?? newUserReportId(), extracted.metadata, extracted.kind, {
    fileName: file.name,
  });
  // an update keeps what the user already confirmed; only the text and file change
  const meta = existing
    ? {
        ...(({ source: _s, levelRank: _l, passageCount: _p, ...m }) => m)(existing),
        fileName: file.name,
        origin: extracted.kind,
      }
    : draft.meta;
  const report = await putUserReport(db, { meta, text: extracted.text });
  return { report, updated: existing !== undefined, missing: existing ? [] : draft.missing };
}

export function FileImport({ db, onChanged }: { db: PolicyDatabase; onChanged: () => void }) {
  const [rows, setRows] = useState<FileRow[]>([]);
  const [dragging, setDragging] = useState(false);

  const run = async (files: File[]) => {
    const start = rows.length;
    setRows((r) => [...r, ...files.map((f) => ({ name: f.name, progress: 0, status: 'waiting' as const }))]);
    const update = (i: number, patch: Partial<FileRow>) =>
      setRows((r) => r.map((row, j) => (j === start + i ? { ...row, ...patch } : row)));
    // one at a time: a 100-page PDF and ten small files should not all parse at once
    for (const [i, file] of files.entries()) {
      update(i, { status: 'reading' });
      try {
        const { report, updated, missing } = await importFile(db, file, (progress, pages) =>
          update(i, { progress, ...(pages ? { pages } : {}) }),
        );
        update(i, {
          status: updated ? 'updated' : 'added',
          progress: 1,
          reportId: report.id,
          missing,
          message: `${report.title}（${t('library_passages', report.passageCount)}）`,
        });
        onChanged();
      } catch (error) {
        update(i, { status: 'failed', message: refusalText(error, file.name) });
      }
    }
  };

  return (
    <section class="import" data-testid="import">
      <h2>{t('library_importTitle')}</h2>
      <label
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void run([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <span>{t('library_dropHint')}</span>
        <input
          type="file"
          multiple
          data-testid="file-input"
          accept=".pdf,.docx,.html,.htm,.txt,application/pdf,text/plain,text/html"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void run([...(input.files ?? [])]);
            input.value = '';
          }}
        />
      </label>
      <p class="meta">{t('library_limits')}</p>
      {rows.length > 0 && (
        <ul class="file-rows" data-testid="file-rows">
          {rows.map((row, i) => (
            <li key={i} data-status={row.status} data-testid="file-row">
              <b>{row.name}</b> <progress max={1} value={row.progress} />{' '}
              {row.status === 'reading' && row.pages && (
                <span class="meta" data-testid="file-pages">
                  {t('libscale_importPages', row.pages.done, row.pages.total)}{' '}
                </span>
              )}
              <span class={row.status === 'failed' ? 'error' : 'meta'}>
                {t(`library_status_${row.status}` as 'library_status_added')} {row.message ?? ''}
                {row.missing && row.missing.length > 0 && ` · ${t('library_fillMissing')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
