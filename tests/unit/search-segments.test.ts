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
});
