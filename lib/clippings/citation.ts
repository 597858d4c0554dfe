import type { ClippingRecord } from '../db/records';
import { parseWebUrl } from './url';

/**
 * Citations of a clipping's source after GB/T 7714 (信息与文献 参考文献著录规则), the edition the
 * user chooses: 2025 (GB/T 7714—2025, in force since 2026-07-01) by default, 2015 where a journal
 * still asks for it. The rules followed, and where they were read (the standard itself is not
 * bundled; these are the maintained implementations of each edition):
 *
 * Both editions (GB/T 7714—2015 §4, §8; CSL "china-national-standard-gb-t-7714-2015-numeric";
 * zepinglee/gbt7714-bibtex-style):
 *   - elements end with ". "; the type code follows the title in half-width brackets: [EB/OL] an
 *     online page, [N] a newspaper article, [Z] another kind of document (a meeting write-up whose
 *     publication form we cannot name);
 *   - at most three authors are given, then 等 ("et al."); an organisation is an author as written;
 *   - 其他题名信息 (here the 文号) follows the title after a colon;
 *   - an online resource gives (publication or update date)[access date] and then the URL.
 * 2015 (as above): all of that punctuation half-width: "A, B, C, 等", "题名: 文号",
 *   "(2024-01-12)[2026-03-05]", "出版者, 2024".
 * 2025 (zotero-chinese/styles "GB/T 7714—2025（顺序编码，双语）" by Zeping Lee, and
 *   hushidong/biblatex-gb7714-2025's list of differences from 2015):
 *   - "." and "[ ]" stay half-width, the other marks are full-width: "A，B，C，等", "题名：文号",
 *     "（2024-01-12）[2026-03-05]", "出版者，2024-01-11";
 *   - the access date is given for online resources only (never for a document cited without URL).
 * Web pages: the site's suffix is not part of the title (title_新华网, title - 健康频道); a host
 * name is never an author. Report passages: issuer as author, title, publication (or [Z] with the
 * issuer as publisher when the publication is not known), date, and the report's URL when known.
 */
export type CitationStyle = 'gbt7714-2025' | 'gbt7714-2015';
export const CITATION_STYLES: readonly CitationStyle[] = ['gbt7714-2025', 'gbt7714-2015'];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'gbt7714-2025';

export function isCitationStyle(value: unknown): value is CitationStyle {
  return value === 'gbt7714-2025' || value === 'gbt7714-2015';
}

/** What a citation needs of a report (a ReportRecord, bundled or the user's, has these fields). */
export interface ReportSource {
  id: string;
  title: string;
  issuer: string;
  date: string;
  /** Where the report was published online. */
  url?: string;
  /** The newspaper or journal it appeared in (健康报 …), when known. */
  publication?: string;
  /** Who published it, when not the issuer itself. */
  publisher?: string;
  /** 发文字号 of a policy document. */
  docNumber?: string;
}

export interface CitationOptions {
  style?: CitationStyle;
  /** The report a passage clipping comes from, for its URL and publication. */
  report?: ReportSource;
}

/** YYYY-MM-DD of a timestamp in the reader's local time (the day they read the page). */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

interface Marks {
  /** between authors */
  comma: string;
  /** before other title information */
  colon: string;
  open: string;
  close: string;
  etAl: string;
}

const MARKS: Record<CitationStyle, Marks> = {
  'gbt7714-2025': { comma: '，', colon: '：', open: '（', close: '）', etAl: '等' },
  'gbt7714-2015': { comma: ', ', colon: ': ', open: '(', close: ')', etAl: '等' },
};

/** Ends an element with a full stop unless it already ends with one (of either width). */
const stop = (value: string) => (/[.。!?！？]$/.test(value) ? value : `${value}.`);

// Words that mark a title segment as the site's or the channel's name, not the article's.
const SITE_WORDS =
  /(网|频道|官网|门户|政府|新闻|首页|日报|报|在线|客户端|委员会|卫健委|文件|栏目|要闻|动态|资讯|专题|\.com|\.cn|\.org)$/iu;
const SEPARATOR = /\s*(?:_|\||｜|\s[-–—]\s|-(?=[^-]*$))\s*/u;

/**
 * A page title without the site's suffix: "关于…的通知_国务院部门文件_中国政府网" → "关于…的通知",
 * "三医协同的新进展 - 健康频道" → "三医协同的新进展". A trailing segment is dropped when it is the
 * site name or reads as one (…网, …频道, …日报), and the rest is still a title.
 */
export function titleWithoutSite(title: string, site?: string): string {
  let out = clean(title);
  const siteName = clean(site);
  for (let i = 0; i < 4; i++) {
    const parts = out.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = (parts.at(-1) ?? '').trim();
    const rest = out.slice(0, out.length - last.length).replace(/[\s_|｜\-–—]+$/u, '');
    // after the site's name, the channel's (…_部门文件_中国政府网): short segments before it go too
    const isSite =
      (siteName && (last === siteName || siteName.includes(last) || last.includes(siteName))) ||
      (last.length <= 16 && SITE_WORDS.test(last)) ||
      (i > 0 && last.length <= 8);
    if (!isSite || rest.length < 4) break;
    out = rest;
  }
  return out;
}

/**
 * The authors of a free-text author field: "张三; 李四", "张三，李四、王五", "记者 张三 李四".
 * Chinese personal names separated by spaces are split too; an organisation name stays whole.
 */
export function splitAuthors(value: string | undefined): string[] {
  const text = clean(value)
    .replace(/^(?:作者|记者|文|撰文|通讯员)\s*[:：]?\s*/u, '')
    .replace(/\s*(?:报道|摄)$/u, '');
  if (!text) return [];
  const parts = text.split(/\s*[;；,，、]\s*|\s+(?:and|&)\s+/u).filter(Boolean);
  return parts.flatMap((part) =>
    /^[\u4e00-\u9fa5]{2,4}(?:\s+[\u4e00-\u9fa5]{2,4})+$/u.test(part) ? part.split(/\s+/) : [part],
  );
}

/** The 主要责任者 element: up to three names, then 等. */
export function formatAuthors(names: readonly string[], style: CitationStyle): string {
  const marks = MARKS[style];
  const shown = names.slice(0, 3);
  if (names.length > 3) shown.push(marks.etAl);
  return shown.join(marks.comma);
}

function titleElement(title: string, docNumber: string, code: string, marks: Marks): string {
  const main = docNumber && !title.includes(docNumber) ? `${title}${marks.colon}${docNumber}` : title;
  return `${main}[${code}]`;
}

const linkOf = (c: ClippingRecord) => parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;

function passageCitation(c: ClippingRecord, style: CitationStyle, report: ReportSource | undefined): string {
  const marks = MARKS[style];
  const issuer = clean(report?.issuer) || clean(c.author);
  const title = clean(report?.title) || clean(c.title) || clean(c.reportId) || '报告';
  const date = clean(report?.date) || clean(c.published);
  const docNumber = clean(report?.docNumber) || clean(c.docNumber);
  const url = parseWebUrl(report?.url ?? '')?.href;
  // the issuer is one body (or a list of bodies written as one name, 上海、江苏…卫生健康委员会)
  const authors = issuer;
  if (url) {
    // published online: an electronic resource, with its date, the access (saving) date and URL
    const dates = `${date ? `${marks.open}${date}${marks.close}` : ''}[${isoDay(c.createdAt)}]`;
    return [authors, titleElement(title, docNumber, 'EB/OL', marks), dates, url].filter(Boolean).map(stop).join(' ');
  }
  const publication = clean(report?.publication);
  if (publication) {
    // a newspaper article: 刊名，出版日期
    return [authors, titleElement(title, docNumber, 'N', marks), [publication, date].filter(Boolean).join(marks.comma)]
      .filter(Boolean)
      .map(stop)
      .join(' ');
  }
  // the form it was published in is not known: [Z], with the publisher (the issuer) and date
  const publisher = clean(report?.publisher) || issuer;
  return [authors, titleElement(title, docNumber, 'Z', marks), [publisher, date].filter(Boolean).join(marks.comma)]
    .filter(Boolean)
    .map(stop)
    .join(' ');
}

function pageCitation(c: ClippingRecord, style: CitationStyle): string {
  const marks = MARKS[style];
  const authors = formatAuthors(splitAuthors(c.author), style);
  const link = linkOf(c);
  const title = titleWithoutSite(clean(c.title), c.site) || link || '网页';
  const dates = `${c.published ? `${marks.open}${clean(c.published)}${marks.close}` : ''}[${isoDay(c.createdAt)}]`;
  return [authors, titleElement(title, clean(c.docNumber), 'EB/OL', marks), dates, link]
    .filter((p): p is string => Boolean(p))
    .map(stop)
    .join(' ');
}

/** The citation of a clipping's source, without the [n] sequence number. */
export function formatCitation(c: ClippingRecord, options: CitationOptions = {}): string {
  const style = options.style ?? DEFAULT_CITATION_STYLE;
  return c.kind === 'passage' ? passageCitation(c, style, options.report) : pageCitation(c, style);
}

/** Citations numbered in list order: [1] …, [2] … */
export function numberedCitation(c: ClippingRecord, index: number, options: CitationOptions = {}): string {
  return `[${index + 1}] ${formatCitation(c, options)}`;
}

/** The key under which two clippings count as one source in a reference list. */
export function sourceKey(c: ClippingRecord): string {
  if (c.kind === 'passage') return `report:${c.reportId ?? c.title ?? c.passageId ?? c.id}`;
  return `page:${c.urlKey ?? linkOf(c) ?? c.title ?? c.id}`;
}
