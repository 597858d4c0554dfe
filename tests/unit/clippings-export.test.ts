import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../lib/clippings/citation';
import { CSV_HEADER, exportCsv, exportJson, exportMarkdown, localTime, mdText } from '../../lib/clippings/export';
import { withDerived } from '../../lib/clippings/store';
import type { ClippingRecord } from '../../lib/db/records';

const T = Date.UTC(2026, 2, 5, 12);
const page: ClippingRecord = withDerived({
  id: 'p1',
  kind: 'page',
  quote: '要全面促进“三医协同”，深入推进紧密型县域医共体建设',
  url: 'https://news.example.cn/a(1).html',
  urlKey: 'https://news.example.cn/a(1).html',
  title: '会议 [通知]_示例新闻网',
  site: '示例新闻网',
  author: '张三; 李四',
  published: '2026-03-01',
  docNumber: '国卫医政发〔2026〕3号',
  tags: ['医改', '=HYPERLINK("x")'],
  terms: ['sanyi-xietong', 'jinmixing-yigongti'],
  note: '第一行 "引号", 逗号',
  createdAt: T,
  updatedAt: T,
});
const samePage: ClippingRecord = withDerived({ ...page, id: 'p3', quote: '第二段摘录', note: '' });
const bad: ClippingRecord = withDerived({
  ...page,
  id: 'p2',
  url: 'javascript:alert(1)',
  urlKey: undefined,
  title: '坏链接',
});
const passage: ClippingRecord = withDerived({
  id: 'r1',
  kind: 'passage',
  quote: '以推广三明医改经验为抓手',
  passageId: 'national-work-conference-2024:4',
  reportId: 'national-work-conference-2024',
  section: '导语',
  title: '2024年全国卫生健康工作会议召开',
  author: '国家卫生健康委员会',
  published: '2024-01-11',
  tags: [],
  terms: [],
  note: '',
  createdAt: T,
  updatedAt: T,
});
const reports = new Map<string, ReportSource>([
  [
    'national-work-conference-2024',
    {
      id: 'national-work-conference-2024',
      title: '2024年全国卫生健康工作会议召开',
      issuer: '国家卫生健康委员会',
      date: '2024-01-11',
    },
  ],
]);

describe('Markdown export', () => {
  it('numbers each source once and ends with one 参考文献 list', () => {
    const md = exportMarkdown([page, passage, samePage, bad], { now: T, reports });
    expect(md).toContain('- 来源：\\[1\\]');
    expect(md.match(/- 来源：\\\[1\\\]/g)).toHaveLength(2); // page and samePage: one source
    expect(md).toContain('- 来源：\\[2\\]，导语');
    expect(md).toContain('- 来源：\\[3\\]');
    const refs = md.slice(md.indexOf('## 参考文献'));
    expect(md.match(/## 参考文献/g)).toHaveLength(1);
    expect(refs.match(/^\\\[\d\\\] /gm)).toEqual(['\\[1\\] ', '\\[2\\] ', '\\[3\\] ']);
    expect(refs).toContain('\\[2\\] 国家卫生健康委员会\\. 2024年全国卫生健康工作会议召开\\[Z\\]');
    expect(md).toContain('- 笔记：第一行 \\"引号\\"\\, 逗号');
    expect(md).toContain('\\#医改');
    expect(md).toContain('- 术语：三医协同、紧密型医共体');
    expect(md).not.toContain('javascript:');
    // the source's own (validated) address is a link in the reference list, and nothing else is
    expect(refs).toContain('<https://news.example.cn/a(1).html>\\.');
    expect(md.match(/<https?:/g)).toHaveLength(1);
  });

  it('escapes quotes so that no markup, HTML or link passes through', () => {
    const hostile = withDerived({
      ...page,
      id: 'h',
      quote:
        '# 标题\n[点我](https://evil.example/x) <img src=x onerror=alert(1)> **粗** `码` &copy; www.evil.example\n1. 列表\n    缩进',
    });
    const md = exportMarkdown([hostile], { now: T });
    const quote = md
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => l.slice(2));
    expect(quote).toEqual([
      '\\# 标题',
      '\\[点我\\]\\(https\\:\\/\\/evil\\.example\\/x\\) \\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*粗\\*\\* \\`码\\` \\&copy\\; www\\.evil\\.example',
      '1\\. 列表',
      '缩进',
    ]);
    // every ASCII punctuation mark of the text is escaped: nothing is left to be read as markup
    for (const line of quote) expect(line.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[!-/:-@[-`{-~]/);
    expect(mdText('a_b*c')).toBe('a\\_b\\*c');
  });
});

describe('CSV export', () => {
  it('starts with a BOM, quotes every cell, neutralises formulas, and has author, date and 文号 columns', () => {
    const csv = exportCsv([page], { timeZone: 'Asia/Shanghai' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe(CSV_HEADER.map((h) => `"${h}"`).join(','));
    const cells = (row ?? '').slice(1, -1).split('","');
    const at = (name: string) => cells[CSV_HEADER.indexOf(name)];
    expect(at('摘录')).toBe(page.quote);
    expect(at('来源标题')).toBe('会议 [通知]');
    expect(at('作者')).toBe('张三; 李四');
    expect(at('发布日期')).toBe('2026-03-01');
    expect(at('文号')).toBe('国卫医政发〔2026〕3号');
    expect(at('笔记')).toBe('第一行 ""引号"", 逗号');
    expect(at('标签')).toBe('医改; =HYPERLINK(""x"")');
    expect(at('术语')).toBe('三医协同; 紧密型医共体');
    expect(at('创建时间')).toBe('2026-03-05 20:00:00 +08:00');
    expect(exportCsv([{ ...page, note: '=1+1' }])).toContain(`"'=1+1"`);
  });

  it("writes times in the given time zone (the user's by default)", () => {
    expect(localTime(T, 'Asia/Shanghai')).toBe('2026-03-05 20:00:00 +08:00');
    expect(localTime(T, 'America/New_York')).toBe('2026-03-05 07:00:00 -05:00');
    expect(localTime(T, 'UTC')).toBe('2026-03-05 12:00:00 +00:00');
  });

  it('fills a passage clipping from its report', () => {
    const row = exportCsv([passage], { reports }).split('\r\n')[1] ?? '';
    expect(row).toContain('"国家卫生健康委员会","2024-01-11"');
  });
});

describe('JSON backup', () => {
  it('is a versioned backup without derived fields', () => {
    const data = JSON.parse(exportJson([page], T));
    expect(data).toMatchObject({ format: 'policy-cross-ref/clippings', version: 1, count: 1 });
    expect(data.clippings[0].quote).toBe(page.quote);
    expect(data.clippings[0].dedupKey).toBeUndefined();
    expect(data.clippings[0].format).toBe(2);
  });
});
