import { browser } from 'wxt/browser';
import { type BackupCheck, makeBackup, restoreBackup } from '../db/backup';
import type { PolicyDatabase } from '../db/database';
import {
  BACKUP_ALARM,
  BACKUP_SCHEDULE_KEY,
  backupFileName,
  parseSchedule,
  SCHEDULE_MINUTES,
} from '../settings/library-backup';
import { CATALOGUE } from '../terms/catalogue';
import { publishTermMatcher } from './term-matcher-store';

export const LIBRARY_MENU_ID = 'policy-cross-ref-add-to-library';

/** library.html, adding the page of `tabId` when given. Extraction happens there, never in the worker or the page. */
export function libraryUrl(tabId?: number): string {
  const base = browser.runtime.getURL('/library.html');
  return tabId === undefined ? base : `${base}?add=${tabId}`;
}

/** Follows the schedule setting: one repeating alarm, or none. */
async function applySchedule(value: unknown): Promise<void> {
  const schedule = parseSchedule(value);
  await browser.alarms.clear(BACKUP_ALARM);
  if (schedule !== 'off')
    await browser.alarms.create(BACKUP_ALARM, {
      delayInMinutes: SCHEDULE_MINUTES[schedule],
      periodInMinutes: SCHEDULE_MINUTES[schedule],
    });
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The scheduled full backup, written into Downloads with the date in its name. A service worker
 * has no object URLs, so the file goes as a data: URL.
 */
export async function scheduledBackup(db: PolicyDatabase, now = new Date()): Promise<void> {
  const storage = await browser.storage.local.get(null);
  const backup = await makeBackup(db, storage, now.getTime());
  await browser.downloads.download({
    url: `data:application/json;base64,${base64(JSON.stringify(backup))}`,
    filename: backupFileName(now),
    conflictAction: 'uniquify',
    saveAs: false,
  });
}

/**
 * Restores a checked full backup: the database in one transaction (restoreBackup), then the
 * extension's storage from the file, then the compiled matcher of the restored terms, which every
 * open tab picks up through storage.onChanged. library.html's restore goes through here: the
 * matcher lives outside the database, so restoreBackup alone would leave pages marking the old
 * catalogue until the next term change. The matcher is published last so nothing from the file
 * can stand in for it (checkLibraryBackup drops it from the file's storage as well).
 */
export async function restoreLibrary(db: PolicyDatabase, backup: Extract<BackupCheck, { ok: true }>): Promise<void> {
  await restoreBackup(db, backup, CATALOGUE);
  if (Object.keys(backup.storage).length > 0) await browser.storage.local.set(backup.storage);
  await publishTermMatcher(db);
}

/**
 * The page context-menu item 加入文库 (it opens library.html for that tab), and the backup alarm.
 * Register after the clippings menu: its onInstalled clears all items first, and calls reach the
 * browser in listener order.
 */
export function registerLibrary(db: PolicyDatabase): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: LIBRARY_MENU_ID, title: '加入文库 / Add page to library', contexts: ['page'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LIBRARY_MENU_ID || tab?.id === undefined) return;
    void browser.tabs.create({ url: libraryUrl(tab.id), index: (tab.index ?? 0) + 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void scheduledBackup(db);
  });
  // the local area's own event: the hover-card cache's many writes to storage.session never reach it
  browser.storage.local.onChanged.addListener((changes) => {
    if (BACKUP_SCHEDULE_KEY in changes) void applySchedule(changes[BACKUP_SCHEDULE_KEY]?.newValue);
  });
  // test hook on the worker's global scope, like the clippings menu's (unreachable from pages)
  (globalThis as { policyCrossRefScheduledBackup?: unknown }).policyCrossRefScheduledBackup = () => scheduledBackup(db);
}
