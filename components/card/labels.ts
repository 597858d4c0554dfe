import { type MessageKey, t, tn } from '../../lib/i18n';

/**
 * A count in words: `${base}_one` or `${base}_other` by the language's plural rules (English needs
 * both, so no "1 passages"; Chinese says the same either way). Both keys must exist in every locale.
 */
export function plural(base: string, n: number): string {
  return tn(base as Parameters<typeof tn>[0], n);
}

/** The levels with a name in the locale files (the messages are not bundled into the card's script). */
const NAMED_LEVELS = new Set(['national', 'multi-provincial', 'provincial', 'municipal']);

/**
 * The name of an administrative level. A level added after this version (the user's own reports may
 * bring 'county' or 'other') shows as itself rather than breaking the card.
 */
export function levelName(level: string): string {
  return NAMED_LEVELS.has(level) ? t(`level_${level.replace(/-/g, '_')}` as MessageKey) : level;
}
