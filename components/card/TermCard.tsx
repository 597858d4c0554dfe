import { useState } from 'preact/hooks';
import { sentenceAround, spansIn } from '../../lib/corpus/sentences';
import { t } from '../../lib/i18n';
import type { SaveOutcome } from '../../lib/messages/clippings';
import type { CardPassage, TermCardData } from '../../lib/messages/corpus';
import { HighlightedText } from './HighlightedText';
import { levelName, plural } from './labels';

export interface TermCardProps {
  canonical: string;
  /** The form written on the page, when it differs from the canonical name. */
  matchedForm: string;
  state: { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: TermCardData | null };
  onSave: (passage: CardPassage) => Promise<SaveOutcome>;
  onCopy: (passage: CardPassage) => Promise<boolean>;
  /** Opens the term's passages in a tab: all of them, or one report's when `reportId` is given. */
  onMore: (reportId?: string) => void;
  onClose: () => void;
}

function outcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return t('card_saved');
    case 'duplicate':
      return t('card_duplicate');
    case 'refused':
    case 'failed':
      return t('card_notSaved', outcome.reason);
  }
}

/** What a passage shows: its sentence (with ellipses where cut) or, expanded, the whole paragraph. */
export function shownText(passage: CardPassage, expanded: boolean): { text: string; spans: [number, number][] } {
  if (expanded) return { text: passage.text, spans: passage.spans };
  const window = passage.sentence ?? sentenceAround(passage.text, passage.spans);
  const lead = window.clippedStart ? '…' : '';
  const tail = window.clippedEnd ? '…' : '';
  const spans = spansIn(passage.spans, window.start, window.end).map(
    ([s, e]) => [s + lead.length, e + lead.length] as [number, number],
  );
  return { text: `${lead}${passage.text.slice(window.start, window.end)}${tail}`, spans };
}

function PassageItem({ passage, onSave, onCopy }: { passage: CardPassage } & Pick<TermCardProps, 'onSave' | 'onCopy'>) {
  const [status, setStatus] = useState<string>('');
  const [expanded, setExpanded] = useState(false);
  const shown = shownText(passage, expanded);
  const whole = shown.text === passage.text;
  return (
    <li class="passage" data-passage-id={passage.passageId} data-expanded={expanded ? 'true' : 'false'}>
      <p class="text">
        <HighlightedText text={shown.text} spans={shown.spans} />
      </p>
      <p class="source" title={passage.reportTitle}>
        <span class={`level level-${passage.level}`}>{levelName(passage.level)}</span>{' '}
        {passage.own && (
          <>
            <span class="level own">{t('library_badge')}</span>{' '}
          </>
        )}
        <span class="issuer">{passage.issuer}</span>
        <span class="sep"> · </span>
        <span class="date">{passage.date}</span>
        {passage.section && (
          <>
            <span class="sep"> · </span>
            <span class="section">{passage.section}</span>
          </>
        )}
      </p>
      <div class="actions">
        {(!whole || expanded) && (
          <button
            type="button"
            class="expand"
            data-action="expand"
            aria-expanded={expanded}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? t('card_collapse') : t('card_expand')}
          </button>
        )}
        <button
          type="button"
          data-action="save"
          onClick={async () => {
            setStatus(t('card_saving'));
            try {
              setStatus(outcomeText(await onSave(passage)));
            } catch (error) {
              setStatus(t('card_notSaved', error instanceof Error ? error.message : String(error)));
            }
          }}
        >
          {t('card_save')}
        </button>
        <button
          type="button"
          data-action="copy"
          onClick={async () =>
            // what the reader sees is what they quote: the sentence, or the paragraph once expanded
            setStatus(
              (await onCopy({ ...passage, text: shown.text, spans: shown.spans }))
                ? t('card_copied')
                : t('card_copyFailed'),
            )
          }
        >
          {t('card_copy')}
        </button>
        <span class="status" role="status">
          {status}
        </span>
      </div>
    </li>
  );
}

/** The hover card: what the programme is and, sentence by sentence, what the reports say about it. */
export function TermCard({ canonical, matchedForm, state, onSave, onCopy, onMore, onClose }: TermCardProps) {
  const data = state.kind === 'ready' ? state.data : null;
  const hiddenPassages = data ? data.total - data.passages.length : 0;
  const reportTotal = data ? (data.reportTotal ?? data.perReport.length) : 0;
  const hiddenReports = data ? reportTotal - data.perReport.length : 0;
  return (
    <section class="card" role="dialog" aria-label={t('card_dialogLabel', canonical)}>
      <header>
        <h2 class="term">{canonical}</h2>
        {matchedForm !== canonical && <span class="form">{t('card_writtenAs', matchedForm)}</span>}
        <button type="button" class="close" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {state.kind === 'loading' && <p class="muted">{t('card_loading')}</p>}
      {state.kind === 'error' && <p class="muted">{t('card_error', state.message)}</p>}
      {state.kind === 'ready' && !data && <p class="muted">{t('card_unknownTerm')}</p>}
      {data && (
        <>
          <p class="explanation">{data.term.explanation}</p>
          {data.total === 0 ? (
            <p class="muted">{t('card_noPassages')}</p>
          ) : (
            <>
              <ol class="passages">
                {data.passages.map((p) => (
                  <PassageItem key={p.passageId} passage={p} onSave={onSave} onCopy={onCopy} />
                ))}
              </ol>
              {hiddenPassages > 0 && (
                <p class="muted more-count" data-testid="more-count">
                  {plural('card_morePassages', hiddenPassages)}
                </p>
              )}
              <ul class="reports" aria-label={t('card_reportsLabel')}>
                {data.perReport.map((r) => (
                  <li key={r.reportId}>
                    <button
                      type="button"
                      class="report-link"
                      data-action="report"
                      data-report-id={r.reportId}
                      title={t('card_openReport')}
                      onClick={() => onMore(r.reportId)}
                    >
                      <span class={`level level-${r.level}`}>{levelName(r.level)}</span>{' '}
                      {r.own && (
                        <>
                          <span class="level own">{t('library_badge')}</span>{' '}
                        </>
                      )}
                      <span class="report-title">{r.title}</span> <b>{plural('card_reportCount', r.count)}</b>
                    </button>
                  </li>
                ))}
                {hiddenReports > 0 && <li class="muted">{plural('card_moreReports', hiddenReports)}</li>}
              </ul>
            </>
          )}
          <footer>
            <button type="button" class="more" data-action="more" onClick={() => onMore()}>
              {plural('card_all', data.total)}
            </button>
          </footer>
        </>
      )}
    </section>
  );
}
