import type { ReportOrigin } from '../corpus/records';
import type { UserReportMeta } from '../corpus/user-report';
import { inferLevel } from './level';
import type { PageMetadata } from './metadata';

/** Today as an ISO day in local time (the access date of a page, the import date of a file). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What the form can fill in by itself; the rest (`missing`) the user is asked for. */
export interface ReportDraft {
  meta: UserReportMeta;
  missing: Array<'title' | 'issuer' | 'level' | 'date'>;
}

/**
 * The form's first values from extracted metadata: level and region inferred from the issuer,
 * the date from 成文日期, else 发布日期. A file without a title line is named after the file.
 */
export function draftReport(
  id: string,
  metadata: PageMetadata,
  origin: ReportOrigin,
  extra: { fileName?: string; urlKey?: string; now?: Date } = {},
): ReportDraft {
  const missing: ReportDraft['missing'] = [];
  const title = metadata.title || extra.fileName?.replace(/\.[^.]+$/u, '') || '';
  if (!metadata.title) missing.push('title');
  const issuer = metadata.issuer ?? '';
  if (!issuer) missing.push('issuer');
  const guess = inferLevel(issuer);
  if (!guess) missing.push('level');
  const date = metadata.written ?? metadata.published ?? '';
  if (!date) missing.push('date');
  const meta: UserReportMeta = {
    id,
    title,
    issuer,
    // not inferred: 'other' (last in reading order) until the user, asked, picks the level
    level: guess?.level ?? 'other',
    region: guess?.region ?? '',
    date,
    description: '',
    origin,
    accessed: today(extra.now),
  };
  for (const field of ['docNumber', 'published', 'indexNo', 'subject', 'url', 'site'] as const)
    if (metadata[field]) meta[field] = metadata[field];
  if (extra.fileName) meta.fileName = extra.fileName;
  if (extra.urlKey) meta.urlKey = extra.urlKey;
  return { meta, missing };
}
