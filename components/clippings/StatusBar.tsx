import { t, tn, uiLanguage } from '../../lib/i18n';
import type { ClippingsData } from './useClippings';

interface Props {
  data: Pick<ClippingsData, 'persistence' | 'usageMb' | 'backupAt' | 'setAside'>;
  canBackup: boolean;
  onBackup: () => void;
  onSaveSetAside: () => void;
  onDiscardSetAside: () => void;
}

const PERSISTENCE = {
  persisted: 'clippings_storagePersisted',
  'best-effort': 'clippings_storageBestEffort',
  unsupported: 'clippings_storageUnsupported',
} as const;

/** Where the clippings live and whether they are safe: storage, last backup, clippings set aside. */
export function StatusBar({ data, canBackup, onBackup, onSaveSetAside, onDiscardSetAside }: Props) {
  const { persistence, usageMb, backupAt, setAside } = data;
  return (
    <section class="status-bar" aria-label={t('clippings_statusLabel')}>
      <p class="status" data-testid="storage-status">
        {persistence ? t(PERSISTENCE[persistence]) : t('clippings_storageChecking')}
        {usageMb !== null && ` ${t('clippings_storageUsed', usageMb.toFixed(1))}`}
      </p>
      <p class="status" data-testid="backup-status">
        {backupAt === undefined
          ? ''
          : backupAt === null
            ? t('clippings_neverBackedUp')
            : t('clippings_lastBackup', new Date(backupAt).toLocaleString(uiLanguage()))}{' '}
        <button type="button" data-testid="backup" onClick={onBackup} disabled={!canBackup}>
          {t('clippings_backupNow')}
        </button>
      </p>
      {setAside.length > 0 && (
        <div class="notice error" role="alert" data-testid="set-aside">
          {tn('clippings_setAside', setAside.length)}{' '}
          <button type="button" onClick={onSaveSetAside}>
            {t('clippings_setAsideSave')}
          </button>{' '}
          <button type="button" onClick={onDiscardSetAside}>
            {t('clippings_setAsideDiscard')}
          </button>
        </div>
      )}
    </section>
  );
}
