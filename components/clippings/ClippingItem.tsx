import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import { formatCitation, isoDay } from '../../lib/clippings/citation';
import { termName } from '../../lib/clippings/terms';
import { parseWebUrl } from '../../lib/clippings/url';
import type { ClippingRecord } from '../../lib/db/records';

interface Props {
  clipping: ClippingRecord;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onSave: (id: string, edit: { note: string; tags: string[] }) => Promise<void>;
  onDelete: (ids: string[]) => void;
  onTermFilter: (termId: string) => void;
  onTagFilter: (tag: string) => void;
}

function ClippingItemView({ clipping: c, selected, onSelect, onSave, onDelete, onTermFilter, onTagFilter }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(c.note);
  const [tags, setTags] = useState(c.tags.join('，'));
  const [error, setError] = useState('');
  const link = parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;
  const source = c.kind === 'passage' ? [c.title, c.section].filter(Boolean).join(' · ') : c.title || c.site || link;

  const save = async () => {
    setError('');
    try {
      await onSave(c.id, { note, tags: tags.split(/[,，、;；\s]+/) });
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <li class={`clipping${c.notFoundAt !== undefined ? ' not-found' : ''}`} data-testid="clipping" data-id={c.id}>
      <div class="row">
        <input
          type="checkbox"
          aria-label="选择"
          checked={selected}
          onChange={(e) => onSelect(c.id, (e.target as HTMLInputElement).checked)}
        />
        <blockquote data-testid="quote">{c.quote}</blockquote>
      </div>
      <div class="meta">
        {c.kind === 'passage' ? '报告' : '网页'} ·{' '}
        {link ? (
          <a href={link} target="_blank" rel="noreferrer noopener" data-testid="source">
            {source}
          </a>
        ) : (
          <span data-testid="source">{source}</span>
        )}
        {c.docNumber ? ` · ${c.docNumber}` : ''} · {isoDay(c.createdAt)}
        {c.notFoundAt !== undefined && (
          <span class="flag" data-testid="not-found-flag" title={`上次检查：${isoDay(c.notFoundAt)}`}>
            未在原网页找到
          </span>
        )}
      </div>
      <div class="tags">
        {c.terms.map((t) => (
          <button type="button" class="term" key={`t-${t}`} data-testid="term-tag" onClick={() => onTermFilter(t)}>
            {termName(t)}
          </button>
        ))}
        {c.tags.map((t) => (
          <button type="button" class="tag" key={`u-${t}`} data-testid="user-tag" onClick={() => onTagFilter(t)}>
            #{t}
          </button>
        ))}
      </div>
      {editing ? (
        <div class="edit">
          <label>
            笔记
            <textarea value={note} rows={3} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </label>
          <label>
            标签（逗号分隔）
            <input value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          </label>
          <button type="button" onClick={() => void save()}>
            保存
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              setNote(c.note);
              setTags(c.tags.join('，'));
            }}
          >
            取消
          </button>
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
        <summary>引用（GB/T 7714）</summary>
        <p data-testid="citation">{formatCitation(c)}</p>
      </details>
      <div class="actions">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            编辑笔记和标签
          </button>
        )}
        <button type="button" class="danger" onClick={() => onDelete([c.id])}>
          删除
        </button>
      </div>
    </li>
  );
}

/** Re-renders only when its clipping, selection state or callbacks change. */
export const ClippingItem = memo(ClippingItemView);
