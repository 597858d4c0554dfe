import { useEffect, useMemo, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { type TermDetail, termDetail } from '../../lib/db/queries';
import { compareReports } from '../../lib/db/term-card';
import { buildTimeline } from '../../lib/db/term-timeline';
import { t } from '../../lib/i18n';
import { levelName, plural } from '../card/labels';
import { TermTimeline } from '../timeline/TermTimeline';
import { Excerpt } from './Excerpt';
import { categoryLabel } from './labels';

/**
 * A term: what it is, its other names, related terms, its timeline across the library, and every
 * passage grouped by report — or, with `reportId`, only that report's passages.
 */
export function TermView({
  termId,
  reportId,
  onTerm,
  onPassage,
  onAllReports,
}: {
  termId: string;
  reportId?: string;
  onTerm: (termId: string) => void;
  onPassage: (passageId: string) => void;
  onAllReports?: () => void;
}) {
  const [detail, setDetail] = useState<TermDetail | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setDetail(undefined);
    void termDetail(database(), termId).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [termId]);
  const groups = useMemo(
    () => (detail ? [...detail.groups].sort((a, b) => compareReports(a.report, b.report)) : []),
    [detail],
  );
  const timeline = useMemo(() => buildTimeline(groups), [groups]);

  if (detail === undefined) return <p class="meta">{t('loading')}</p>;
  if (detail === null) return <p class="meta">{t('noResults')}</p>;
  const { term } = detail;
  const shown = reportId ? groups.filter((g) => g.report.id === reportId) : groups;
  return (
    <article class="term-view" data-testid="term-view" data-term-id={term.id}>
      <h2 class="title">
        {term.canonical} <span class="badge">{categoryLabel(term.category)}</span>
      </h2>
      <p>{term.explanation}</p>
      <p class="meta">{term.explanationEn}</p>
      {term.aliases.length > 0 && <p class="meta">{t('popup_aliasesList', term.aliases.slice(0, 8).join('、'))}</p>}
      {detail.related.length > 0 && (
        <p class="related">
          {t('popup_relatedLabel')}
          {detail.related.map((r) => (
            <button key={r.id} type="button" class="link" data-nav onClick={() => onTerm(r.id)}>
              {r.canonical}
            </button>
          ))}
        </p>
      )}
      <p class="meta" data-testid="term-total">
        {t('passageCount', detail.total)}
      </p>
      {detail.total === 0 && <p class="meta">{t('noPassages')}</p>}
      {reportId ? (
        <p class="notice" data-testid="report-filter">
          {t('timeline_oneReport')}{' '}
          {onAllReports && (
            <button type="button" class="link" data-nav data-action="all-reports" onClick={onAllReports}>
              {plural('timeline_allReports', groups.length)}
            </button>
          )}
        </p>
      ) : (
        <TermTimeline timeline={timeline} onPassage={onPassage} />
      )}
      {shown.map(({ report, hits }) => (
        <section key={report.id} data-report-id={report.id}>
          <h3>
            <span class="badge">{levelName(report.level)}</span>{' '}
            {report.source === 'user' && <span class="badge">{t('library_badge')}</span>} {report.title}{' '}
            <span class="meta" data-testid="group-count">
              {hits.length}
            </span>
          </h3>
          <ul>
            {hits.map(({ passage, spans }) => (
              <li key={passage.id}>
                <button
                  type="button"
                  class="row"
                  data-nav
                  data-passage-id={passage.id}
                  onClick={() => onPassage(passage.id)}
                >
                  <Excerpt text={passage.text} spans={spans} />
                  <span class="meta block">
                    {report.issuer} · {report.date} · {passage.section}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
