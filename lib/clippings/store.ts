import type { PolicyDatabase } from '../db/database';
import { CLIPPING_FORMAT, type ClippingRecord } from '../db/records';
import { SET_ASIDE_KEY, type SetAsideClipping } from '../db/upgrades';
import { t } from '../i18n';
import type { AnchorTarget, PageCapture, SaveOutcome } from '../messages/clippings';
import { normalizeKey } from '../text/fold';
import { type CitationStyle, DEFAULT_CITATION_STYLE, isCitationStyle } from './citation';
import { dedupKey } from './keys';
import { MAX_QUOTE, UNDO_WINDOW_MS } from './limits';
import { tagsByUse } from './tags';
import { termsInQuote } from './terms';
import { hostOf, normalizeUrl } from './url';

/**
 * The clippings store: every write is one transaction over the clippings table, so a failure
 * leaves nothing half-written, and every failure is turned into a message for the user.
 */

export const LAST_BACKUP_KEY = 'clippings.lastBackupAt';

export function newClippingId(): string {
  return globalThis.crypto.randomUUID();
}

/** A short, user-facing explanation of a failed write (of a save, or of an import). */
export function describeWriteError(error: unknown, during: 'save' | 'import' = 'save'): string {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return t(during === 'import' ? 'clippings_errImportQuota' : 'clippings_errQuota');
  const message = (error as { message?: string })?.message ?? String(error);
  const reason = `${name ? `${name}: ` : ''}${message}`.slice(0, 300);
  return t(during === 'import' ? 'clippings_errImportWrite' : 'clippings_errWrite', reason);
}

/** Fills the derived field (duplicate key) and the format version. */
export function withDerived(record: Omit<ClippingRecord, 'dedupKey' | 'format'>): ClippingRecord {
  return { ...record, format: CLIPPING_FORMAT, dedupKey: dedupKey(record) };
}

async function findDuplicate(db: PolicyDatabase, record: ClippingRecord): Promise<ClippingRecord | undefined> {
  const same = await db.clippings.where('dedupKey').equals(record.dedupKey).toArray();
  const key = normalizeKey(record.quote);
  return same.find((c) => c.deletedAt === undefined && normalizeKey(c.quote) === key);
}

async function addUnlessDuplicate(db: PolicyDatabase, record: ClippingRecord, force: boolean): Promise<SaveOutcome> {
  try {
    return await db.transaction('rw', db.clippings, async () => {
      if (!force) {
        const existing = await findDuplicate(db, record);
        if (existing) return { status: 'duplicate', id: existing.id } as const;
      }
      await db.clippings.add(record);
      return { status: 'saved', id: record.id } as const;
    });
  } catch (error) {
    return { status: 'failed', reason: describeWriteError(error) };
  }
}

function captureFields(capture: PageCapture): Partial<ClippingRecord> {
  const urlKey = normalizeUrl(capture.url) ?? undefined;
  const fields: Partial<ClippingRecord> = {
    url: capture.url,
    urlKey,
    canonicalUrl: capture.canonicalUrl,
    title: capture.title,
    site: capture.site ?? hostOf(capture.url),
    author: capture.author,
    published: capture.published,
    docNumber: capture.docNumber,
    prefix: capture.prefix,
    suffix: capture.suffix,
    position: capture.position,
  };
  for (const key of Object.keys(fields) as (keyof ClippingRecord)[]) if (fields[key] === undefined) delete fields[key];
  return fields;
}

export async function savePageClipping(
  db: PolicyDatabase,
  capture: PageCapture,
  { force = false, now = Date.now() }: { force?: boolean; now?: number } = {},
): Promise<SaveOutcome> {
  if (capture.quote.length > MAX_QUOTE) {
    return { status: 'refused', reason: t('clippings_errQuoteTooLong', capture.quote.length, MAX_QUOTE) };
  }
  if (normalizeKey(capture.quote) === '') return { status: 'refused', reason: t('clippings_errNothingSelected') };
  const record = withDerived({
    id: newClippingId(),
    kind: 'page',
    quote: capture.quote,
    ...captureFields(capture),
    tags: [],
    terms: termsInQuote(capture.quote),
    note: '',
    createdAt: now,
    updatedAt: now,
  });
  return addUnlessDuplicate(db, record, force);
}

export async function savePassageClipping(
  db: PolicyDatabase,
  passageId: string,
  { now = Date.now() }: { now?: number } = {},
): Promise<SaveOutcome> {
  const passage = await db.passages.get(passageId);
  if (!passage) return { status: 'refused', reason: t('clippings_errNoPassage', passageId) };
  const report = await db.reports.get(passage.reportId);
  const hits = await db.termHits.where('passageId').equals(passageId).toArray();
  const terms = termsInQuote(passage.text);
  for (const hit of hits) if (!terms.includes(hit.termId)) terms.push(hit.termId);
  const record = withDerived({
    id: newClippingId(),
    kind: 'passage',
    quote: passage.text,
    passageId,
    reportId: passage.reportId,
    section: passage.section,
    ...(report ? { title: report.title, author: report.issuer, published: report.date, site: report.issuer } : {}),
    tags: [],
    terms,
    note: '',
    createdAt: now,
    updatedAt: now,
  });
  return addUnlessDuplicate(db, record, false);
}

/** Merges two notes without repeating one that is already contained in the other. */
export function mergeNotes(a: string, b: string): string {
  if (!b.trim() || a.includes(b)) return a;
  if (!a.trim() || b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** A fresh capture of the same quote updates the context and metadata of the clipping it duplicates. */
export async function mergeCaptureInto(
  db: PolicyDatabase,
  id: string,
  capture: PageCapture | undefined,
  { now = Date.now() }: { now?: number } = {},
): Promise<SaveOutcome> {
  try {
    return await db.transaction('rw', db.clippings, async () => {
      const existing = await db.clippings.get(id);
      if (!existing || existing.deletedAt !== undefined) {
        return { status: 'refused', reason: t('clippings_errGone') } as const;
      }
      const next: ClippingRecord = capture
        ? withDerived({
            ...existing,
            ...captureFields(capture),
            terms: union(existing.terms, termsInQuote(capture.quote)),
            updatedAt: now,
          })
        : { ...existing, updatedAt: now };
      delete next.notFoundAt;
      await db.clippings.put(next);
      return { status: 'saved', id } as const;
    });
  } catch (error) {
    return { status: 'failed', reason: describeWriteError(error) };
  }
}

export type ClippingEdit = { note?: string; tags?: string[] };

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/^#/, '')).filter((t) => t.length > 0 && t.length <= 50))].slice(
    0,
    50,
  );
}

/** Edits note and/or tags; throws a user-facing Error when the write fails. */
export async function editClipping(
  db: PolicyDatabase,
  id: string,
  edit: ClippingEdit,
  now = Date.now(),
): Promise<void> {
  try {
    await db.transaction('rw', db.clippings, async () => {
      const existing = await db.clippings.get(id);
      if (!existing) throw new Error(t('clippings_errGone'));
      const next = { ...existing, updatedAt: now };
      if (edit.note !== undefined) next.note = edit.note.slice(0, 20_000);
      if (edit.tags !== undefined) next.tags = normalizeTags(edit.tags);
      await db.clippings.put(withDerived(next));
    });
  } catch (error) {
    throw new Error(describeWriteError(error));
  }
}

/** Marks clippings deleted; they stay restorable for UNDO_WINDOW_MS. */
export async function softDelete(db: PolicyDatabase, ids: readonly string[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.clippings, async () => {
    await db.clippings
      .where('id')
      .anyOf([...ids])
      .modify({ deletedAt: now });
  });
}

export async function undoDelete(db: PolicyDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.clippings, async () => {
    await db.clippings
      .where('id')
      .anyOf([...ids])
      .modify((c) => {
        delete c.deletedAt;
      });
  });
}

/** Removes for good the clippings deleted longer ago than the undo window; returns how many. */
export async function purgeDeleted(db: PolicyDatabase, now = Date.now(), window = UNDO_WINDOW_MS): Promise<number> {
  return db.clippings
    .where('deletedAt')
    .below(now - window)
    .delete();
}

/** Clippings not deleted, newest first. */
export async function activeClippings(db: PolicyDatabase): Promise<ClippingRecord[]> {
  // one getAll and a sort: a reverse index walk is a cursor step per record, far slower at 10,000
  const all = await db.clippings.toArray();
  return all
    .filter((c) => c.deletedAt === undefined)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/** The newest few and the number of clippings, read without loading them all: the list's first paint. */
export async function previewClippings(
  db: PolicyDatabase,
  limit: number,
): Promise<{ items: ClippingRecord[]; total: number }> {
  const [items, all, deleted] = await Promise.all([
    latestClippings(db, limit),
    db.clippings.count(),
    db.clippings.where('deletedAt').aboveOrEqual(0).count(),
  ]);
  return { items, total: all - deleted };
}

export async function latestClippings(db: PolicyDatabase, limit: number): Promise<ClippingRecord[]> {
  const out: ClippingRecord[] = [];
  await db.clippings
    .orderBy('createdAt')
    .reverse()
    .until(() => out.length >= limit)
    .each((c) => {
      if (c.deletedAt === undefined && out.length < limit) out.push(c);
    });
  return out;
}

function pageKeys(url: string, canonicalUrl?: string): string[] {
  const keys = [normalizeUrl(url), canonicalUrl ? normalizeUrl(canonicalUrl) : null];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

/** The page clippings of a page (its address or its canonical link), for re-highlighting. */
export async function clippingsForPage(
  db: PolicyDatabase,
  url: string,
  canonicalUrl?: string,
): Promise<ClippingRecord[]> {
  const keys = pageKeys(url, canonicalUrl);
  const byKey = await db.clippings.where('urlKey').anyOf(keys).toArray();
  return byKey.filter((c) => c.kind === 'page' && c.deletedAt === undefined);
}

export function anchorTargets(records: readonly ClippingRecord[]): AnchorTarget[] {
  return records.map(({ id, quote, prefix, suffix, position }) => {
    const target: AnchorTarget = { id, quote };
    if (prefix !== undefined) target.prefix = prefix;
    if (suffix !== undefined) target.suffix = suffix;
    if (position !== undefined) target.position = position;
    return target;
  });
}

/**
 * Records what re-highlighting found. Only clippings of the reporting page are touched, so a
 * content script can never flag another page's clippings.
 */
export async function recordAnchoring(
  db: PolicyDatabase,
  report: { url: string; canonicalUrl?: string; found: readonly string[]; missing: readonly string[] },
  now = Date.now(),
): Promise<number> {
  const keys = pageKeys(report.url, report.canonicalUrl);
  const found = new Set(report.found);
  const missing = new Set(report.missing);
  let updated = 0;
  await db.transaction('rw', db.clippings, async () => {
    await db.clippings
      .where('urlKey')
      .anyOf(keys)
      .modify((c) => {
        if (found.has(c.id) && c.notFoundAt !== undefined) {
          delete c.notFoundAt;
          updated++;
        } else if (missing.has(c.id) && c.notFoundAt === undefined) {
          c.notFoundAt = now;
          updated++;
        }
      });
  });
  return updated;
}

export async function lastBackupAt(db: PolicyDatabase): Promise<number | null> {
  const record = await db.settings.get(LAST_BACKUP_KEY);
  return typeof record?.value === 'number' ? record.value : null;
}

export async function markBackup(db: PolicyDatabase, now = Date.now()): Promise<void> {
  await db.settings.put({ key: LAST_BACKUP_KEY, value: now });
}

/** The user's tags, most used first (over clippings not deleted): for suggestions when tagging. */
export async function userTags(db: PolicyDatabase): Promise<string[]> {
  const lists: string[][] = [];
  await db.clippings.each((c) => {
    if (c.deletedAt === undefined && c.tags.length > 0) lists.push(c.tags);
  });
  return tagsByUse(lists);
}

export const CITATION_STYLE_KEY = 'clippings.citationStyle';

/** The citation style the user chose on the clippings page (GB/T 7714—2025 until they choose). */
export async function loadCitationStyle(db: PolicyDatabase): Promise<CitationStyle> {
  const record = await db.settings.get(CITATION_STYLE_KEY);
  return isCitationStyle(record?.value) ? record.value : DEFAULT_CITATION_STYLE;
}

export async function saveCitationStyle(db: PolicyDatabase, style: CitationStyle): Promise<void> {
  await db.settings.put({ key: CITATION_STYLE_KEY, value: style });
}

/** Clippings a schema upgrade could not convert and kept aside (lib/db/upgrades.ts). */
export async function setAsideClippings(db: PolicyDatabase): Promise<SetAsideClipping[]> {
  const value = (await db.settings.get(SET_ASIDE_KEY))?.value;
  return Array.isArray(value) ? (value as SetAsideClipping[]) : [];
}

/** Forgets the set-aside clippings (after the user saved them as a file, or chose to). */
export async function discardSetAside(db: PolicyDatabase): Promise<void> {
  await db.settings.delete(SET_ASIDE_KEY);
}

/** One clipping from two copies (local and imported): nothing either holds is lost. */
export function mergeRecords(local: ClippingRecord, incoming: ClippingRecord): ClippingRecord {
  const newer = incoming.updatedAt > local.updatedAt ? incoming : local;
  const older = newer === local ? incoming : local;
  const merged: ClippingRecord = {
    ...older,
    ...newer,
    tags: union(local.tags, incoming.tags),
    terms: union(local.terms, incoming.terms),
    note: mergeNotes(local.note, incoming.note),
    createdAt: Math.min(local.createdAt, incoming.createdAt),
    updatedAt: Math.max(local.updatedAt, incoming.updatedAt),
  };
  if (local.deletedAt === undefined || incoming.deletedAt === undefined) delete merged.deletedAt;
  return withDerived(merged);
}

export interface ImportResult {
  added: number;
  /** Same id, same quote and source: merged (tags and notes united, nothing lost). */
  merged: number;
  /** Same id but another quote or source: both kept, the imported one under a new id. */
  keptBoth: number;
}

/** Whether two records with one id are the same clipping (quote and source), however edited since. */
export function sameClipping(a: ClippingRecord, b: ClippingRecord): boolean {
  const source = (c: ClippingRecord) =>
    c.kind === 'passage' ? `p:${c.passageId ?? ''}` : `u:${c.urlKey ?? c.url ?? ''}`;
  return a.kind === b.kind && source(a) === source(b) && normalizeKey(a.quote) === normalizeKey(b.quote);
}

/**
 * Writes validated records in one transaction: all of them or, on any failure, none. A record whose
 * id is already taken by a different clipping never overwrites it: both are kept, and the result
 * says how many, so the page can tell the user.
 */
export async function importClippings(db: PolicyDatabase, records: readonly ClippingRecord[]): Promise<ImportResult> {
  try {
    return await db.transaction('rw', db.clippings, async () => {
      const existing = await db.clippings.bulkGet(records.map((r) => r.id));
      let merged = 0;
      let keptBoth = 0;
      const next = records.map((record, i) => {
        const local = existing[i];
        if (!local) return record;
        if (sameClipping(local, record)) {
          merged++;
          return mergeRecords(local, record);
        }
        keptBoth++;
        return { ...record, id: newClippingId() };
      });
      await db.clippings.bulkPut(next);
      return { added: records.length - merged - keptBoth, merged, keptBoth };
    });
  } catch (error) {
    throw new Error(describeWriteError(error, 'import'));
  }
}
