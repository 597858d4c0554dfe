// @vitest-environment node
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../lib/clippings/citation';
import { withDerived } from '../../lib/clippings/store';
import { exportCslJson, exportRis, reportsToCslJson, reportsToRis } from '../../lib/clippings/zotero';
import type { ClippingRecord } from '../../lib/db/records';

const T = Date.UTC(2026, 2, 5, 12);
const base = { tags: [] as string[], terms: [] as string[], note: '', createdAt: T, updatedAt: T };
const policy: ClippingRecord = withDerived({
  ...base,
  id: 'c1',
  kind: 'page',
  quote: '推进紧密型县域医共体建设 <b>&',
  url: 'https://www.gov.cn/zhengce/content/202303/t1.htm',
  title: '关于进一步深化改革促进乡村医疗卫生体系健康发展的意见_中国政府网',
  site: '中国政府网',
  author: '国务院办公厅',
  published: '2023-02-23',
  docNumber: '国办发〔2023〕5号',
  tags: ['乡村医疗'],
  note: '第三部分\n第二条',
});
const policyAgain: ClippingRecord = withDerived({
  ...policy,
  id: 'c2',
  quote: '同一文件的另一段',
  note: '',
  tags: ['医改'],
});
const news: ClippingRecord = withDerived({
  ...base,
  id: 'c3',
  kind: 'page',
  quote: '三医协同发展和治理',
  url: 'https://news.example.cn/2024/0112/a.html',
  title: '三医协同取得新进展 - 健康频道',
  site: '示例新闻网',
  author: '张三; 李四',
  published: '2024-01-12',
});
const passage: ClippingRecord = withDerived({
  ...base,
  id: 'c4',
  kind: 'passage',
  quote: '以推广三明医改经验为抓手',
  passageId: 'national-work-conference-2024:4',
  reportId: 'national-work-conference-2024',
  title: '2024年全国卫生健康工作会议召开',
  author: '国家卫生健康委员会',
  published: '2024-01-11',
  note: '会议通稿',
});
const report: ReportSource = {
  id: 'national-work-conference-2024',
  title: '2024年全国卫生健康工作会议召开',
  issuer: '国家卫生健康委员会',
  date: '2024-01-11',
  publisher: '国家卫生健康委员会',
};
const reports = new Map([[report.id, report]]);
const CLIPPINGS = [policy, news, policyAgain, passage];

/** Drops the parser's bookkeeping (ids, _graph) so items compare field by field. */
function fields(item: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, _graph: _g, ...rest } = item;
  return rest;
}

describe('CSL-JSON for Zotero', () => {
  it('parses back (citation-js) to the expected items, one per source, field by field', async () => {
    const parsed = (await Cite.async(exportCslJson(CLIPPINGS, reports))).data.map(fields);
    expect(parsed).toEqual([
      {
        type: 'legislation',
        title: '关于进一步深化改革促进乡村医疗卫生体系健康发展的意见',
        author: [{ literal: '国务院办公厅' }],
        number: '国办发〔2023〕5号',
        issued: { 'date-parts': [[2023, 2, 23]] },
        accessed: { 'date-parts': [[2026, 3, 5]] },
        URL: 'https://www.gov.cn/zhengce/content/202303/t1.htm',
        note: '摘录：推进紧密型县域医共体建设 <b>&\n笔记：第三部分\n第二条\n\n摘录：同一文件的另一段',
        language: 'zh-CN',
      },
      {
        type: 'webpage',
        title: '三医协同取得新进展',
        author: [{ literal: '张三' }, { literal: '李四' }],
        'container-title': '示例新闻网',
        issued: { 'date-parts': [[2024, 1, 12]] },
        accessed: { 'date-parts': [[2026, 3, 5]] },
        URL: 'https://news.example.cn/2024/0112/a.html',
        note: '摘录：三医协同发展和治理',
        language: 'zh-CN',
      },
      {
        type: 'report',
        title: '2024年全国卫生健康工作会议召开',
        author: [{ literal: '国家卫生健康委员会' }],
        publisher: '国家卫生健康委员会',
        issued: { 'date-parts': [[2024, 1, 11]] },
        note: '摘录：以推广三明医改经验为抓手\n笔记：会议通稿',
        language: 'zh-CN',
      },
    ]);
  });

  it('exports library reports themselves (ReportRecord-like objects), a 文号 making a statute', async () => {
    const parsed = (
      await Cite.async(
        reportsToCslJson([
          report,
          {
            id: 'u1',
            title: '实施方案',
            issuer: '福建省卫生健康委员会',
            date: '2024-07',
            docNumber: '闽卫基层〔2024〕9号',
          },
        ]),
      )
    ).data.map(fields);
    expect(parsed[0]).toMatchObject({ type: 'report', title: report.title, publisher: '国家卫生健康委员会' });
    expect(parsed[0]).not.toHaveProperty('note');
    expect(parsed[1]).toEqual({
      type: 'legislation',
      title: '实施方案',
      author: [{ literal: '福建省卫生健康委员会' }],
      number: '闽卫基层〔2024〕9号',
      issued: { 'date-parts': [[2024, 7]] },
      language: 'zh-CN',
    });
  });
});

describe('RIS for Zotero', () => {
  const ris = exportRis(CLIPPINGS, reports);
  const records = ris.split('\r\n\r\n').map((r) => r.split('\r\n').filter(Boolean));

  it('parses back (citation-js) to the expected items, field by field', async () => {
    const parsed = (await Cite.async(ris)).data.map(fields);
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      type: 'legislation',
      title: '关于进一步深化改革促进乡村医疗卫生体系健康发展的意见',
      number: '国办发〔2023〕5号',
      issued: { 'date-parts': [[2023, 2, 23]] },
      URL: 'https://www.gov.cn/zhengce/content/202303/t1.htm',
      language: 'zh-CN',
      keyword: '乡村医疗,医改',
      // one note per clipping, HTML with the text escaped
      note: [
        '<p>摘录：推进紧密型县域医共体建设 &lt;b&gt;&amp;</p><p>笔记：第三部分<br/>第二条</p>',
        '<p>摘录：同一文件的另一段</p>',
      ],
    });
    expect(parsed[1]).toEqual({
      type: 'webpage',
      title: '三医协同取得新进展',
      author: [{ family: '张三' }, { family: '李四' }],
      // citation-js names a web page's T2 collection-title; Zotero reads it as the website title
      'collection-title': '示例新闻网',
      issued: { 'date-parts': [[2024, 1, 12]] },
      URL: 'https://news.example.cn/2024/0112/a.html',
      language: 'zh-CN',
      note: '<p>摘录：三医协同发展和治理</p>',
    });
    expect(parsed[2]).toEqual({
      type: 'report',
      title: '2024年全国卫生健康工作会议召开',
      author: [{ family: '国家卫生健康委员会' }],
      publisher: '国家卫生健康委员会',
      issued: { 'date-parts': [[2024, 1, 11]] },
      language: 'zh-CN',
      note: '<p>摘录：以推广三明医改经验为抓手</p><p>笔记：会议通稿</p>',
    });
  });

  it('writes the tags Zotero reads where citation-js follows the RIS type table instead', () => {
    // Zotero's RIS translator (fieldMap): AU → author and Y2 → access date for every type,
    // M1 → a statute's public law number, T2 → a web page's website title, N1 → one child note each.
    // citation-js reads AU only for some types (not STAT) and Y2 only for RPRT: checked here as written.
    const [statute, web, rprt] = records;
    expect(statute?.[0]).toBe('TY  - STAT');
    expect(statute).toContain('AU  - 国务院办公厅');
    expect(statute).toContain('M1  - 国办发〔2023〕5号');
    expect(statute).toContain('Y2  - 2026/03/05/');
    expect(statute).toContain('KW  - 乡村医疗');
    expect(statute).toContain('KW  - 医改');
    expect(statute?.filter((l) => l.startsWith('N1  - '))).toHaveLength(2);
    expect(web?.[0]).toBe('TY  - ELEC');
    expect(web).toContain('T2  - 示例新闻网');
    expect(web).toContain('Y2  - 2026/03/05/');
    expect(rprt?.[0]).toBe('TY  - RPRT');
    expect(rprt).toContain('PB  - 国家卫生健康委员会');
    expect(rprt?.some((l) => l.startsWith('Y2'))).toBe(false);
    for (const record of records) expect(record.at(-1)).toBe('ER  - ');
    // one line per tag: a line break inside a note or quote never starts a new tag
    for (const record of records) for (const line of record) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  it('exports library reports themselves', async () => {
    const parsed = (await Cite.async(reportsToRis([report]))).data.map(fields);
    expect(parsed).toEqual([
      {
        type: 'report',
        title: report.title,
        author: [{ family: '国家卫生健康委员会' }],
        publisher: '国家卫生健康委员会',
        issued: { 'date-parts': [[2024, 1, 11]] },
        language: 'zh-CN',
      },
    ]);
  });
});
