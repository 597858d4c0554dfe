import { useEffect, useState } from 'preact/hooks';
import { normalizeUrl } from '../../lib/clippings/url';
import type { ReportRecord } from '../../lib/corpus/records';
import { newUserReportId, type UserReportMeta } from '../../lib/corpus/user-report';
import type { PolicyDatabase } from '../../lib/db/database';
import { findExisting, putUserReport } from '../../lib/db/library';
import { draftReport, type ReportDraft } from '../../lib/documents/draft';
import { extractArticle, parseHtml } from '../../lib/documents/html-article';
import { checkText } from '../../lib/documents/limits';
import { t } from '../../lib/i18n';
import { ReportForm } from './ReportForm';
import { tabPage } from './tab-page';

type State =
  | { kind: 'reading' }
  | { kind: 'form'; draft: ReportDraft; text: string; existing?: ReportRecord }
  | { kind: 'saved'; report: ReportRecord; updated: boolean }
  | { kind: 'failed'; message: string };

/**
 * Adds the page of a tab: its HTML read from the tab, the article extracted here (DOMParser, in
 * the extension page), the metadata shown in a short form. A page already in the library (same
 * address key, or same text) is offered as an update of that report instead of a duplicate.
 */
export function AddPage({ db, tabId, onSaved }: { db: PolicyDatabase; tabId: number; onSaved: () => void }) {
  const [state, setState] = useState<State>({ kind: 'reading' });

  useEffect(() => {
    void (async () => {
      try {
        const { html, url } = await tabPage(tabId);
        const article = extractArticle(parseHtml(html), url);
        checkText(article.metadata.title || url, article.text);
        const urlKey = normalizeUrl(url) ?? undefined;
        const existing = await findExisting(db, { urlKey, text: article.text });
        const draft = draftReport(existing?.id ?? newUserReportId(), article.metadata, 'page', { urlKey });
        if (existing)
          draft.meta = { ...draft.meta, level: existing.level, region: existing.region || draft.meta.region };
        setState({ kind: 'form', draft, text: article.text, existing });
      } catch (error) {
        setState({ kind: 'failed', message: `${t('library_pageFailed')} ${(error as Error).message}` });
      }
    })();
  }, [tabId]);

  const save = async (meta: UserReportMeta, text: string, existing?: ReportRecord) => {
    try {
      const report = await putUserReport(db, { meta: { ...meta, addedAt: existing?.addedAt }, text });
      setState({ kind: 'saved', report, updated: existing !== undefined });
      onSaved();
    } catch (error) {
      setState({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <section class="add-page" data-testid="add-page">
      <h2>{t('library_addPageTitle')}</h2>
      {state.kind === 'reading' && <p class="meta">{t('loading')}</p>}
      {state.kind === 'failed' && (
        <p class="error" data-testid="add-page-error">
          {state.message}
        </p>
      )}
      {state.kind === 'saved' && (
        <p class="ok" data-testid="add-page-done">
          {state.updated ? t('library_pageUpdated') : t('library_pageAdded')} {state.report.title}（
          {t('library_passages', state.report.passageCount)}）
        </p>
      )}
      {state.kind === 'form' && (
        <>
          {state.existing && (
            <p class="warn" data-testid="add-page-existing">
              {t('library_alreadyInLibrary')} {state.existing.title}
            </p>
          )}
          <ReportForm
            initial={state.draft.meta}
            missing={state.draft.missing}
            submitLabel={state.existing ? t('library_update') : t('library_add')}
            onSubmit={(meta) => save(meta, state.text, state.existing)}
          />
          <details>
            <summary>{t('library_previewText')}</summary>
            <pre class="preview">{state.text.slice(0, 3000)}</pre>
          </details>
        </>
      )}
    </section>
  );
}
