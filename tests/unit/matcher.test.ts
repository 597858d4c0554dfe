import { describe, expect, it } from 'vitest';
import { Matcher, packedTermKeys, packMatcher } from '../../lib/terms/matcher';
import { codeUnitsFoldingTo, FOLD, foldSourcePairs, normalizeKey } from '../../lib/text/fold';

const matcher = new Matcher([
  { termId: 'sanyi', form: '三医协同' },
  { termId: 'sanyi', form: '三医协同发展和治理' },
  { termId: 'sanyi', form: '医疗、医保、医药协同发展和治理' },
  { termId: 'qianxian', form: '千县工程' },
  { termId: 'yigongti', form: '县域医共体' },
  { termId: 'yigongti', form: '紧密型县域医共体' },
  { termId: 'sanming', form: '三明经验' },
  { termId: 'thousand', form: 'Thousand County Project' },
  { termId: 'drg', form: 'DRG' },
  { termId: 'plus', form: '1+1+5+N' },
]);

function found(text: string) {
  return matcher.findAll(text).map((m) => ({
    term: matcher.patterns[m.pattern]?.termId,
    text: text.slice(m.start, m.end),
  }));
}

describe('normalizeKey', () => {
  it('folds in one step: a folded character folds to itself (matchers rely on it for raw first characters)', () => {
    let unstable = 0;
    for (let c = 0; c < 0x10000; c++) if (FOLD[FOLD[c] as number] !== FOLD[c]) unstable++;
    expect(unstable).toBe(0);
    // and every source pair is a change to a real character
    const pairs = foldSourcePairs();
    expect(pairs.length).toBeGreaterThan(2000);
    for (let i = 0; i < pairs.length; i += 2) {
      expect(FOLD[pairs[i] as number]).toBe(pairs[i + 1]);
      expect(pairs[i + 1]).not.toBe(pairs[i]);
    }
  });

  it('drops quotes, spaces and line breaks and folds traditional script and full width', () => {
    expect(normalizeKey('“三医”协同')).toBe('三医协同');
    expect(normalizeKey('三 医\n协同')).toBe('三医协同');
    expect(normalizeKey('三醫協同')).toBe('三医协同');
    expect(normalizeKey('１＋１＋５＋Ｎ')).toBe('1+1+5+n');
  });
});

describe('Matcher', () => {
  it('finds a term written with quotation marks inside, reporting offsets in the original text', () => {
    const text = '全面促进“三医协同”;推进公立医院';
    expect(found(text)).toEqual([{ term: 'sanyi', text: '三医协同' }]);
    expect(found('以推广三明医改经验为抓手促进“三医”协同发展和治理。')).toEqual([
      { term: 'sanyi', text: '三医”协同发展和治理' },
    ]);
  });

  it('finds terms broken by print line breaks and spaces', () => {
    expect(found('推动“三医”协同\n发展和治理；加快建设')).toEqual([{ term: 'sanyi', text: '三医”协同\n发展和治理' }]);
    expect(found('扎实推进紧密型县域医共\n\n体建设')).toEqual([{ term: 'yigongti', text: '紧密型县域医共\n\n体' }]);
    expect(found('三 医协同')).toEqual([{ term: 'sanyi', text: '三 医协同' }]);
  });

  it('finds traditional script and the long official name', () => {
    expect(found('深入推進“千縣工程”')).toEqual([{ term: 'qianxian', text: '千縣工程' }]);
    expect(found('促进医疗、医保、医药协同发展和治理,有计划')).toEqual([
      { term: 'sanyi', text: '医疗、医保、医药协同发展和治理' },
    ]);
  });

  it('prefers the longest form at a position and does not overlap matches', () => {
    expect(found('紧密型县域医共体和县域医共体')).toEqual([
      { term: 'yigongti', text: '紧密型县域医共体' },
      { term: 'yigongti', text: '县域医共体' },
    ]);
  });

  it('does not match fragments or near misses from the reports', () => {
    expect(found('认真学习借鉴三明医改经验')).toEqual([]);
    expect(found('深入推进千县医院建设工程')).toEqual([]);
    expect(found('三医联动')).toEqual([]);
    expect(found('促进医疗、医保协同发展')).toEqual([]);
    expect(found('三医协\n。同')).toEqual([]);
  });

  it('matches Latin aliases on word boundaries only, in any case', () => {
    expect(found('the thousand county project began')).toEqual([{ term: 'thousand', text: 'thousand county project' }]);
    expect(found('DRG and drg payment')).toHaveLength(2);
    expect(found('hundreds of drgs')).toEqual([]);
    expect(found('加快“1+1+5+N”传染病救治体系建设')).toEqual([{ term: 'plus', text: '1+1+5+N' }]);
    expect(found('21+1+5+N')).toEqual([]);
  });

  it('reports every occurrence in text order', () => {
    const text = '三医协同……千县工程……三医协同';
    expect(found(text).map((m) => m.term)).toEqual(['sanyi', 'qianxian', 'sanyi']);
  });

  it('starts a match at any written form of its first character (traditional, capital, full width)', () => {
    expect(found('縣域醫共體；drg、Drg、ＤＲＧ').map((m) => m.text)).toEqual(['縣域醫共體', 'drg', 'Drg', 'ＤＲＧ']);
    // the first-level table by raw code unit must agree with folding every character first
    for (const c of ['县', '縣', 'D', 'd', 'Ｄ', '三', '叁', '“', ' ']) {
      const viaFold = found(`${c}域医共体`).length;
      expect(found(`${normalizeKey(c) || ' '}域医共体`).length).toBe(viaFold);
    }
  });

  it('finds the same matches however small the result buffer, one batch or many', () => {
    const unit = '三医协同、千县工程；县域医共体和 drg 以及紧密型县域医共体，';
    const text = unit.repeat(400); // 2,000 matches: several of scan's batches
    const all = matcher.findAll(text);
    expect(all).toHaveLength(2000);
    for (const size of [3, 4, 6, 7, 30, 3 * 1024]) {
      const out = new Int32Array(size);
      const got: number[] = [];
      for (let from = 0; ; ) {
        const n = matcher.scanInto(text, out, from);
        got.push(...out.subarray(0, n));
        if (n + 3 <= size) break;
        from = out[n - 1] as number;
      }
      expect(got).toEqual(all.flatMap((m) => [m.pattern, m.start, m.end]));
    }
  });

  it('stops where onMatch says so, and a scan nested in onMatch does not disturb the outer one', () => {
    const text = '三医协同、千县工程、县域医共体'.repeat(300);
    const outer: number[] = [];
    matcher.scan(text, (_pattern, start) => {
      outer.push(start);
      // the same matcher, inside its own scan
      expect(matcher.findAll('千县工程和三医协同')).toHaveLength(2);
      return outer.length === 500;
    });
    expect(outer).toEqual(
      matcher
        .findAll(text)
        .slice(0, 500)
        .map((m) => m.start),
    );
  });
});

describe('codeUnitsFoldingTo', () => {
  // reads all 65,536 entries: slow on a loaded machine, so a generous timeout
  it('is the exact inverse of the fold table', { timeout: 60_000 }, () => {
    const inverse = new Map<number, number[]>();
    for (let raw = 0; raw < 0x10000; raw++) {
      const to = FOLD[raw] as number;
      inverse.set(to, [...(inverse.get(to) ?? []), raw]);
    }
    for (let c = 1; c < 0x10000; c++) {
      expect(
        codeUnitsFoldingTo(c).sort((a, b) => a - b),
        String(c),
      ).toEqual(inverse.get(c) ?? []);
    }
  });
});

describe('wider folding', () => {
  it('folds Kangxi radicals, CJK Radicals Supplement and compatibility ideographs to the unified ideographs', () => {
    expect(normalizeKey('千县\u2f2f程')).toBe('千县工程'); // ⼯ KANGXI RADICAL WORK
    expect(normalizeKey('人\u2ea0')).toBe('人民'); // ⺠ CJK RADICAL CIVILIAN
    expect(normalizeKey('\u2ed8')).toBe('青'); // ⻘ CJK RADICAL BLUE
    expect(normalizeKey('\uf900')).toBe('豈'); // CJK COMPATIBILITY IDEOGRAPH-F900
    expect(found('深入推进“千县⼯程”')).toEqual([{ term: 'qianxian', text: '千县⼯程' }]);
  });

  it('folds variant glyphs from OpenCC (Japanese shinjitai 県 for 县) and full-width Latin', () => {
    expect(normalizeKey('千県工程')).toBe('千县工程');
    expect(found('千県工程')).toEqual([{ term: 'qianxian', text: '千県工程' }]);
    expect(found('ＤＲＧ付费')).toEqual([{ term: 'drg', text: 'ＤＲＧ' }]);
  });

  it('ignores hyphens, so close-knit, close knit and Close-Knit meet', () => {
    expect(normalizeKey('close-knit')).toBe(normalizeKey('close knit'));
    expect(normalizeKey('Close‑Knit')).toBe('closeknit');
  });

  it('keeps the cjk fold table current with Unicode data and NFKC', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildCjkFoldPairs, DATA_FILE } = await import('../../scripts/cjk-fold.mjs');
    const { CJK_FOLD } = await import('../../lib/text/cjk-fold-table');
    const { decodeFoldPairs } = await import('../../lib/text/fold-pairs');
    // the table as shipped (encoded), decoded, is exactly the mapping built from the Unicode data
    expect(decodeFoldPairs(CJK_FOLD)).toBe(buildCjkFoldPairs(readFileSync(DATA_FILE, 'utf8')));
    // every Kangxi radical folds, and agrees with NFKC
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const nfkc = String.fromCodePoint(cp).normalize('NFKC');
      expect(FOLD[cp], cp.toString(16)).toBe(FOLD[nfkc.charCodeAt(0)]);
    }
  });
});

describe('context needs', () => {
  const ruled = new Matcher(
    [
      { termId: 'zhuanbian', form: '三个转变', needs: 'health' },
      { termId: 'sanyi', form: '三医协同' },
      { termId: 'zhuan', form: '转变' },
    ],
    { context: (text, needs) => needs === 'health' && text.includes('医') },
  );
  const ids = (text: string) => ruled.findAll(text).map((m) => ruled.patterns[m.pattern]?.termId);

  it('reports a ruled pattern only where the text passes the context check', () => {
    expect(ids('医疗服务实现三个转变')).toEqual(['zhuanbian']);
    expect(ids('制造业推动三个转变')).toEqual(['zhuan']); // the shorter pattern inside is still free
  });

  it('never reports a ruled pattern without a context check', () => {
    const bare = new Matcher([{ termId: 'zhuanbian', form: '三个转变', needs: 'health' }]);
    expect(bare.findAll('医疗三个转变')).toEqual([]);
  });
});

describe('compiled matcher', () => {
  it('restores from its serialised tables and finds exactly what the built one finds', async () => {
    const { deserializeMatcher, serializeMatcher } = await import('../../lib/terms/matcher');
    const { createTermMatcher } = await import('../../lib/terms/patterns');
    const { TERM_FORMS } = await import('../../lib/terms/catalogue-forms');
    const { contextHolds } = await import('../../lib/terms/context');
    const built = createTermMatcher(TERM_FORMS);
    const stored = serializeMatcher(built.compile());
    const restored = Matcher.fromCompiled(deserializeMatcher(stored), {
      context: (text, needs) => contextHolds(text, needs as 'health'),
    });
    const text =
      '推进“千縣工程”和紧密型城市医疗集团和县域医共体，深化DRG/DIP支付方式改革；医疗卫生实现三个转变。制造业三个转变。county medical communities in China hospitals';
    expect(restored.findAll(text)).toEqual(built.findAll(text));
    expect(restored.findAll(text).length).toBeGreaterThanOrEqual(5);
    const tampered = JSON.stringify({ ...JSON.parse(stored), fold: 'other' });
    expect(() => Matcher.fromCompiled(deserializeMatcher(tampered))).toThrow(/fold table/u);
  });
});

describe('packed matcher (the bundled catalogue, packed at build)', () => {
  it('finds exactly what the built matcher finds, with the same terms and context rules', async () => {
    const { createTermMatcher, termMatcherFromPacked } = await import('../../lib/terms/patterns');
    const { TERM_FORMS } = await import('../../lib/terms/catalogue-forms');
    const built = createTermMatcher(TERM_FORMS);
    const packed = termMatcherFromPacked(packMatcher(built));
    const found = (m: Matcher, text: string) =>
      m.findAll(text).map((x) => [m.patterns[x.pattern]?.termId, x.start, x.end]);
    // every written form on its own, in a health-policy sentence and outside one, in other cases
    for (const term of TERM_FORMS) {
      for (const form of [term.canonical, ...term.aliases]) {
        for (const text of [
          form,
          `医疗卫生和医保部门推进${form}。`,
          `制造业推进${form.toUpperCase()}s and ${form.toLowerCase()}`,
        ]) {
          expect(found(packed, text), text).toEqual(found(built, text));
        }
      }
    }
    const text =
      '推进“千縣工程”和紧密型城市医疗集团和县域医共体，深化DRG/DIP支付方式改革；医疗卫生实现三个转变。制造业三个转变。county medical communities in China hospitals';
    expect(found(packed, text)).toEqual(found(built, text));
    expect(found(packed, text).length).toBeGreaterThanOrEqual(5);
    expect(() => Matcher.fromPacked({ ...packMatcher(built), fold: 'other' })).toThrow(/fold table/u);
    expect(() => Matcher.fromCompiled({ ...built.compile(), fold: 'other' })).toThrow(/fold table/u);
    // the bundled table is not checked on every page (the generated module's test checks it)
    expect(found(termMatcherFromPacked({ ...packMatcher(built), fold: 'other' }, true), text)).toEqual(
      found(built, text),
    );
  });

  it('restores a small trie with shared prefixes, ends inside other patterns and deep returns', () => {
    const patterns = [
      { termId: 'a', form: '县域医共体' },
      { termId: 'b', form: '紧密型县域医共体' },
      { termId: 'c', form: '县域' },
      { termId: 'd', form: 'a very long english alias that goes thirty levels deep' },
      { termId: 'e', form: 'a' },
      { termId: 'a', form: '县级' },
    ];
    const built = new Matcher(patterns);
    const packed = Matcher.fromPacked(packMatcher(built));
    for (const text of [
      '紧密型县域医共体和县域和县级',
      'a very long english alias that goes thirty levels deep, a b',
      '县',
    ]) {
      expect(packed.findAll(text).map((m) => [packed.patterns[m.pattern]?.termId, m.start, m.end])).toEqual(
        built.findAll(text).map((m) => [built.patterns[m.pattern]?.termId, m.start, m.end]),
      );
    }
  });

  it('numbers terms by their first patterns, so an alias may name a term before its first pattern appears', () => {
    const patterns = [
      { termId: 'b', form: '县域医共体' }, // b's first pattern, after its alias 医共体 in the preorder
      { termId: 'b', form: '医共体' },
      { termId: 'a', form: '紧密型医共体', needs: 'health' },
      { termId: 'a', form: '医联体', needs: 'other' },
      { termId: 'a', form: '医联' },
    ];
    const built = new Matcher(patterns, { context: (_text, needs) => needs === 'health' });
    const packed = packMatcher(built);
    const restored = Matcher.fromPacked(packed, { context: (_text, needs) => needs === 'health' });
    const described = (m: Matcher) =>
      m.patterns.map((p) => `${p.termId}:${p.form.replace(/\s/gu, '')}:${p.needs ?? ''}`).sort();
    expect(described(restored)).toEqual(described(built));
    expect([...packedTermKeys(packed)].sort()).toEqual([
      ['a', '紧密型医共体'],
      ['b', '县域医共体'],
    ]);
    const text = '紧密型医共体、医联体、医联和县域医共体';
    expect(restored.findAll(text).map((m) => [restored.patterns[m.pattern]?.termId, m.start, m.end])).toEqual(
      built.findAll(text).map((m) => [built.patterns[m.pattern]?.termId, m.start, m.end]),
    );
  });

  it('gives every catalogue name back: first keys of the packed trie, the few unlike them shipped apart', async () => {
    const { TERM_FORMS } = await import('../../lib/terms/catalogue-forms');
    const { CATALOGUE_MATCHER, CATALOGUE_NAMES_UNLIKE_KEYS } = await import('../../lib/terms/catalogue-matcher');
    const names = new Map([...packedTermKeys(CATALOGUE_MATCHER), ...Object.entries(CATALOGUE_NAMES_UNLIKE_KEYS)]);
    expect(names).toEqual(new Map(TERM_FORMS.map((t) => [t.id, t.canonical])));
    expect(Object.keys(CATALOGUE_NAMES_UNLIKE_KEYS).length).toBeLessThan(10);
  });

  it('is current: the generated module is what the catalogue gives', async () => {
    const { readFileSync } = await import('node:fs');
    const { matcherModuleProblems, MATCHER_MODULE_PATH } = await import('../../lib/terms/catalogue-matcher-build');
    expect(
      matcherModuleProblems(readFileSync('seeds/catalogue.json', 'utf8'), readFileSync(MATCHER_MODULE_PATH, 'utf8')),
    ).toEqual([]);
  });
});
