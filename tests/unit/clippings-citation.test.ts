import { describe, expect, it } from 'vitest';
import { formatCitation, numberedCitation } from '../../lib/clippings/citation';
import { withDerived } from '../../lib/clippings/store';
import type { ClippingRecord } from '../../lib/db/records';

// noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11
const CREATED = Date.UTC(2024, 2, 5, 12);

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

describe('GB/T 7714-2015 citations', () => {
  it('cites a report passage as [N] with issuer and date', () => {
    const c = clip({
      kind: 'passage',
      passageId: 'national-work-conference-2024:5',
      reportId: 'national-work-conference-2024',
      title: '全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开',
      author: '国家卫生健康委员会',
      published: '2024-01-11',
    });
    expect(formatCitation(c)).toBe(
      '国家卫生健康委员会. 全面推动卫生健康事业高质量发展——2024年全国卫生健康工作会议召开[N]. 2024-01-11.',
    );
    expect(numberedCitation(c, 2)).toMatch(/^\[3\] 国家卫生健康委员会\./);
  });

  it('cites a web page as [EB/OL] with publication and access dates and the link', () => {
    const c = clip({
      url: 'https://www.gov.cn/zhengce/content/202403/t1.htm?utm_source=x',
      canonicalUrl: 'https://www.gov.cn/zhengce/content/202403/t1.htm',
      title: '国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见',
      author: '国务院办公厅',
      published: '2023-02-23',
      docNumber: '国办发〔2023〕5号',
    });
    expect(formatCitation(c)).toBe(
      '国务院办公厅. 国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见: 国办发〔2023〕5号[EB/OL]. ' +
        '(2023-02-23)[2024-03-05]. https://www.gov.cn/zhengce/content/202403/t1.htm.',
    );
  });

  it('falls back to the site as author and leaves out a publication date it does not have', () => {
    const c = clip({ url: 'https://example.org/a', title: '一篇文章', site: '示例网' });
    expect(formatCitation(c)).toBe('示例网. 一篇文章[EB/OL]. [2024-03-05]. https://example.org/a.');
  });

  it('never puts a non-web address into a citation', () => {
    const c = clip({ url: 'javascript:alert(1)', title: 'x' });
    expect(formatCitation(c)).not.toContain('javascript');
  });
});
