import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { latestClippings } from '../../lib/clippings/store';
import { termName } from '../../lib/clippings/terms';
import { database } from '../../lib/db/database';
import type { ClippingRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';

/** The latest few clippings and a link to the clippings page, for the popup. */
export function LatestClippings({ limit = 3 }: { limit?: number }) {
  const [latest, setLatest] = useState<ClippingRecord[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const subscription = liveQuery(() => latestClippings(database(), limit)).subscribe({
      next: setLatest,
      error: (e: unknown) => setError(String((e as Error)?.message ?? e)),
    });
    return () => subscription.unsubscribe();
  }, [limit]);

  const open = () => void browser.tabs.create({ url: browser.runtime.getURL('/clippings.html') });

  return (
    <section data-testid="latest-clippings">
      <h2>{t('clippings_latest')}</h2>
      {error ? (
        <p role="alert">{t('clippings_loadFailed', error)}</p>
      ) : latest === null ? null : latest.length === 0 ? (
        <p class="meta">{t('clippings_latestEmpty')}</p>
      ) : (
        <ul>
          {latest.map((c) => (
            <li key={c.id}>
              <div>{c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote}</div>
              <div class="meta">
                {c.title ?? c.site ?? ''}
                {c.terms.length > 0 ? ` · ${c.terms.map(termName).join(t('clippings_termSeparator'))}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={open} data-testid="open-clippings">
        {t('clippings_openAll')}
      </button>
    </section>
  );
}
