// @vitest-environment happy-dom
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../lib/corpus/ingest';
import { extractFile } from '../../lib/documents/extract';
import { DocumentError, MAX_FILE_BYTES } from '../../lib/documents/limits';
import { detectEncoding } from '../../lib/documents/text-file';
import { normalizeKey } from '../../lib/text/fold';
import { fixture, makeDocx, nodeReaders } from './library-helpers';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return (error as DocumentError).code;
  }
  throw new Error('expected a refusal');
};

/**
 * Chromium prints some ideographs of Noto CJK as Kangxi radicals (工 → ⼯ U+2F2F). Folding them
 * back is the shared normalisation's job (lib/text/fold.ts, done on the terms branch). Asserts
 * that need it run once normalizeKey folds radicals, i.e. after that branch is merged.
 */
const FOLDS_RADICALS = normalizeKey('⼯') === '工';

describe('PDF extraction (Chromium-printed fixture, pdf.js legacy build in Node)', () => {
  it('reads the text layer, drops the running head and page numbers, reports progress', async () => {
    const progress: number[] = [];
    const result = await extractFile('county-plan.pdf', fixture('county-plan.pdf'), nodeReaders, (f) =>
      progress.push(f),
    );
    expect(result.kind).toBe('pdf');
    expect(result.pages).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(result.pages ?? 0);
    const lines = result.text.split('\n');
    // the footer "— n —" and the header line (示例县卫生健康局文件) printed on each of the 6 pages are gone
    expect(lines.filter((l) => /^[—-]\s*\d+\s*[—-]$/u.test(l))).toEqual([]);
    expect(lines.filter((l) => /局.件$/u.test(l) && l.length < 14)).toEqual([]);
    // text of the body is there (characters Noto never prints as radicals)
    expect(result.text.replace(/\n/gu, '')).toContain('紧密型县域医共体建设');
  });

  it('ingests into whole sentences: print line breaks repaired', async () => {
    const { text } = await extractFile('county-plan.pdf', fixture('county-plan.pdf'), nodeReaders);
    const { passages } = ingestReport('user-pdf', text);
    expect(passages.length).toBeGreaterThan(5);
    // the sentence spans four printed lines (与乡|镇卫生院 …); in the passage it is whole. The dots
    // (?) stand for ideographs Chromium printed as radicals (生 → ⽣), folded by lib/text/fold.ts.
    const joined = passages.find((p) => p.text.includes('推进紧密型县域医共体建设'));
    expect(joined?.text.replace(/[\u2e80-\u2fdf]/gu, '?')).toContain(
      '推进紧密型县域医共体建设，县级医院与乡镇卫?院、村卫?室在?员、财务和药品??实?统?管理，医保基?按?头打包付费，结余部分留给医共体?于改善服务。',
    );
    expect(passages.every((p) => !p.text.includes('\n'))).toBe(true);
  });

  it.runIf(FOLDS_RADICALS)(
    '[needs radical folding from lib/text/fold.ts] 千县工程 is found in the PDF text',
    async () => {
      const { text } = await extractFile('county-plan.pdf', fixture('county-plan.pdf'), nodeReaders);
      expect(normalizeKey(text)).toContain('千县工程');
      expect(normalizeKey(text)).toContain('人民群众健康管理');
    },
  );

  it('refuses a PDF without a text layer (scanned), a corrupt PDF and a renamed non-PDF', async () => {
    expect(await refusal(extractFile('scan.pdf', fixture('scanned.pdf'), nodeReaders))).toBe('no-text-layer');
    expect(await refusal(extractFile('broken.pdf', strToU8('%PDF-1.7\n1 0 obj <<'), nodeReaders))).toBe('corrupt');
    expect(await refusal(extractFile('fake.pdf', strToU8('just some words, not a PDF'), nodeReaders))).toBe('corrupt');
  });
});

describe('DOCX extraction (built with fflate, read with mammoth)', () => {
  it('keeps headings and paragraphs as lines, in order', async () => {
    const bytes = makeDocx([
      { text: '关于开展基层卫生人才培训的通知', style: 'Heading1' },
      { text: '各区卫生健康局：为提高乡村医生的业务能力，今年将分批组织集中培训，每期十天。' },
      { text: '培训内容包括常见病诊疗、慢病管理和“三医协同”相关政策。' },
    ]);
    const result = await extractFile('培训通知.docx', bytes, nodeReaders);
    expect(result.kind).toBe('docx');
    expect(result.text.split('\n')).toEqual([
      '关于开展基层卫生人才培训的通知',
      '各区卫生健康局：为提高乡村医生的业务能力，今年将分批组织集中培训，每期十天。',
      '培训内容包括常见病诊疗、慢病管理和“三医协同”相关政策。',
    ]);
    expect(result.metadata.title).toBe('关于开展基层卫生人才培训的通知');
  });

  it('refuses a ZIP of something else and a broken DOCX', async () => {
    const zip = zipSync({ 'photos/a.txt': strToU8('not a word document at all') });
    expect(await refusal(extractFile('report.docx', zip, nodeReaders))).toBe('not-docx');
    const broken = makeDocx([{ text: '文字' }]).slice(0, 200);
    expect(['corrupt', 'not-docx']).toContain(await refusal(extractFile('cut.docx', broken, nodeReaders)));
  });
});

describe('text files', () => {
  it('detects GB18030 (iconv fixture) and reads it', async () => {
    const bytes = fixture('notice-gb18030.txt');
    expect(detectEncoding(bytes)).toBe('gb18030');
    const result = await extractFile('notice.txt', bytes, nodeReaders);
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toContain('推行“医防融合”服务');
    expect(result.metadata.issuer).toBe('示例县卫生健康局');
    expect(result.metadata.written).toBe('2024-11-05');
  });

  it('reads UTF-16 with either BOM, and UTF-8 with and without BOM', async () => {
    const text = '加强县域医共体建设，推动优质医疗资源下沉到乡镇和村。这是第二句话，用来凑够长度。';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      be[2 + 2 * i] = text.charCodeAt(i) >> 8;
      be[3 + 2 * i] = text.charCodeAt(i) & 0xff;
    }
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(detectEncoding(be)).toBe('utf-16be');
    expect((await extractFile('le.txt', le, nodeReaders)).text).toBe(text);
    expect((await extractFile('be.txt', be, nodeReaders)).text).toBe(text);
    const utf8 = new TextEncoder().encode(text);
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect((await extractFile('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), nodeReaders)).text).toBe(text);
  });

  it('refuses a 0-byte file, one over the size limit, a binary renamed .txt, and too little text', async () => {
    expect(await refusal(extractFile('empty.txt', new Uint8Array(0), nodeReaders))).toBe('empty');
    expect(await refusal(extractFile('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1), nodeReaders))).toBe('too-large');
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await refusal(extractFile('image.txt', binary, nodeReaders))).toBe('binary');
    expect(await refusal(extractFile('short.txt', strToU8('你好'), nodeReaders))).toBe('too-little-text');
    expect(await refusal(extractFile('old.doc', strToU8('x'.repeat(50)), nodeReaders))).toBe('unsupported');
  });
});
