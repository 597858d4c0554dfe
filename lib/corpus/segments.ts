import type { PostingRecord, ShardRecord } from './records';

/**
 * The search index's storage layout, pure (no database). IndexedDB charges per record written
 * (about 0.2 ms each in Chromium, so 5,000 bigram records per report made every add cost a second
 * and a 1,000-report library half an hour), so postings are packed: a passage is a number (its
 * report's `firstPn` + its seq), a segment holds the postings of a set of reports, and a segment
 * is cut into a few shards by a hash of the bigram. A shard is one record: its bigrams sorted, and
 * the passage numbers of each bigram in one Uint32Array. A query reads, per segment, only the
 * shards its bigrams fall in; adding a report writes one small segment of its own.
 */

/** Postings a shard aims at (passage numbers): ~32 KB a record, so a lookup reads little beyond its bigram. */
const SHARD_TARGET = 8192;
const MAX_SHARDS = 4096;

/** Shards for a segment of `postings` passage numbers: a power of two, so a shard is a mask of the hash. */
export function shardCountFor(postings: number): number {
  let shards = 1;
  while (shards < MAX_SHARDS && shards * SHARD_TARGET < postings) shards *= 2;
  return shards;
}

/**
 * The shard a bigram lives in. Stored segments depend on it: changing it needs a CORPUS_FORMAT
 * bump (every browser re-seeds, which re-indexes).
 */
export function gramShard(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (shards - 1);
}

/** One report's postings as passage numbers: bigram → ascending numbers (firstPn + seq). */
export function reportGramNumbers(firstPn: number, postings: readonly PostingRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of postings)
    out.set(
      p.gram,
      p.seqs.map((seq) => firstPn + seq),
    );
  return out;
}

/** Adds `lists` (bigram → ascending passage numbers) into `into`, in order: callers add reports by ascending firstPn. */
export function appendGramNumbers(into: Map<string, number[]>, lists: ReadonlyMap<string, ArrayLike<number>>): void {
  for (const [gram, list] of lists) {
    const target = into.get(gram);
    if (target) for (let i = 0; i < list.length; i++) target.push(list[i] as number);
    else into.set(gram, Array.from(list));
  }
}

/** Cuts a segment's postings (bigram → passage numbers) into its shard records. Lists are sorted here. */
export function buildShards(segment: number, lists: ReadonlyMap<string, ArrayLike<number>>): ShardRecord[] {
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const shards = shardCountFor(total);
  const buckets: string[][] = Array.from({ length: shards }, () => []);
  for (const gram of lists.keys()) buckets[gramShard(gram, shards)]?.push(gram);
  return buckets.map((grams, shard) => {
    grams.sort();
    const offsets = new Uint32Array(grams.length + 1);
    let size = 0;
    grams.forEach((gram, i) => {
      offsets[i] = size;
      size += (lists.get(gram) as ArrayLike<number>).length;
    });
    offsets[grams.length] = size;
    const ids = new Uint32Array(size);
    grams.forEach((gram, i) => {
      const list = lists.get(gram) as ArrayLike<number>;
      const part = ids.subarray(offsets[i] as number, offsets[i + 1] as number);
      part.set(list as ArrayLike<number>);
      // lists of one report are ascending; merged ones may interleave
      for (let j = 1; j < part.length; j++)
        if ((part[j] as number) < (part[j - 1] as number)) {
          part.sort();
          break;
        }
    });
    return { segment, shard, grams, offsets, ids };
  });
}

/** The passage numbers of `gram` in one shard (a view, not a copy), or null when the shard lacks it. */
export function shardLookup(shard: ShardRecord, gram: string): Uint32Array | null {
  let lo = 0;
  let hi = shard.grams.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = shard.grams[mid] as string;
    if (at === gram) return shard.ids.subarray(shard.offsets[mid] as number, shard.offsets[mid + 1] as number);
    if (at < gram) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Every bigram of a shard with its passage numbers (merging and tests read segments whole). */
export function* shardEntries(shard: ShardRecord): Generator<[string, Uint32Array]> {
  for (let i = 0; i < shard.grams.length; i++)
    yield [shard.grams[i] as string, shard.ids.subarray(shard.offsets[i] as number, shard.offsets[i + 1] as number)];
}

/** Sorted intersection of ascending lists, smallest first (the candidates holding every bigram). */
export function intersectSorted(lists: readonly ArrayLike<number>[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let current = Array.from(sorted[0] as ArrayLike<number>);
  for (const list of sorted.slice(1)) {
    if (current.length === 0) break;
    const next: number[] = [];
    let j = 0;
    // a short list against a long one (千县 within 工程): binary search, else a linear merge
    const search = list.length > 16 * current.length;
    for (const value of current) {
      if (search) {
        let hi = list.length;
        while (j < hi) {
          const mid = (j + hi) >>> 1;
          if ((list[mid] as number) < value) j = mid + 1;
          else hi = mid;
        }
      } else while (j < list.length && (list[j] as number) < value) j++;
      if (j === list.length) break;
      if (list[j] === value) next.push(value);
    }
    current = next;
  }
  return current;
}
