import { useState } from 'preact/hooks';
import { ask } from '../../lib/ask';
import { t } from '../../lib/i18n';
import type { SaveOutcome } from '../../lib/messages/clippings';

function describe(outcome: SaveOutcome): string {
  if (outcome.status === 'saved') return t('saved');
  if (outcome.status === 'duplicate') return t('duplicate');
  return t('notSaved', outcome.reason);
}

/** "Copy with source" and "save clipping" for one passage, with a visible outcome. */
export function PassageActions({ passageId, textWithSource }: { passageId: string; textWithSource: string }) {
  const [status, setStatus] = useState('');
  return (
    <div class="actions">
      <button
        type="button"
        data-nav
        data-action="copy"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(textWithSource);
            setStatus(t('copied'));
          } catch {
            setStatus(t('copyFailed'));
          }
        }}
      >
        {t('copyWithSource')}
      </button>
      <button
        type="button"
        data-nav
        data-action="save"
        onClick={async () => {
          setStatus(t('saving'));
          try {
            setStatus(describe(await ask('savePassageClipping', { passageId })));
          } catch (error) {
            setStatus(t('notSaved', error instanceof Error ? error.message : String(error)));
          }
        }}
      >
        {t('saveClipping')}
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </div>
  );
}
