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

/** How a packed list is written: the first byte says which. */
const DELTAS = 0;
const BITMAP = 1;

const varintBytes = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/**
 * Bytes of one ascending list, packed: gaps as varints, or a bitmap from the first number when
 * that is smaller (a bigram in most passages: 健康 in 91 % of them is 1 bit a passage instead of 32).
 * Lists with a repeated number keep the gaps (a bitmap cannot say twice).
 */
function packedSize(list: ArrayLike<number>): { size: number; bitmap: boolean } {
  if (list.length === 0) return { size: 1, bitmap: false };
  let gaps = varintBytes(list[0] as number);
  let distinct = true;
  for (let i = 1; i < list.length; i++) {
    const gap = (list[i] as number) - (list[i - 1] as number);
    if (gap === 0) distinct = false;
    gaps += varintBytes(gap);
  }
  const bitmap = varintBytes(list[0] as number) + (((list[list.length - 1] as number) - (list[0] as number)) >>> 3) + 1;
  return distinct && bitmap < gaps ? { size: 1 + bitmap, bitmap: true } : { size: 1 + gaps, bitmap: false };
}

function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

function packInto(out: Uint8Array, at: number, list: ArrayLike<number>, bitmap: boolean): void {
  out[at++] = bitmap ? BITMAP : DELTAS;
  if (list.length === 0) return;
  const base = list[0] as number;
  at = writeVarint(out, at, base);
  if (bitmap) {
    for (let i = 0; i < list.length; i++) {
      const bit = (list[i] as number) - base;
      out[at + (bit >>> 3)] = (out[at + (bit >>> 3)] as number) | (1 << (bit & 7));
    }
    return;
  }
  for (let i = 1; i < list.length; i++) at = writeVarint(out, at, (list[i] as number) - (list[i - 1] as number));
}

/** The numbers of one packed list (bytes [start, end) of `packed`). */
export function unpackList(packed: Uint8Array, start: number, end: number): Uint32Array {
  if (end - start <= 1) return new Uint32Array(0);
  let at = start + 1;
  let base = 0;
  let shift = 1;
  for (;;) {
    const byte = packed[at++] as number;
    base += (byte & 0x7f) * shift;
    shift *= 128;
    if (byte < 0x80) break;
  }
  if (packed[start] === BITMAP) {
    let count = 0;
    for (let i = at; i < end; i++) count += POPCOUNT[packed[i] as number] as number;
    const out = new Uint32Array(count);
    let n = 0;
    for (let i = at; i < end; i++) {
      let byte = packed[i] as number;
      const offset = base + (i - at) * 8;
      while (byte !== 0) {
        const low = byte & -byte;
        out[n++] = offset + (31 - Math.clz32(low));
        byte ^= low;
      }
    }
    return out;
  }
  // at most one number a byte
  const out = new Uint32Array(end - at + 1);
  out[0] = base;
  let n = 1;
  let value = base;
  while (at < end) {
    let gap = 0;
    shift = 1;
    for (;;) {
      const byte = packed[at++] as number;
      gap += (byte & 0x7f) * shift;
      shift *= 128;
      if (byte < 0x80) break;
    }
    value += gap;
    out[n++] = value;
  }
  return out.subarray(0, n);
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let c = 0;
  for (let b = i; b; b &= b - 1) c++;
  return c;
});

/**
 * Cuts a segment's postings (bigram → passage numbers) into its shard records, each bigram's list
 * packed (`packed`, byte offsets in `offsets`): IndexedDB's cost follows the bytes read, and
 * Chromium moves a value over 64 KB out to a file of its own, read apart (a shard holding 健康
 * was 365 KB as Uint32s). Lists are sorted here.
 */
export function buildShards(segment: number, lists: ReadonlyMap<string, ArrayLike<number>>): ShardRecord[] {
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const shards = shardCountFor(total);
  const buckets: string[][] = Array.from({ length: shards }, () => []);
  for (const gram of lists.keys()) buckets[gramShard(gram, shards)]?.push(gram);
  return buckets.map((grams, shard) => {
    grams.sort();
    const sorted = grams.map((gram) => {
      const list = lists.get(gram) as ArrayLike<number>;
      // lists of one report are ascending; merged ones may interleave
      for (let j = 1; j < list.length; j++)
        if ((list[j] as number) < (list[j - 1] as number)) return Uint32Array.from(list).sort();
      return list;
    });
    const plans = sorted.map(packedSize);
    const offsets = new Uint32Array(grams.length + 1);
    let size = 0;
    plans.forEach((plan, i) => {
      offsets[i] = size;
      size += plan.size;
    });
    offsets[grams.length] = size;
    const packed = new Uint8Array(size);
    sorted.forEach((list, i) => {
      packInto(packed, offsets[i] as number, list, (plans[i] as { bitmap: boolean }).bitmap);
    });
    return { segment, shard, grams, offsets, packed };
  });
}

/** The numbers of the i-th bigram of a shard, in either stored form. */
function shardList(shard: ShardRecord, i: number): Uint32Array {
  const start = shard.offsets[i] as number;
  const end = shard.offsets[i + 1] as number;
  // schema v6 wrote Uint32s (`ids`); still read, until a merge rewrites the segment packed
  return shard.packed ? unpackList(shard.packed, start, end) : (shard.ids as Uint32Array).subarray(start, end);
}

/** The passage numbers of `gram` in one shard, or null when the shard lacks it. */
export function shardLookup(shard: ShardRecord, gram: string): Uint32Array | null {
  let lo = 0;
  let hi = shard.grams.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = shard.grams[mid] as string;
    if (at === gram) return shardList(shard, mid);
    if (at < gram) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Every bigram of a shard with its passage numbers (merging and tests read segments whole). */
export function* shardEntries(shard: ShardRecord): Generator<[string, Uint32Array]> {
  for (let i = 0; i < shard.grams.length; i++) yield [shard.grams[i] as string, shardList(shard, i)];
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
