import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportCsv, exportJson, exportMarkdown } from '../../lib/clippings/export';
import { checkBackup, MAX_IMPORT_CHARS } from '../../lib/clippings/import';
import { UNDO_WINDOW_MS } from '../../lib/clippings/limits';
import { ClippingSearch } from '../../lib/clippings/search';
import {
  activeClippings,
  editClipping,
  importClippings,
  lastBackupAt,
  markBackup,
  previewClippings,
  purgeDeleted,
  softDelete,
  undoDelete,
} from '../../lib/clippings/store';
import { termName } from '../../lib/clippings/terms';
import { database } from '../../lib/db/database';
import { type PersistenceState, requestPersistence } from '../../lib/db/persistence';
import type { ClippingRecord } from '../../lib/db/records';
import { loadSelectionButton, saveSelectionButton } from '../../lib/settings/clippings';
import { ClippingItem } from './ClippingItem';
import { downloadText, stamp } from './download';
import { applyFilters, type ClippingFilters, facet, NO_FILTERS } from './filter';

/** Clippings rendered at once; more on demand (the list can hold tens of thousands). */
const PAGE = 50;

type Notice = { kind: 'info' | 'error'; text: string; details?: string[] } | null;

const PERSISTENCE_LABEL: Record<PersistenceState, string> = {
  persisted: '已启用持久存储：浏览器不会在空间紧张时清除摘录。',
  'best-effort': '未获持久存储许可：空间紧张时浏览器可能清除数据，请定期备份。',
  unsupported: '此浏览器不支持持久存储请求，请定期备份。',
};

export function ClippingsApp() {
  const db = database();
  const [clippings, setClippings] = useState<ClippingRecord[] | null>(null);
  const [loadError, setLoadError] = useState('');
  /** The newest page and the total, shown while all clippings (for search and filters) load. */
  const [preview, setPreview] = useState<{ items: ClippingRecord[]; total: number } | null>(null);
  const [query, setQuery] = useState('');
  const search = useMemo(() => new ClippingSearch(), []);
  const [filters, setFilters] = useState<ClippingFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<{ ids: string[]; at: number } | null>(null);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [backupAt, setBackupAt] = useState<number | null | undefined>(undefined);
  const [usage, setUsage] = useState<string>('');
  const [selectionButton, setSelectionButton] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void previewClippings(db, PAGE)
      .then(setPreview)
      .catch(() => {});
    void purgeDeleted(db).catch(() => {});
    const subscription = liveQuery(() => activeClippings(db)).subscribe({
      next: (list) => setClippings(list),
      error: (e: unknown) => setLoadError(`读取摘录失败：${String((e as Error)?.message ?? e)}`),
    });
    void requestPersistence().then(setPersistence);
    void lastBackupAt(db).then(setBackupAt);
    void navigator.storage
      ?.estimate?.()
      .then((e) => setUsage(`已用 ${((e.usage ?? 0) / 1048576).toFixed(1)} MB`))
      .catch(() => {});
    void loadSelectionButton().then(setSelectionButton);
    return () => subscription.unsubscribe();
  }, [db]);

  // prepare the search texts while the user has not typed yet
  useEffect(() => {
    if (!clippings) return;
    const timer = setTimeout(() => search.warm(clippings), 50);
    return () => clearTimeout(timer);
  }, [clippings, search]);

  // the undo window: once it passes, the deletion is made final
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => {
      setUndo(null);
      void previewClippings(db, PAGE)
        .then(setPreview)
        .catch(() => {});
      void purgeDeleted(db).catch(() => {});
    }, UNDO_WINDOW_MS + 500);
    return () => clearTimeout(timer);
  }, [db, undo]);

  const all = clippings ?? [];
  const searchIds = useMemo(() => search.ids(all, query), [all, query, search]);
  const visible = useMemo(() => applyFilters(all, filters, searchIds), [all, filters, searchIds]);
  const terms = useMemo(() => facet(all, (c) => c.terms), [all]);
  const tags = useMemo(() => facet(all, (c) => c.tags), [all]);
  const sites = useMemo(() => facet(all, (c) => (c.site ? [c.site] : [])), [all]);
  const notFound = useMemo(() => all.filter((c) => c.notFoundAt !== undefined).length, [all]);
  const chosen = all.filter((c) => selected.has(c.id));
  const exportSet = chosen.length > 0 ? chosen : all;

  const setFilter = useCallback(<K extends keyof ClippingFilters>(key: K, value: ClippingFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setShown(PAGE);
  }, []);

  const remove = useCallback(
    async (ids: string[]) => {
      try {
        await softDelete(db, ids);
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
        setUndo({ ids, at: Date.now() });
      } catch (e) {
        setNotice({ kind: 'error', text: `删除失败：${(e as Error).message}` });
      }
    },
    [db],
  );

  // stable callbacks, so an unchanged item is not re-rendered when the list around it changes
  const itemCallbacks = useMemo(
    () => ({
      onSelect: (id: string, on: boolean) =>
        setSelected((s) => {
          const next = new Set(s);
          on ? next.add(id) : next.delete(id);
          return next;
        }),
      onSave: (id: string, edit: { note: string; tags: string[] }) => editClipping(db, id, edit),
      onDelete: (ids: string[]) => void remove(ids),
      onTermFilter: (t: string) => setFilter('term', t),
      onTagFilter: (t: string) => setFilter('tag', t),
    }),
    [db, remove, setFilter],
  );

  const restore = async () => {
    if (!undo) return;
    try {
      await undoDelete(db, undo.ids);
      setUndo(null);
    } catch (e) {
      setNotice({ kind: 'error', text: `撤销失败：${(e as Error).message}` });
    }
  };

  const doExport = async (kind: 'md' | 'csv' | 'json') => {
    const records = exportSet;
    const name = `policy-cross-ref-clippings-${stamp()}`;
    if (kind === 'md') downloadText(`${name}.md`, exportMarkdown(records), 'text/markdown;charset=utf-8');
    if (kind === 'csv') downloadText(`${name}.csv`, exportCsv(records), 'text/csv;charset=utf-8');
    if (kind === 'json') {
      downloadText(`${name}.json`, exportJson(records), 'application/json;charset=utf-8');
      if (records === all) {
        try {
          await markBackup(db);
          setBackupAt(await lastBackupAt(db));
        } catch (e) {
          setNotice({ kind: 'error', text: `备份时间未能记录：${(e as Error).message}` });
        }
      }
    }
    setNotice({ kind: 'info', text: `已导出 ${records.length} 条摘录（${kind.toUpperCase()}）。` });
  };

  const doImport = async (file: File) => {
    if (file.size > MAX_IMPORT_CHARS) {
      setNotice({ kind: 'error', text: `文件过大（${(file.size / 1048576).toFixed(1)} MB），未导入任何摘录。` });
      return;
    }
    const check = checkBackup(await file.text());
    if (!check.ok) {
      setNotice({ kind: 'error', text: `“${file.name}”无法导入，未做任何更改：`, details: check.errors });
      return;
    }
    try {
      const result = await importClippings(db, check.records);
      setNotice({
        kind: 'info',
        text: `已导入 ${check.records.length} 条：新增 ${result.added}，合并 ${result.merged}。`,
      });
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
  };

  const allVisibleSelected = visible.length > 0 && visible.every((c) => selected.has(c.id));

  return (
    <>
      <header>
        <h1>我的摘录</h1>
        <p class="status" data-testid="storage-status">
          {persistence ? PERSISTENCE_LABEL[persistence] : '正在检查存储状态…'} {usage}
        </p>
        <p class="status" data-testid="backup-status">
          {backupAt === undefined
            ? ''
            : backupAt === null
              ? '尚未备份过。卸载扩展会删除全部摘录：'
              : `上次完整备份：${new Date(backupAt).toLocaleString('zh-CN')}。`}{' '}
          <button type="button" data-testid="backup" onClick={() => void doExport('json')} disabled={all.length === 0}>
            立即备份（JSON）
          </button>
        </p>
      </header>

      <section class="toolbar">
        <input
          type="search"
          placeholder="搜索摘录、笔记、标签、来源…"
          value={query}
          data-testid="search"
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setShown(PAGE);
          }}
        />
        <select
          value={filters.term}
          onChange={(e) => setFilter('term', (e.target as HTMLSelectElement).value)}
          aria-label="术语"
        >
          <option value="">全部术语</option>
          {terms.map((t) => (
            <option value={t} key={t}>
              {termName(t)}
            </option>
          ))}
        </select>
        <select
          value={filters.tag}
          onChange={(e) => setFilter('tag', (e.target as HTMLSelectElement).value)}
          aria-label="标签"
        >
          <option value="">全部标签</option>
          {tags.map((t) => (
            <option value={t} key={t}>
              #{t}
            </option>
          ))}
        </select>
        <select
          value={filters.site}
          onChange={(e) => setFilter('site', (e.target as HTMLSelectElement).value)}
          aria-label="来源"
        >
          <option value="">全部来源</option>
          {sites.map((s) => (
            <option value={s} key={s}>
              {s}
            </option>
          ))}
        </select>
        <label>
          从{' '}
          <input
            type="date"
            value={filters.from}
            onChange={(e) => setFilter('from', (e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          到{' '}
          <input
            type="date"
            value={filters.to}
            onChange={(e) => setFilter('to', (e.target as HTMLInputElement).value)}
          />
        </label>
        <label data-testid="not-found-filter">
          <input
            type="checkbox"
            checked={filters.notFoundOnly}
            onChange={(e) => setFilter('notFoundOnly', (e.target as HTMLInputElement).checked)}
          />
          未在原网页找到（<span data-testid="not-found-count">{notFound}</span>）
        </label>
        {(filters !== NO_FILTERS || query) && (
          <button
            type="button"
            onClick={() => {
              setFilters(NO_FILTERS);
              setQuery('');
            }}
          >
            清除筛选
          </button>
        )}
      </section>

      <section class="toolbar">
        <label>
          <input
            type="checkbox"
            checked={allVisibleSelected}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setSelected((s) => {
                const next = new Set(s);
                for (const c of visible) on ? next.add(c.id) : next.delete(c.id);
                return next;
              });
            }}
          />
          全选当前结果
        </label>
        <span>{chosen.length > 0 ? `已选 ${chosen.length} 条` : `共 ${all.length} 条`}</span>
        <button type="button" disabled={chosen.length === 0} onClick={() => void remove(chosen.map((c) => c.id))}>
          删除所选
        </button>
        <span class="sep">{chosen.length > 0 ? '导出所选：' : '导出全部：'}</span>
        <button
          type="button"
          data-testid="export-md"
          disabled={exportSet.length === 0}
          onClick={() => void doExport('md')}
        >
          Markdown
        </button>
        <button
          type="button"
          data-testid="export-csv"
          disabled={exportSet.length === 0}
          onClick={() => void doExport('csv')}
        >
          CSV
        </button>
        <button
          type="button"
          data-testid="export-json"
          disabled={exportSet.length === 0}
          onClick={() => void doExport('json')}
        >
          JSON
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          导入 JSON 备份…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="import"
          style={{ display: 'none' }}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void doImport(file);
          }}
        />
        <label title="在网页上选中文字时，旁边显示一个“保存摘录”按钮">
          <input
            type="checkbox"
            checked={selectionButton}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setSelectionButton(on);
              void saveSelectionButton(on);
            }}
          />
          选中文字时显示保存按钮
        </label>
      </section>

      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.text}
          {notice.details && (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => setNotice(null)}>
            关闭
          </button>
        </div>
      )}
      {undo && (
        <div class="notice info" role="status" data-testid="undo-bar">
          已删除 {undo.ids.length} 条摘录。
          <button type="button" data-testid="undo" onClick={() => void restore()}>
            撤销
          </button>
        </div>
      )}
      {loadError && (
        <p class="notice error" role="alert">
          {loadError}
        </p>
      )}

      <main>
        {clippings === null ? (
          preview && preview.total > 0 && !query.trim() && filters === NO_FILTERS ? (
            <>
              <p class="meta" data-testid="result-count" data-loaded="preview">
                {preview.total} 条结果
              </p>
              <ul class="clippings" data-testid="clippings">
                {preview.items.map((c) => (
                  <ClippingItem
                    key={`${c.id}:${c.updatedAt}`}
                    clipping={c}
                    selected={selected.has(c.id)}
                    {...itemCallbacks}
                  />
                ))}
              </ul>
            </>
          ) : (
            <p class="meta">正在载入摘录…</p>
          )
        ) : all.length === 0 ? (
          <p class="meta" data-testid="empty">
            还没有摘录。在网页上选中文字，右键选择“保存摘录”，或按 Alt+Shift+S。
          </p>
        ) : (
          <>
            <p class="meta" data-testid="result-count" data-loaded="all">
              {visible.length} 条结果
            </p>
            <ul class="clippings" data-testid="clippings">
              {visible.slice(0, shown).map((c) => (
                <ClippingItem
                  key={`${c.id}:${c.updatedAt}`}
                  clipping={c}
                  selected={selected.has(c.id)}
                  {...itemCallbacks}
                />
              ))}
            </ul>
            {visible.length > shown && (
              <button type="button" class="more" onClick={() => setShown((n) => n + PAGE)}>
                显示更多（还有 {visible.length - shown} 条）
              </button>
            )}
          </>
        )}
      </main>
    </>
  );
}
