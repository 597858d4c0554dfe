import { t, tn } from '../../lib/i18n';

export type Notice = { kind: 'info' | 'error'; text: string; details?: string[] } | null;

interface Props {
  notice: Notice;
  onClose: () => void;
  undoCount: number | null;
  onUndo: () => void;
  loadError: string;
}

/** What just happened: the last action's result, the undo bar, a failed load. */
export function Notices({ notice, onClose, undoCount, onUndo, loadError }: Props) {
  return (
    <>
      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          {notice.details && (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={onClose}>
            {t('clippings_close')}
          </button>
        </div>
      )}
      {undoCount !== null && (
        <div class="notice info" role="status" data-testid="undo-bar">
          <span>{tn('clippings_deleted', undoCount)}</span>
          <button type="button" data-testid="undo" onClick={onUndo}>
            {t('clippings_undo')}
          </button>
        </div>
      )}
      {loadError && (
        <p class="notice error" role="alert">
          {t('clippings_loadFailed', loadError)}
        </p>
      )}
    </>
  );
}
