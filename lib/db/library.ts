import { Dexie } from 'dexie';
import type { ReportRecord, TermHitRecord } from '../corpus/records';
import { type BuiltReport, buildReport } from '../corpus/report-build';
import { textKey, type UserReportMeta } from '../corpus/user-report';
import { createTermMatcher } from '../terms/patterns';
import type { PolicyDatabase } from './database';
import { assignPassageNumbers, dropDeadSegments, scheduleMerges, updateDirectory, writeSegment } from './postings';
import { reportTermCountRows } from './report-term-counts';
import { REPORT_TABLES, SEARCH_INDEX_TABLES } from './schema';

/**
 * The user's own reports: added, edited, deleted (with undo) and listed one report at a time.
 * Each write touches that report's rows only (its passages, sections, term hits, one search-index
 * segment of its own, and the hit counts of the terms it mentions), in one transaction, so the
 * cost is in proportion to the report and a failure leaves the library as it was. Merging index
 * segments (mergeSegments in ./postings) is left to the caller, after the write.
 */

/** A user report as it can be stored again: its metadata and source text (undo, backup, re-import). */
export interface UserReportSnapshot {
  meta: UserReportMeta;
  text: string;
}

const WRITE_TABLES = ['reports', 'terms', 'documents', ...REPORT_TABLES, ...SEARCH_INDEX_TABLES] as const;

async function currentMatcher(db: PolicyDatabase) {
  return createTermMatcher(await db.terms.toArray(), { context: 'known' });
}

/** Adds (or with the same id, replaces) the hit counts of terms by `delta` per hit. */
async function adjustHitCounts(db: PolicyDatabase, hits: readonly TermHitRecord[], delta: 1 | -1): Promise<void> {
  const byTerm = new Map<string, number>();
  for (const hit of hits) byTerm.set(hit.termId, (byTerm.get(hit.termId) ?? 0) + delta);
  if (byTerm.size === 0) return;
  const terms = await db.terms.bulkGet([...byTerm.keys()]);
  await db.terms.bulkPut(
    terms.flatMap((t) => (t ? [{ ...t, hitCount: Math.max(0, t.hitCount + (byTerm.get(t.id) ?? 0)) }] : [])),
  );
}

async function removeRows(db: PolicyDatabase, reportId: string): Promise<void> {
  const hits = await db.termHits.where('reportId').equals(reportId).toArray();
  await adjustHitCounts(db, hits, -1);
  for (const table of REPORT_TABLES) await db.table(table).where('reportId').equals(reportId).delete();
  await db.reports.delete(reportId);
  await updateDirectory(db, [], [reportId]);
  // its passage numbers stay in a shared segment until a merge drops them: they match no live report
  await dropDeadSegments(db);
}

async function writeBuilt(db: PolicyDatabase, built: BuiltReport, text: string): Promise<void> {
  await assignPassageNumbers(db, [built.report]);
  await db.reports.put(built.report);
  await updateDirectory(db, [built.report]);
  await db.sections.bulkPut(built.sections);
  await db.passages.bulkPut(built.passages);
  await db.termHits.bulkPut(built.hits);
  await db.reportTermCounts.bulkPut(reportTermCountRows([built.report.id], built.hits));
  await writeSegment(db, [{ report: built.report, postings: built.postings }]);
  await db.documents.put({ id: built.report.id, text });
  await adjustHitCounts(db, built.hits, 1);
}

/**
 * Ingests and stores one user report (same pipeline as the bundled ones: sections, passages,
 * term hits with the current catalogue, postings). With an id already in the library, it
 * replaces that report (an update or a re-import). Returns the stored report.
 */
export async function putUserReport(db: PolicyDatabase, snapshot: UserReportSnapshot): Promise<ReportRecord> {
  const { meta, text } = snapshot;
  if (!meta.id.startsWith('user-')) throw new Error(`Not a user report id: ${meta.id}`);
  // inside a caller's transaction (a restore), merging waits for the caller
  const outermost = !Dexie.currentTransaction;
  const report = await db.transaction('rw', [...WRITE_TABLES], async () => {
    const previous = await db.reports.get(meta.id);
    if (previous && previous.source !== 'user') throw new Error(`Report ${meta.id} is bundled`);
    const now = Date.now();
    const full: UserReportMeta = {
      ...meta,
      textKey: textKey(text),
      addedAt: previous?.addedAt ?? meta.addedAt ?? now,
      updatedAt: now,
    };
    const built = buildReport(full, text, await currentMatcher(db), 'user');
    if (built.passages.length === 0) throw new Error('No passage could be cut from the text');
    if (previous) await removeRows(db, meta.id);
    await writeBuilt(db, built, text);
    return built.report;
  });
  if (outermost) void scheduleMerges(db).catch(() => {});
  return report;
}

/** Changes a user report's metadata. Level and date move its hits in the ranking, so hits are rewritten too. */
export async function editUserReport(
  db: PolicyDatabase,
  id: string,
  changes: Partial<Omit<UserReportMeta, 'id'>>,
): Promise<ReportRecord> {
  const text = (await db.documents.get(id))?.text;
  const report = await db.reports.get(id);
  if (report?.source !== 'user' || text === undefined) throw new Error(`No user report ${id}`);
  const { source: _s, levelRank: _l, passageCount: _p, firstPn: _f, ...meta } = report;
  return putUserReport(db, { meta: { ...meta, ...changes, id }, text });
}

/** Deletes a user report with everything derived from it; returns what undo needs to put it back. */
export async function deleteUserReport(db: PolicyDatabase, id: string): Promise<UserReportSnapshot> {
  return db.transaction('rw', [...WRITE_TABLES], async () => {
    const report = await db.reports.get(id);
    const document = await db.documents.get(id);
    if (report?.source !== 'user' || !document) throw new Error(`No user report ${id}`);
    await removeRows(db, id);
    await db.documents.delete(id);
    const { source: _s, levelRank: _l, passageCount: _p, firstPn: _f, ...meta } = report;
    return { meta, text: document.text };
  });
}

/** A report already in the library with this page address (key) or this text, if any. */
export async function findExisting(
  db: PolicyDatabase,
  probe: { urlKey?: string; text?: string },
): Promise<ReportRecord | undefined> {
  if (probe.urlKey) {
    const byUrl = await db.reports.where('urlKey').equals(probe.urlKey).first();
    if (byUrl) return byUrl;
  }
  if (probe.text) return db.reports.where('textKey').equals(textKey(probe.text)).first();
  return undefined;
}

/** Every user report with its source text, oldest first: what a backup holds. */
export async function userReportSnapshots(db: PolicyDatabase): Promise<UserReportSnapshot[]> {
  const reports = await db.reports.where('source').equals('user').toArray();
  const documents = await db.documents.bulkGet(reports.map((r) => r.id));
  return reports
    .map((report, i) => {
      const { source: _s, levelRank: _l, passageCount: _p, firstPn: _f, ...meta } = report;
      return { meta, text: documents[i]?.text ?? '' };
    })
    .filter((s) => s.text !== '')
    .sort((a, b) => (a.meta.addedAt ?? 0) - (b.meta.addedAt ?? 0));
}
