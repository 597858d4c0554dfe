import { useState } from 'preact/hooks';
import { splitTags } from '../../lib/clippings/tags';
import { t } from '../../lib/i18n';
import { TagInput } from './TagInput';

interface Props {
  /** The user's tags, most used first (for suggestions). */
  knownTags: readonly string[];
  /** Saves note and tags; a rejection's message is shown in the form. */
  onSave: (edit: { note: string; tags: string[] }) => Promise<void>;
  onCancel: () => void;
  initialNote?: string;
  initialTags?: readonly string[];
}

/**
 * Note and tags for a clipping just saved: the small form of the save confirmation (the toast).
 * Pure Preact with no browser API, so the content script can mount it in its closed shadow root
 * and talk to the background itself.
 */
export function ClippingForm({ knownTags, onSave, onCancel, initialNote = '', initialTags = [] }: Props) {
  const [note, setNote] = useState(initialNote);
  const [tags, setTags] = useState(initialTags.join('，'));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError('');
    try {
      await onSave({ note, tags: splitTags(tags) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="clipping-form"
      data-testid="clipping-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TagInput value={tags} onChange={setTags} known={knownTags} label={t('clippings_tagsField')} />
      <label>
        {t('clippings_note')}
        <textarea value={note} rows={2} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {t('clippings_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('clippings_cancel')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
