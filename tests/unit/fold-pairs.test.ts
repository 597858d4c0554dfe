import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CJK_FOLD } from '../../lib/text/cjk-fold-table';
import { FOLD, FOLD_SIGNATURE, normalizeKey } from '../../lib/text/fold';
import { decodeFoldPairs, encodeFoldPairs } from '../../lib/text/fold-pairs';
import { TRAD_FOLD } from '../../lib/text/trad-fold-table';

/** A pairs string of code units. */
const pairs = (...codes: number[]) => String.fromCharCode(...codes);

describe('the fold tables’ compact encoding', () => {
  it('gives back exactly what it encoded: runs, jumps back and forth, the ends of the BMP', () => {
    for (const original of [
      '',
      pairs(0x2e81, 0x5382, 0x2e82, 0x4e5b, 0x2e83, 0x4e5a),
      pairs(0x41, 0xffff, 0x42, 0x1, 0xf900, 0x8c48, 0xfa2a, 0x4e00, 0xffff, 0x0),
      '國国協协醫医県县',
    ]) {
      const encoded = encodeFoldPairs(original);
      expect(encoded.from).toMatch(/^[-0-9a-z,]*$/);
      expect(encoded.to).toMatch(/^[-0-9a-z,]*$/);
      expect(decodeFoldPairs(encoded)).toBe(original);
    }
  });

  it('leaves out the targets NFKC gives (Kangxi radicals, compatibility ideographs) and keeps the others', () => {
    // ⼯ → 工 and 豈 → 豈 by NFKC; ⺁ → 厂 only by Unicode's equivalents list; 國 → 国 not by NFKC
    const original = pairs(0x2e81, 0x5382, 0x2f2f, 0x5de5, 0xf900, 0x8c48, 0x570b, 0x56fd);
    const encoded = encodeFoldPairs(original);
    expect(encoded.to.split(',').map((step) => step !== '')).toEqual([true, false, false, true]);
    expect(decodeFoldPairs(encoded)).toBe(original);
    // the shipped table: only the radicals supplement lists its targets
    const explicit = CJK_FOLD.to.split(',').filter((step) => step !== '').length;
    expect(explicit).toBeGreaterThan(0);
    expect(explicit).toBeLessThan(decodeFoldPairs(CJK_FOLD).length / 2 / 4);
  });

  it('is what the generated modules hold, and smaller than the pairs they stand for', () => {
    for (const [table, file] of [
      [CJK_FOLD, 'lib/text/cjk-fold-table.ts'],
      [TRAD_FOLD, 'lib/text/trad-fold-table.ts'],
    ] as const) {
      const decoded = decodeFoldPairs(table);
      expect(encodeFoldPairs(decoded)).toEqual(table);
      expect(readFileSync(file, 'utf8')).toContain(`from: '${table.from}'`);
    }
  });

  it('feeds the fold table and its signature with the decoded pairs', () => {
    const cjk = decodeFoldPairs(CJK_FOLD);
    const trad = decodeFoldPairs(TRAD_FOLD);
    // the signature (part of the corpus version) names the pairs themselves, not their encoding:
    // a new encoding alone does not make every installation rebuild its corpus
    expect(FOLD_SIGNATURE).toContain(`|${trad}|${cjk}`);
    expect(normalizeKey('千县⼯程')).toBe('千县工程');
    expect(normalizeKey('三醫協同')).toBe('三医协同');
    for (let i = 0; i < trad.length; i += 2) expect(FOLD[trad.charCodeAt(i)]).toBe(trad.charCodeAt(i + 1));
  });
});
