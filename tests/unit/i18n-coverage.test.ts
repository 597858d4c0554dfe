import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every user-visible string of the interface comes from public/_locales. This test reads the
 * sources of components/ and entrypoints/ and fails on text written into the code instead:
 *   - JSX text with Chinese characters or an English word;
 *   - a title, aria-label, placeholder, alt or label attribute given as a literal with either;
 *   - any string or template literal with Chinese characters (a message built in code).
 * Comments, regular expressions and imports are not text. A string that must stay (a proper
 * name, a format) goes through the locale files too; there is no per-line escape hatch.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['components', 'entrypoints'];

/**
 * Files that still hold literal interface text today, all in areas being rewritten in parallel
 * (card, popup, cross-reference page, content script, library and terms pages). Each is to be
 * removed from this list as its strings move to _locales; the test also fails when a listed file
 * has become clean, so the list can only shrink.
 */
const NOT_YET_LOCALISED = new Set<string>([]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ENGLISH_WORD = /[A-Za-z]{2,}/;
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The literal interface strings of one source file, with their line numbers. */
function literalStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${what.trim().slice(0, 60)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node)) {
      if (CJK.test(node.text) || ENGLISH_WORD.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init.text : undefined;
      if (literal !== undefined && TEXT_ATTRIBUTES.has(name) && (CJK.test(literal) || ENGLISH_WORD.test(literal)))
        report(node, `${name}="${literal}"`);
      else if (literal !== undefined && CJK.test(literal)) report(node, `${name}="${literal}"`);
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) &&
      !ts.isJsxAttribute(node.parent) &&
      CJK.test(node.text)
    ) {
      report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((full) => ({
  name: path.relative(ROOT, full).split(path.sep).join('/'),
  strings: literalStrings(full, readFileSync(full, 'utf8')),
}));

describe('interface text comes from the locale files', () => {
  it('finds literal text where there is some (the scanner itself works)', () => {
    const sample = [
      'const a = <p title="Open the page">打开</p>;',
      "const b = <input placeholder='搜索' aria-label={t('x')} data-testid='search' />;",
      // a template literal with a substitution (written in two parts so it stays a plain string here)
      'const c = notify(`已删除 $' + '{n} 条`);',
      "const d = <span>{t('ok')} · #{tag}</span>; // 注释里的中文不算",
      "import x from './中文.json';",
      'const e = /[，、]/;',
    ].join('\n');
    expect(literalStrings('sample.tsx', sample)).toEqual([
      '1: title="Open the page"',
      '1: 打开',
      '2: placeholder="搜索"',
      '3: 已删除',
      '3: 条',
    ]);
  });

  it('every file outside the allow-list is clean', () => {
    const offenders = files.filter((f) => f.strings.length > 0 && !NOT_YET_LOCALISED.has(f.name));
    expect(
      offenders.map((f) => `${f.name}\n  ${f.strings.join('\n  ')}`),
      'move these strings to public/_locales/{zh_CN,en}/messages.json and read them with t()',
    ).toEqual([]);
  });

  it('the allow-list only lists files that still need it', () => {
    const names = new Set(files.map((f) => f.name));
    const stale = [...NOT_YET_LOCALISED].filter(
      (name) => !names.has(name) || files.find((f) => f.name === name)?.strings.length === 0,
    );
    expect(stale, 'these files are clean (or gone): take them off NOT_YET_LOCALISED').toEqual([]);
  });
});
