import type { ClippingRecord } from '../db/records';
import { isoDay, type ReportSource, sourceKey, splitAuthors, titleWithoutSite } from './citation';
import { parseWebUrl } from './url';

/**
 * Exports for Zotero (and any reference manager that reads CSL-JSON or RIS), one item per source:
 *   - a policy document (one with a 发文字号) → CSL `legislation` / RIS `STAT` (Zotero: statute),
 *     its 文号 as `number` / M1 (public law number), its issuer as author;
 *   - a web page → `webpage` / `ELEC`, the site as container / T2 (website title);
 *   - a report without URL or 文号 → `report` / `RPRT`, the publisher as institution.
 * Each clipping's quote and note are carried as the item's note: CSL `note` (Zotero puts it in
 * Extra), and one RIS N1 per clipping (Zotero makes each a child note; HTML is kept as HTML).
 * Field names follow Zotero's RIS translator (zotero/translators RIS.js fieldMap) and the CSL 1.0.2
 * variables that Zotero's CSL-JSON import reads.
 */

export type CslType = 'legislation' | 'webpage' | 'report';

interface CslName {
  literal: string;
}

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  number?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  note?: string;
  language: string;
}

/** A source with the clippings taken from it. */
interface SourceItem {
  key: string;
  type: CslType;
  title: string;
  authors: string[];
  container?: string;
  publisher?: string;
  number?: string;
  date?: string;
  accessed?: number;
  url?: string;
  clippings: ClippingRecord[];
}

const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

/** [y, m?, d?] from an ISO-like date (2024-01-12, 2024-01, 2024); undefined when it is not one. */
export function dateParts(value: string | undefined): number[] | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(clean(value));
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
}

function typeOf(number: string | undefined, url: string | undefined): CslType {
  if (number) return 'legislation';
  return url ? 'webpage' : 'report';
}

/** The item a library report makes (no clippings): for exporting reports themselves. */
function reportItem(r: ReportSource, clippings: ClippingRecord[] = []): SourceItem {
  const url = parseWebUrl(r.url ?? '')?.href;
  const number = clean(r.docNumber) || undefined;
  const type = typeOf(number, url);
  return {
    key: `report:${r.id}`,
    type,
    title: clean(r.title),
    authors: clean(r.issuer) ? [clean(r.issuer)] : [],
    container: type === 'webpage' ? clean(r.publication) || clean(r.publisher) || undefined : undefined,
    publisher: type === 'report' ? clean(r.publisher) || clean(r.issuer) || undefined : undefined,
    number,
    date: clean(r.date) || undefined,
    accessed: url && clippings[0] ? clippings[0].createdAt : undefined,
    url,
    clippings,
  };
}

function clippingItem(c: ClippingRecord, report: ReportSource | undefined): SourceItem {
  if (c.kind === 'passage') {
    return reportItem(
      report ?? {
        id: c.reportId ?? c.id,
        title: c.title ?? c.reportId ?? '',
        issuer: c.author ?? '',
        date: c.published ?? '',
        docNumber: c.docNumber,
      },
      [c],
    );
  }
  const url = parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;
  const number = clean(c.docNumber) || undefined;
  return {
    key: sourceKey(c),
    type: number ? 'legislation' : 'webpage',
    title: titleWithoutSite(clean(c.title), c.site) || url || '',
    authors: splitAuthors(c.author),
    // a statute's container is its code (Zotero T2/container-title), which a site is not
    container: number ? undefined : clean(c.site) || undefined,
    number,
    date: clean(c.published) || undefined,
    accessed: c.createdAt,
    url,
    clippings: [c],
  };
}

/** Clippings grouped into one item per source, in order of first appearance. */
function sourceItems(
  clippings: readonly ClippingRecord[],
  reports: ReadonlyMap<string, ReportSource> = new Map(),
): SourceItem[] {
  const byKey = new Map<string, SourceItem>();
  for (const c of clippings) {
    const key = sourceKey(c);
    const existing = byKey.get(key);
    if (existing) existing.clippings.push(c);
    else byKey.set(key, { ...clippingItem(c, c.reportId ? reports.get(c.reportId) : undefined), key });
  }
  return [...byKey.values()];
}

/** A clipping as note text: the quote, then the user's note. */
function noteText(c: ClippingRecord): string {
  return [`摘录：${c.quote}`, c.note.trim() ? `笔记：${c.note.trim()}` : ''].filter(Boolean).join('\n');
}

function itemId(key: string, index: number): string {
  return `pcr-${index + 1}-${key.replace(/[^\w]+/g, '-').slice(0, 40)}`;
}

function toCsl(item: SourceItem, index: number): CslItem {
  const csl: CslItem = { id: itemId(item.key, index), type: item.type, title: item.title, language: 'zh-CN' };
  if (item.authors.length) csl.author = item.authors.map((literal) => ({ literal }));
  if (item.container) csl['container-title'] = item.container;
  if (item.publisher) csl.publisher = item.publisher;
  if (item.number) csl.number = item.number;
  const issued = dateParts(item.date);
  if (issued) csl.issued = { 'date-parts': [issued] };
  if (item.url && item.accessed !== undefined)
    csl.accessed = { 'date-parts': [dateParts(isoDay(item.accessed)) ?? []] };
  if (item.url) csl.URL = item.url;
  if (item.clippings.length) csl.note = item.clippings.map(noteText).join('\n\n');
  return csl;
}

/** CSL-JSON (an array of items), as Zotero's "Import from Clipboard/File" reads it. */
export function exportCslJson(
  clippings: readonly ClippingRecord[],
  reports?: ReadonlyMap<string, ReportSource>,
): string {
  return JSON.stringify(sourceItems(clippings, reports).map(toCsl), null, 2);
}

/** CSL-JSON of library reports themselves (bundled or the user's), without clippings. */
export function reportsToCslJson(reports: readonly ReportSource[]): string {
  return JSON.stringify(
    reports.map((r, i) => toCsl(reportItem(r), i)),
    null,
    2,
  );
}

const RIS_TYPE: Record<CslType, string> = { legislation: 'STAT', webpage: 'ELEC', report: 'RPRT' };

/** A RIS value on one line (RIS has no escaping: line breaks become spaces). */
const risValue = (v: string) => v.replace(/[\r\n]+/g, ' ').trim();

/** RIS dates are YYYY/MM/DD/ with empty parts left empty. */
function risDate(value: string | undefined): string | undefined {
  const parts = dateParts(value);
  if (!parts) return undefined;
  const [y, m, d] = parts;
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A clipping as a Zotero note: HTML (kept as such by the importer), the text escaped. */
function noteHtml(c: ClippingRecord): string {
  const para = (label: string, text: string) => `<p>${label}${escapeHtml(text).replace(/\r?\n/g, '<br/>')}</p>`;
  return para('摘录：', c.quote) + (c.note.trim() ? para('笔记：', c.note.trim()) : '');
}

function toRis(item: SourceItem): string {
  const lines: [string, string][] = [['TY', RIS_TYPE[item.type]]];
  lines.push(['TI', item.title]);
  for (const a of item.authors) lines.push(['AU', a]);
  if (item.container) lines.push(['T2', item.container]);
  if (item.publisher) lines.push(['PB', item.publisher]);
  // Zotero: M1 is a statute's public law number; a report's number goes in SN
  if (item.number) lines.push([item.type === 'report' ? 'SN' : 'M1', item.number]);
  const date = risDate(item.date);
  if (date) lines.push(['DA', date], ['PY', date.slice(0, 4)]);
  if (item.url) lines.push(['UR', item.url]);
  if (item.url && item.accessed !== undefined) lines.push(['Y2', risDate(isoDay(item.accessed)) as string]);
  lines.push(['LA', 'zh-CN']);
  const tags = new Set(item.clippings.flatMap((c) => c.tags));
  for (const tag of tags) lines.push(['KW', tag]);
  for (const c of item.clippings) lines.push(['N1', noteHtml(c)]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${risValue(value)}`.trimEnd().replace(/-$/, '- ')).join('\r\n');
}

/** RIS, one record per source, CRLF line ends as the format asks. */
export function exportRis(clippings: readonly ClippingRecord[], reports?: ReadonlyMap<string, ReportSource>): string {
  return `${sourceItems(clippings, reports).map(toRis).join('\r\n\r\n')}\r\n`;
}

/** RIS of library reports themselves. */
export function reportsToRis(reports: readonly ReportSource[]): string {
  return `${reports.map((r) => toRis(reportItem(r))).join('\r\n\r\n')}\r\n`;
}
