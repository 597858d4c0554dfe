import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import { type CitationStyle, formatCitation, isoDay, type ReportSource } from '../../lib/clippings/citation';
import { splitTags } from '../../lib/clippings/tags';
import { termName } from '../../lib/clippings/terms';
import { parseWebUrl } from '../../lib/clippings/url';
import type { ClippingRecord } from '../../lib/db/records';
import { t } from '../../lib/i18n';
import { TagInput } from './TagInput';

interface Props {
  clipping: ClippingRecord;
  selected: boolean;
  style: CitationStyle;
  report: ReportSource | undefined;
  /** The user's tags, for suggestions while editing. */
  knownTags: readonly string[];
  onSelect: (id: string, selected: boolean) => void;
  onSave: (id: string, edit: { note: string; tags: string[] }) => Promise<void>;
  onDelete: (ids: string[]) => void;
  onTermFilter: (termId: string) => void;
  onTagFilter: (tag: string) => void;
}

/** Where a clipping links to: its page, or for a report passage the passage in the extension. */
function linkOf(c: ClippingRecord): string | undefined {
  if (c.kind === 'passage' && c.passageId) return `popup.html?passage=${encodeURIComponent(c.passageId)}`;
  return parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;
}

function ClippingItemView(props: Props) {
  const { clipping: c, selected, onSelect, onSave, onDelete, onTermFilter, onTagFilter } = props;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(c.note);
  const [tags, setTags] = useState(c.tags.join('，'));
  const [error, setError] = useState('');
  const link = linkOf(c);
  const source =
    c.kind === 'passage' ? [c.title, c.section].filter(Boolean).join(' · ') : c.title || c.site || link || '';

  const save = async () => {
    setError('');
    try {
      await onSave(c.id, { note, tags: splitTags(tags) });
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const cancel = () => {
    setEditing(false);
    setNote(c.note);
    setTags(c.tags.join('，'));
  };

  return (
    <li class={`clipping${c.notFoundAt !== undefined ? ' not-found' : ''}`} data-testid="clipping" data-id={c.id}>
      <div class="row">
        <input
          type="checkbox"
          aria-label={t('clippings_selectOne')}
          checked={selected}
          onChange={(e) => onSelect(c.id, (e.target as HTMLInputElement).checked)}
        />
        <blockquote data-testid="quote">{c.quote}</blockquote>
      </div>
      <div class="meta">
        <span class="kind">{c.kind === 'passage' ? t('clippings_kindReport') : t('clippings_kindPage')}</span>
        {link ? (
          <a href={link} target="_blank" rel="noreferrer noopener" data-testid="source">
            {source}
          </a>
        ) : (
          <span data-testid="source">{source}</span>
        )}
        {c.docNumber && <span>{c.docNumber}</span>}
        {c.published && <span data-testid="published">{t('clippings_publishedOn', c.published)}</span>}
        <span data-testid="saved">{t('clippings_savedOn', isoDay(c.createdAt))}</span>
        {c.notFoundAt !== undefined && (
          <span class="flag" data-testid="not-found-flag" title={t('clippings_lastChecked', isoDay(c.notFoundAt))}>
            {t('clippings_notFoundFlag')}
          </span>
        )}
      </div>
      <div class="tags">
        {c.terms.map((id) => (
          <button type="button" class="term" key={`t-${id}`} data-testid="term-tag" onClick={() => onTermFilter(id)}>
            {termName(id)}
          </button>
        ))}
        {c.tags.map((tag) => (
          <button type="button" class="tag" key={`u-${tag}`} data-testid="user-tag" onClick={() => onTagFilter(tag)}>
            #{tag}
          </button>
        ))}
      </div>
      {editing ? (
        <div class="edit">
          <label>
            {t('clippings_note')}
            <textarea value={note} rows={3} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </label>
          <TagInput value={tags} onChange={setTags} known={props.knownTags} label={t('clippings_tagsField')} />
          <div class="buttons">
            <button type="button" class="primary" onClick={() => void save()}>
              {t('clippings_save')}
            </button>
            <button type="button" onClick={cancel}>
              {t('clippings_cancel')}
            </button>
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </div>
      ) : (
        c.note && (
          <p class="note" data-testid="note">
            {c.note}
          </p>
        )
      )}
      <details class="cite">
        <summary>{t('clippings_citation')}</summary>
        <p data-testid="citation">{formatCitation(c, { style: props.style, report: props.report })}</p>
      </details>
      <div class="actions">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('clippings_edit')}
          </button>
        )}
        <button type="button" class="danger" onClick={() => onDelete([c.id])}>
          {t('clippings_delete')}
        </button>
      </div>
    </li>
  );
}

/** Re-renders only when its clipping, selection state, style or callbacks change. */
export const ClippingItem = memo(ClippingItemView);
