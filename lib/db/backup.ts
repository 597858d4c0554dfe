import { BACKUP_FORMAT as CLIPPINGS_FORMAT, toBackup } from '../clippings/export';
import { checkBackup as checkClippings } from '../clippings/import';
import { LEVEL_RANK } from '../corpus/records';
import type { UserReportMeta } from '../corpus/user-report';
import type { PolicyDatabase } from './database';
import { putUserReport, type UserReportSnapshot, userReportSnapshots } from './library';
import type { ClippingRecord, SettingRecord } from './records';
import { REPORT_TABLES } from './schema';

/**
 * The full backup: one versioned JSON file with the user's reports (metadata and source text —
 * passages, hits and postings are derived and rebuilt on restore), clippings and settings (the
 * database's and the extension's storage). Restoring validates the whole file first and then
 * writes everything in one transaction, or nothing.
 */
export const LIBRARY_BACKUP_FORMAT = 'policy-cross-ref/library';
export const LIBRARY_BACKUP_VERSION = 1;
const MAX_CHARS = 512 * 1024 * 1024;
const MAX_REPORTS = 10_000;
const MAX_REPORT_TEXT = 2_000_000;
const MAX_ERRORS = 20;

export interface LibraryBackup {
  format: typeof LIBRARY_BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  reports: UserReportSnapshot[];
  clippings: ReturnType<typeof toBackup>['clippings'];
  settings: SettingRecord[];
  /** The extension's storage.local (marking switches and the like). */
  storage: Record<string, unknown>;
}

export async function makeBackup(
  db: PolicyDatabase,
  storage: Record<string, unknown>,
  now = Date.now(),
): Promise<LibraryBackup> {
  return db.transaction('r', ['reports', 'documents', 'clippings', 'settings'], async () => ({
    format: LIBRARY_BACKUP_FORMAT,
    version: LIBRARY_BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    reports: await userReportSnapshots(db),
    clippings: toBackup(await db.clippings.toArray(), now).clippings,
    settings: await db.settings.toArray(),
    storage,
  }));
}

export type BackupCheck =
  | {
      ok: true;
      reports: UserReportSnapshot[];
      clippings: ClippingRecord[];
      settings: SettingRecord[];
      storage: Record<string, unknown>;
    }
  | { ok: false; errors: string[] };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

const REPORT_STRINGS: Record<string, [number, number]> = {
  title: [1, 500],
  issuer: [0, 300],
  region: [0, 100],
  date: [0, 40],
  description: [0, 5000],
};
const REPORT_OPTIONAL: Record<string, number> = {
  dateEnd: 40,
  docNumber: 80,
  published: 40,
  indexNo: 100,
  subject: 200,
  url: 4096,
  urlKey: 4096,
  site: 300,
  accessed: 40,
  fileName: 500,
};
const ORIGINS = ['page', 'pdf', 'docx', 'html', 'txt'];

function checkReport(raw: unknown, at: string, errors: string[]): UserReportSnapshot | null {
  const before = errors.length;
  const fail = (field: string, why: string) => errors.push(`${at}.${field}：${why}`);
  if (!isObject(raw) || !isObject(raw.meta)) {
    errors.push(`${at}：应为 { meta, text } 对象`);
    return null;
  }
  const m = raw.meta;
  if (!str(m.id, 80, 6) || !/^user-[\w-]+$/.test(m.id)) fail('meta.id', '应为 user- 开头的标识');
  for (const [field, [min, max]] of Object.entries(REPORT_STRINGS))
    if (!str(m[field], max, min)) fail(`meta.${field}`, `应为 ${min}–${max} 字的字符串`);
  if (!(typeof m.level === 'string' && Object.hasOwn(LEVEL_RANK, m.level))) fail('meta.level', '应为级别之一');
  for (const [field, max] of Object.entries(REPORT_OPTIONAL))
    if (m[field] !== undefined && !str(m[field], max)) fail(`meta.${field}`, `应为不超过 ${max} 字的字符串`);
  if (m.origin !== undefined && !ORIGINS.includes(m.origin as string)) fail('meta.origin', '来源类型无效');
  if (m.addedAt !== undefined && !Number.isInteger(m.addedAt)) fail('meta.addedAt', '应为毫秒时间戳');
  if (!str(raw.text, MAX_REPORT_TEXT, 1) || raw.text.trim() === '') fail('text', '应为非空文字');
  if (errors.length > before) return null;
  // known fields only: nothing hostile or derived (source, levelRank, textKey) is taken from a file
  const meta: Record<string, unknown> = { id: m.id, level: m.level };
  for (const field of [...Object.keys(REPORT_STRINGS), ...Object.keys(REPORT_OPTIONAL), 'origin', 'addedAt'])
    if (m[field] !== undefined) meta[field] = m[field];
  return { meta: meta as unknown as UserReportMeta, text: raw.text as string };
}

/** Validates a whole backup before anything is written. */
export function checkLibraryBackup(text: string): BackupCheck {
  if (text.length > MAX_CHARS) return { ok: false, errors: [`文件过大（${text.length} 字符）。`] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, errors: [`不是有效的 JSON（文件可能不完整或已损坏）：${(error as Error).message}`] };
  }
  if (!isObject(data)) return { ok: false, errors: ['文件顶层应为对象。'] };
  if (data.format !== LIBRARY_BACKUP_FORMAT)
    return { ok: false, errors: [`不是政策对照的完整备份（format 应为 "${LIBRARY_BACKUP_FORMAT}"）。`] };
  if (
    !(
      Number.isInteger(data.version) &&
      (data.version as number) >= 1 &&
      (data.version as number) <= LIBRARY_BACKUP_VERSION
    )
  )
    return { ok: false, errors: [`不支持的备份版本 ${String(data.version)}（支持 1–${LIBRARY_BACKUP_VERSION}）。`] };
  if (!Array.isArray(data.reports) || data.reports.length > MAX_REPORTS)
    return { ok: false, errors: [`reports 应为不超过 ${MAX_REPORTS} 项的数组。`] };
  if (!Array.isArray(data.settings) || !data.settings.every((s) => isObject(s) && str(s.key, 200, 1)))
    return { ok: false, errors: ['settings 应为 { key, value } 的数组。'] };
  if (data.storage !== undefined && !isObject(data.storage)) return { ok: false, errors: ['storage 应为对象。'] };

  const errors: string[] = [];
  const reports: UserReportSnapshot[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < data.reports.length && errors.length < MAX_ERRORS; i++) {
    const report = checkReport(data.reports[i], `reports[${i}]`, errors);
    if (!report) continue;
    if (ids.has(report.meta.id)) errors.push(`reports[${i}].meta.id：重复（${report.meta.id}）`);
    ids.add(report.meta.id);
    reports.push(report);
  }
  // clippings: the clippings backup's own validation, unchanged
  const clippings = checkClippings(JSON.stringify({ format: CLIPPINGS_FORMAT, version: 1, clippings: data.clippings }));
  if (!clippings.ok) errors.push(...clippings.errors);
  if (errors.length > 0 || !clippings.ok) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return {
    ok: true,
    reports,
    clippings: clippings.records,
    settings: (data.settings as Raw[]).map((s) => ({ key: s.key as string, value: s.value })),
    storage: (data.storage as Record<string, unknown>) ?? {},
  };
}

/**
 * Writes a checked backup in one transaction: the user's reports re-ingested (same pipeline as
 * adding them), clippings and settings put. A failure anywhere writes nothing.
 */
export async function restoreBackup(db: PolicyDatabase, backup: Extract<BackupCheck, { ok: true }>): Promise<void> {
  await db.transaction('rw', ['reports', 'terms', 'documents', 'clippings', 'settings', ...REPORT_TABLES], async () => {
    for (const report of backup.reports) await putUserReport(db, report);
    await db.clippings.bulkPut(backup.clippings);
    await db.settings.bulkPut(backup.settings);
  });
}
