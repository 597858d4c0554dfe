import { DocumentError, say } from './limits';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * The encoding of a text file: a BOM decides; else strict UTF-8 if the bytes are valid UTF-8
 * (GB18030 text of any length almost never is); else GB18030 (a superset of GBK and GB2312, which
 * most older government texts use). UTF-16 without a BOM is recognised by its many zero bytes.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  if (oddZeros > sample.length / 8 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > sample.length / 8 && oddZeros === 0) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Control characters other than tab, line feed, carriage return and form feed, and U+FFFD: signs of a binary file. */
function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) n++;
  }
  return n;
}

/** Decodes a text file; a binary file renamed .txt is refused, not stored as mojibake. */
export function decodeTextFile(name: string, bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(
      'binary',
      `“${name}”不是可识别的文本文件（既不是 UTF-8/UTF-16，也不是 GB18030/GBK）。`,
      say('libscale_errUnknownEncoding', name),
    );
  }
  const controls = controlCount(text);
  if (controls > Math.max(2, text.length / 1000))
    throw new DocumentError(
      'binary',
      `“${name}”看起来是二进制文件，不是文本（含 ${controls} 个控制字符）。`,
      say('libscale_errBinary', name, controls),
    );
  return { text: text.replace(/^\ufeff/u, ''), encoding };
}
