/** The scheduled full backup: how often, kept in storage.local so the background's alarm can follow it. */
export const BACKUP_SCHEDULE_KEY = 'library.backupSchedule';
export type BackupSchedule = 'off' | 'daily' | 'weekly';
export const BACKUP_ALARM = 'library-backup';

export const SCHEDULE_MINUTES: Record<Exclude<BackupSchedule, 'off'>, number> = {
  daily: 24 * 60,
  weekly: 7 * 24 * 60,
};

export function parseSchedule(value: unknown): BackupSchedule {
  return value === 'daily' || value === 'weekly' ? value : 'off';
}

/** policy-cross-ref-backup-2026-12-01.json: named with the date, so weekly files do not overwrite each other. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `policy-cross-ref-backup-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}.json`;
}
