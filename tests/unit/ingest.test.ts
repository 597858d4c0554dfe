import { describe, expect, it } from 'vitest';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { ingestReport, PASSAGE_MAX } from '../../lib/corpus/ingest';

const input = bundledCorpusInput();
const ingested = Object.fromEntries(input.reports.map((r) => [r.id, ingestReport(r.id, input.texts[r.id] ?? '')]));

function passagesOf(reportId: string) {
  const report = ingested[reportId];
  if (!report) throw new Error(reportId);
  return report.passages;
}

/** The source text with every line break and space removed: what a passage must be a piece of. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

describe.each(input.reports.map((r) => r.id))('ingesting %s', (reportId) => {
  const passages = passagesOf(reportId);
  const source = input.texts[reportId] ?? '';

  it('yields passages with no line break inside', () => {
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) expect(p.text).not.toMatch(/[\n\r]/u);
  });

  it('keeps offsets that point back at the passage in the source', () => {
    for (const p of passages) {
      expect(p.start).toBeLessThan(p.end);
      expect(squeeze(source.slice(p.start, p.end))).toContain(squeeze(p.text).slice(0, 12));
      expect(squeeze(source.slice(p.start, p.end)).endsWith(squeeze(p.text).slice(-6))).toBe(true);
    }
  });

  it('starts every passage at a sentence start and ends it at a sentence end', () => {
    for (const p of passages) {
      // A passage ends with sentence-final punctuation (a closing quote or bracket may follow) or a lead-in colon.
      expect(p.text, p.id).toMatch(/[。！？；;!?：:]["”’」）)]*$/u);
    }
  });

  it('loses no sentence: the passages put back together cover the body text in order', () => {
    const joined = squeeze(passages.map((p) => p.text).join(''));
    const body = squeeze(source);
    let from = 0;
    for (const p of passages) {
      const at = body.indexOf(squeeze(p.text).slice(0, 20), from);
      expect(at, p.id).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(joined.length).toBeGreaterThan(body.length * 0.85);
  });

  it('keeps passages within a readable size', () => {
    const lengths = passages.map((p) => p.text.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(PASSAGE_MAX * 1.2);
    const typical = lengths.filter((n) => n >= 50 && n <= PASSAGE_MAX).length;
    expect(typical / lengths.length).toBeGreaterThan(0.85);
  });
});

describe('repairing print line breaks', () => {
  it('joins a sentence broken over lines and a blank line (002, 漳州)', () => {
    const hit = passagesOf('fujian-cities-third-plenum-2024-07').filter((p) =>
      p.text.includes('扎实推进紧密型县域医共体和城市医疗集团建设'),
    );
    expect(hit).toHaveLength(1);
    expect(hit[0]?.section).toBe('漳州');
  });

  it('joins a sentence across a blank line in a paragraph-per-line text (003)', () => {
    const texts = passagesOf('fujian-commission-2024-07').map((p) => p.text);
    expect(texts.some((t) => t.includes('迅速兴起学习热潮,引导广大党员干部'))).toBe(true);
    expect(texts.some((t) => t.includes('四是以惠民便民为根本,推动卫生健康服务迭代升级'))).toBe(true);
  });

  it('joins a column-wide sentence ending inside a numbered point (000)', () => {
    const texts = passagesOf('fujian-work-conference-2024').map((p) => p.text);
    expect(texts.some((t) => t.includes('构建特色中医药服务体系'))).toBe(true);
    expect(texts.some((t) => t.includes('2024年卫生健康工作总的要求是'))).toBe(true);
    // the bullet is print furniture, not text
    expect(texts.some((t) => t.includes('▲'))).toBe(false);
  });

  it('keeps a real paragraph break and does not glue headings to text', () => {
    const texts = passagesOf('fujian-cities-third-plenum-2024-07').map((p) => p.text);
    expect(texts.some((t) => /福\s?州7/u.test(t))).toBe(false);
    expect(texts.some((t) => t.startsWith('7 月 23 日，福州市卫健委召开党组（扩大）会议'))).toBe(true);
  });

  it('drops stray page numbers and keeps digits that belong to text', () => {
    const raw =
      '第一段文字很长，足够长的一句话在这里结束了，并且再多写几个字凑够长度。\n\n12\n\n第二段从这里开始，写到2025 年\n目标值，然后结束这句话并且写得足够长一点点。\n';
    const { passages } = ingestReport('t', raw);
    const all = passages.map((p) => p.text).join('|');
    expect(all).not.toMatch(/\|12|12\|/u);
    expect(all).toContain('写到2025 年目标值');
  });
});

describe('sections', () => {
  it('labels the cities of 002', () => {
    const labels = ingested['fujian-cities-third-plenum-2024-07']?.sections.map((s) => s.label);
    expect(labels).toEqual(
      expect.arrayContaining(['福州', '厦门', '漳州', '泉州', '三明', '莆田', '南平', '龙岩', '宁德']),
    );
  });

  it('labels the provinces of 004 from the bylines, and its opening as the lead', () => {
    const labels = ingested['eight-provinces-directors-2024']?.sections.map((s) => s.label);
    expect(labels).toEqual(['导语', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南']);
  });

  it('labels the articles of 003 by their headings', () => {
    const labels = ingested['fujian-commission-2024-07']?.sections.map((s) => s.label) ?? [];
    expect(labels).toHaveLength(4);
    expect(labels[0]).toContain('党组(扩大)会议');
    expect(labels[1]).toContain('点题整治');
    expect(labels[2]).toContain('职业健康');
    expect(labels[3]).toContain('紧密型县域医共体');
  });

  it('drops print credits such as (省卫健委医疗应急处)', () => {
    const texts = passagesOf('fujian-commission-2024-07').map((p) => p.text);
    expect(texts.some((t) => t.includes('省卫健委医疗应急处'))).toBe(false);
  });
});
