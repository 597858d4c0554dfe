import { articleLines } from './article-text';
import { DocumentError, say } from './limits';

/** The bytes of a name in a ZIP's directory: a DOCX always holds word/document.xml. */
function zipHolds(bytes: Uint8Array, path: string): boolean {
  const needle = new TextEncoder().encode(path);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type DocxConverter = {
  convertToHtml(input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array }): Promise<{ value: string }>;
};

/**
 * Text of a DOCX with headings and paragraphs as lines: mammoth turns the document into plain
 * semantic HTML (headings by paragraph style), parsed inertly and read like an article. A ZIP
 * that is not a Word document (no word/document.xml) is refused before mammoth sees it.
 */
export async function docxText(name: string, bytes: Uint8Array, mammoth: DocxConverter): Promise<string> {
  if (!zipHolds(bytes, 'word/document.xml'))
    throw new DocumentError(
      'not-docx',
      `“${name}”是 ZIP 压缩包，但不是 Word 文档（其中没有 word/document.xml）。`,
      say('libscale_errDocxNoDocument', name),
    );
  let html: string;
  try {
    // the browser build reads `arrayBuffer`, the Node build (tests) `buffer`
    const copy = bytes.slice();
    html = (await mammoth.convertToHtml({ arrayBuffer: copy.buffer, buffer: copy })).value;
  } catch (error) {
    throw new DocumentError(
      'corrupt',
      `“${name}”无法作为 DOCX 读取（文件损坏）：${(error as Error).message}`,
      say('libscale_errDocxCorrupt', name, (error as Error).message),
    );
  }
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return articleLines(doc.body).join('\n');
}
