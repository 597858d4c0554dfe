import type { AdminLevel } from '../../lib/corpus/types';
import { t } from '../../lib/i18n';
import type { TermCategory } from '../../lib/terms/types';

export const levelLabel = (level: AdminLevel): string => t(`level_${level.replace('-', '_')}` as 'level_national');

export const categoryLabel = (category: TermCategory): string => t(`cat_${category}` as 'cat_reform');

export const CATEGORIES: TermCategory[] = ['reform', 'program', 'campaign', 'slogan', 'institution', 'policy'];
