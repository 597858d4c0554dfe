import type { PostingRecord, ReportRecord, SegmentRecord, ShardRecord } from '../corpus/records';
import {
  appendGramNumbers,
  buildShards,
  gramShard,
  reportGramNumbers,
  shardEntries,
  shardLookup,
} from '../corpus/segments';
import type { PolicyDatabase } from './database';

/**
 * The search index in the database: segments of packed postings (layout in lib/corpus/segments.ts).
 * Adding reports writes one new segment; deleting one leaves its numbers in place, where they
 * match no live report, until a merge drops them; merging segments of similar size (a tiered
 * policy, like Lucene's) keeps the number of segments, and so the records a query reads, small.
 * Writers run inside the caller's transaction, which must hold SEARCH_INDEX_TABLES.
 */

const COUNTER_KEY = 'searchIndex';

interface Counter {
  nextPn: number;
  nextSegment: number;
}

async function readCounter(db: PolicyDatabase): Promise<Counter> {
  const value = (await db.meta.get(COUNTER_KEY))?.value as Partial<Counter> | undefined;
  return { nextPn: value?.nextPn ?? 0, nextSegment: value?.nextSegment ?? 1 };
}

/** Gives each report (in order) a fresh range of passage numbers: sets `firstPn` on the objects. */
export async function assignPassageNumbers(db: PolicyDatabase, reports: ReportRecord[]): Promise<void> {
  const counter = await readCounter(db);
  for (const report of reports) {
    report.firstPn = counter.nextPn;
    counter.nextPn += report.passageCount;
  }
  await db.meta.put({ key: COUNTER_KEY, value: counter });
}

const DIRECTORY_KEY = 'reportDirectory';

/**
 * What a query needs of every report, in one record (meta 'reportDirectory'), columns by report:
 * reading 1,000 report rows cost a search ~100 ms on a loaded machine, one record ~1 ms. Kept by
 * every write of reports (add, delete, edit, seed); a database without it (before the first
 * write after an upgrade) is read from the report rows instead.
 */
export interface ReportDirectory {
  id: string[];
  firstPn: number[];
  passageCount: number[];
  levelRank: number[];
  level: string[];
  region: string[];
  date: string[];
}

type DirectoryReport = Pick<
  ReportRecord,
  'id' | 'firstPn' | 'passageCount' | 'levelRank' | 'level' | 'region' | 'date'
>;

const emptyDirectory = (): ReportDirectory => ({
  id: [],
  firstPn: [],
  passageCount: [],
  levelRank: [],
  level: [],
  region: [],
  date: [],
});

function directoryOf(reports: readonly DirectoryReport[]): ReportDirectory {
  const d = emptyDirectory();
  for (const r of reports) {
    if (r.firstPn === undefined) continue;
    d.id.push(r.id);
    d.firstPn.push(r.firstPn);
    d.passageCount.push(r.passageCount);
    d.levelRank.push(r.levelRank);
    d.level.push(r.level);
    d.region.push(r.region);
    d.date.push(r.date);
  }
  return d;
}

/** The directory as stored, or built from the report rows when none is stored yet. */
export async function reportDirectory(db: PolicyDatabase): Promise<ReportDirectory> {
  const stored = (await db.meta.get(DIRECTORY_KEY))?.value as ReportDirectory | undefined;
  return stored ?? directoryOf(await db.reports.toArray());
}

/**
 * Updates the directory: drops `removed` ids, then adds or replaces `added` reports. One record
 * rewritten (~60 bytes a report), never the report rows read.
 */
export async function updateDirectory(
  db: PolicyDatabase,
  added: readonly DirectoryReport[],
  removed: readonly string[] = [],
): Promise<void> {
  const stored = (await db.meta.get(DIRECTORY_KEY))?.value as ReportDirectory | undefined;
  const current = stored ?? directoryOf(await db.reports.toArray());
  const drop = new Set([...removed, ...added.map((r) => r.id)]);
  const next = emptyDirectory();
  const columns = Object.keys(next) as (keyof ReportDirectory)[];
  current.id.forEach((id, i) => {
    if (drop.has(id)) return;
    for (const column of columns) (next[column] as unknown[]).push(current[column][i]);
  });
  const fresh = directoryOf(added);
  for (const column of columns) (next[column] as unknown[]).push(...fresh[column]);
  await db.meta.put({ key: DIRECTORY_KEY, value: next });
}

/** Writes the directory afresh from the report rows (seeding, which rewrites the library anyway). */
export async function rebuildDirectory(db: PolicyDatabase): Promise<void> {
  await db.meta.put({ key: DIRECTORY_KEY, value: directoryOf(await db.reports.toArray()) });
}

/** One report's postings to index: the report (with its firstPn) and its bigram → seqs lists. */
export interface IndexEntry {
  report: Pick<ReportRecord, 'id' | 'firstPn'>;
  postings: readonly PostingRecord[];
}

/** Writes the postings of `entries` as one new segment: a few records, however many bigrams. */
export async function writeSegment(db: PolicyDatabase, entries: readonly IndexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const counter = await readCounter(db);
  const id = counter.nextSegment++;
  await db.meta.put({ key: COUNTER_KEY, value: counter });
  const lists = new Map<string, number[]>();
  const sorted = [...entries].sort((a, b) => (a.report.firstPn ?? 0) - (b.report.firstPn ?? 0));
  for (const { report, postings } of sorted) {
    if (report.firstPn === undefined) throw new Error(`Report ${report.id} has no passage numbers`);
    appendGramNumbers(lists, reportGramNumbers(report.firstPn, postings));
  }
  await storeSegment(
    db,
    id,
    lists,
    sorted.map((e) => e.report.id),
  );
}

async function storeSegment(
  db: PolicyDatabase,
  id: number,
  lists: ReadonlyMap<string, ArrayLike<number>>,
  reportIds: string[],
): Promise<void> {
  const shards = buildShards(id, lists);
  let postings = 0;
  for (const list of lists.values()) postings += list.length;
  await db.shards.bulkPut(shards);
  await db.segments.put({ id, shards: shards.length, postings, reportIds });
}

async function deleteSegments(db: PolicyDatabase, segments: readonly SegmentRecord[]): Promise<void> {
  for (const segment of segments)
    await db.shards.where('[segment+shard]').between([segment.id, 0], [segment.id, segment.shards]).delete();
  await db.segments.bulkDelete(segments.map((s) => s.id));
}

/** Drops segments none of whose reports is in the library any more (after a delete, a replace, a re-seed). */
export async function dropDeadSegments(db: PolicyDatabase): Promise<void> {
  const live = new Set((await db.reports.toCollection().primaryKeys()) as string[]);
  const dead = (await db.segments.toArray()).filter((s) => !s.reportIds.some((id) => live.has(id)));
  if (dead.length > 0) await deleteSegments(db, dead);
}

/** Clears the whole index (re-seeding a library without user reports). */
export async function clearIndex(db: PolicyDatabase): Promise<void> {
  await Promise.all([db.segments.clear(), db.shards.clear()]);
}

/** Live passage-number ranges of the given reports, sorted: [firstPn, end) pairs. */
function liveRanges(reports: readonly (ReportRecord | undefined)[]): Float64Array {
  const ranges = reports
    .filter((r): r is ReportRecord => r?.firstPn !== undefined)
    .map((r) => [r.firstPn as number, (r.firstPn as number) + r.passageCount] as const)
    .sort((a, b) => a[0] - b[0]);
  return Float64Array.from(ranges.flat());
}

function inRanges(ranges: Float64Array, pn: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (pn < (ranges[2 * mid] as number)) hi = mid - 1;
    else if (pn >= (ranges[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Segments merge in groups of this many of the same size class (a size class spans a factor of 4). */
const MERGE_FACTOR = 4;
const sizeClass = (s: SegmentRecord) => Math.floor(Math.log2(Math.max(1, s.postings)) / 2);

/** The next group of segments the tiered policy merges, if any. */
function nextMerge(segments: readonly SegmentRecord[]): SegmentRecord[] | null {
  const byClass = new Map<number, SegmentRecord[]>();
  for (const s of segments) byClass.set(sizeClass(s), [...(byClass.get(sizeClass(s)) ?? []), s]);
  for (const [, group] of [...byClass].sort((a, b) => a[0] - b[0]))
    if (group.length >= MERGE_FACTOR) return group.sort((a, b) => a.id - b.id).slice(0, MERGE_FACTOR);
  return null;
}

/** Merges `group` into one new segment, dropping the numbers of reports no longer in the library. */
async function mergeGroup(db: PolicyDatabase, group: readonly SegmentRecord[]): Promise<void> {
  const reportIds = [...new Set(group.flatMap((s) => s.reportIds))];
  const reports = await db.reports.bulkGet(reportIds);
  const ranges = liveRanges(reports);
  const lists = new Map<string, number[]>();
  for (const segment of group) {
    const shards = await db.shards
      .where('[segment+shard]')
      .between([segment.id, 0], [segment.id, segment.shards])
      .toArray();
    for (const shard of shards)
      for (const [gram, ids] of shardEntries(shard)) {
        let target = lists.get(gram);
        for (const pn of ids) {
          if (!inRanges(ranges, pn)) continue;
          if (!target) {
            target = [];
            lists.set(gram, target);
          }
          target.push(pn);
        }
      }
  }
  await deleteSegments(db, group);
  const counter = await readCounter(db);
  const id = counter.nextSegment++;
  await db.meta.put({ key: COUNTER_KEY, value: counter });
  const live = reportIds.filter((_, i) => reports[i]?.firstPn !== undefined);
  if (lists.size > 0) await storeSegment(db, id, lists, live);
}

/**
 * Merges segments while the tiered policy asks for it, one transaction per merge (a reader never
 * waits for more than one). Called after adds, off the add's own path: an add costs in proportion
 * to its report, and each posting is rewritten about log4(library / report) times over its life.
 * Returns how many merges ran.
 */
export async function mergeSegments(db: PolicyDatabase, maxMerges = Number.POSITIVE_INFINITY): Promise<number> {
  let merges = 0;
  while (merges < maxMerges) {
    const merged = await db.transaction('rw', [db.reports, db.segments, db.shards, db.meta], async () => {
      const group = nextMerge(await db.segments.toArray());
      if (!group) return false;
      await mergeGroup(db, group);
      return true;
    });
    if (!merged) break;
    merges++;
  }
  return merges;
}

const pendingMerges = new WeakMap<PolicyDatabase, Promise<number>>();

/**
 * Runs mergeSegments after whatever merge is already running on this database, and resolves with
 * the merges it made. Writers call it after their own transaction has committed, without waiting:
 * an add returns in time proportional to its report, the merges follow (each its own transaction,
 * so a page closed meanwhile loses nothing; the next add finishes the work).
 */
export function scheduleMerges(db: PolicyDatabase): Promise<number> {
  const previous = pendingMerges.get(db) ?? Promise.resolve(0);
  const next = previous.catch(() => 0).then(() => mergeSegments(db));
  pendingMerges.set(db, next);
  return next;
}

/** Merges every segment into one (tests; a library page could offer it after many deletes). */
export async function mergeAllSegments(db: PolicyDatabase): Promise<void> {
  await db.transaction('rw', [db.reports, db.segments, db.shards, db.meta], async () => {
    const segments = await db.segments.toArray();
    if (segments.length > 0) await mergeGroup(db, segments);
  });
}

/**
 * For each segment, the passage numbers of each bigram (null where the segment lacks it): one read
 * of each segment's shards the bigrams fall in, in a single read transaction.
 */
export async function gramLists(db: PolicyDatabase, grams: readonly string[]): Promise<(Uint32Array | null)[][]> {
  return db.transaction('r', [db.segments, db.shards], async () => {
    const segments = await db.segments.toArray();
    const keys: [number, number][] = [];
    const where = new Map<string, number>();
    const slot = segments.map((segment) =>
      grams.map((gram) => {
        const key: [number, number] = [segment.id, gramShard(gram, segment.shards)];
        const name = `${key[0]}:${key[1]}`;
        let at = where.get(name);
        if (at === undefined) {
          at = keys.length;
          where.set(name, at);
          keys.push(key);
        }
        return at;
      }),
    );
    const shards = await db.shards.bulkGet(keys);
    return slot.map((ats, s) =>
      ats.map((at, g) => {
        const shard = shards[at] as ShardRecord | undefined;
        return shard && segments[s] ? shardLookup(shard, grams[g] as string) : null;
      }),
    );
  });
}

/**
 * The live postings of the whole index as per-report records ([gram, reportId] → seqs), sorted:
 * what a full rebuild from the stored passages must equal (tests compare the two).
 */
export async function livePostings(db: PolicyDatabase): Promise<PostingRecord[]> {
  const reports = (await db.reports.toArray()).filter((r) => r.firstPn !== undefined);
  const starts = reports.map((r) => r.firstPn as number);
  const order = starts.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const owner = (pn: number): ReportRecord | undefined => {
    let lo = 0;
    let hi = order.length - 1;
    let found: ReportRecord | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const report = reports[order[mid] as number] as ReportRecord;
      if ((report.firstPn as number) <= pn) {
        found = report;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && pn < (found.firstPn as number) + found.passageCount ? found : undefined;
  };
  const byKey = new Map<string, PostingRecord>();
  for (const shard of await db.shards.toArray())
    for (const [gram, ids] of shardEntries(shard))
      for (const pn of ids) {
        const report = owner(pn);
        if (!report) continue;
        const key = `${gram}\u0000${report.id}`;
        let record = byKey.get(key);
        if (!record) {
          record = { gram, reportId: report.id, seqs: [] };
          byKey.set(key, record);
        }
        record.seqs.push(pn - (report.firstPn as number));
      }
  for (const record of byKey.values()) record.seqs.sort((a, b) => a - b);
  return [...byKey.values()].sort((a, b) =>
    a.gram === b.gram ? a.reportId.localeCompare(b.reportId) : a.gram < b.gram ? -1 : 1,
  );
}
