import { useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** Tags as typed: separated by commas (either width), 、, semicolons or spaces. */
export const splitTags = (text: string) => text.split(/[,，、;；\s]+/).filter(Boolean);

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** The user's tags, most used first. */
  known: readonly string[];
  label: string;
}

/**
 * A tag field with suggestions from the user's own tags: those starting with (then containing) the
 * word being typed, not already in the field; choosing one completes the word.
 */
export function TagInput({ value, onChange, known, label }: Props) {
  const words = splitTags(value);
  const typing = /[,，、;；\s]$/.test(value) || value === '' ? '' : (words.at(-1) ?? '');
  const suggestions = useMemo(() => {
    const taken = new Set(typing ? words.slice(0, -1) : words);
    const open = known.filter((tag) => !taken.has(tag) && tag !== typing);
    const starts = open.filter((tag) => tag.startsWith(typing));
    const contains = typing ? open.filter((tag) => !tag.startsWith(typing) && tag.includes(typing)) : [];
    return [...starts, ...contains].slice(0, 8);
  }, [known, typing, words]);
  const choose = (tag: string) => {
    const head = typing
      ? value.slice(0, value.length - typing.length)
      : value && !/[,，、;；\s]$/.test(value)
        ? `${value}，`
        : value;
    onChange(`${head}${tag}，`);
  };
  return (
    <div class="tag-input">
      <label>
        {label}
        <input value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
      </label>
      {suggestions.length > 0 && (
        <fieldset class="suggestions" aria-label={t('clippings_tagSuggestions')} data-testid="tag-suggestions">
          {suggestions.map((tag) => (
            <button type="button" class="tag" key={tag} onClick={() => choose(tag)}>
              #{tag}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
