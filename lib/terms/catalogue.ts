import catalogueJson from '../../seeds/catalogue.json';
import { TERM_FORMS } from './catalogue-forms';
import type { CatalogueFile } from './term-data';
import type { TermEntry } from './types';

// The bundled catalogue: seeds/catalogue.json (checked at build by scripts/catalogue.mjs and the
// catalogue test) joined with its generated forms, so variant patterns are expanded once, at build.
// Pages that need only the forms import catalogue-forms.ts and never bundle the explanations.
const data = (catalogueJson as CatalogueFile).terms;
const formsById = new Map(TERM_FORMS.map((forms) => [forms.id, forms]));

export const CATALOGUE: readonly TermEntry[] = data.map((term) => {
  const forms = formsById.get(term.id);
  if (!forms) throw new Error(`catalogue: ${term.id} is not in catalogue-forms.ts (run node scripts/catalogue.mjs)`);
  const { variants: _variants, ...entry } = term;
  return { ...entry, aliases: forms.aliases };
});
