import { CLIPPING_FORMAT, type ClippingRecord } from '../db/records';
import { t } from '../i18n';
import { BACKUP_FORMAT, BACKUP_VERSION } from './export';
import { MAX_QUOTE } from './limits';
import { withDerived } from './store';
import { normalizeUrl, parseWebUrl } from './url';

/** The largest backup file accepted (characters of JSON). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;
const MAX_ERRORS = 20;
const LATEST_TIME = Date.UTC(2100, 0, 1);

export type ImportCheck = { ok: true; records: ClippingRecord[] } | { ok: false; errors: string[] };

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const time = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LATEST_TIME;
const strArray = (v: unknown, items: number, max: number): v is string[] =>
  Array.isArray(v) && v.length <= items && v.every((s) => str(s, max, 1));

const OPTIONAL_STRINGS: Record<string, number> = {
  passageId: 200,
  reportId: 200,
  section: 500,
  title: 500,
  site: 500,
  author: 500,
  published: 40,
  docNumber: 60,
  prefix: 64,
  suffix: 64,
};

/**
 * A value from a file, described for a message without walking it: String() of a deeply nested
 * array recurses once per level and can overflow the stack (and says nothing useful anyway).
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return t('clippings_errMissing');
  if (v === null) return 'null';
  if (Array.isArray(v)) return t('clippings_errArray', v.length);
  if (typeof v === 'object') return t('clippings_errObject');
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Checks one record and builds it from known fields only (unknown and hostile keys are not copied). */
function checkRecord(raw: unknown, at: string, errors: string[]): ClippingRecord | null {
  const before = errors.length;
  const fail = (field: string, why: string) => errors.push(t('clippings_errField', `${at}.${field}`, why));
  if (!isObject(raw)) {
    errors.push(t('clippings_errField', at, t('clippings_errNotObject')));
    return null;
  }
  if (!str(raw.id, 200, 1) || !/^[\w.:-]+$/.test(raw.id)) fail('id', t('clippings_errId'));
  if (!(Number.isInteger(raw.format) && (raw.format as number) >= 1 && (raw.format as number) <= CLIPPING_FORMAT))
    fail('format', t('clippings_errFormat', CLIPPING_FORMAT));
  if (raw.kind !== 'passage' && raw.kind !== 'page') fail('kind', t('clippings_errKind'));
  if (!str(raw.quote, MAX_QUOTE, 1) || raw.quote.trim() === '') fail('quote', t('clippings_errQuote', MAX_QUOTE));
  for (const [field, max] of Object.entries(OPTIONAL_STRINGS))
    if (raw[field] !== undefined && !str(raw[field], max)) fail(field, t('clippings_errString', max));
  for (const field of ['url', 'canonicalUrl'])
    if (raw[field] !== undefined && !(str(raw[field], 4096, 1) && parseWebUrl(raw[field] as string)))
      fail(field, t('clippings_errUrl'));
  if (raw.kind === 'page' && raw.url === undefined) fail('url', t('clippings_errUrlMissing'));
  if (raw.position !== undefined && !(Number.isInteger(raw.position) && (raw.position as number) >= 0))
    fail('position', t('clippings_errPosition'));
  if (!strArray(raw.tags, 50, 50)) fail('tags', t('clippings_errTags'));
  if (!strArray(raw.terms, 200, 200)) fail('terms', t('clippings_errTerms'));
  if (!str(raw.note, 20_000)) fail('note', t('clippings_errNote'));
  for (const field of ['createdAt', 'updatedAt']) if (!time(raw[field])) fail(field, t('clippings_errTime'));
  for (const field of ['deletedAt', 'notFoundAt'])
    if (raw[field] !== undefined && !time(raw[field])) fail(field, t('clippings_errTime'));
  if (errors.length > before) return null;

  const record: Record<string, unknown> = {
    id: raw.id,
    kind: raw.kind,
    quote: raw.quote,
    tags: [...(raw.tags as string[])],
    terms: [...(raw.terms as string[])],
    note: raw.note,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
  };
  for (const field of [...Object.keys(OPTIONAL_STRINGS), 'url', 'canonicalUrl', 'position', 'notFoundAt', 'deletedAt'])
    if (raw[field] !== undefined) record[field] = raw[field];
  // the page key is ours to compute, never taken from a file
  if (typeof record.url === 'string') record.urlKey = normalizeUrl(record.url) ?? undefined;
  return withDerived(record as unknown as ClippingRecord);
}

/**
 * Validates a JSON backup completely before anything is written: the caller writes all records or
 * none. Errors say where and what (up to 20 of them).
 */
export function checkBackup(text: string): ImportCheck {
  if (text.length > MAX_IMPORT_CHARS)
    return { ok: false, errors: [t('clippings_errTooLarge', text.length, MAX_IMPORT_CHARS)] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, errors: [t('clippings_errNotJson', (error as Error).message)] };
  }
  if (!isObject(data)) return { ok: false, errors: [t('clippings_errTopLevel')] };
  if (data.format !== BACKUP_FORMAT) return { ok: false, errors: [t('clippings_errNotBackup', BACKUP_FORMAT)] };
  if (!(Number.isInteger(data.version) && (data.version as number) >= 1 && (data.version as number) <= BACKUP_VERSION))
    return {
      ok: false,
      errors: [t('clippings_errVersion', describeValue(data.version), BACKUP_VERSION)],
    };
  if (!Array.isArray(data.clippings))
    return { ok: false, errors: [t('clippings_errClippingsList', describeValue(data.clippings))] };
  if (data.clippings.length > MAX_IMPORT_RECORDS)
    return { ok: false, errors: [t('clippings_errTooMany', data.clippings.length, MAX_IMPORT_RECORDS)] };
  if (data.count !== undefined && !(Number.isInteger(data.count) && (data.count as number) >= 0))
    return { ok: false, errors: [t('clippings_errCount', describeValue(data.count))] };
  if (data.count !== undefined && data.count !== data.clippings.length)
    return {
      ok: false,
      errors: [t('clippings_errCountMismatch', data.count as number, data.clippings.length)],
    };

  const errors: string[] = [];
  const records: ClippingRecord[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < data.clippings.length && errors.length < MAX_ERRORS; i++) {
    const record = checkRecord(data.clippings[i], `clippings[${i}]`, errors);
    if (!record) continue;
    if (ids.has(record.id))
      errors.push(t('clippings_errField', `clippings[${i}].id`, t('clippings_errDuplicateId', record.id)));
    ids.add(record.id);
    records.push(record);
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, records };
}
