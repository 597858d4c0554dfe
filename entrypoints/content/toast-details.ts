import { t } from '../../lib/i18n';
import { MAX_NOTE, MAX_TAG_LENGTH, MAX_TAGS } from '../../lib/messages/clippings';

/** What the form hands back when the user saves it. */
export interface DetailsInput {
  tags: string[];
  note: string;
}

export interface DetailsFormOptions {
  /** The user's existing tags, most used first; suggestions are drawn from them as one types. */
  suggestions: Promise<string[]>;
  onSubmit: (input: DetailsInput) => void;
  onClose: () => void;
}

/** How many suggestions show at once. */
const SHOWN_SUGGESTIONS = 8;

/** Separators a user may type between tags: ASCII and full-width commas, the enumeration comma, semicolons. */
const SEPARATORS = /[,，、;；\n]/;

/** Splits the tag field into tags (trimmed, a leading # dropped, no empties, no repeats). */
export function parseTags(text: string): string[] {
  const tags = text
    .split(SEPARATORS)
    .map((tag) => tag.trim().replace(/^#/, '').slice(0, MAX_TAG_LENGTH))
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** The suggestions for what is typed: tags not entered yet, those starting with the current word first. */
export function pickSuggestions(all: readonly string[], fieldText: string, limit = SHOWN_SUGGESTIONS): string[] {
  const parts = fieldText.split(SEPARATORS);
  const current = (parts.pop() ?? '').trim().replace(/^#/, '').toLowerCase();
  const entered = new Set(parseTags(parts.join(',')).map((tag) => tag.toLowerCase()));
  const open = all.filter((tag) => !entered.has(tag.toLowerCase()));
  if (!current) return open.slice(0, limit);
  const starts = open.filter((tag) => tag.toLowerCase().startsWith(current));
  const contains = open.filter((tag) => !tag.toLowerCase().startsWith(current) && tag.toLowerCase().includes(current));
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the word being typed with `tag` and leaves the field ready for the next one. */
export function acceptSuggestion(fieldText: string, tag: string): string {
  let cut = fieldText.length - 1;
  while (cut >= 0 && !SEPARATORS.test(fieldText[cut] as string)) cut--;
  const head = cut < 0 ? '' : fieldText.slice(0, cut + 1);
  return `${head.trimEnd()}${head.trim() ? ' ' : ''}${tag}, `;
}

/**
 * The small form a save toast offers: tags (with the user's own tags suggested) and a note. Built
 * with createElement and textContent only (tags and notes are the user's text). Enter saves (in the
 * note Shift+Enter starts a new line; Enter that ends an IME composition does not count), Escape
 * closes. Keys typed here are kept from bubbling out of our root to the page's own listeners.
 */
export function buildDetailsForm(
  doc: Document,
  options: DetailsFormOptions,
): { form: HTMLFormElement; focus: () => void } {
  const form = doc.createElement('form');
  form.className = 'toast-form';
  form.noValidate = true;

  const tagsLabel = doc.createElement('label');
  const tagsCaption = doc.createElement('span');
  tagsCaption.textContent = t('toast_tagsLabel');
  const tagsInput = doc.createElement('input');
  tagsInput.type = 'text';
  tagsInput.name = 'tags';
  tagsInput.autocomplete = 'off';
  tagsInput.spellcheck = false;
  tagsInput.placeholder = t('toast_tagsHint');
  tagsInput.maxLength = MAX_TAGS * (MAX_TAG_LENGTH + 2);
  tagsLabel.append(tagsCaption, tagsInput);

  const suggestionBox = doc.createElement('div');
  suggestionBox.className = 'suggestions';
  suggestionBox.setAttribute('role', 'group');
  suggestionBox.setAttribute('aria-label', t('toast_suggestions'));
  suggestionBox.hidden = true;

  const noteLabel = doc.createElement('label');
  const noteCaption = doc.createElement('span');
  noteCaption.textContent = t('toast_noteLabel');
  const note = doc.createElement('textarea');
  note.name = 'note';
  note.rows = 2;
  note.maxLength = MAX_NOTE;
  noteLabel.append(noteCaption, note);

  const row = doc.createElement('div');
  row.className = 'row';
  const save = doc.createElement('button');
  save.type = 'submit';
  save.dataset.action = 'save-details';
  save.textContent = t('toast_saveDetails');
  const close = doc.createElement('button');
  close.type = 'button';
  close.dataset.action = 'close';
  close.textContent = t('toast_close');
  row.append(save, close);

  form.append(tagsLabel, suggestionBox, noteLabel, row);

  let known: string[] = [];
  const renderSuggestions = () => {
    const picks = pickSuggestions(known, tagsInput.value);
    suggestionBox.replaceChildren(
      ...picks.map((tag) => {
        const chip = doc.createElement('button');
        chip.type = 'button';
        chip.className = 'suggestion';
        chip.textContent = tag;
        chip.addEventListener('click', () => {
          tagsInput.value = acceptSuggestion(tagsInput.value, tag);
          renderSuggestions();
          tagsInput.focus({ preventScroll: true });
        });
        return chip;
      }),
    );
    suggestionBox.hidden = picks.length === 0;
  };
  options.suggestions.then(
    (tags) => {
      known = tags;
      renderSuggestions();
    },
    () => {
      // no suggestions: the field still takes new tags
    },
  );
  tagsInput.addEventListener('input', renderSuggestions);

  const submit = () => options.onSubmit({ tags: parseTags(tagsInput.value), note: note.value.trim() });
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // a form in the page's document would otherwise navigate it
    submit();
  });
  close.addEventListener('click', () => options.onClose());
  form.addEventListener('keydown', (event) => {
    if (event.isComposing || event.keyCode === 229) return; // the IME's own Enter/Escape
    if (event.key === 'Escape') {
      event.preventDefault();
      options.onClose();
    } else if (event.key === 'Enter' && event.target === note && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  });
  // what the user types into our form is none of the page's business (its capture-phase listeners
  // on window/document still run first: keyboard events are composed, which we cannot change)
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'compositionend'] as const) {
    form.addEventListener(type, (event) => event.stopPropagation());
  }
  return { form, focus: () => tagsInput.focus({ preventScroll: true }) };
}
