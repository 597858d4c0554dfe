import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { restoreLibrary } from '../../lib/background/library-handlers';
import { checkLibraryBackup, makeBackup } from '../../lib/db/backup';
import type { PolicyDatabase } from '../../lib/db/database';
import { t } from '../../lib/i18n';
import { BACKUP_SCHEDULE_KEY, type BackupSchedule, backupFileName } from '../../lib/settings/library-backup';
import { downloadText } from '../clippings/download';

/** Full backup now, restore from a file (validated whole, all or nothing), and the schedule. */
export function BackupPanel({ db, onRestored }: { db: PolicyDatabase; onRestored: () => void }) {
  const [schedule, setSchedule] = useState<BackupSchedule>('off');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void browser.storage.local.get(BACKUP_SCHEDULE_KEY).then((stored) => {
      const value = stored[BACKUP_SCHEDULE_KEY];
      if (value === 'daily' || value === 'weekly') setSchedule(value);
    });
  }, []);

  const backupNow = async () => {
    const storage = await browser.storage.local.get(null);
    const backup = await makeBackup(db, storage);
    downloadText(backupFileName(new Date()), JSON.stringify(backup), 'application/json');
    setMessage({ ok: true, text: t('library_backupDone', backup.reports.length) });
  };

  const restore = async (file: File) => {
    const check = checkLibraryBackup(await file.text());
    if (!check.ok) {
      setMessage({ ok: false, text: `${t('library_restoreRefused')} ${check.errors.join('；')}` });
      return;
    }
    try {
      // database, storage, then the pages' matcher of the restored terms
      await restoreLibrary(db, check);
      setMessage({ ok: true, text: t('library_restoreDone', check.reports.length) });
      onRestored();
    } catch (error) {
      setMessage({ ok: false, text: `${t('library_restoreRefused')} ${(error as Error).message}` });
    }
  };

  return (
    <section class="backup" data-testid="backup">
      <h2>{t('library_backupTitle')}</h2>
      <p class="meta">{t('library_backupWhy')}</p>
      <div class="actions">
        <button type="button" data-testid="backup-now" onClick={() => void backupNow()}>
          {t('library_backupNow')}
        </button>
        <label class="button">
          {t('library_restore')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="restore-input"
            hidden
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void restore(file);
              input.value = '';
            }}
          />
        </label>
        <label>
          {t('library_schedule')}{' '}
          <select
            data-testid="backup-schedule"
            value={schedule}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value as BackupSchedule;
              setSchedule(value);
              void browser.storage.local.set({ [BACKUP_SCHEDULE_KEY]: value });
            }}
          >
            <option value="off">{t('library_scheduleOff')}</option>
            <option value="daily">{t('library_scheduleDaily')}</option>
            <option value="weekly">{t('library_scheduleWeekly')}</option>
          </select>
        </label>
      </div>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} data-testid="backup-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
