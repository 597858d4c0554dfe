import { browser } from 'wxt/browser';
import type { Readers } from '../../lib/documents/extract';

/**
 * pdf.js and mammoth for the library page, loaded on first use. pdf.js's worker, CMaps and
 * standard fonts come from the extension's own files (copied at build time, see wxt.config.ts):
 * no remote code, and Chinese fonts with external CMaps decode correctly.
 */
export const browserReaders: Readers = {
  async openPdf(bytes) {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = browser.runtime.getURL('/pdfjs/pdf.worker.min.mjs' as '/popup.html');
    return pdfjs.getDocument({
      data: bytes.slice(),
      cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/' as '/popup.html'),
      cMapPacked: true,
      standardFontDataUrl: browser.runtime.getURL('/pdfjs/standard_fonts/' as '/popup.html'),
    }).promise;
  },
  async mammoth() {
    const mammoth = await import('mammoth');
    return (mammoth.default ?? mammoth) as unknown as Awaited<ReturnType<Readers['mammoth']>>;
  },
};
