import type { DocxConverter } from './docx';
import { docxText } from './docx';
import { extractArticle, parseHtml } from './html-article';
import { checkSize, checkText, type DocumentKind, documentKind } from './limits';
import { type PageMetadata, textMetadata } from './metadata';
import { type PdfDocumentLike, pdfOpenError, pdfText } from './pdf';
import { decodeTextFile } from './text-file';

/** The heavy readers, loaded only when a file of their kind arrives (and never in a content script). */
export interface Readers {
  openPdf(bytes: Uint8Array): Promise<PdfDocumentLike>;
  mammoth(): Promise<DocxConverter>;
}

export interface Extracted {
  kind: DocumentKind;
  text: string;
  metadata: PageMetadata;
  /** The encoding a text file was read in. */
  encoding?: string;
  pages?: number;
}

/** Progress of one file, 0…1; a PDF also says which page it has read (shown as 第 n/N 页). */
export type Progress = (fraction: number, pages?: { done: number; total: number }) => void;

/**
 * One file → text and what it says about itself. Every refusal is a DocumentError with a message
 * for the user, thrown before anything is written.
 */
export async function extractFile(
  name: string,
  bytes: Uint8Array,
  readers: Readers,
  onProgress: Progress = () => {},
): Promise<Extracted> {
  checkSize(name, bytes.length);
  const kind = documentKind(name, bytes.subarray(0, 8));
  let result: Extracted;
  if (kind === 'pdf') {
    let doc: PdfDocumentLike;
    try {
      doc = await readers.openPdf(bytes);
    } catch (error) {
      throw pdfOpenError(name, error);
    }
    const { text, pages } = await pdfText(name, doc, (done, total) => onProgress(done / total, { done, total }));
    result = { kind, text, pages, metadata: textMetadata(text.split('\n')) };
  } else if (kind === 'docx') {
    const text = await docxText(name, bytes, await readers.mammoth());
    result = { kind, text, metadata: textMetadata(text.split('\n')) };
  } else if (kind === 'html') {
    const { text: html } = decodeTextFile(name, bytes);
    const article = extractArticle(parseHtml(html));
    result = { kind, text: article.text, metadata: article.metadata };
  } else {
    const { text, encoding } = decodeTextFile(name, bytes);
    result = { kind, text, encoding, metadata: textMetadata(text.split('\n').map((l) => l.trim())) };
  }
  checkText(name, result.text);
  onProgress(1);
  return result;
}
