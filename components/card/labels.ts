import { type MessageKey, t, tn } from '../../lib/i18n';

/**
 * A count in words: `${base}_one` or `${base}_other` by the language's plural rules (English needs
 * both, so no "1 passages"; Chinese says the same either way). Both keys must exist in every locale.
 */
export function plural(base: string, n: number): string {
  return tn(base as Parameters<typeof tn>[0], n);
}

/** The levels with a name in the locale files (the messages are not bundled into the card's script). */
const LEVEL_KEYS: Record<string, MessageKey> = {
  national: 'level_national',
  'multi-provincial': 'level_multi_provincial',
  provincial: 'level_provincial',
  municipal: 'level_municipal',
  county: 'libscale_levelCounty',
  other: 'libscale_levelOther',
};

/**
 * The name of an administrative level. A level added after this version (a backup from a newer
 * release) shows as itself rather than breaking the card.
 */
export function levelName(level: string): string {
  const key = Object.hasOwn(LEVEL_KEYS, level) ? LEVEL_KEYS[level] : undefined;
  return key ? t(key) : level;
}
