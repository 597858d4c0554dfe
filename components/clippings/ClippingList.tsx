import type { CitationStyle, ReportSource } from '../../lib/clippings/citation';
import type { ClippingRecord } from '../../lib/db/records';
import { t, tn } from '../../lib/i18n';
import { ClippingItem } from './ClippingItem';

export interface ItemCallbacks {
  onSelect: (id: string, on: boolean) => void;
  onSave: (id: string, edit: { note: string; tags: string[] }) => Promise<void>;
  onDelete: (ids: string[]) => void;
  onTermFilter: (termId: string) => void;
  onTagFilter: (tag: string) => void;
}

interface Props {
  items: readonly ClippingRecord[];
  /** How many results there are in all (the list shows the first `items`). */
  total: number;
  /** 'preview' while only the newest page is loaded. */
  loaded: 'preview' | 'all';
  selected: ReadonlySet<string>;
  style: CitationStyle;
  reports: ReadonlyMap<string, ReportSource>;
  knownTags: readonly string[];
  callbacks: ItemCallbacks;
  onMore?: () => void;
}

/** The clippings themselves, a page at a time. */
export function ClippingList({ items, total, loaded, selected, style, reports, knownTags, callbacks, onMore }: Props) {
  return (
    <>
      <p class="meta" data-testid="result-count" data-loaded={loaded}>
        {tn('clippings_results', total)}
      </p>
      <ul class="clippings" data-testid="clippings">
        {items.map((c) => (
          <ClippingItem
            key={`${c.id}:${c.updatedAt}`}
            clipping={c}
            selected={selected.has(c.id)}
            style={style}
            report={c.reportId ? reports.get(c.reportId) : undefined}
            knownTags={knownTags}
            {...callbacks}
          />
        ))}
      </ul>
      {onMore && total > items.length && (
        <button type="button" class="more" onClick={onMore}>
          {t('clippings_showMore', (total - items.length).toLocaleString())}
        </button>
      )}
    </>
  );
}
