import { describe, expect, it } from 'vitest';
import { CSV_HEADER, exportCsv, exportJson, exportMarkdown } from '../../lib/clippings/export';
import { withDerived } from '../../lib/clippings/store';
import type { ClippingRecord } from '../../lib/db/records';

const T = Date.UTC(2024, 2, 5, 12);
const page: ClippingRecord = withDerived({
  id: 'p1',
  kind: 'page',
  quote: '要全面促进“三医协同”，深入推进紧密型县域医共体建设',
  url: 'https://news.example.cn/a(1).html',
  urlKey: 'https://news.example.cn/a(1).html',
  title: '会议 [通知]',
  site: '示例新闻',
  tags: ['医改', '=HYPERLINK("x")'],
  terms: ['sanyi-xietong', 'jinmixing-yigongti'],
  note: '第一行 "引号", 逗号',
  createdAt: T,
  updatedAt: T,
});
const bad: ClippingRecord = withDerived({
  ...page,
  id: 'p2',
  url: 'javascript:alert(1)',
  urlKey: undefined,
  title: '坏链接',
});

describe('exports', () => {
  it('Markdown holds quote, source link, note, tags, terms and a citation', () => {
    const md = exportMarkdown([page, bad], T);
    expect(md).toContain(`> ${page.quote}`);
    expect(md).toContain('[会议 \\[通知\\]](https://news.example.cn/a%281%29.html)');
    expect(md).toContain('- 笔记：第一行 "引号", 逗号');
    expect(md).toContain('#医改');
    expect(md).toContain('- 术语：三医协同、紧密型医共体');
    expect(md).toContain('- 引用：\\[1\\] 示例新闻. 会议 \\[通知\\]\\[EB/OL\\]. \\[2024-03-05\\]');
    expect(md).not.toContain('javascript:');
  });

  it('CSV starts with a BOM, quotes every cell and neutralises formulas', () => {
    const csv = exportCsv([page]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe(CSV_HEADER.map((h) => `"${h}"`).join(','));
    expect(row).toContain(`"${page.quote}"`);
    expect(row).toContain('"第一行 ""引号"", 逗号"');
    expect(row).toContain(`"'医改; =HYPERLINK(""x"")"`.replace("'医改", '医改'));
    expect(row).toContain('"三医协同; 紧密型医共体"');
    expect(exportCsv([{ ...page, note: '=1+1' }])).toContain(`"'=1+1"`);
  });

  it('JSON is a versioned backup without derived fields', () => {
    const data = JSON.parse(exportJson([page], T));
    expect(data).toMatchObject({ format: 'policy-cross-ref/clippings', version: 1, count: 1 });
    expect(data.clippings[0].quote).toBe(page.quote);
    expect(data.clippings[0].dedupKey).toBeUndefined();
    expect(data.clippings[0].format).toBe(2);
  });
});
