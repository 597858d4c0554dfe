/**
 * Metadata of a policy page: what gov.cn-style pages print in their metadata table (索引号,
 * 主题分类, 发文机关, 成文日期, 发文字号, 发布日期), what the page's <meta> tags say, and what
 * the text itself gives away (a 发文字号 under the title, a 来源 line, a signature and date at the
 * end). Pure over a Document: runs in an extension page on DOMParser output, and in tests.
 */
export interface PageMetadata {
  title: string;
  issuer?: string;
  docNumber?: string;
  /** 成文日期 (ISO), or the publication date when no 成文日期 is given. */
  written?: string;
  published?: string;
  indexNo?: string;
  subject?: string;
  url?: string;
  site?: string;
}

/** Labels of the gov.cn-style table, by the field they fill; compared without spaces and colons. */
const LABELS: Record<string, keyof PageMetadata> = {
  索引号: 'indexNo',
  主题分类: 'subject',
  主题词: 'subject',
  发文机关: 'issuer',
  发布机构: 'issuer',
  发布机关: 'issuer',
  成文日期: 'written',
  发文日期: 'written',
  发文字号: 'docNumber',
  文号: 'docNumber',
  发布日期: 'published',
  发布时间: 'published',
  标题: 'title',
  名称: 'title',
};

const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0:：]+/gu, '');
const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000\u00a0]+/gu, ' ').trim();

/** 2024年3月5日, 2024-3-5, 2024/03/05, 2024.03.05 → 2024-03-05 (first date in the text). */
export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/u.exec(text);
  if (m) return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  const month = /(\d{4})\s*年\s*(\d{1,2})\s*月/u.exec(text);
  if (month) return `${month[1]}-${(month[2] as string).padStart(2, '0')}`;
  return undefined;
}

/** 国卫医政发〔2024〕12号, 闽卫医政〔2024〕5号, 国办发[2024]3号 (brackets of every kind). */
const DOC_NUMBER = /[\u4e00-\u9fff]{1,14}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,5}\s*号/u;

export function findDocNumber(text: string): string | undefined {
  return DOC_NUMBER.exec(text)?.[0].replace(/\s+/gu, '');
}

/** Label/value pairs of metadata tables and lists: a cell holding a label, the next cell its value, or "label：value" in one element. */
function labelledFields(doc: Document): Partial<Record<keyof PageMetadata, string>> {
  const found: Partial<Record<keyof PageMetadata, string>> = {};
  const take = (field: keyof PageMetadata | undefined, value: string) => {
    const v = clean(value);
    if (field && v && !found[field] && v.length <= 200) found[field] = v;
  };
  for (const el of doc.body?.querySelectorAll('td, th, dt, dd, li, span, p, div, b, strong, label') ?? []) {
    if (el.children.length > 3) continue;
    const own = clean(el.textContent);
    if (own.length > 120) continue;
    const label = squeeze(own);
    if (LABELS[label]) {
      const next = el.nextElementSibling;
      if (next) take(LABELS[label], next.textContent ?? '');
      continue;
    }
    const inline = /^([^:：]{2,8})[:：]\s*(.+)$/u.exec(own);
    if (inline && el.children.length === 0) take(LABELS[squeeze(inline[1] as string)], inline[2] as string);
  }
  return found;
}

function metaContent(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
    const value = clean(el?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

const SEPARATORS = /\s*(?:_|\||｜|—{1,2}|–|-{1,2})\s*/u;
const SITE_WORDS = /(?:网|站|频道|政府|门户|委员会|卫健委|卫生健康委|新闻|日报|晚报|报社|在线|客户端|官网|中心)$/u;

/**
 * A title without the site's suffix (…_新华网, … - 健康频道, …_中国政府网): the last segments after
 * a separator are dropped while they look like site names or equal the declared site name.
 */
export function stripSiteSuffix(title: string, siteName?: string): string {
  let rest = clean(title);
  for (;;) {
    const parts = rest.split(SEPARATORS);
    if (parts.length < 2) return rest;
    const last = (parts.at(-1) as string).trim();
    const isSite = (siteName && last === siteName) || (last.length <= 16 && SITE_WORDS.test(last));
    if (!isSite) return rest;
    const cut = rest.lastIndexOf(last);
    const head = rest.slice(0, cut).replace(/\s*(?:_|\||｜|—{1,2}|–|-{1,2})\s*$/u, '');
    if (head.length < 4) return rest;
    rest = head;
  }
}

/** The issuer from a 来源 line or a signature (an organisation name on its own line just before the closing date). */
function issuerFromText(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(0, 40)) {
    const source = /(?:^|\s)(?:来源|发布机构|发布单位)[:：]\s*([\u4e00-\u9fff（）()]{3,40})/u.exec(line);
    if (source?.[1]) return source[1];
  }
  const tail = lines.slice(-8);
  for (let i = tail.length - 1; i > 0; i--) {
    if (isoDate(tail[i] as string) && /^\s*\d{4}\s*年.{1,8}日\s*$/u.test(tail[i] as string)) {
      const above = clean(tail[i - 1]);
      if (/^[\u4e00-\u9fff（）]{4,40}$/u.test(above) && /(?:委员会|委|局|厅|部|院|办公室|政府|中心|署)$/u.test(above))
        return above;
    }
  }
  return undefined;
}

/** What plain text (a PDF, DOCX or TXT) says about itself: title line, 发文字号, issuer, signature date. */
export function textMetadata(lines: readonly string[]): PageMetadata {
  const head = lines.slice(0, 12).join('\n');
  // a title line: short and without prose punctuation (a wrapped sentence is neither)
  const first = lines.find((l) => l.length >= 4 && l.length <= 40 && !/[，,。；;：:]/u.test(l) && !DOC_NUMBER.test(l));
  const meta: PageMetadata = { title: first ? clean(first) : '' };
  const docNumber = findDocNumber(head);
  if (docNumber) meta.docNumber = docNumber;
  const issuer = issuerFromText(lines);
  if (issuer) meta.issuer = issuer;
  const signed = signatureDate(lines);
  if (signed) meta.written = signed;
  return meta;
}

function signatureDate(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(-6).reverse()) {
    if (/^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u.test(line)) return isoDate(line);
  }
  return undefined;
}

/**
 * Everything the page says about itself. `lines` is the extracted article text as lines (for the
 * 发文字号 under the title and a signature at the end); `url` is where it was read.
 */
export function pageMetadata(doc: Document, lines: readonly string[], url?: string): PageMetadata {
  const table = labelledFields(doc);
  const siteName = metaContent(doc, 'SiteName', 'og:site_name', 'application-name');
  const rawTitle =
    table.title ??
    metaContent(doc, 'ArticleTitle', 'og:title', 'citation_title', 'dc.title') ??
    clean(doc.querySelector('h1')?.textContent) ??
    clean(doc.title);
  const title = stripSiteSuffix(rawTitle || clean(doc.title), siteName);
  const head = lines.slice(0, 12).join('\n');
  const meta: PageMetadata = { title };
  const issuer =
    table.issuer ??
    metaContent(doc, 'ContentSource', 'citation_author', 'dc.creator', 'author') ??
    issuerFromText(lines);
  if (issuer) meta.issuer = issuer;
  const docNumber = (table.docNumber && findDocNumber(table.docNumber)) ?? table.docNumber ?? findDocNumber(head);
  if (docNumber) meta.docNumber = docNumber;
  const written = table.written ? isoDate(table.written) : undefined;
  const published =
    (table.published && isoDate(table.published)) ??
    isoDate(metaContent(doc, 'PubDate', 'article:published_time', 'citation_publication_date', 'dc.date') ?? '') ??
    isoDate(/(?:发布时间|发布日期|时间)[:：]\s*([^\n]{8,24})/u.exec(lines.slice(0, 20).join('\n'))?.[1] ?? '');
  const writtenDate = written ?? signatureDate(lines);
  if (writtenDate) meta.written = writtenDate;
  if (published) meta.published = published;
  if (table.indexNo) meta.indexNo = table.indexNo;
  if (table.subject) meta.subject = table.subject;
  if (url) {
    meta.url = url;
    try {
      meta.site = siteName ?? new URL(url).hostname;
    } catch {
      if (siteName) meta.site = siteName;
    }
  } else if (siteName) meta.site = siteName;
  return meta;
}
