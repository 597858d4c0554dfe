import { BACKUP_FORMAT as CLIPPINGS_FORMAT, toBackup } from '../clippings/export';
import { checkBackup as checkClippings } from '../clippings/import';
import { LEVEL_RANK } from '../corpus/records';
import type { UserReportMeta } from '../corpus/user-report';
import { CATALOGUE } from '../terms/catalogue';
import { allForms, termProblems } from '../terms/term-data';
import type { TermData, TermEntry } from '../terms/types';
import { USER_MATCHER_KEY } from '../terms/user-matcher';
import { normalizeKey } from '../text/fold';
import type { PolicyDatabase } from './database';
import { putUserReport, type UserReportSnapshot, userReportSnapshots } from './library';
import { scheduleMerges } from './postings';
import type {
  ClippingRecord,
  DismissedCandidateRecord,
  HiddenTermRecord,
  SettingRecord,
  TermOverrideRecord,
  UserTermRecord,
} from './records';
import { REPORT_TABLES, SEARCH_INDEX_TABLES } from './schema';
import { applyTermChange, TERM_CHANGE_TABLES } from './term-hits';

/**
 * The full backup: one versioned JSON file with the user's reports (metadata and source text —
 * passages, hits and postings are derived and rebuilt on restore), clippings, settings (the
 * database's and the extension's storage) and, from version 2, the user's terms (own terms,
 * changes to bundled ones, hidden terms, dismissed discovery candidates). Restoring validates the
 * whole file first and then writes everything in one transaction, or nothing.
 */
export const LIBRARY_BACKUP_FORMAT = 'policy-cross-ref/library';
export const LIBRARY_BACKUP_VERSION = 2;
const MAX_CHARS = 512 * 1024 * 1024;
const MAX_REPORTS = 10_000;
const MAX_TERM_RECORDS = 10_000;
/** The term stores a version-2 backup holds; version 1 had none of them. */
export const BACKUP_TERM_TABLES = ['userTerms', 'termOverrides', 'hiddenTerms', 'dismissedCandidates'] as const;
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
  /** Version 2 on. */
  userTerms: UserTermRecord[];
  termOverrides: TermOverrideRecord[];
  hiddenTerms: HiddenTermRecord[];
  dismissedCandidates: DismissedCandidateRecord[];
}

/** The user's terms as a backup holds and a restore writes them. */
export interface BackupTerms {
  userTerms: UserTermRecord[];
  termOverrides: TermOverrideRecord[];
  hiddenTerms: HiddenTermRecord[];
  dismissedCandidates: DismissedCandidateRecord[];
}

/**
 * Storage minus what is rebuilt from the database: the compiled matcher of the user's terms
 * (large, and tied to one bundled catalogue). A restore publishes it afresh; one taken from a
 * file could disagree with the restored terms.
 */
function withoutDerived(storage: Record<string, unknown>): Record<string, unknown> {
  const { [USER_MATCHER_KEY]: _matcher, ...rest } = storage;
  return rest;
}

export async function makeBackup(
  db: PolicyDatabase,
  storage: Record<string, unknown>,
  now = Date.now(),
): Promise<LibraryBackup> {
  return db.transaction('r', ['reports', 'documents', 'clippings', 'settings', ...BACKUP_TERM_TABLES], async () => ({
    format: LIBRARY_BACKUP_FORMAT,
    version: LIBRARY_BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    reports: await userReportSnapshots(db),
    clippings: toBackup(await db.clippings.toArray(), now).clippings,
    settings: await db.settings.toArray(),
    storage: withoutDerived(storage),
    userTerms: await db.userTerms.toArray(),
    termOverrides: await db.termOverrides.toArray(),
    hiddenTerms: await db.hiddenTerms.toArray(),
    dismissedCandidates: await db.dismissedCandidates.toArray(),
  }));
}

export type BackupCheck =
  | ({
      ok: true;
      reports: UserReportSnapshot[];
      clippings: ClippingRecord[];
      settings: SettingRecord[];
      storage: Record<string, unknown>;
    } & BackupTerms)
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

const TERM_ID = /^[a-z0-9][a-z0-9-]{1,79}$/u;
const MAX_FORM = 200;
const isTime = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const strings = (v: unknown, max: number): v is string[] =>
  Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string');
const forms = (v: unknown): v is string[] =>
  strings(v, 1000) && v.every((x) => x.length <= MAX_FORM && normalizeKey(x).length > 0);
const USER_TERM_EXTRA = ['keys', 'pinyin', 'createdAt', 'updatedAt'];

/**
 * A stored user term: the term itself through the catalogue's own check (termProblems), the
 * stored extras by type. Its keys are recomputed from its forms, never taken from the file.
 */
function checkUserTerm(raw: unknown, at: string, errors: string[]): UserTermRecord | null {
  if (!isObject(raw)) {
    errors.push(`${at}：应为词条对象`);
    return null;
  }
  const before = errors.length;
  const fail = (field: string, why: string) => errors.push(`${at}.${field}：${why}`);
  const term: Raw = {};
  for (const [field, value] of Object.entries(raw)) if (!USER_TERM_EXTRA.includes(field)) term[field] = value;
  for (const problem of termProblems(term)) errors.push(`${at}：${problem}`);
  if (term.source === 'bundled') fail('source', '应为 user 或 discovered');
  if (raw.keys !== undefined && !strings(raw.keys, 10_000)) fail('keys', '应为字符串数组');
  if (!strings(raw.pinyin, 1000)) fail('pinyin', '应为字符串数组');
  if (!isTime(raw.createdAt)) fail('createdAt', '应为毫秒时间戳');
  if (!isTime(raw.updatedAt)) fail('updatedAt', '应为毫秒时间戳');
  if (errors.length > before) return null;
  const data = term as unknown as TermData;
  return {
    ...data,
    keys: [...new Set(allForms(data).map(normalizeKey))],
    pinyin: [...(raw.pinyin as string[])],
    createdAt: raw.createdAt as number,
    updatedAt: raw.updatedAt as number,
  };
}

function checkOverride(raw: unknown, at: string, errors: string[]): TermOverrideRecord | null {
  if (!isObject(raw)) {
    errors.push(`${at}：应为 { termId, addAliases, removeAliases, updatedAt } 对象`);
    return null;
  }
  const before = errors.length;
  const fail = (field: string, why: string) => errors.push(`${at}.${field}：${why}`);
  if (typeof raw.termId !== 'string' || !TERM_ID.test(raw.termId)) fail('termId', '应为词条标识');
  for (const field of ['addAliases', 'removeAliases'])
    if (!forms(raw[field])) fail(field, `应为字符串数组（每项非空、不超过 ${MAX_FORM} 字）`);
  if (!isTime(raw.updatedAt)) fail('updatedAt', '应为毫秒时间戳');
  if (errors.length > before) return null;
  return {
    termId: raw.termId as string,
    addAliases: [...(raw.addAliases as string[])],
    removeAliases: [...(raw.removeAliases as string[])],
    updatedAt: raw.updatedAt as number,
  };
}

function checkHidden(raw: unknown, at: string, errors: string[]): HiddenTermRecord | null {
  if (!isObject(raw)) {
    errors.push(`${at}：应为 { termId, hiddenAt } 对象`);
    return null;
  }
  const before = errors.length;
  if (typeof raw.termId !== 'string' || !TERM_ID.test(raw.termId)) errors.push(`${at}.termId：应为词条标识`);
  if (!isTime(raw.hiddenAt)) errors.push(`${at}.hiddenAt：应为毫秒时间戳`);
  if (errors.length > before) return null;
  return { termId: raw.termId as string, hiddenAt: raw.hiddenAt as number };
}

function checkDismissed(raw: unknown, at: string, errors: string[]): DismissedCandidateRecord | null {
  if (!isObject(raw)) {
    errors.push(`${at}：应为 { key, name, dismissedAt } 对象`);
    return null;
  }
  const before = errors.length;
  if (!str(raw.name, MAX_FORM, 1) || normalizeKey(raw.name).length === 0)
    errors.push(`${at}.name：应为不超过 ${MAX_FORM} 字的非空字符串`);
  if (!str(raw.key, MAX_FORM * 4)) errors.push(`${at}.key：应为字符串`);
  if (!isTime(raw.dismissedAt)) errors.push(`${at}.dismissedAt：应为毫秒时间戳`);
  if (errors.length > before) return null;
  // the key is how discovery looks a name up: recomputed, so a file cannot make it miss
  return { key: normalizeKey(raw.name as string), name: raw.name as string, dismissedAt: raw.dismissedAt as number };
}

/** One term store of a version-2 backup: an array, each record checked, primary keys unique. */
function checkStore<T>(
  data: Raw,
  name: (typeof BACKUP_TERM_TABLES)[number],
  check: (raw: unknown, at: string, errors: string[]) => T | null,
  primary: (record: T) => string,
  errors: string[],
): T[] {
  const list = data[name];
  if (data.version === 1 && list === undefined) return [];
  if (!Array.isArray(list) || list.length > MAX_TERM_RECORDS) {
    errors.push(`${name} 应为不超过 ${MAX_TERM_RECORDS} 项的数组。`);
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length && errors.length < MAX_ERRORS; i++) {
    const record = check(list[i], `${name}[${i}]`, errors);
    if (!record) continue;
    const key = primary(record);
    if (seen.has(key)) errors.push(`${name}[${i}]：重复（${key}）`);
    seen.add(key);
    out.push(record);
  }
  return out;
}

function checkTerms(data: Raw, errors: string[]): BackupTerms {
  const userTerms = checkStore(data, 'userTerms', checkUserTerm, (t) => t.id, errors);
  // two of the user's terms with one form: the matcher would silently give it to one of them
  const owner = new Map<string, string>();
  for (const term of userTerms)
    for (const key of term.keys) {
      const other = owner.get(key);
      if (other !== undefined && other !== term.id)
        errors.push(`userTerms：“${key}”同时是 ${other} 和 ${term.id} 的名称`);
      owner.set(key, term.id);
    }
  return {
    userTerms,
    termOverrides: checkStore(data, 'termOverrides', checkOverride, (o) => o.termId, errors),
    hiddenTerms: checkStore(data, 'hiddenTerms', checkHidden, (h) => h.termId, errors),
    dismissedCandidates: checkStore(data, 'dismissedCandidates', checkDismissed, (d) => d.key, errors),
  };
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
  const terms = checkTerms(data, errors);
  // clippings: the clippings backup's own validation, unchanged
  const clippings = checkClippings(JSON.stringify({ format: CLIPPINGS_FORMAT, version: 1, clippings: data.clippings }));
  if (!clippings.ok) errors.push(...clippings.errors);
  if (errors.length > 0 || !clippings.ok) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return {
    ok: true,
    reports,
    clippings: clippings.records,
    settings: (data.settings as Raw[]).map((s) => ({ key: s.key as string, value: s.value })),
    storage: withoutDerived((data.storage as Record<string, unknown>) ?? {}),
    ...terms,
  };
}

/**
 * Writes a checked backup in one transaction: the user's reports re-ingested (same pipeline as
 * adding them), clippings, settings and the user's terms put, then the restored terms' hits and
 * `terms` rows recomputed over the whole library (as a term change does). A failure anywhere
 * writes nothing. The compiled matcher content scripts read lives in extension storage, outside
 * the database: the caller publishes it afterwards (lib/background/library-handlers.ts
 * restoreLibrary does both). `bundled` is the bundled catalogue the database was seeded with.
 */
export async function restoreBackup(
  db: PolicyDatabase,
  backup: Extract<BackupCheck, { ok: true }>,
  bundled: readonly TermEntry[] = CATALOGUE,
): Promise<void> {
  const tables = [
    'documents',
    'clippings',
    'settings',
    ...REPORT_TABLES,
    ...SEARCH_INDEX_TABLES,
    ...TERM_CHANGE_TABLES,
    ...BACKUP_TERM_TABLES,
  ];
  await db.transaction('rw', [...new Set(tables)], async () => {
    for (const report of backup.reports) await putUserReport(db, report);
    await db.clippings.bulkPut(backup.clippings);
    await db.settings.bulkPut(backup.settings);
    // a restored term must not share a form with another of the user's terms already here
    const restored = new Set(backup.userTerms.map((t) => t.id));
    const clashes: string[] = [];
    for (const term of backup.userTerms)
      for (const key of term.keys)
        for (const owner of await db.userTerms.where('keys').equals(key).toArray())
          if (!restored.has(owner.id)) clashes.push(`“${key}”已是 ${owner.canonical}（${owner.id}）的名称`);
    if (clashes.length > 0) throw new Error(`备份中的词条与现有词条重名：${clashes.slice(0, MAX_ERRORS).join('；')}`);
    await db.userTerms.bulkPut(backup.userTerms);
    await db.termOverrides.bulkPut(backup.termOverrides);
    await db.hiddenTerms.bulkPut(backup.hiddenTerms);
    await db.dismissedCandidates.bulkPut(backup.dismissedCandidates);
    const changed = new Set([
      ...backup.userTerms.map((t) => t.id),
      ...backup.termOverrides.map((o) => o.termId),
      ...backup.hiddenTerms.map((h) => h.termId),
    ]);
    if (changed.size > 0) await applyTermChange(db, bundled, [...changed]);
  });
  // one segment per restored report: merged now, off the restore's transaction
  void scheduleMerges(db).catch(() => {});
}
