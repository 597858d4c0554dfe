import { describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import {
  detectFormat,
  glossaryToJson,
  glossaryToTable,
  parseDelimited,
  parseGlossary,
  planGlossaryImport,
  userTermId,
} from '../../lib/terms/glossary';
import { decodeGlossary } from '../../lib/terms/glossary-decode';

const CSV = [
  '术语,别名,类别,说明',
  '银发经济,银色经济；老龄产业|养老产业,政策,"面向老年人的产品和服务，含""适老化""改造"',
  '县域巡回医疗,,行动,县医院定期下乡巡诊',
].join('\r\n');

/** GB18030 bytes of a text, as Excel in China writes them (Node's TextEncoder only writes UTF-8). */
function gb18030(text: string): Uint8Array {
  // find each character's GB18030 bytes by decoding candidate byte pairs once
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte form for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('glossary import', () => {
  it('parses CSV with quotes, escaped quotes, alias separators and Chinese category labels', () => {
    const { terms, problems } = parseGlossary(CSV, 'csv');
    expect(problems).toEqual([]);
    expect(terms.map((t) => t.canonical)).toEqual(['银发经济', '县域巡回医疗']);
    expect(terms[0]?.aliases).toEqual(['银色经济', '老龄产业', '养老产业']);
    expect(terms[0]?.category).toBe('policy');
    expect(terms[0]?.explanation).toBe('面向老年人的产品和服务，含"适老化"改造');
    expect(terms[1]?.category).toBe('campaign');
    expect(terms.every((t) => t.source === 'user' && t.id === userTermId(t.canonical))).toBe(true);
  });

  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and GB18030', () => {
    const utf8 = new TextEncoder().encode(CSV);
    expect(decodeGlossary(utf8)).toEqual({ text: CSV, encoding: 'utf-8' });
    expect(decodeGlossary(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(CSV);
    const utf16 = new Uint8Array(2 + CSV.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < CSV.length; i++) {
      utf16[2 + 2 * i] = CSV.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = CSV.charCodeAt(i) >> 8;
    }
    expect(decodeGlossary(utf16).text).toBe(CSV);
    const gb = decodeGlossary(gb18030(CSV));
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text).toBe(CSV);
    expect(parseGlossary(gb.text, 'csv').terms).toHaveLength(2);
  });

  it('detects TSV and JSON, and parses TSV', () => {
    const tsv = '术语\t别名\n千县工程联盟\t县医院联盟\n';
    expect(detectFormat(tsv)).toBe('tsv');
    expect(detectFormat('{"terms":[]}')).toBe('json');
    expect(detectFormat(CSV, 'list.csv')).toBe('csv');
    expect(parseGlossary(tsv, 'tsv').terms[0]?.aliases).toEqual(['县医院联盟']);
    expect(parseDelimited('a,"b\nc",d\n', ',')).toEqual([['a', 'b\nc', 'd']]);
  });

  it('validates every row and reports each problem with its row: all or nothing', () => {
    const bad = ['术语,别名,类别', ',x,政策', '好名字,,未知类别', '另一个,好名字,政策', '好名字二,另一个,政策'].join(
      '\n',
    );
    const { problems } = parseGlossary(bad, 'csv');
    expect(problems.some((p) => p.startsWith('row 2: empty'))).toBe(true);
    expect(problems.some((p) => p.startsWith('row 3: unknown'))).toBe(true);
    expect(parseGlossary('别名,类别\nx,政策', 'csv').problems).toEqual(['row 1: no 术语 / term column']);
    expect(parseGlossary('not json', 'json').problems[0]).toMatch(/not JSON/u);
    // the same name under two terms of one file
    const twice = parseGlossary('术语,别名\n甲工程,乙工程\n乙工程,', 'csv');
    expect(twice.problems.join()).toMatch(/both/u);
  });

  it('lists duplicates and conflicts with known names instead of taking them', () => {
    const { terms } = parseGlossary('术语,别名\n千县工程,县医院提升\n新工程,医共体\n全新项目,', 'csv');
    const plan = planGlossaryImport(terms, TERM_FORMS);
    expect(plan.duplicates.map((d) => [d.imported.canonical, d.existingId])).toEqual([
      ['千县工程', 'qianxian-gongcheng'],
    ]);
    expect(plan.conflicts).toEqual([
      { imported: '新工程', form: '医共体', existingId: 'jinmixing-yigongti', existing: '紧密型医共体' },
    ]);
    expect(plan.add.map((t) => t.canonical)).toEqual(['全新项目']);
  });
});

describe('glossary export', () => {
  it('round-trips through CSV, TSV and JSON', () => {
    const { terms } = parseGlossary(CSV, 'csv');
    for (const format of ['csv', 'tsv'] as const) {
      const text = glossaryToTable(terms, format);
      expect(text.startsWith('\ufeff')).toBe(true);
      const back = parseGlossary(text, format);
      expect(back.problems).toEqual([]);
      expect(back.terms).toEqual(terms);
    }
    const json = parseGlossary(glossaryToJson(terms), 'json');
    expect(json.problems).toEqual([]);
    expect(json.terms).toEqual(terms);
  });
});
