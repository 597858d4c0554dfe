import { collapseWhitespace } from './text-key';
import { hostOf, parseWebUrl } from './url';

/** What a page says about itself, for the citation. Every field is optional: pages say little. */
export interface PageMetadata {
  title?: string;
  site?: string;
  author?: string;
  published?: string;
  canonicalUrl?: string;
  docNumber?: string;
}

// Meta tag names in order of preference, as Highwire/Google Scholar (citation_*), Dublin Core,
// Open Graph and the Chinese government CMSs (ArticleTitle, PubDate, ContentSource) write them.
const TITLE = ['citation_title', 'dc.title', 'dcterms.title', 'og:title', 'articletitle', 'twitter:title'];
const SITE = ['og:site_name', 'citation_journal_title', 'sitename', 'application-name', 'dc.publisher'];
const AUTHOR = ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'contentsource', 'article:author'];
const DATE = [
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'dc.date',
  'dcterms.date',
  'dc.date.issued',
  'dcterms.issued',
  'article:published_time',
  'pubdate',
  'publishdate',
  'firstpublishedtime',
  'og:published_time',
];
const NUMBER = ['citation_technical_report_number', 'citation_report_number', 'dc.identifier', 'filenumber'];

/**
 * A Chinese document number: issuer abbreviation, year in 〔〕 (or [] 【】 () （）), serial, 号 —
 * 国办发〔2024〕12号, 国卫医政发〔2023〕3号, 闽卫医政〔2024〕5号.
 */
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号/u;

export function findDocNumber(text: string): string | undefined {
  const match = DOC_NUMBER.exec(text);
  return match ? match[0].replace(/\s+/g, '') : undefined;
}

/** Every non-empty content of each meta name (lower-cased), in document order. */
function metaValues(doc: Document): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const content = collapseWhitespace(meta.getAttribute('content') ?? '');
    if (!name || !content) continue;
    const list = byName.get(name);
    if (list) list.push(content);
    else byName.set(name, [content]);
  }
  return byName;
}

function metaContent(doc: Document, names: readonly string[], values = metaValues(doc)): string | undefined {
  for (const name of names) {
    const value = values.get(name)?.[0];
    if (value) return value;
  }
  return undefined;
}

/** A value that is only a host name (www.example.gov.cn) names a server, never an author. */
const looksLikeHost = (value: string) => /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+\/?$/i.test(value.trim());

/**
 * The authors: Highwire and Dublin Core repeat one tag per author (citation_author twice for two
 * people), so every value of the first name present is kept, joined by "; " — the separator the
 * citation splits on. A lone host name is not an author.
 */
function metaAuthors(values: Map<string, string[]>): string | undefined {
  for (const name of AUTHOR) {
    const list = (values.get(name) ?? []).filter((v) => !looksLikeHost(v));
    if (list.length > 0) return [...new Set(list)].join('; ');
  }
  return undefined;
}

/** What the visible byline under a Chinese news or government headline says. */
export interface Byline {
  /** 来源 / 发布机构 / 发文机关: the body the page names as its source. */
  source?: string;
  /** 作者 / 记者: people. */
  author?: string;
  /** 发布时间 / 发布日期 / 成文日期 / 时间, as YYYY-MM-DD where it reads as one. */
  published?: string;
}

// "来源：国家卫生健康委员会" up to the next label, a separator or the end of the line
const STOP = String.raw`(?=\s{2,}|\u3000|\s*\d{4}\s*[-/.年]|\s*(?:来源|发布时间|发布日期|发布机构|作者|记者|编辑|责任编辑|浏览|点击|字号|【|\||｜|$))`;
const SOURCE = new RegExp(String.raw`(?:来源|发布机构|发文机关|信息来源)\s*[:：]\s*([^\n:：|｜]{2,40}?)${STOP}`, 'mu');
const AUTHOR_LINE = new RegExp(String.raw`(?:作者|记者)\s*[:：]?\s*([\u4e00-\u9fa5·、，, ]{2,40}?)${STOP}`, 'mu');
const DATE_LINE = /(?:发布时间|发布日期|成文日期|日期|时间)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/u;

/**
 * Reads the byline (来源：…　发布时间：…) a page prints near its title. `text` is the page text;
 * the byline is looked for just after the title when the title is found in it, else near the top.
 */
export function findByline(text: string, title?: string): Byline {
  const at = title ? text.indexOf(title.slice(0, 20)) : -1;
  const region = at >= 0 ? text.slice(at, at + 800) : text.slice(0, 4000);
  const source = SOURCE.exec(region)?.[1]?.trim();
  const author = AUTHOR_LINE.exec(region)?.[1]?.trim();
  const date = DATE_LINE.exec(region)?.[1];
  const out: Byline = {};
  if (source && !looksLikeHost(source)) out.source = source;
  if (author) out.author = author.replace(/\s+/g, ' ');
  if (date) out.published = normalizeDate(date.replace(/\s+/g, ''));
  return out;
}

/** A date as YYYY-MM-DD (or YYYY-MM, YYYY) when it can be read as one; otherwise as written. */
export function normalizeDate(value: string): string {
  const match = /^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?/.exec(value);
  if (!match) return value.trim().slice(0, 40);
  const [, y, m, d] = match;
  return [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

const LIMIT = 500;
const clip = (value: string | undefined) => (value ? value.slice(0, LIMIT) : undefined);

/** Reads citation metadata from a document; `bodyText` (if given) is searched for a document number. */
export function extractMetadata(doc: Document, bodyText?: string): PageMetadata {
  const values = metaValues(doc);
  const title = metaContent(doc, TITLE, values) ?? (collapseWhitespace(doc.title) || undefined);
  const href =
    doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? metaContent(doc, ['og:url'], values);
  let canonicalUrl: string | undefined;
  if (href) {
    try {
      canonicalUrl = parseWebUrl(new URL(href, doc.baseURI).href)?.href;
    } catch {
      canonicalUrl = undefined;
    }
  }
  // no author or date in the meta tags: the visible byline says who published it and when
  const byline = bodyText ? findByline(bodyText, title) : {};
  const date = metaContent(doc, DATE, values) ?? byline.published;
  const author = metaAuthors(values) ?? byline.source ?? byline.author;
  const docNumber =
    findDocNumber(metaContent(doc, NUMBER, values) ?? '') ??
    findDocNumber(title ?? '') ??
    (bodyText ? findDocNumber(bodyText.slice(0, 3000)) : undefined);
  return {
    title: clip(title),
    site: clip(metaContent(doc, SITE, values) ?? hostOf(doc.URL)),
    author: clip(author),
    published: date ? normalizeDate(date) : undefined,
    canonicalUrl: canonicalUrl && canonicalUrl.length <= 2048 ? canonicalUrl : undefined,
    docNumber,
  };
}
