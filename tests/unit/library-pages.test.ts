// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractArticle, parseHtml } from '../../lib/documents/html-article';
import { inferLevel } from '../../lib/documents/level';
import { findDocNumber, isoDate, stripSiteSuffix } from '../../lib/documents/metadata';
import { page } from './library-helpers';

const extract = (name: string, url?: string) => extractArticle(parseHtml(page(name)), url);

describe('article extraction and metadata on pages in the styles of gov.cn, nhc, a provincial commission and a news portal', () => {
  it('gov.cn-style notice: the metadata table, body without navigation, headings as lines', () => {
    const { lines, metadata } = extract(
      'govcn-notice.html',
      'https://www.example.gov.cn/zhengce/content/2025-03/18/c_1.htm',
    );
    expect(metadata).toMatchObject({
      title: '关于进一步推进县域医疗资源整合的通知',
      issuer: '国家卫生健康委',
      docNumber: '国卫基层发〔2025〕7号',
      written: '2025-03-11',
      published: '2025-03-18',
      indexNo: '000013610/2025-00042',
      subject: '卫生、体育\\医药管理',
      site: '示例政府门户网站',
    });
    expect(lines).toContain('一、总体要求');
    expect(lines.some((l) => l.startsWith('（二）提升基层服务能力。结合“千县工程”'))).toBe(true);
    const text = lines.join('\n');
    for (const chrome of ['首页', '相关链接', '网站标识码', '当前位置', '索引号', '主题分类'])
      expect(text, chrome).not.toContain(chrome);
  });

  it('nhc-style news: title without the site suffix, 发布时间 and 来源 line', () => {
    const { lines, metadata } = extract('nhc-news.html', 'https://www.example.org/xw/2025/0520.shtml');
    expect(metadata.title).toBe('国家卫生健康委召开新闻发布会介绍基层卫生健康工作进展');
    expect(metadata.published).toBe('2025-05-20');
    expect(metadata.site).toBe('www.example.org');
    const text = lines.join('\n');
    expect(text).toContain('继续推进“三医”协同发展和治理');
    for (const chrome of ['委内要闻', '分享到', '版权所有']) expect(text, chrome).not.toContain(chrome);
  });

  it('provincial commission: dl metadata, signature date as 成文日期, issuer → provincial level', () => {
    const { lines, metadata } = extract('province-plan.html');
    expect(metadata).toMatchObject({
      title: '福建省卫生健康委员会关于印发全省公立医院高质量发展实施方案的通知',
      issuer: '福建省卫生健康委员会',
      docNumber: '闽卫医政〔2025〕21号',
      published: '2025-04-02',
      written: '2025-03-28',
      indexNo: 'FJ00123-0400-2025-00018',
    });
    expect(inferLevel(metadata.issuer ?? '')).toEqual({ level: 'provincial', region: '福建省' });
    expect(lines).toContain('二、主要举措');
    expect(lines.join('\n')).not.toContain('热点专题');
  });

  it('news portal: suffixes _健康频道_示例新闻网 dropped, comments and recommendations left out', () => {
    const { lines, metadata } = extract('news-portal.html');
    expect(metadata.title).toBe('县医院能力提升：让大病不出县成为现实');
    expect(metadata.published).toBe('2025-06-09');
    const text = lines.join('\n');
    expect(text).toContain('变化来自持续推进的“千县工程”县医院综合能力提升工作。');
    for (const chrome of ['网友评论', '猜你喜欢', '点击领取', '关于我们']) expect(text, chrome).not.toContain(chrome);
  });
});

describe('metadata helpers', () => {
  it('finds document numbers with every kind of bracket', () => {
    expect(findDocNumber('印发 国办发〔2024〕12号 文件')).toBe('国办发〔2024〕12号');
    expect(findDocNumber('闽卫医政[2025] 3号')).toBe('闽卫医政[2025]3号');
    expect(findDocNumber('没有文号的句子')).toBeUndefined();
  });

  it('normalises dates', () => {
    expect(isoDate('2025年3月8日')).toBe('2025-03-08');
    expect(isoDate('2025-3-8 10:00')).toBe('2025-03-08');
    expect(isoDate('2025年3月')).toBe('2025-03');
  });

  it('strips site suffixes but keeps titles with dashes of their own', () => {
    expect(stripSiteSuffix('某某通知_中国政府网')).toBe('某某通知');
    expect(stripSiteSuffix('关于医改的解读 - 健康频道 - 示例网')).toBe('关于医改的解读');
    expect(stripSiteSuffix('三医协同——从试点到推广')).toBe('三医协同——从试点到推广');
  });

  it('infers level and region from the issuer', () => {
    expect(inferLevel('国家卫生健康委')).toEqual({ level: 'national', region: '全国' });
    expect(inferLevel('福建省卫生健康委员会')).toEqual({ level: 'provincial', region: '福建省' });
    expect(inferLevel('福建省漳州市卫生健康委员会')).toEqual({ level: 'municipal', region: '福建省漳州市' });
    expect(inferLevel('漳州市卫生健康委员会')).toEqual({ level: 'municipal', region: '漳州市' });
    expect(inferLevel('上海市卫生健康委员会')).toEqual({ level: 'provincial', region: '上海市' });
    expect(inferLevel('宣传司')).toBeNull();
  });

  it('infers the county level: 县, 区 and 旗, a county-level city under its prefecture, a district of a province-level city', () => {
    expect(inferLevel('漳州市长泰区卫生健康局')).toEqual({ level: 'county', region: '漳州市长泰区' });
    expect(inferLevel('福建省漳州市平和县卫生健康局')).toEqual({ level: 'county', region: '福建省漳州市平和县' });
    expect(inferLevel('泉州市晋江市卫生健康局')).toEqual({ level: 'county', region: '泉州市晋江市' });
    expect(inferLevel('上海市浦东新区卫生健康委员会')).toEqual({ level: 'county', region: '上海市浦东新区' });
    expect(inferLevel('浙江省湖州市长兴县人民政府办公室')).toEqual({ level: 'county', region: '浙江省湖州市长兴县' });
    expect(inferLevel('鄂托克前旗卫生健康委员会')).toEqual({ level: 'county', region: '鄂托克前旗' });
    expect(inferLevel('尤溪县卫生健康局')).toEqual({ level: 'county', region: '尤溪县' });
    // bodies of a city or a province are not counties, nor is a community health centre
    expect(inferLevel('漳州市市场监督管理局')).toEqual({ level: 'municipal', region: '漳州市' });
    expect(inferLevel('福州市城市管理局')).toEqual({ level: 'municipal', region: '福州市' });
    expect(inferLevel('福建省医疗保障局')).toEqual({ level: 'provincial', region: '福建省' });
    expect(inferLevel('社区卫生服务中心')).toBeNull();
    expect(inferLevel('某某学会')).toBeNull();
  });
});
