import { type MessageKey, t } from '../../lib/i18n';
import zh from '../../public/_locales/zh_CN/messages.json';

/**
 * A count in words: `${base}_one` for 1, `${base}_other` otherwise (English needs both, so no
 * "1 passages"; Chinese says the same either way). Both keys must exist in every locale.
 */
export function plural(base: string, n: number): string {
  return t(`${base}_${n === 1 ? 'one' : 'other'}` as MessageKey, n);
}

/**
 * The name of an administrative level. A level added after this version (the user's own reports may
 * bring 'county' or 'other') shows as itself rather than breaking the card.
 */
export function levelName(level: string): string {
  const key = `level_${level.replace(/-/g, '_')}`;
  return key in zh ? t(key as MessageKey) : level;
}
