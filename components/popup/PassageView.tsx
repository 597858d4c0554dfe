import { useEffect, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { type PassageContext, passageContext } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { passageWithSource } from '../card/source-line';
import { levelLabel } from './labels';
import { PassageActions } from './PassageActions';

/** A whole passage with the passages before and after it, its report, copy and save. */
export function PassageView({ passageId, onPassage }: { passageId: string; onPassage: (id: string) => void }) {
  const [context, setContext] = useState<PassageContext | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setContext(undefined);
    void passageContext(database(), passageId).then((c) => live && setContext(c));
    return () => {
      live = false;
    };
  }, [passageId]);

  if (context === undefined) return <p class="meta">{t('loading')}</p>;
  if (context === null) return <p class="meta">{t('noResults')}</p>;
  const { passage, report, previous, next } = context;
  const withSource = passageWithSource({
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
  return (
    <article class="passage-view" data-testid="passage-view" data-passage-id={passage.id}>
      <p class="meta">
        <span class="badge">{levelLabel(report.level)}</span>{' '}
        {report.source === 'user' && <span class="badge">{t('library_badge')}</span>} {report.title} · {report.issuer} ·{' '}
        {report.date}
        {report.dateEnd ? `–${report.dateEnd}` : ''} · {passage.section}
      </p>
      {previous && (
        <button type="button" class="context" data-nav onClick={() => onPassage(previous.id)}>
          <span class="meta">{t('popup_previousLabel')} </span>
          {previous.text}
        </button>
      )}
      <p class="current">{passage.text}</p>
      {next && (
        <button type="button" class="context" data-nav onClick={() => onPassage(next.id)}>
          <span class="meta">{t('popup_nextLabel')} </span>
          {next.text}
        </button>
      )}
      <PassageActions passageId={passage.id} textWithSource={withSource} />
    </article>
  );
}
