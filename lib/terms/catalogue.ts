import { TERM_FORMS } from './catalogue-forms';
import { TERM_TEXT } from './catalogue-text';
import type { TermEntry } from './types';

// The catalogue: every term's written forms joined with what it is. Data lives in two files so the
// content script can bundle the forms without the explanations; the catalogue test checks that
// both files name the same terms.
export const CATALOGUE: readonly TermEntry[] = TERM_FORMS.map((forms) => {
  const text = TERM_TEXT[forms.id];
  if (!text) throw new Error(`catalogue: no explanation for term ${forms.id}`);
  return { ...forms, ...text };
});
