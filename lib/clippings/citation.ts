import type { ClippingRecord } from '../db/records';
import { parseWebUrl } from './url';

/** YYYY-MM-DD of a timestamp in the reader's local time (the day they read the page). */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
/** GB/T 7714 ends each element with a full stop; do not double one the title already has. */
const stop = (value: string) => (/[.。!?！？]$/.test(value) ? value : `${value}.`);

/**
 * The citation of a clipping's source in GB/T 7714-2015 style, without the [n] sequence number.
 *   report passage: 主要责任者. 题名[N]. 出版日期.
 *   web page:       主要责任者. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 */
export function formatCitation(c: ClippingRecord): string {
  if (c.kind === 'passage') {
    const parts = [clean(c.author), `${clean(c.title) || clean(c.reportId) || '报告'}[N]`, clean(c.published)];
    return parts
      .filter(Boolean)
      .map((p) => stop(p))
      .join(' ');
  }
  const author = clean(c.author) || clean(c.site);
  const title = clean(c.title) || clean(c.url) || '网页';
  const docNumber = clean(c.docNumber);
  const titleElement = `${docNumber && !title.includes(docNumber) ? `${title}: ${docNumber}` : title}[EB/OL]`;
  const dates = `${c.published ? `(${clean(c.published)})` : ''}[${isoDay(c.createdAt)}]`;
  const link = parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;
  return [author, titleElement, dates, link]
    .filter((p): p is string => Boolean(p))
    .map((p) => stop(p))
    .join(' ');
}

/** Citations numbered in list order: [1] …, [2] … */
export function numberedCitation(c: ClippingRecord, index: number): string {
  return `[${index + 1}] ${formatCitation(c)}`;
}
