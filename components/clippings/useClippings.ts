import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type CitationStyle, DEFAULT_CITATION_STYLE, type ReportSource } from '../../lib/clippings/citation';
import { UNDO_WINDOW_MS } from '../../lib/clippings/limits';
import {
  activeClippings,
  discardSetAside,
  editClipping,
  lastBackupAt,
  loadCitationStyle,
  markBackup,
  previewClippings,
  purgeDeleted,
  saveCitationStyle,
  setAsideClippings,
  softDelete,
  undoDelete,
} from '../../lib/clippings/store';
import { database } from '../../lib/db/database';
import { type PersistenceState, requestPersistence } from '../../lib/db/persistence';
import type { ClippingRecord } from '../../lib/db/records';
import type { SetAsideClipping } from '../../lib/db/upgrades';

/** Clippings rendered at once; more on demand (the list can hold tens of thousands). */
export const PAGE = 50;

export interface ClippingsData {
  /** All active clippings, newest first; null while loading. */
  clippings: ClippingRecord[] | null;
  /** The newest page and the total, shown while all clippings load. */
  preview: { items: ClippingRecord[]; total: number } | null;
  loadError: string;
  /** The reports passage clippings come from, by id (for citations). */
  reports: ReadonlyMap<string, ReportSource>;
  persistence: PersistenceState | null;
  /** Megabytes used by the extension's storage, when the browser says. */
  usageMb: number | null;
  /** undefined while loading, null when no full backup was ever made. */
  backupAt: number | null | undefined;
  style: CitationStyle;
  setStyle: (style: CitationStyle) => Promise<void>;
  /** Clippings an upgrade could not convert and kept aside. */
  setAside: SetAsideClipping[];
  discardSetAside: () => Promise<void>;
  undo: { ids: string[]; at: number } | null;
  remove: (ids: string[]) => Promise<void>;
  restore: () => Promise<void>;
  edit: (id: string, edit: { note: string; tags: string[] }) => Promise<void>;
  /** Records the time of a full backup; throws (for the page to show) when it cannot. */
  recordBackup: () => Promise<void>;
}

/** Everything the clippings page reads and writes, in one hook: the parts only render it. */
export function useClippings(): ClippingsData {
  const db = database();
  const [clippings, setClippings] = useState<ClippingRecord[] | null>(null);
  const [preview, setPreview] = useState<ClippingsData['preview']>(null);
  const [loadError, setLoadError] = useState('');
  const [reports, setReports] = useState<ReadonlyMap<string, ReportSource>>(new Map());
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [usageMb, setUsageMb] = useState<number | null>(null);
  const [backupAt, setBackupAt] = useState<number | null | undefined>(undefined);
  const [style, setStyleState] = useState<CitationStyle>(DEFAULT_CITATION_STYLE);
  const [setAside, setSetAside] = useState<SetAsideClipping[]>([]);
  const [undo, setUndo] = useState<ClippingsData['undo']>(null);

  useEffect(() => {
    void previewClippings(db, PAGE)
      .then(setPreview)
      .catch(() => {});
    void purgeDeleted(db).catch(() => {});
    const subscription = liveQuery(() => activeClippings(db)).subscribe({
      next: (list) => setClippings(list),
      error: (e: unknown) => setLoadError(String((e as Error)?.message ?? e)),
    });
    void db.reports
      .toArray()
      .then((list) => setReports(new Map(list.map((r) => [r.id, r as ReportSource]))))
      .catch(() => {});
    void requestPersistence().then(setPersistence);
    void lastBackupAt(db)
      .then(setBackupAt)
      .catch(() => setBackupAt(null));
    void loadCitationStyle(db)
      .then(setStyleState)
      .catch(() => {});
    void setAsideClippings(db)
      .then(setSetAside)
      .catch(() => {});
    void navigator.storage
      ?.estimate?.()
      .then((e) => setUsageMb((e.usage ?? 0) / 1048576))
      .catch(() => {});
    return () => subscription.unsubscribe();
  }, [db]);

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

  const remove = useCallback(
    async (ids: string[]) => {
      await softDelete(db, ids);
      setUndo({ ids, at: Date.now() });
    },
    [db],
  );
  const edit = useCallback(
    (id: string, change: { note: string; tags: string[] }) => editClipping(db, id, change),
    [db],
  );

  return useMemo(
    () => ({
      clippings,
      preview,
      loadError,
      reports,
      persistence,
      usageMb,
      backupAt,
      style,
      setStyle: async (next: CitationStyle) => {
        setStyleState(next);
        await saveCitationStyle(db, next);
      },
      setAside,
      discardSetAside: async () => {
        await discardSetAside(db);
        setSetAside([]);
      },
      undo,
      remove,
      restore: async () => {
        if (!undo) return;
        await undoDelete(db, undo.ids);
        setUndo(null);
      },
      edit,
      recordBackup: async () => {
        await markBackup(db);
        setBackupAt(await lastBackupAt(db));
      },
    }),
    [clippings, preview, loadError, reports, persistence, usageMb, backupAt, style, setAside, undo, remove, edit, db],
  );
}
