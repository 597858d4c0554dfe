import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The in-page UI's text comes from _locales: a Chinese string literal left in one of these sources
 * is a user-visible string the English locale would not translate. Comments are allowed to be
 * Chinese; string and template literals are not.
 */
const SOURCES = [
  'entrypoints/content/toast.ts',
  'entrypoints/content/toast-details.ts',
  'entrypoints/content/clipping-save.ts',
  'entrypoints/content/selection-button.ts',
  'entrypoints/content/hover-card.ts',
  'entrypoints/content/card-host.ts',
  'entrypoints/content/ui-host.ts',
  'entrypoints/content/clipping-boxes.ts',
  'entrypoints/content/index.ts',
  'lib/clippings/annotate.ts',
];

/** The string and template literals of a TypeScript source, comments removed first. */
function literalsOf(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 2;
      if (i < 2) break;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out.push(source.slice(i + 1, j));
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('in-page strings', () => {
  it('finds literals and skips comments', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is source text holding a template literal
    expect(literalsOf("// '注释'\nconst a = '文字'; /* \"不算\" */ const b = `x${1}`;")).toEqual(['文字', 'x${1}']);
  });

  it.each(SOURCES)('%s has no Chinese string literal (its text is in _locales)', (file) => {
    const chinese = literalsOf(readFileSync(file, 'utf8')).filter((literal) => CJK.test(literal));
    expect(chinese).toEqual([]);
  });
});
