import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { latestClippings } from '../../lib/clippings/store';
import { termName } from '../../lib/clippings/terms';
import { database } from '../../lib/db/database';
import type { ClippingRecord } from '../../lib/db/records';

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
      <h2>最近摘录</h2>
      {error ? (
        <p role="alert">读取摘录失败：{error}</p>
      ) : latest === null ? null : latest.length === 0 ? (
        <p class="meta">还没有摘录：选中网页文字，右键“保存摘录”。</p>
      ) : (
        <ul>
          {latest.map((c) => (
            <li key={c.id}>
              <div>{c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote}</div>
              <div class="meta">
                {c.title ?? c.site ?? ''}
                {c.terms.length > 0 ? ` · ${c.terms.map(termName).join('、')}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={open} data-testid="open-clippings">
        全部摘录 →
      </button>
    </section>
  );
}
