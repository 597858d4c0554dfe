import { describe, expect, it } from 'vitest';
import {
  appendGramNumbers,
  buildShards,
  gramShard,
  intersectSorted,
  reportGramNumbers,
  shardCountFor,
  shardEntries,
  shardLookup,
  unpackList,
} from '../../lib/corpus/segments';

/** A random ascending list of distinct numbers below `max`. */
function ascending(random: () => number, size: number, max: number): number[] {
  const set = new Set<number>();
  while (set.size < size) set.add(Math.floor(random() * max));
  return [...set].sort((a, b) => a - b);
}

function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe('search index segments', () => {
  it('cut postings into shards that give back every bigram’s numbers, and nothing else', () => {
    const random = rng(3);
    const lists = new Map<string, number[]>();
    for (let i = 0; i < 3000; i++) {
      const gram = String.fromCharCode(0x4e00 + Math.floor(random() * 400), 0x4e00 + Math.floor(random() * 400));
      lists.set(gram, ascending(random, 1 + Math.floor(random() * 40), 100_000));
    }
    const total = [...lists.values()].reduce((n, l) => n + l.length, 0);
    const shards = buildShards(7, lists);
    expect(shards.length).toBe(shardCountFor(total));
    expect(shards.length & (shards.length - 1)).toBe(0);
    for (const [gram, list] of lists) {
      const shard = shards[gramShard(gram, shards.length)];
      expect(shard?.segment).toBe(7);
      expect(Array.from(shardLookup(shard as never, gram) ?? [])).toEqual(list);
    }
    // every stored bigram is one of ours, in its own shard only
    const seen = shards.flatMap((s) => [...shardEntries(s)].map(([gram]) => gram));
    expect(seen.sort()).toEqual([...lists.keys()].sort());
    expect(shardLookup(shards[0] as never, '无此')).toBeNull();
  });

  it('number a report’s passages from its firstPn and keep merged lists ascending', () => {
    const a = reportGramNumbers(100, [
      { gram: '医院', reportId: 'a', seqs: [0, 3] },
      { gram: '县医', reportId: 'a', seqs: [3] },
    ]);
    const b = reportGramNumbers(10, [{ gram: '医院', reportId: 'b', seqs: [1] }]);
    const lists = new Map<string, number[]>();
    appendGramNumbers(lists, a);
    appendGramNumbers(lists, b);
    const [shard] = buildShards(1, lists);
    expect(Array.from(shardLookup(shard as never, '医院') ?? [])).toEqual([11, 100, 103]);
    expect(Array.from(shardLookup(shard as never, '县医') ?? [])).toEqual([103]);
  });

  it('intersect ascending lists of any lengths exactly', () => {
    const random = rng(11);
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        ascending(random, 1 + Math.floor(random() * (random() < 0.5 ? 5 : 2000)), 5000),
      );
      const expected = (lists[0] as number[]).filter((n) => lists.every((l) => l.includes(n)));
      expect(intersectSorted(lists.map((l) => Uint32Array.from(l)))).toEqual(expected);
    }
    expect(intersectSorted([])).toEqual([]);
  });

  it('pack each list as gaps or a bitmap, whichever is smaller, and read back the same numbers', () => {
    const lists = new Map<string, number[]>([
      ['稠密', Array.from({ length: 10_000 }, (_, i) => i).filter((i) => (i * 7919) % 10 !== 3)], // most passages: a bitmap
      ['稀疏', Array.from({ length: 40 }, (_, i) => 1000 + i * 124_999 + (i % 7))], // a few, far apart: gaps
      ['大数', [0, 127, 128, 16_383, 16_384, 2_097_152, 268_435_456, 4_000_000_000]], // every varint length
      ['一个', [123_456]],
      ['相邻', Array.from({ length: 300 }, (_, i) => 70_000 + i)],
      ['重复', [5, 5, 9, 9, 9, 12]], // a bitmap cannot hold a repeat: gaps of 0
      ['乱序', [40, 3, 17, 8]], // merged lists may interleave: sorted when packed
    ]);
    for (const shard of buildShards(2, lists)) {
      expect(shard.ids).toBeUndefined();
      for (const [gram, ids] of shardEntries(shard)) {
        const want = [...(lists.get(gram) as number[])].sort((a, b) => a - b);
        expect(Array.from(ids), gram).toEqual(want);
        expect(Array.from(shardLookup(shard, gram) ?? []), gram).toEqual(want);
      }
    }
    // the dense list costs ~1 bit a number, the sparse one a few bytes a number, not 4 bytes each
    const [dense] = buildShards(1, new Map([['稠密', lists.get('稠密') as number[]]]));
    expect(dense?.packed?.length).toBeLessThan(10_000 / 8 + 16);
    const [sparse] = buildShards(1, new Map([['稀疏', lists.get('稀疏') as number[]]]));
    expect(sparse?.packed?.length).toBeLessThan(40 * 4);
    expect(Array.from(unpackList(new Uint8Array([0]), 0, 1))).toEqual([]);
  });

  it('still read shards written as plain numbers by the first v6 code', () => {
    const grams = ['医院', '县医'];
    const offsets = Uint32Array.from([0, 3, 4]);
    const ids = Uint32Array.from([11, 100, 103, 103]);
    const old = { segment: 1, shard: 0, grams, offsets, ids };
    expect(Array.from(shardLookup(old, '医院') ?? [])).toEqual([11, 100, 103]);
    expect([...shardEntries(old)].map(([g, l]) => [g, Array.from(l)])).toEqual([
      ['医院', [11, 100, 103]],
      ['县医', [103]],
    ]);
    expect(shardLookup(old, '无此')).toBeNull();
  });
});
