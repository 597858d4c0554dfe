import { useEffect, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { requestPersistence } from '../../lib/db/persistence';
import { corpusReady, reportsInOrder, termsByHits } from '../../lib/db/queries';
import type { ReportRecord, TermRecord } from '../../lib/db/records';

const LEVEL_LABEL: Record<ReportRecord['level'], string> = {
  national: '国家',
  'multi-provincial': '多省',
  provincial: '省级',
  municipal: '市级',
};

interface Overview {
  reports: ReportRecord[];
  terms: TermRecord[];
}

async function loadOverview(): Promise<Overview | null> {
  const db = database();
  if (!(await corpusReady(db))) return null;
  const [reports, terms] = await Promise.all([reportsInOrder(db), termsByHits(db, 12)]);
  return { reports, terms };
}

export function App() {
  const [overview, setOverview] = useState<Overview | null>(null);

  useEffect(() => {
    void requestPersistence();
    let stopped = false;
    const poll = async () => {
      const next = await loadOverview();
      if (stopped) return;
      if (next) setOverview(next);
      else setTimeout(poll, 200); // first run: the background is still seeding
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);

  return (
    <>
      <header>
        <h1>政策对照 · Policy Cross-Ref</h1>
        <p>卫生健康政策术语与权威报告对照</p>
      </header>
      <main>
        {overview === null ? (
          <p class="meta">正在载入报告库…</p>
        ) : (
          <>
            <h2>报告（{overview.reports.length}）</h2>
            <ul data-testid="reports">
              {overview.reports.map((report) => (
                <li key={report.id}>
                  <div>{report.title}</div>
                  <div class="meta">
                    {LEVEL_LABEL[report.level]} · {report.issuer} · {report.date} ·{' '}
                    <span class="count">{report.passageCount}</span> 段
                  </div>
                </li>
              ))}
            </ul>
            <h2>提及最多的项目</h2>
            <ul data-testid="terms">
              {overview.terms.map((term) => (
                <li key={term.id}>
                  <strong>{term.canonical}</strong> <span class="count">{term.hitCount}</span>
                  <div class="meta">{term.explanation}</div>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
