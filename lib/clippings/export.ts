import type { ClippingRecord } from '../db/records';
import {
  type CitationOptions,
  formatCitation,
  isoDay,
  type ReportSource,
  sourceKey,
  titleWithoutSite,
} from './citation';
import { termName } from './terms';
import { parseWebUrl } from './url';

/** The tag and version a JSON backup declares; import refuses anything else. */
export const BACKUP_FORMAT = 'policy-cross-ref/clippings';
export const BACKUP_VERSION = 1;

/** Derived fields are left out of a backup: import recomputes them. */
export type BackupClipping = Omit<ClippingRecord, 'dedupKey'>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  clippings: BackupClipping[];
}

export function toBackup(records: readonly ClippingRecord[], now = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    count: records.length,
    clippings: records.map(({ dedupKey: _dedup, ...rest }) => rest),
  };
}

export function exportJson(records: readonly ClippingRecord[], now = Date.now()): string {
  return JSON.stringify(toBackup(records, now), null, 2);
}

const sourceLink = (c: ClippingRecord) => parseWebUrl(c.canonicalUrl ?? '')?.href ?? parseWebUrl(c.url ?? '')?.href;

/** What exports need besides the clippings: the citation style and the reports passages come from. */
export interface ExportOptions extends Omit<CitationOptions, 'report'> {
  reports?: ReadonlyMap<string, ReportSource>;
  now?: number;
  /** IANA time zone for the times written (the user's, by default). */
  timeZone?: string;
}

const citationOf = (c: ClippingRecord, o: ExportOptions) =>
  formatCitation(c, { style: o.style, report: c.reportId ? o.reports?.get(c.reportId) : undefined });

/**
 * Text as Markdown that renders exactly as written: every ASCII punctuation mark is backslash-escaped
 * (CommonMark: an escaped mark is a literal, so no emphasis, link, image, HTML, heading, list,
 * table or entity can start from a quote), and the marks that open a GFM autolink (the ":" of
 * "https://", the "." of "www.") are among them. Leading spaces are dropped (four would make code).
 */
export function mdText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`).replace(/^[ \t]+/gm, '');
}

/** Single-line Markdown text (headings, list items). */
const mdInline = (text: string) => mdText(text.replace(/\s+/g, ' ').trim());

/** A URL as a Markdown autolink: only a validated http(s) address, with <, > and spaces encoded. */
const autolink = (url: string) =>
  `<${url.replace(/[<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}>`;

/** A reference: the citation escaped as text, its source address (ours, validated) as a link. */
function referenceLine(c: ClippingRecord, options: ExportOptions): string {
  const citation = mdInline(citationOf(c, options));
  const report = c.reportId ? options.reports?.get(c.reportId) : undefined;
  const url = c.kind === 'passage' ? parseWebUrl(report?.url ?? '')?.href : sourceLink(c);
  const escaped = url ? mdText(url) : '';
  const at = escaped ? citation.lastIndexOf(escaped) : -1;
  return at < 0 || !url ? citation : `${citation.slice(0, at)}${autolink(url)}${citation.slice(at + escaped.length)}`;
}

/**
 * Markdown: each clipping as a quote with its note, tags and terms and the number of its source;
 * each source (a report, a page) numbered once, in order of first use, and cited once in the
 * 参考文献 list at the end.
 */
export function exportMarkdown(records: readonly ClippingRecord[], options: ExportOptions = {}): string {
  const numbers = new Map<string, number>();
  const sources: ClippingRecord[] = [];
  for (const c of records) {
    const key = sourceKey(c);
    if (!numbers.has(key)) {
      numbers.set(key, sources.length + 1);
      sources.push(c);
    }
  }
  const out = [`# 政策对照 · 摘录（${records.length} 条）`, '', `导出于 ${isoDay(options.now ?? Date.now())}`, ''];
  records.forEach((c, i) => {
    const n = numbers.get(sourceKey(c)) as number;
    const heading = (c.kind === 'passage' ? c.title : titleWithoutSite(c.title ?? '', c.site)) || c.site || '';
    out.push(`## ${i + 1}\\. ${mdInline(heading || c.quote.slice(0, 30))}`, '');
    for (const line of c.quote.split(/\r?\n/)) out.push(`> ${mdText(line)}`);
    out.push('');
    const where = c.kind === 'passage' && c.section ? `，${mdInline(c.section)}` : '';
    out.push(`- 来源：\\[${n}\\]${where}`);
    if (c.note.trim()) out.push(`- 笔记：${mdInline(c.note)}`);
    if (c.tags.length) out.push(`- 标签：${c.tags.map((t) => `\\#${mdInline(t)}`).join(' ')}`);
    if (c.terms.length) out.push(`- 术语：${c.terms.map((t) => mdInline(termName(t))).join('、')}`);
    out.push('');
  });
  if (sources.length > 0) {
    out.push('## 参考文献', '');
    sources.forEach((c, i) => {
      // a blank line between entries keeps each one its own paragraph
      out.push(`\\[${i + 1}\\] ${referenceLine(c, options)}`, '');
    });
  }
  return out.join('\n');
}

/** A CSV cell: quoted, quotes doubled; a leading = + - @ is neutralised so a spreadsheet never runs it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  'id',
  '摘录',
  '来源标题',
  '作者',
  '发布日期',
  '文号',
  '链接',
  '网站',
  '报告',
  '章节',
  '笔记',
  '标签',
  '术语',
  '创建时间',
  '引用',
];

/**
 * A time as "YYYY-MM-DD HH:mm:ss +08:00" in the given zone (the user's by default): what a reader
 * of the spreadsheet recognises, with the offset so that it is unambiguous.
 */
export function localTime(ms: number, timeZone?: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

/** CSV with a UTF-8 byte order mark, so Excel opens the Chinese text correctly. */
export function exportCsv(records: readonly ClippingRecord[], options: ExportOptions = {}): string {
  const rows = [CSV_HEADER.map(csvCell).join(',')];
  for (const c of records) {
    const report = c.reportId ? options.reports?.get(c.reportId) : undefined;
    rows.push(
      [
        c.id,
        c.quote,
        c.kind === 'passage' ? (c.title ?? '') : titleWithoutSite(c.title ?? '', c.site),
        c.author ?? report?.issuer ?? '',
        c.published ?? report?.date ?? '',
        c.docNumber ?? report?.docNumber ?? '',
        sourceLink(c) ?? parseWebUrl(report?.url ?? '')?.href ?? '',
        c.site ?? '',
        c.reportId ?? '',
        c.section ?? '',
        c.note,
        c.tags.join('; '),
        c.terms.map(termName).join('; '),
        localTime(c.createdAt, options.timeZone),
        citationOf(c, options),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
