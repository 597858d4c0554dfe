import { useMemo } from 'preact/hooks';
import { chooseTag, suggestTags } from '../../lib/clippings/tags';
import { t } from '../../lib/i18n';

export { splitTags } from '../../lib/clippings/tags';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** The user's tags, most used first. */
  known: readonly string[];
  label: string;
}

/** A tag field with suggestions from the user's own tags; choosing one completes the word typed. */
export function TagInput({ value, onChange, known, label }: Props) {
  const suggestions = useMemo(() => suggestTags(known, value), [known, value]);
  return (
    <div class="tag-input">
      <label>
        {label}
        <input value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
      </label>
      {suggestions.length > 0 && (
        <fieldset class="suggestions" aria-label={t('clippings_tagSuggestions')} data-testid="tag-suggestions">
          {suggestions.map((tag) => (
            <button type="button" class="tag" key={tag} onClick={() => onChange(chooseTag(value, tag))}>
              #{tag}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
