import { describe, expect, it } from 'vitest';
import {
  formatAuthors,
  formatCitation,
  numberedCitation,
  type ReportSource,
  splitAuthors,
  titleWithoutSite,
} from '../../lib/clippings/citation';
import { withDerived } from '../../lib/clippings/store';
import type { ClippingRecord } from '../../lib/db/records';

// noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11
const CREATED = Date.UTC(2026, 2, 5, 12);

function clip(fields: Partial<ClippingRecord>): ClippingRecord {
  return withDerived({
    id: 'x',
    kind: 'page',
    quote: '引文',
    tags: [],
    terms: [],
    note: '',
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  });
}

const passage = clip({
  kind: 'passage',
  passageId: 'national-work-conference-2024:5',
  reportId: 'national-work-conference-2024',
  title: '全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开',
  author: '国家卫生健康委员会',
  published: '2024-01-11',
});
const report: ReportSource = {
  id: 'national-work-conference-2024',
  title: '全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开',
  issuer: '国家卫生健康委员会',
  date: '2024-01-11',
  publisher: '国家卫生健康委员会',
};
const policyPage = clip({
  url: 'https://www.gov.cn/zhengce/content/202303/t1.htm?utm_source=x',
  canonicalUrl: 'https://www.gov.cn/zhengce/content/202303/t1.htm',
  title: '国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见_国务院文件_中国政府网',
  site: '中国政府网',
  author: '国务院办公厅',
  published: '2023-02-23',
  docNumber: '国办发〔2023〕5号',
});

describe('GB/T 7714—2025 (the default)', () => {
  it('cites a web page: full-width colon and parentheses, half-width stops and brackets, access date', () => {
    expect(formatCitation(policyPage)).toBe(
      '国务院办公厅. 国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见：国办发〔2023〕5号[EB/OL]. ' +
        '（2023-02-23）[2026-03-05]. https://www.gov.cn/zhengce/content/202303/t1.htm.',
    );
  });

  it('separates several authors with full-width commas and cuts after three with 等', () => {
    const c = clip({ url: 'https://example.org/a', title: '一篇文章', author: '张三; 李四; 王五; 赵六' });
    expect(formatCitation(c)).toBe('张三，李四，王五，等. 一篇文章[EB/OL]. [2026-03-05]. https://example.org/a.');
    expect(formatCitation({ ...c, author: '张三，李四' })).toMatch(/^张三，李四\. /);
  });

  it('never makes the host an author; with no author the title leads', () => {
    const c = clip({ url: 'https://example.org/a', title: '一篇文章 - 健康频道', site: 'example.org' });
    expect(formatCitation(c)).toBe('一篇文章[EB/OL]. [2026-03-05]. https://example.org/a.');
  });

  it('cites a report passage without URL as [Z] with issuer, publisher and date, and no access date', () => {
    expect(formatCitation(passage, { report })).toBe(
      '国家卫生健康委员会. 全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开[Z]. 国家卫生健康委员会，2024-01-11.',
    );
    expect(formatCitation(passage, { report })).not.toContain('2026-03-05');
    expect(numberedCitation(passage, 2, { report })).toMatch(/^\[3\] 国家卫生健康委员会\./);
  });

  it('cites a report with a source URL as [EB/OL] with its date, access date and URL', () => {
    const online = { ...report, url: 'https://www.nhc.gov.cn/example/2024.shtml' };
    expect(formatCitation(passage, { report: online })).toBe(
      '国家卫生健康委员会. 全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开[EB/OL]. ' +
        '（2024-01-11）[2026-03-05]. https://www.nhc.gov.cn/example/2024.shtml.',
    );
  });

  it('cites a report from a newspaper as [N] with the paper and date', () => {
    expect(formatCitation(passage, { report: { ...report, publication: '健康报' } })).toBe(
      '国家卫生健康委员会. 全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开[N]. 健康报，2024-01-11.',
    );
  });

  it('never puts a non-web address into a citation', () => {
    expect(formatCitation(clip({ url: 'javascript:alert(1)', title: 'x' }))).not.toContain('javascript');
  });
});

describe('GB/T 7714—2015 (selectable)', () => {
  const style = 'gbt7714-2015' as const;
  it('cites a web page with half-width punctuation throughout', () => {
    expect(formatCitation(policyPage, { style })).toBe(
      '国务院办公厅. 国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见: 国办发〔2023〕5号[EB/OL]. ' +
        '(2023-02-23)[2026-03-05]. https://www.gov.cn/zhengce/content/202303/t1.htm.',
    );
  });
  it('separates authors with ", " and cuts after three with 等', () => {
    expect(formatAuthors(['A', 'B', 'C', 'D'], style)).toBe('A, B, C, 等');
    expect(formatAuthors(['A', 'B', 'C', 'D'], 'gbt7714-2025')).toBe('A，B，C，等');
  });
  it('cites a report passage as [Z] with a half-width comma', () => {
    expect(formatCitation(passage, { style, report })).toMatch(/\[Z\]\. 国家卫生健康委员会, 2024-01-11\.$/);
  });
});

describe('citation parts', () => {
  it('drops the site suffix from a page title, and only that', () => {
    expect(titleWithoutSite('三医协同取得新进展_新华网', '新华网')).toBe('三医协同取得新进展');
    expect(titleWithoutSite('三医协同取得新进展 - 健康频道')).toBe('三医协同取得新进展');
    expect(titleWithoutSite('关于印发方案的通知_部门文件_中国政府网', '中国政府网')).toBe('关于印发方案的通知');
    expect(titleWithoutSite('县域医共体 | 人民网', '人民网')).toBe('县域医共体');
    // a subtitle after a dash is the title's own
    expect(titleWithoutSite('全面推动高质量发展——2024年全国卫生健康工作会议召开')).toBe(
      '全面推动高质量发展——2024年全国卫生健康工作会议召开',
    );
    expect(titleWithoutSite('2024-01 工作要点')).toBe('2024-01 工作要点');
  });

  it('splits author fields written in the usual ways', () => {
    expect(splitAuthors('张三; 李四')).toEqual(['张三', '李四']);
    expect(splitAuthors('记者 张三 李四')).toEqual(['张三', '李四']);
    expect(splitAuthors('作者：王五、赵六')).toEqual(['王五', '赵六']);
    expect(splitAuthors('国家卫生健康委员会')).toEqual(['国家卫生健康委员会']);
    expect(splitAuthors('Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
  });
});
