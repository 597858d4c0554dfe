import { DocumentError, say } from './limits';

/**
 * Text of a PDF from its text layer (pdf.js), with the furniture of print removed: running
 * headers and footers (a line repeated at the top or bottom of most pages, page numbers masked)
 * and page numbers. Line breaks inside sentences are left for ingestion's print repair, which
 * bundled reports go through too. Works on any pdf.js document, so tests drive it in Node with
 * the same code the library page runs.
 */
export interface PdfTextItem {
  str: string;
  transform: number[];
  height?: number;
  hasEOL?: boolean;
}
export interface PdfPageLike {
  getTextContent(): Promise<{ items: ReadonlyArray<PdfTextItem | { type: string }> }>;
  cleanup?(): void;
}
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
}

interface PdfLine {
  text: string;
  y: number;
}

const LATIN = /[A-Za-z0-9]$/u;

/** Items → lines: a new line where the baseline moves by more than half a line height. */
export function pageLines(items: ReadonlyArray<PdfTextItem | { type: string }>): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let lastX = 0;
  for (const raw of items) {
    if (!('str' in raw)) continue;
    const item = raw as PdfTextItem;
    const y = item.transform[5] ?? 0;
    const x = item.transform[4] ?? 0;
    const height = item.height || Math.abs(item.transform[3] ?? 10) || 10;
    if (!current || Math.abs(current.y - y) > height / 2) {
      if (current?.text.trim()) lines.push(current);
      current = { text: '', y };
    } else if (item.str && LATIN.test(current.text) && /^[A-Za-z0-9]/u.test(item.str) && x - lastX > height * 0.2) {
      current.text += ' ';
    }
    current.text += item.str;
    lastX = x + (item.str.length * height) / 2;
    if (item.hasEOL) {
      if (current.text.trim()) lines.push(current);
      current = null;
    }
  }
  if (current?.text.trim()) lines.push(current);
  return lines.map((l) => ({ text: l.text.replace(/\s+/gu, ' ').trim(), y: l.y })).filter((l) => l.text);
}

const PAGE_NUMBER =
  /^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/u;

const mask = (line: string) => line.replace(/\d+/gu, '#').replace(/\s+/gu, '');

/**
 * Drops page numbers, and lines that repeat (digits masked) among the first two or last two lines
 * of at least half the pages: running heads and feet. Needs three pages to tell repetition from chance.
 */
export function dropFurniture(pages: readonly string[][]): string[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(mask));
    for (const key of edge) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (line: string) => pages.length >= 3 && (counts.get(mask(line)) ?? 0) >= pages.length / 2;
  return pages.map((lines) =>
    lines.filter((line, i) => {
      if (PAGE_NUMBER.test(line)) return false;
      const atEdge = i < 2 || i >= lines.length - 2;
      return !(atEdge && repeated(line));
    }),
  );
}

/** Ideographs, letters and digits: what counts as text when deciding whether a page has a text layer. */
const meaningful = (s: string) => s.match(/[\p{Script=Han}\p{L}\p{N}]/gu)?.length ?? 0;

export interface PdfText {
  text: string;
  pages: number;
  /** Pages that gave (almost) no text: scanned images. */
  emptyPages: number;
}

/**
 * Pages asked for ahead of the one being read. pdf.js answers through its worker; asking for the
 * next pages before the current one is back keeps the worker busy instead of idle for a message
 * round trip per page (which a loaded machine stretches).
 */
export const READ_AHEAD = 4;

/** Reads every page's text layer in order, reporting progress after each page. */
export async function pdfText(
  name: string,
  doc: PdfDocumentLike,
  onPage?: (done: number, total: number) => void,
): Promise<PdfText> {
  const total = doc.numPages;
  const pending: Promise<string[]>[] = [];
  const request = (n: number) => {
    const lines = (async () => {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      page.cleanup?.();
      return pageLines(content.items).map((l) => l.text);
    })();
    // a page failing while an earlier one is awaited is reported when its turn comes, not as unhandled
    lines.catch(() => {});
    pending[n - 1] = lines;
  };
  for (let n = 1; n <= Math.min(total, READ_AHEAD); n++) request(n);
  const pages: string[][] = [];
  let emptyPages = 0;
  for (let n = 1; n <= total; n++) {
    const lines = await (pending[n - 1] as Promise<string[]>);
    if (n + READ_AHEAD <= total) request(n + READ_AHEAD);
    if (meaningful(lines.join('')) < 5) emptyPages++;
    pages.push(lines);
    onPage?.(n, total);
  }
  const text = dropFurniture(pages)
    .map((lines) => lines.join('\n'))
    .join('\n');
  if (meaningful(text) < 20 || emptyPages > total * 0.8)
    throw new DocumentError(
      'no-text-layer',
      `“${name}”没有文字层（${emptyPages}/${total} 页无文字，可能是扫描件）：请先用 OCR 软件转成可选取文字的 PDF。`,
      say('libscale_errNoTextLayer', name, emptyPages, total),
    );
  return { text, pages: total, emptyPages };
}

/** Maps pdf.js's exceptions to the library's refusals. */
export function pdfOpenError(name: string, error: unknown): DocumentError {
  const kind = (error as { name?: string })?.name ?? '';
  if (kind === 'PasswordException')
    return new DocumentError(
      'encrypted',
      `“${name}”已加密（需要密码）：请先在 PDF 阅读器中解除加密再导入。`,
      say('libscale_errEncrypted', name),
    );
  return new DocumentError(
    'corrupt',
    `“${name}”无法作为 PDF 打开（文件损坏或不完整）：${(error as Error)?.message ?? ''}`,
    say('libscale_errPdfCorrupt', name, (error as Error)?.message ?? ''),
  );
}
