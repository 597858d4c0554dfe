import type { ClippingRecord } from '../db/records';
import { formatCitation, isoDay, numberedCitation } from './citation';
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

/** Escapes text for Markdown inline context (link text, single-line fields). */
function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

function mdUrl(url: string): string {
  return url.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function exportMarkdown(records: readonly ClippingRecord[], now = Date.now()): string {
  const out = [`# 政策对照 · 摘录（${records.length} 条）`, '', `导出于 ${isoDay(now)}`, ''];
  records.forEach((c, i) => {
    const heading = c.title || c.quote.slice(0, 30);
    out.push(`## ${i + 1}. ${mdInline(heading)}`, '');
    for (const line of c.quote.split(/\r?\n/)) out.push(`> ${line}`);
    out.push('');
    const link = sourceLink(c);
    const source = c.kind === 'passage' ? [c.title, c.section].filter(Boolean).join(' · ') : c.title || c.site || '';
    if (link) out.push(`- 来源：[${mdInline(source || link)}](${mdUrl(link)})`);
    else if (source) out.push(`- 来源：${mdInline(source)}`);
    if (c.note.trim()) out.push(`- 笔记：${mdInline(c.note)}`);
    if (c.tags.length) out.push(`- 标签：${c.tags.map((t) => `#${mdInline(t)}`).join(' ')}`);
    if (c.terms.length) out.push(`- 术语：${c.terms.map((t) => mdInline(termName(t))).join('、')}`);
    out.push(`- 引用：${mdInline(numberedCitation(c, i))}`, '');
  });
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

/** CSV with a UTF-8 byte order mark, so Excel opens the Chinese text correctly. */
export function exportCsv(records: readonly ClippingRecord[]): string {
  const rows = [CSV_HEADER.map(csvCell).join(',')];
  for (const c of records) {
    rows.push(
      [
        c.id,
        c.quote,
        c.title ?? '',
        sourceLink(c) ?? '',
        c.site ?? '',
        c.reportId ?? '',
        c.section ?? '',
        c.note,
        c.tags.join('; '),
        c.terms.map(termName).join('; '),
        new Date(c.createdAt).toISOString(),
        formatCitation(c),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
