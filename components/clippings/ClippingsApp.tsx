import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { exportCsv, exportJson, exportMarkdown } from '../../lib/clippings/export';
import { checkBackup, MAX_IMPORT_CHARS } from '../../lib/clippings/import';
import { ClippingSearch } from '../../lib/clippings/search';
import { importClippings } from '../../lib/clippings/store';
import { exportCslJson, exportRis } from '../../lib/clippings/zotero';
import { database } from '../../lib/db/database';
import { t, tn } from '../../lib/i18n';
import { loadSelectionButton, saveSelectionButton } from '../../lib/settings/clippings';
import { BulkActions, type ExportKind } from './BulkActions';
import { ClippingList, type ItemCallbacks } from './ClippingList';
import { downloadText, stamp } from './download';
import { Filters } from './Filters';
import { applyFilters, type ClippingFilters, facet, NO_FILTERS } from './filter';
import { type Notice, Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { PAGE, useClippings } from './useClippings';

const EXPORT_FILES: Record<ExportKind, { ext: string; type: string }> = {
  md: { ext: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv;charset=utf-8' },
  json: { ext: 'json', type: 'application/json;charset=utf-8' },
  csl: { ext: 'csl.json', type: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems;charset=utf-8' },
};

/** The clippings page: status, filters, bulk actions and the list, over one data hook. */
export function ClippingsApp() {
  const data = useClippings();
  const [query, setQuery] = useState('');
  const search = useMemo(() => new ClippingSearch(), []);
  const [filters, setFilters] = useState<ClippingFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [notice, setNotice] = useState<Notice>(null);
  const [selectionButton, setSelectionButton] = useState(false);

  useEffect(() => {
    void loadSelectionButton()
      .then(setSelectionButton)
      .catch(() => {});
  }, []);

  // prepare the search texts while the user has not typed yet
  useEffect(() => {
    if (!data.clippings) return;
    const list = data.clippings;
    const timer = setTimeout(() => search.warm(list), 50);
    return () => clearTimeout(timer);
  }, [data.clippings, search]);

  const all = data.clippings ?? [];
  const searchIds = useMemo(() => search.ids(all, query), [all, query, search]);
  const visible = useMemo(() => applyFilters(all, filters, searchIds), [all, filters, searchIds]);
  const terms = useMemo(() => facet(all, (c) => c.terms), [all]);
  const tags = useMemo(() => facet(all, (c) => c.tags), [all]);
  const sites = useMemo(() => facet(all, (c) => (c.site ? [c.site] : [])), [all]);
  const notFound = useMemo(() => all.filter((c) => c.notFoundAt !== undefined).length, [all]);
  const chosen = all.filter((c) => selected.has(c.id));
  const exportSet = chosen.length > 0 ? chosen : all;
  const allVisibleSelected = visible.length > 0 && visible.every((c) => selected.has(c.id));

  const setFilter = useCallback(<K extends keyof ClippingFilters>(key: K, value: ClippingFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setShown(PAGE);
  }, []);

  const { remove, edit } = data;
  const removeIds = useCallback(
    async (ids: string[]) => {
      try {
        await remove(ids);
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      } catch (e) {
        setNotice({ kind: 'error', text: t('clippings_deleteFailed', (e as Error).message) });
      }
    },
    [remove],
  );

  // stable callbacks, so an unchanged item is not re-rendered when the list around it changes
  const callbacks = useMemo<ItemCallbacks>(
    () => ({
      onSelect: (id, on) =>
        setSelected((s) => {
          const next = new Set(s);
          on ? next.add(id) : next.delete(id);
          return next;
        }),
      onSave: edit,
      onDelete: (ids) => void removeIds(ids),
      onTermFilter: (id) => setFilter('term', id),
      onTagFilter: (tag) => setFilter('tag', tag),
    }),
    [edit, removeIds, setFilter],
  );

  const doExport = async (kind: ExportKind) => {
    const records = exportSet;
    const options = { style: data.style, reports: data.reports };
    const text =
      kind === 'md'
        ? exportMarkdown(records, options)
        : kind === 'csv'
          ? exportCsv(records, options)
          : kind === 'csl'
            ? exportCslJson(records, data.reports)
            : kind === 'ris'
              ? exportRis(records, data.reports)
              : exportJson(records);
    const file = EXPORT_FILES[kind];
    downloadText(`policy-cross-ref-clippings-${stamp()}.${file.ext}`, text, file.type);
    if (kind === 'json' && records === all) {
      try {
        await data.recordBackup();
      } catch (e) {
        // the file was saved, but the page would go on saying "never backed up": say why
        setNotice({ kind: 'error', text: t('clippings_backupTimeFailed', (e as Error).message) });
        return;
      }
    }
    setNotice({ kind: 'info', text: tn('clippings_exported', records.length, kind.toUpperCase()) });
  };

  const doImport = async (file: File) => {
    if (file.size > MAX_IMPORT_CHARS) {
      setNotice({ kind: 'error', text: t('clippings_importTooLarge', (file.size / 1048576).toFixed(1)) });
      return;
    }
    const check = checkBackup(await file.text());
    if (!check.ok) {
      setNotice({ kind: 'error', text: t('clippings_importRefused', file.name), details: check.errors });
      return;
    }
    try {
      const result = await importClippings(database(), check.records);
      const parts = [
        tn('clippings_importAdded', result.added),
        tn('clippings_importMerged', result.merged),
        ...(result.keptBoth > 0 ? [tn('clippings_importKeptBoth', result.keptBoth)] : []),
      ];
      setNotice({
        kind: 'info',
        text: `${tn('clippings_imported', check.records.length)} ${parts.join(t('clippings_listSeparator'))}`,
      });
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
  };

  const saveSetAside = () =>
    downloadText(
      `policy-cross-ref-set-aside-${stamp()}.json`,
      JSON.stringify(data.setAside, null, 2),
      'application/json;charset=utf-8',
    );

  const filtering = query.trim() !== '' || filters !== NO_FILTERS;
  const list =
    data.clippings === null ? (
      data.preview && data.preview.total > 0 && !filtering ? (
        <ClippingList
          items={data.preview.items}
          total={data.preview.total}
          loaded="preview"
          selected={selected}
          style={data.style}
          reports={data.reports}
          knownTags={tags}
          callbacks={callbacks}
        />
      ) : (
        <p class="meta">{t('clippings_loading')}</p>
      )
    ) : all.length === 0 ? (
      <p class="meta empty" data-testid="empty">
        {t('clippings_empty')}
      </p>
    ) : (
      <ClippingList
        items={visible.slice(0, shown)}
        total={visible.length}
        loaded="all"
        selected={selected}
        style={data.style}
        reports={data.reports}
        knownTags={tags}
        callbacks={callbacks}
        onMore={() => setShown((n) => n + PAGE)}
      />
    );

  return (
    <>
      <header class="page-header">
        <h1>{t('clippings_title')}</h1>
        <StatusBar
          data={data}
          canBackup={all.length > 0}
          onBackup={() => void doExport('json')}
          onSaveSetAside={saveSetAside}
          onDiscardSetAside={() => void data.discardSetAside()}
        />
      </header>
      <Filters
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setShown(PAGE);
        }}
        filters={filters}
        onFilter={setFilter}
        onClear={() => {
          setFilters(NO_FILTERS);
          setQuery('');
        }}
        terms={terms}
        tags={tags}
        sites={sites}
        notFound={notFound}
      />
      <BulkActions
        allSelected={allVisibleSelected}
        onSelectAll={(on) =>
          setSelected((s) => {
            const next = new Set(s);
            for (const c of visible) on ? next.add(c.id) : next.delete(c.id);
            return next;
          })
        }
        chosen={chosen.length}
        total={all.length}
        onDelete={() => void removeIds(chosen.map((c) => c.id))}
        onExport={(kind) => void doExport(kind)}
        onImport={(file) => void doImport(file)}
        style={data.style}
        onStyle={(style) => void data.setStyle(style)}
        selectionButton={selectionButton}
        onSelectionButton={(on) => {
          setSelectionButton(on);
          void saveSelectionButton(on);
        }}
      />
      <Notices
        notice={notice}
        onClose={() => setNotice(null)}
        undoCount={data.undo ? data.undo.ids.length : null}
        onUndo={() =>
          void data
            .restore()
            .catch((e: unknown) => setNotice({ kind: 'error', text: t('clippings_undoFailed', (e as Error).message) }))
        }
        loadError={data.loadError}
      />
      <main>{list}</main>
    </>
  );
}
