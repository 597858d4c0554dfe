/**
 * What the library accepts, checked before anything is parsed or written. A refused file gets one
 * clear message and leaves the library unchanged.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Text beyond this (characters after extraction) is refused: ~10× the longest bundled report. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Fewer ideographs or letters than this after extraction: nothing worth a report. */
export const MIN_TEXT_CHARS = 20;

export type DocumentKind = 'pdf' | 'docx' | 'html' | 'txt';

/** A refusal the user sees: `code` for tests and logic, `message` in Chinese for the page. */
export class DocumentError extends Error {
  constructor(
    readonly code:
      | 'empty'
      | 'too-large'
      | 'unsupported'
      | 'encrypted'
      | 'corrupt'
      | 'no-text-layer'
      | 'not-docx'
      | 'binary'
      | 'too-little-text',
    message: string,
    /** The message in the interface's language: a locale key (libscale_err…) and its values. */
    readonly localized?: { key: string; params: (string | number)[] },
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** The locale key and values of a refusal (the Chinese `message` stays for logs and tests). */
export const say = (key: string, ...params: (string | number)[]) => ({ key, params });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The kind a file is handled as, from its name and its first bytes (a renamed file is judged by content). */
export function documentKind(name: string, head: Uint8Array): DocumentKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46; // %PDF
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04; // PK\3\4
  if (ext === 'pdf' || isPdf) {
    if (!isPdf)
      throw new DocumentError(
        'corrupt',
        `“${name}”不是有效的 PDF 文件（文件头不是 %PDF）。`,
        say('libscale_errPdfHeader', name),
      );
    return 'pdf';
  }
  if (ext === 'docx' || (isZip && ext !== 'txt')) {
    if (!isZip)
      throw new DocumentError(
        'not-docx',
        `“${name}”不是有效的 DOCX 文件（不是 ZIP 格式）。`,
        say('libscale_errNotZip', name),
      );
    return 'docx';
  }
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === 'md' || ext === '') return 'txt';
  if (ext === 'doc')
    throw new DocumentError(
      'unsupported',
      `“${name}”是旧版 Word（.doc）文件：请另存为 .docx 后再导入。`,
      say('libscale_errOldDoc', name),
    );
  throw new DocumentError(
    'unsupported',
    `不支持“.${ext}”文件：可导入 PDF、DOCX、HTML 和 TXT。`,
    say('libscale_errUnsupported', ext),
  );
}

/** Size checks: a 0-byte file and one over the limit are refused before they are read. */
export function checkSize(name: string, bytes: number): void {
  if (bytes === 0) throw new DocumentError('empty', `“${name}”是空文件（0 字节）。`, say('libscale_errEmpty', name));
  if (bytes > MAX_FILE_BYTES)
    throw new DocumentError(
      'too-large',
      `“${name}”有 ${mb(bytes)}，超过上限 ${mb(MAX_FILE_BYTES)}。`,
      say('libscale_errTooLarge', name, mb(bytes), mb(MAX_FILE_BYTES)),
    );
}

/** Checks extracted text: some real text, not too much. */
export function checkText(name: string, text: string): void {
  const meaningful = text.match(/[\p{Script=Han}\p{L}\p{N}]/gu)?.length ?? 0;
  if (meaningful < MIN_TEXT_CHARS)
    throw new DocumentError(
      'too-little-text',
      `“${name}”中几乎没有可提取的文字（${meaningful} 字）。`,
      say('libscale_errTooLittleText', name, meaningful),
    );
  if (text.length > MAX_TEXT_CHARS)
    throw new DocumentError(
      'too-large',
      `“${name}”的文字有 ${text.length} 字，超过上限 ${MAX_TEXT_CHARS} 字。`,
      say('libscale_errTooMuchText', name, text.length, MAX_TEXT_CHARS),
    );
}
