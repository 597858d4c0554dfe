// A glossary file's bytes → text. Excel in China saves CSV as GB18030 (GBK) unless told otherwise;
// other tools write UTF-8 with or without a byte-order mark, or UTF-16 with one. Decoding is
// strict: UTF-8 is taken only when every byte sequence is valid, otherwise GB18030 is used.

export type GlossaryEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeGlossary(bytes: Uint8Array): { text: string; encoding: GlossaryEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
