import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { corpusReady, reportsInOrder } from '../../lib/db/queries';
import type { ReportRecord, TermRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import type { TermCategory } from '../../lib/terms/types';
import { levelName, plural } from '../card/labels';
import { CATEGORIES, categoryLabel } from '../popup/labels';
import { CellPane } from './CellPane';
import {
  type Column,
  type ColumnNode,
  columnTree,
  defaultOpen,
  heatLevel,
  matchesReport,
  visibleColumns,
} from './columns';
import { type HitMatrix, matrixFromCounts, readCounts } from './counts';
import { OVERSCAN_ROWS, type RowView, rowWindow } from './row-window';

export interface CrossRefData {
  reports: ReportRecord[];
  terms: TermRecord[];
  matrix: HitMatrix;
}

/** A body row's height before one is measured (13px text, 3px padding, a border). */
const ROW_HEIGHT_GUESS = 24;
/** One collator for every sort (localeCompare with a locale builds one per call). */
const TERM_ORDER = new Intl.Collator('zh-Hans-CN');

type SortKey = { column: 'term' | 'total' | string; descending: boolean };

/** The cell a reader opened: a term and a column (one report, or a group of them). */
export interface OpenCell {
  term: TermRecord;
  column: Column;
}

async function loadData(): Promise<CrossRefData | null> {
  const db = database();
  // the stored per-report counts, read beside the reports: no hit is read until a cell opens
  const [ready, reports, terms, rows] = await Promise.all([
    corpusReady(db),
    reportsInOrder(db),
    db.terms.toArray(),
    db.reportTermCounts.toArray(),
  ]);
  if (!ready) return null;
  const counts = await readCounts(
    db,
    reports.map((r) => r.id),
    rows,
  );
  return { reports, terms, matrix: matrixFromCounts(counts) };
}

/** Terms × reports: how many passages of each report mention each term. The page loads its data, the matrix shows it. */
export function CrossRefApp() {
  const [data, setData] = useState<CrossRefData | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const loaded = await loadData();
      if (stopped) return;
      // the benchmark reads this mark: data ready, before the first render of the matrix
      performance.mark('crossref:data');
      if (loaded) setData(loaded);
      else setTimeout(load, 150); // first run: the background is still seeding
    };
    void load();
    return () => {
      stopped = true;
    };
  }, []);
  if (!data) return <p class="meta">{t('loading')}</p>;
  return <CrossRefMatrix data={data} />;
}

/**
 * A column head: the report's title (vertical, as Chinese column heads are written, so 100+ columns
 * stay narrow), or a group with its size and an opener. The head is the column's sort button; a
 * group's opener sits beside it (never a button inside a button).
 */
function ColumnHead({
  column,
  sortMark,
  onSort,
  onOpen,
}: {
  column: Column;
  sortMark: string;
  onSort: () => void;
  onOpen: (key: string) => void;
}) {
  const r = column.report;
  const title = r ? `${r.title}（${r.issuer}，${r.date}）` : column.label;
  return (
    <>
      <button type="button" class="sort col-head" data-sort={column.key} title={title} onClick={onSort}>
        <span class="col-date">
          {r?.source === 'user' && <span class="badge">{t('library_badge')}</span>}
          {r ? r.date.slice(0, 7) : plural('crossref_reports', column.reportIds.length)}
          {sortMark}
        </span>
        <span class="col-title">{r ? r.title : column.kind === 'level' ? levelName(column.level) : column.label}</span>
      </button>
      {!r && (
        <button
          type="button"
          class="link open-group"
          data-action="open-group"
          data-group={column.key}
          aria-label={t('crossref_openGroup', column.kind === 'level' ? levelName(column.level) : column.label)}
          onClick={() => onOpen(column.key)}
        >
          ⊕
        </button>
      )}
    </>
  );
}

/** Runs of adjacent columns sharing a value: the spans of a grouped header row. */
function runs<T>(columns: Column[], keyOf: (c: Column) => T): { key: T; span: number; first: Column }[] {
  const out: { key: T; span: number; first: Column }[] = [];
  for (const c of columns) {
    const k = keyOf(c);
    const last = out[out.length - 1];
    if (last && last.key === k) last.span++;
    else out.push({ key: k, span: 1, first: c });
  }
  return out;
}

export function CrossRefMatrix({ data }: { data: CrossRefData }) {
  const [category, setCategory] = useState<TermCategory | ''>('');
  const [onlyMentioned, setOnlyMentioned] = useState(true);
  const [level, setLevel] = useState('');
  const [reportFilter, setReportFilter] = useState('');
  const [sort, setSort] = useState<SortKey>({ column: 'total', descending: true });
  const [cell, setCell] = useState<OpenCell | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  // before the first layout the window's height stands in for the scroll box's
  const [view, setView] = useState<RowView>(() => ({
    scrollTop: 0,
    height: typeof window === 'undefined' ? 0 : window.innerHeight,
    headHeight: 0,
    rowHeight: ROW_HEIGHT_GUESS,
  }));

  const reports = useMemo(
    () => data.reports.filter((r) => (!level || r.level === level) && matchesReport(r, reportFilter)),
    [data, level, reportFilter],
  );
  const tree = useMemo(() => columnTree(reports), [reports]);
  // the groups the reader opened or folded, for the tree they were chosen in: a new filter (a new
  // tree) starts again from its default opening, decided in the same render (an effect resetting
  // it would render the whole table a second time right after the first paint)
  const defaults = useMemo(() => defaultOpen(tree), [tree]);
  const [chosen, setChosen] = useState<{ tree: ColumnNode[]; open: Set<string> } | null>(null);
  const open = chosen?.tree === tree ? chosen.open : defaults;
  const columns = useMemo(() => visibleColumns(tree, open), [tree, open]);
  const levels = useMemo(() => [...new Set(data.reports.map((r) => r.level))], [data]);

  /** Counts per term and visible column, from the nonzero entries only. */
  const counts = useMemo(() => {
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
      for (const id of c.reportIds) index.set(id, i);
    });
    const out = new Map<string, { cells: number[]; total: number }>();
    for (const term of data.terms) {
      const cells = new Array<number>(columns.length).fill(0);
      let total = 0;
      for (const [reportId, n] of data.matrix.get(term.id) ?? []) {
        const i = index.get(reportId);
        if (i === undefined) continue;
        cells[i] = (cells[i] ?? 0) + n;
        total += n;
      }
      out.set(term.id, { cells, total });
    }
    return out;
  }, [data, columns]);

  const rows = useMemo(() => {
    const list = data.terms.filter(
      (term) => (!category || term.category === category) && (!onlyMentioned || (counts.get(term.id)?.total ?? 0) > 0),
    );
    const at = columns.findIndex((c) => c.key === sort.column);
    const value = (term: TermRecord) => {
      const row = counts.get(term.id);
      return sort.column === 'total' ? (row?.total ?? 0) : (row?.cells[at] ?? 0);
    };
    return list.sort((a, b) => {
      if (sort.column === 'term') {
        const order = TERM_ORDER.compare(a.canonical, b.canonical);
        return sort.descending ? -order : order;
      }
      const diff = value(a) - value(b);
      return (sort.descending ? -diff : diff) || TERM_ORDER.compare(a.canonical, b.canonical);
    });
  }, [data, counts, columns, category, onlyMentioned, sort]);

  const max = useMemo(() => {
    let m = 0;
    for (const term of rows) for (const n of counts.get(term.id)?.cells ?? []) m = Math.max(m, n);
    return m;
  }, [rows, counts]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCell(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const toggle = (key: string, value: boolean) =>
    setChosen((s) => {
      const next = new Set(s?.tree === tree ? s.open : defaults);
      if (value) next.add(key);
      else next.delete(key);
      return { tree, open: next };
    });

  const sortButton = (column: SortKey['column'], label: preact.ComponentChildren) => (
    <button
      type="button"
      class="sort"
      data-sort={column}
      onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== 'term' }))}
    >
      {label}
      {sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
    </button>
  );
  const ariaSort = (column: string) =>
    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : ('none' as const);

  // Until the box is measured the window is a guess from the window's height with no head (more
  // rows than the box shows) and no overscan: the first frame holds the rows in view and no more.
  const measured = useRef(false);
  const shown = rowWindow(rows.length, columns.length, view, measured.current ? OVERSCAN_ROWS : 0);
  // measure the scroll box, the head and a row after each render has been painted (not before: a
  // layout forced ahead of the first paint, and a second render, would delay it); store them only
  // when they change
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('tbody tr[data-term-id]');
    const next: RowView = {
      scrollTop: el.scrollTop,
      height: el.clientHeight,
      headHeight: el.querySelector('thead')?.getBoundingClientRect().height ?? 0,
      rowHeight: row ? row.getBoundingClientRect().height : view.rowHeight,
    };
    if (
      !measured.current ||
      next.height !== view.height ||
      next.headHeight !== view.headHeight ||
      next.rowHeight !== view.rowHeight ||
      next.scrollTop !== view.scrollTop
    ) {
      measured.current = true;
      setView(next);
    }
  });
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const el = wrap.current;
        if (el) setView((v) => ({ ...v, scrollTop: el.scrollTop, height: el.clientHeight }));
      });
    };
    const el = wrap.current;
    el?.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      el?.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, []);
  const openCell = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('button[data-cell]');
    const termId = button?.closest<HTMLElement>('tr[data-term-id]')?.dataset.termId;
    const column = columns[Number(button?.dataset.cell)];
    const term = termId ? data.terms.find((t) => t.id === termId) : undefined;
    if (term && column) setCell({ term, column });
  };
  const spacer = (rowCount: number, key: string) =>
    rowCount > 0 && (
      <tr key={key} class="spacer">
        <td colSpan={columns.length + 2} style={{ height: `${rowCount * view.rowHeight}px` }} />
      </tr>
    );

  const levelRuns = runs(columns, (c) => c.level);
  const regionRuns = runs(columns, (c) => (c.parent?.startsWith('region:') ? c.parent : `solo:${c.key}`));
  const anyRegionOpen = regionRuns.some((r) => String(r.key).startsWith('region:'));

  return (
    <div class={`crossref${cell ? ' with-pane' : ''}`}>
      <header>
        <h1>
          {t('appTitle')} · {t('crossref')}
        </h1>
        <p class="meta">{t('crossrefIntro')}</p>
      </header>
      <div class="toolbar">
        <label>
          {t('category')}{' '}
          <select
            data-testid="category"
            value={category}
            onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value as TermCategory | '')}
          >
            <option value="">{t('allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('crossref_level')}{' '}
          <select
            data-testid="level"
            value={level}
            onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('allLevels')}</option>
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelName(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('crossref_reportFilter')}{' '}
          <input
            type="search"
            data-testid="report-filter"
            value={reportFilter}
            placeholder={t('crossref_reportFilterHint')}
            onInput={(e) => setReportFilter((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={onlyMentioned}
            onChange={(e) => setOnlyMentioned((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('onlyMentioned')}
        </label>
        <span class="meta" data-testid="column-summary">
          {plural('crossref_columns', columns.length)} · {plural('crossref_reportsInView', reports.length)}
        </span>
        <span class="legend" aria-hidden="true">
          {t('crossref_legend')}
          {[1, 2, 3, 4, 5].map((h) => (
            <span key={h} class={`swatch heat-${h}`} />
          ))}
        </span>
      </div>
      <div class="layout">
        <div class="matrix-wrap" data-testid="matrix-wrap" ref={wrap}>
          <table class="matrix" data-testid="matrix" aria-rowcount={rows.length + (anyRegionOpen ? 3 : 2)}>
            <thead>
              <tr class="level-row">
                <th scope="col" class="corner" rowSpan={anyRegionOpen ? 3 : 2} aria-sort={ariaSort('term')}>
                  {sortButton('term', t('term'))}
                </th>
                {levelRuns.map((run) => {
                  const levelKey = `level:${run.key}`;
                  const opened = open.has(levelKey);
                  return (
                    <th key={levelKey} scope="colgroup" colSpan={run.span} class={`group-head level-${run.key}`}>
                      {levelName(run.key)}{' '}
                      {opened && (
                        <button
                          type="button"
                          class="link"
                          data-action="fold-group"
                          data-group={levelKey}
                          aria-label={t('crossref_foldGroup', levelName(run.key))}
                          onClick={() => toggle(levelKey, false)}
                        >
                          ⊖
                        </button>
                      )}
                    </th>
                  );
                })}
                <th scope="col" class="total-head" rowSpan={anyRegionOpen ? 3 : 2} aria-sort={ariaSort('total')}>
                  {sortButton('total', t('total'))}
                </th>
              </tr>
              {anyRegionOpen && (
                <tr class="region-row">
                  {regionRuns.map((run) =>
                    String(run.key).startsWith('region:') ? (
                      <th key={String(run.key)} scope="colgroup" colSpan={run.span} class="group-head">
                        {run.first.parent?.split(':').slice(2).join(':')}{' '}
                        <button
                          type="button"
                          class="link"
                          data-action="fold-group"
                          data-group={run.first.parent}
                          onClick={() => toggle(run.first.parent as string, false)}
                        >
                          ⊖
                        </button>
                      </th>
                    ) : (
                      <th key={String(run.key)} class="group-head empty" />
                    ),
                  )}
                </tr>
              )}
              <tr class="column-row">
                {columns.map((c) => (
                  <th key={c.key} scope="col" data-column={c.key} aria-sort={ariaSort(c.key)}>
                    <ColumnHead
                      column={c}
                      sortMark={sort.column === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                      onSort={() =>
                        setSort((s) => ({ column: c.key, descending: s.column === c.key ? !s.descending : true }))
                      }
                      onOpen={(key) => toggle(key, true)}
                    />
                  </th>
                ))}
              </tr>
            </thead>
            {/* one listener for every cell's button (a listener per cell costs time with 1,000 reports);
                the buttons themselves take the keyboard (Enter and Space click a button) */}
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: the clicks come from the cells' buttons */}
            <tbody onClick={openCell}>
              {spacer(shown.start, 'above')}
              {rows.slice(shown.start, shown.end).map((term, i) => {
                const row = counts.get(term.id);
                return (
                  <tr
                    key={term.id}
                    data-term-id={term.id}
                    aria-rowindex={(anyRegionOpen ? 3 : 2) + shown.start + i + 1}
                  >
                    <th scope="row">
                      <a href={`popup.html?term=${encodeURIComponent(term.id)}`} target="_blank" rel="noreferrer">
                        {term.canonical}
                      </a>
                    </th>
                    {columns.map((column, i) => {
                      const n = row?.cells[i] ?? 0;
                      const heat = heatLevel(n, max);
                      const selected = cell?.term.id === term.id && cell.column.key === column.key;
                      return (
                        <td
                          key={column.key}
                          {...(column.report ? { 'data-report-id': column.report.id } : { 'data-group': column.key })}
                          data-count={n}
                          class={`heat-${heat}${n === 0 ? ' zero' : ''}${selected ? ' selected' : ''}`}
                        >
                          {n === 0 ? (
                            '·'
                          ) : (
                            <button
                              type="button"
                              // the table's row and column heads name the cell for a screen reader
                              aria-pressed={selected}
                              data-cell={i}
                            >
                              {n}
                            </button>
                          )}
                        </td>
                      );
                    })}
                    <td class="total" data-total={row?.total ?? 0}>
                      {row?.total ?? 0}
                    </td>
                  </tr>
                );
              })}
              {spacer(rows.length - shown.end, 'below')}
            </tbody>
          </table>
        </div>
        {cell && (
          <CellPane
            key={`${cell.term.id}|${cell.column.key}`}
            term={cell.term}
            column={cell.column}
            reports={data.reports}
            onClose={() => setCell(null)}
          />
        )}
      </div>
    </div>
  );
}
