import { useEffect, useRef, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import type { PassageRecord, ReportRecord, TermRecord } from '../../lib/db/records';
import { compareReports } from '../../lib/db/term-card';
import { t } from '../../lib/i18n';
import { HighlightedText } from '../card/HighlightedText';
import { levelName, plural } from '../card/labels';
import { passageWithSource } from '../card/source-line';
import { PassageActions } from '../popup/PassageActions';
import type { Column } from './columns';

/** Passages a pane lists at most (a group column over hundreds of reports can hold thousands). */
export const PANE_LIMIT = 200;

interface PaneHit {
  passage: PassageRecord;
  report: ReportRecord;
  spans: [number, number][];
}

function withSource({ passage, report }: PaneHit): string {
  return passageWithSource({
    passageId: passage.id,
    reportId: report.id,
    reportTitle: report.title,
    issuer: report.issuer,
    date: report.date,
    level: report.level,
    section: passage.section,
    text: passage.text,
    spans: [],
  });
}

/** The passages behind a cell, beside the table: read them, copy them with their source, save them. */
export function CellPane({
  term,
  column,
  reports,
  onClose,
}: {
  term: TermRecord;
  column: Column;
  reports: ReportRecord[];
  onClose: () => void;
}) {
  const [hits, setHits] = useState<{ list: PaneHit[]; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    const db = database();
    const wanted = new Set(column.reportIds);
    const byId = new Map(reports.map((r) => [r.id, r]));
    void (async () => {
      const list = await db.termHits
        .where('termId')
        .equals(term.id)
        .and((h) => wanted.has(h.reportId))
        .toArray();
      list.sort((a, b) => {
        const ra = byId.get(a.reportId);
        const rb = byId.get(b.reportId);
        return (
          (ra && rb ? compareReports(ra, rb) : 0) || a.passageId.localeCompare(b.passageId, 'en', { numeric: true })
        );
      });
      const shown = list.slice(0, PANE_LIMIT);
      const passages = await db.passages.bulkGet(shown.map((h) => h.passageId));
      const out = shown.flatMap((h, i) => {
        const passage = passages[i];
        const report = byId.get(h.reportId);
        return passage && report ? [{ passage, report, spans: h.spans }] : [];
      });
      if (live) setHits({ list: out, total: list.length });
    })();
    return () => {
      live = false;
    };
  }, [term.id, column.key]);
  useEffect(() => heading.current?.focus(), [term.id, column.key]);

  const title = column.report ? column.report.title : column.kind === 'level' ? levelName(column.level) : column.label;
  return (
    <aside class="cell-pane" data-testid="cell-passages" aria-live="polite" aria-label={`${term.canonical} × ${title}`}>
      <header>
        <h2 ref={heading} tabIndex={-1}>
          <span class="pane-term">{term.canonical}</span> × <span class="pane-column">{title}</span>
        </h2>
        <button type="button" class="close" data-action="close-pane" aria-label={t('crossref_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {hits === null ? (
        <p class="meta">{t('loading')}</p>
      ) : (
        <>
          <div class="pane-tools">
            <span class="meta" data-testid="pane-count">
              {plural('crossref_passages', hits.total)}
              {hits.total > hits.list.length ? ` · ${t('crossref_firstShown', hits.list.length)}` : ''}
            </span>
            <button
              type="button"
              data-action="copy-all"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(hits.list.map(withSource).join('\n\n'));
                  setStatus(t('copied'));
                } catch {
                  setStatus(t('copyFailed'));
                }
              }}
            >
              {t('crossref_copyAll')}
            </button>
            <span class="status" role="status">
              {status}
            </span>
          </div>
          <ol class="pane-passages">
            {hits.list.map((hit) => (
              <li key={hit.passage.id} data-passage-id={hit.passage.id}>
                <p class="meta">
                  <span class="badge">{levelName(hit.report.level)}</span>{' '}
                  {hit.report.source === 'user' && <span class="badge">{t('library_badge')}</span>} {hit.report.title} ·{' '}
                  {hit.report.issuer} · {hit.report.date} · {hit.passage.section}
                </p>
                <p class="pane-text">
                  <HighlightedText text={hit.passage.text} spans={hit.spans} />
                </p>
                <PassageActions passageId={hit.passage.id} textWithSource={withSource(hit)} />
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
