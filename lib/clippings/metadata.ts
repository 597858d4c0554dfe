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

function metaContent(doc: Document, names: readonly string[]): string | undefined {
  const byName = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const content = collapseWhitespace(meta.getAttribute('content') ?? '');
    if (name && content && !byName.has(name)) byName.set(name, content);
  }
  for (const name of names) {
    const value = byName.get(name);
    if (value) return value;
  }
  return undefined;
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
  const title = metaContent(doc, TITLE) ?? (collapseWhitespace(doc.title) || undefined);
  const href = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? metaContent(doc, ['og:url']);
  let canonicalUrl: string | undefined;
  if (href) {
    try {
      canonicalUrl = parseWebUrl(new URL(href, doc.baseURI).href)?.href;
    } catch {
      canonicalUrl = undefined;
    }
  }
  const date = metaContent(doc, DATE);
  const docNumber =
    findDocNumber(metaContent(doc, NUMBER) ?? '') ??
    findDocNumber(title ?? '') ??
    (bodyText ? findDocNumber(bodyText.slice(0, 3000)) : undefined);
  return {
    title: clip(title),
    site: clip(metaContent(doc, SITE) ?? hostOf(doc.URL)),
    author: clip(metaContent(doc, AUTHOR)),
    published: date ? normalizeDate(date) : undefined,
    canonicalUrl: canonicalUrl && canonicalUrl.length <= 2048 ? canonicalUrl : undefined,
    docNumber,
  };
}
