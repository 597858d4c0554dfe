// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CrossRefData, CrossRefMatrix } from '../../components/crossref/CrossRefApp';
import {
  columnTree,
  DEFAULT_COLUMNS,
  defaultOpen,
  heatLevel,
  matchesReport,
  visibleColumns,
} from '../../components/crossref/columns';
import { matrixFromCounts, readCounts } from '../../components/crossref/counts';
import { FULL_RENDER_CELLS, rowWindow } from '../../components/crossref/row-window';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { database } from '../../lib/db/database';
import { crossReference, reportsInOrder } from '../../lib/db/queries';
import { seedCorpus } from '../../lib/db/seed';
import { addLibrary, largeLibrary } from './fixtures/large-library';

afterEach(() => cleanup());

const db = database();
let small: CrossRefData;

beforeAll(async () => {
  await seedCorpus(db, buildCorpus(bundledCorpusInput()));
  small = { reports: await reportsInOrder(db), terms: await db.terms.toArray(), matrix: await crossReference(db) };
});

describe('matrix columns', () => {
  it('opens every report of a small library as its own column, in reading order', () => {
    const tree = columnTree(small.reports);
    const columns = visibleColumns(tree, defaultOpen(tree));
    expect(columns.map((c) => c.report?.id)).toEqual(small.reports.map((r) => r.id));
  });

  it('groups 1,000 reports by level and region, within the default column budget', () => {
    const { reports } = largeLibrary(1000, 'sanyi-xietong', '三医协同');
    const tree = columnTree(reports);
    expect(tree.map((n) => n.level)).toEqual(['national', 'provincial', 'municipal', 'county']);
    const columns = visibleColumns(tree, defaultOpen(tree));
    expect(columns.length).toBeLessThanOrEqual(DEFAULT_COLUMNS);
    // every report is in exactly one visible column
    const ids = columns.flatMap((c) => c.reportIds);
    expect(ids.length).toBe(1000);
    expect(new Set(ids).size).toBe(1000);
    // the municipal level is split by province
    const municipal = tree.find((n) => n.level === 'municipal');
    expect(municipal?.children.every((c) => c.kind === 'region')).toBe(true);
    // opening one region shows its reports in its place
    const region = municipal?.children[0];
    const opened = visibleColumns(tree, new Set([...defaultOpen(tree), 'level:municipal', region?.key ?? '']));
    expect(opened.filter((c) => c.parent === region?.key).map((c) => c.report?.id)).toEqual(
      region?.reports.map((r) => r.id),
    );
  });

  it('shades counts on a log scale, the largest darkest', () => {
    expect(heatLevel(0, 40)).toBe(0);
    expect(heatLevel(1, 40)).toBeGreaterThanOrEqual(1);
    expect(heatLevel(40, 40)).toBe(5);
    expect(heatLevel(1, 1)).toBe(5);
    const levels = [1, 2, 5, 10, 20, 40].map((n) => heatLevel(n, 40));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('filters reports by title, issuer, region or date', () => {
    const report = small.reports.find((r) => r.id === 'fujian-cities-third-plenum-2024-07');
    if (!report) throw new Error('bundled report missing');
    expect(matchesReport(report, '漳州')).toBe(true);
    expect(matchesReport(report, '2024-07')).toBe(true);
    expect(matchesReport(report, '浙江')).toBe(false);
  });
});

describe('matrix counts and rows', () => {
  it('reads the matrix from the stored counts, equal to a full scan; a report without counts from its hits', async () => {
    const flat = (m: Map<string, Map<string, number>>) =>
      [...m].flatMap(([t, row]) => [...row].map(([r, n]) => `${t}|${r}|${n}`)).sort();
    const stored = await db.reportTermCounts.toArray();
    expect(flat(matrixFromCounts(stored))).toEqual(flat(await crossReference(db)));
    expect(flat(matrixFromCounts(stored)).length).toBeGreaterThan(20);
    // generated reports written straight into the tables, without their counts rows
    const library = largeLibrary(300, 'sanyi-xietong', '三医协同');
    await addLibrary(db, library);
    try {
      const ids = (await db.reports.toArray()).map((r) => r.id);
      const rows = await readCounts(db, ids, await db.reportTermCounts.toArray());
      expect(rows.map((r) => r.reportId).sort()).toEqual([...ids].sort());
      const matrix = matrixFromCounts(rows);
      expect(flat(matrix)).toEqual(flat(await crossReference(db)));
      expect(matrix.get('sanyi-xietong')?.get('gen-0001')).toBe(2);
    } finally {
      await db.transaction('rw', [db.reports, db.passages, db.termHits], async () => {
        await db.reports.bulkDelete(library.reports.map((r) => r.id));
        await db.passages.bulkDelete(library.passages.map((p) => p.id));
        await db.termHits.bulkDelete(library.hits.map((h) => [h.termId, h.passageId] as [string, string]));
      });
    }
  }, 60_000);

  it('renders a small table whole and a large one from the rows in view', () => {
    const view = { scrollTop: 0, height: 600, headHeight: 100, rowHeight: 25 };
    expect(rowWindow(100, 5, view)).toEqual({ start: 0, end: 100 });
    const columns = 40;
    const rows = Math.ceil(FULL_RENDER_CELLS / columns) * 4;
    const top = rowWindow(rows, columns, view);
    expect(top.start).toBe(0);
    expect(top.end).toBeGreaterThanOrEqual(600 / 25);
    expect(top.end).toBeLessThan(rows);
    // scrolled to row 100 (below the head): row 100 and the screen after it are rendered
    const mid = rowWindow(rows, columns, { ...view, scrollTop: 100 + 100 * 25 });
    expect(mid.start).toBeLessThanOrEqual(100);
    expect(mid.start).toBeGreaterThan(0);
    expect(mid.end).toBeGreaterThanOrEqual(100 + 600 / 25);
    // scrolled to the end: the last rows are rendered
    expect(rowWindow(rows, columns, { ...view, scrollTop: 1e6 }).end).toBe(rows);
    // no layout (height 0): everything
    expect(rowWindow(rows, columns, { ...view, height: 0 })).toEqual({ start: 0, end: rows });
  });
});

describe('the cross-reference page', () => {
  it('shows the titles in the heads, shades the cells and opens a cell’s passages beside the table', async () => {
    const { container } = render(<CrossRefMatrix data={small} />);
    const heads = [...container.querySelectorAll('.column-row .col-title')].map((h) => h.textContent);
    expect(heads).toEqual(small.reports.map((r) => r.title));
    const row = container.querySelector('tr[data-term-id="sanyi-xietong"]') as HTMLElement;
    const cells = [...row.querySelectorAll<HTMLElement>('td[data-report-id]')];
    const expected = small.matrix.get('sanyi-xietong');
    for (const td of cells) expect(Number(td.dataset.count)).toBe(expected?.get(td.dataset.reportId ?? '') ?? 0);
    // shaded by count: more passages, a darker (higher) step
    const heat = (td: HTMLElement) => Number(/heat-(\d)/.exec(td.className)?.[1]);
    const sorted = [...cells].sort((a, b) => Number(a.dataset.count) - Number(b.dataset.count));
    expect(sorted.map(heat)).toEqual([...sorted.map(heat)].sort((a, b) => a - b));
    expect(heat(sorted[sorted.length - 1] as HTMLElement)).toBeGreaterThan(0);

    const national = row.querySelector('td[data-report-id="national-work-conference-2024"] button') as HTMLElement;
    fireEvent.click(national);
    const pane = await screen.findByTestId('cell-passages');
    // next to the table, not below it
    expect(pane.parentElement?.className).toBe('layout');
    await waitFor(() =>
      expect(pane.querySelectorAll('li[data-passage-id]').length).toBe(expected?.get('national-work-conference-2024')),
    );
    expect(pane.querySelector('mark')?.textContent).toMatch(/三医|协同/);
    expect(pane.querySelector('[data-action="copy"]')).not.toBeNull();
    expect(pane.querySelector('[data-action="save"]')).not.toBeNull();
    expect(pane.querySelector('[data-action="copy-all"]')).not.toBeNull();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('cell-passages')).toBeNull());
  });

  it('stays within its column budget with 1,000 reports, and opens a group on demand', async () => {
    const library = largeLibrary(1000, 'sanyi-xietong', '三医协同');
    await addLibrary(db, library);
    try {
      const data: CrossRefData = {
        reports: await reportsInOrder(db),
        terms: await db.terms.toArray(),
        matrix: await crossReference(db),
      };
      const { container } = render(<CrossRefMatrix data={data} />);
      const columns = () => container.querySelectorAll('.column-row th').length;
      expect(columns()).toBeLessThanOrEqual(DEFAULT_COLUMNS);
      const rows = container.querySelectorAll('tbody tr').length;
      expect(container.querySelectorAll('tbody td').length).toBe(rows * (columns() + 1));
      // the row total still counts every report's passages
      const total = [...(data.matrix.get('sanyi-xietong')?.values() ?? [])].reduce((a, b) => a + b, 0);
      const row = container.querySelector('tr[data-term-id="sanyi-xietong"]') as HTMLElement;
      expect(Number(row.querySelector<HTMLElement>('td.total')?.dataset.total)).toBe(total);
      // a group cell opens the passages of all its reports
      const group = row.querySelector<HTMLElement>('td[data-group] button');
      expect(group).not.toBeNull();
      const before = columns();
      fireEvent.click(container.querySelector('[data-action="open-group"]') as HTMLElement);
      expect(columns()).toBeGreaterThan(before);
      // filtering the reports narrows the columns
      fireEvent.input(screen.getByTestId('report-filter'), { target: { value: '全面推动卫生健康事业' } });
      await waitFor(() => expect(columns()).toBe(1));
    } finally {
      await db.transaction('rw', [db.reports, db.passages, db.termHits], async () => {
        await db.reports.bulkDelete(library.reports.map((r) => r.id));
        await db.passages.bulkDelete(library.passages.map((p) => p.id));
        await db.termHits.bulkDelete(library.hits.map((h) => [h.termId, h.passageId] as [string, string]));
      });
    }
  }, 60_000);
});
