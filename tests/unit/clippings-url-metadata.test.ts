// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractMetadata, findByline, findDocNumber } from '../../lib/clippings/metadata';
import { normalizeUrl } from '../../lib/clippings/url';

describe('url normalisation', () => {
  it('drops the fragment and tracking parameters and sorts the rest', () => {
    expect(normalizeUrl('HTTPS://WWW.Example.org:443/a/b/?utm_source=wx&id=3&spm=1.2&page=2#sec')).toBe(
      'https://www.example.org/a/b?id=3&page=2',
    );
    expect(normalizeUrl('https://mp.weixin.qq.com/s?__biz=M&mid=1&idx=1&sn=abc&chksm=x&scene=21#wechat_redirect')).toBe(
      'https://mp.weixin.qq.com/s?__biz=M&idx=1&mid=1&sn=abc',
    );
  });

  it('keeps different articles apart', () => {
    expect(normalizeUrl('https://a.org/x?id=1')).not.toBe(normalizeUrl('https://a.org/x?id=2'));
    expect(normalizeUrl('http://a.org/x')).not.toBe(normalizeUrl('https://a.org/x'));
  });

  it('refuses non-web addresses', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('file:///etc/passwd')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('page metadata', () => {
  it('finds document numbers in their usual bracket styles', () => {
    expect(findDocNumber('国务院办公厅关于…的意见（国办发〔2023〕5号）')).toBe('国办发〔2023〕5号');
    expect(findDocNumber('闽卫医政[2024] 12 号')).toBe('闽卫医政[2024]12号');
    expect(findDocNumber('2024年工作要点')).toBeUndefined();
  });

  it('reads citation_*, dc.* and og: tags, the canonical link and a number from the text', () => {
    document.head.innerHTML = `
      <title>页面标题 - 示例网</title>
      <meta name="citation_title" content="关于推进紧密型县域医共体建设的通知">
      <meta property="og:site_name" content="示例卫生网">
      <meta name="DC.Creator" content="国家卫生健康委员会">
      <meta name="citation_publication_date" content="2024/3/7">
      <link rel="canonical" href="/notice/42">`;
    const meta = extractMetadata(document, '各省卫生健康委：现将……（国卫基层发〔2024〕9号）印发给你们。');
    expect(meta).toMatchObject({
      title: '关于推进紧密型县域医共体建设的通知',
      site: '示例卫生网',
      author: '国家卫生健康委员会',
      published: '2024-03-07',
      docNumber: '国卫基层发〔2024〕9号',
    });
    expect(meta.canonicalUrl).toBe(new URL('/notice/42', document.baseURI).href);
  });

  it('falls back to the document title and ignores a non-web canonical link', () => {
    document.head.innerHTML = '<title>只有标题</title><link rel="canonical" href="javascript:alert(1)">';
    const meta = extractMetadata(document);
    expect(meta.title).toBe('只有标题');
    expect(meta.canonicalUrl).toBeUndefined();
  });

  it('keeps every citation_author, and never takes a host name for an author', () => {
    document.head.innerHTML = `
      <title>一篇报道</title>
      <meta name="citation_author" content="张三">
      <meta name="citation_author" content="李四">`;
    expect(extractMetadata(document).author).toBe('张三; 李四');
    document.head.innerHTML = '<title>一篇报道</title><meta name="author" content="www.example.gov.cn">';
    expect(extractMetadata(document).author).toBeUndefined();
  });

  it('reads the visible byline when the page has no author or date meta tags', () => {
    document.head.innerHTML = '<title>县域医共体建设再提速_示例新闻网</title>';
    const text =
      '首页 > 要闻\n县域医共体建设再提速\n来源：福建省卫生健康委员会　发布时间：2024-07-23 09:30\n正文第一段。';
    const meta = extractMetadata(document, text);
    expect(meta.author).toBe('福建省卫生健康委员会');
    expect(meta.published).toBe('2024-07-23');
  });

  it('reads bylines written in the usual ways', () => {
    expect(findByline('标题\n发布日期：2024年1月29日  来源：福建省卫生健康委员会  浏览次数：12', '标题')).toEqual({
      source: '福建省卫生健康委员会',
      published: '2024-01-29',
    });
    expect(findByline('标题\n来源: 健康频道 | 编辑: 王五', '标题')).toEqual({ source: '健康频道' });
    expect(findByline('标题\n作者：张三、李四　来源：示例日报', '标题')).toEqual({
      source: '示例日报',
      author: '张三、李四',
    });
    expect(findByline('标题\n来源：www.example.cn', '标题')).toEqual({});
    expect(findByline('没有署名的页面')).toEqual({});
  });
});
