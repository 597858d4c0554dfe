import type { AdminLevel } from '../../lib/corpus/types';
import { t } from '../../lib/i18n';
import type { TermCategory } from '../../lib/terms/types';
import { levelName } from '../card/labels';

/** A level's name; one this version does not know (from a newer release's backup) shows as itself. */
export const levelLabel = (level: AdminLevel): string => levelName(level);

export const categoryLabel = (category: TermCategory): string => t(`cat_${category}` as 'cat_reform');

export const CATEGORIES: TermCategory[] = ['reform', 'program', 'campaign', 'slogan', 'institution', 'policy'];
