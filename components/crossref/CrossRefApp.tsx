import { useEffect, useMemo, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { corpusReady, crossReference, reportsInOrder } from '../../lib/db/queries';
import type { PassageRecord, ReportRecord, TermRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import type { TermCategory } from '../../lib/terms/types';
import { HighlightedText } from '../card/HighlightedText';
import { CATEGORIES, categoryLabel, levelLabel } from '../popup/labels';

interface Data {
  reports: ReportRecord[];
  terms: TermRecord[];
  matrix: Map<string, Map<string, number>>;
}

/** A column label short enough for a table head: level, where, when (the full title is its tooltip). */
function reportLabel(report: ReportRecord): string {
  const region = report.region.split(/[：:]/)[0] ?? report.region;
  const where = region.length > 6 ? `${region.slice(0, 5)}…` : region;
  const mine = report.source === 'user' ? `${t('library_badge')} · ` : '';
  return `${mine}${levelLabel(report.level)} · ${where} · ${report.date.slice(0, 7)}`;
}

type SortKey = { column: 'term' | 'total' | string; descending: boolean };

/** Terms × reports: how many passages of each report mention each term. A cell opens its passages. */
export function CrossRefApp() {
  const [data, setData] = useState<Data | null>(null);
  const [category, setCategory] = useState<TermCategory | ''>('');
  const [onlyMentioned, setOnlyMentioned] = useState(true);
  const [sort, setSort] = useState<SortKey>({ column: 'total', descending: true });
  const [cell, setCell] = useState<{ term: TermRecord; report: ReportRecord } | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const db = database();
      if (!(await corpusReady(db))) {
        if (!stopped) setTimeout(load, 150);
        return;
      }
      const [reports, terms, matrix] = await Promise.all([reportsInOrder(db), db.terms.toArray(), crossReference(db)]);
      if (!stopped) setData({ reports, terms, matrix });
    };
    void load();
    return () => {
      stopped = true;
    };
  }, []);

  const rows = useMemo(() => {
    if (!data) return [];
    const count = (term: TermRecord, reportId: string) => data.matrix.get(term.id)?.get(reportId) ?? 0;
    const total = (term: TermRecord) => [...(data.matrix.get(term.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const list = data.terms.filter(
      (term) => (!category || term.category === category) && (!onlyMentioned || total(term) > 0),
    );
    const value = (term: TermRecord) =>
      sort.column === 'term' ? 0 : sort.column === 'total' ? total(term) : count(term, sort.column);
    return list.sort((a, b) => {
      if (sort.column === 'term') {
        const order = a.canonical.localeCompare(b.canonical, 'zh-Hans-CN');
        return sort.descending ? -order : order;
      }
      const diff = value(a) - value(b);
      return (sort.descending ? -diff : diff) || a.canonical.localeCompare(b.canonical, 'zh-Hans-CN');
    });
  }, [data, category, onlyMentioned, sort]);

  if (!data) return <p class="meta">{t('loading')}</p>;

  const header = (column: SortKey['column'], label: string, title?: string) => (
    <th
      scope="col"
      title={title}
      aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        class="link"
        data-sort={column}
        onClick={() =>
          setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== 'term' }))
        }
      >
        {label}
        {sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );

  return (
    <div class="crossref">
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
          <input
            type="checkbox"
            checked={onlyMentioned}
            onChange={(e) => setOnlyMentioned((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('onlyMentioned')}
        </label>
      </div>
      <table class="matrix" data-testid="matrix">
        <thead>
          <tr>
            {header('term', t('term'))}
            {data.reports.map((r) => header(r.id, reportLabel(r), `${r.title}（${r.issuer}，${r.date}）`))}
            {header('total', t('total'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((term) => {
            const row = data.matrix.get(term.id);
            const total = [...(row?.values() ?? [])].reduce((a, b) => a + b, 0);
            return (
              <tr key={term.id} data-term-id={term.id}>
                <th scope="row">
                  <a href={`popup.html?term=${encodeURIComponent(term.id)}`}>{term.canonical}</a>
                </th>
                {data.reports.map((report) => {
                  const n = row?.get(report.id) ?? 0;
                  return (
                    <td key={report.id} data-report-id={report.id} data-count={n} class={n === 0 ? 'zero' : ''}>
                      {n === 0 ? (
                        '·'
                      ) : (
                        <button type="button" onClick={() => setCell({ term, report })}>
                          {n}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td data-total={total}>{total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {cell && <CellPassages term={cell.term} report={cell.report} onClose={() => setCell(null)} />}
    </div>
  );
}

function CellPassages({ term, report, onClose }: { term: TermRecord; report: ReportRecord; onClose: () => void }) {
  const [hits, setHits] = useState<{ passage: PassageRecord; spans: [number, number][] }[] | null>(null);
  useEffect(() => {
    let live = true;
    const db = database();
    void (async () => {
      const list = await db.termHits
        .where('termId')
        .equals(term.id)
        .and((h) => h.reportId === report.id)
        .toArray();
      const passages = await db.passages.bulkGet(list.map((h) => h.passageId));
      const out = list.flatMap((h, i) => {
        const passage = passages[i];
        return passage ? [{ passage, spans: h.spans }] : [];
      });
      out.sort((a, b) => a.passage.seq - b.passage.seq);
      if (live) setHits(out);
    })();
    return () => {
      live = false;
    };
  }, [term.id, report.id]);
  return (
    <section class="cell-passages" data-testid="cell-passages" aria-live="polite">
      <h2>
        {term.canonical} × {report.title}{' '}
        <button type="button" class="link" onClick={onClose}>
          ×
        </button>
      </h2>
      {hits === null ? (
        <p class="meta">{t('loading')}</p>
      ) : (
        <ol>
          {hits.map(({ passage, spans }) => (
            <li key={passage.id} data-passage-id={passage.id}>
              <HighlightedText text={passage.text} spans={spans} />
              <span class="meta block">{passage.section}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
