import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { type InlineConfig, type Plugin, transformWithEsbuild } from 'vite';
import { defineConfig } from 'wxt';
import { CATALOGUE_PATH, catalogueBuildProblems, FORMS_MODULE_PATH } from './lib/terms/catalogue-build';
import { MATCHER_MODULE_PATH, matcherModuleProblems } from './lib/terms/catalogue-matcher-build';

/**
 * The build stops when seeds/catalogue.json is invalid or a module generated from it is stale: the
 * forms, or the matcher packed for the content script (which ships no forms and builds no trie).
 */
function checkCatalogue(): void {
  const catalogue = readFileSync(CATALOGUE_PATH, 'utf8');
  const problems = [
    ...catalogueBuildProblems(catalogue, readFileSync(FORMS_MODULE_PATH, 'utf8')),
    ...matcherModuleProblems(catalogue, readFileSync(MATCHER_MODULE_PATH, 'utf8')),
  ];
  if (problems.length > 0) throw new Error(`term catalogue:\n${problems.join('\n')}`);
}

/**
 * pdf.js runs in the library page with everything it needs inside the extension (no remote
 * code): its worker, the CMaps that decode Chinese PDF fonts and the standard font data.
 */
const PDFJS = path.resolve('node_modules/pdfjs-dist');
function pdfjsFiles(): { absoluteSrc: string; relativeDest: string }[] {
  const files = [
    { absoluteSrc: path.join(PDFJS, 'build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
  ];
  for (const dir of ['cmaps', 'standard_fonts'])
    for (const name of readdirSync(path.join(PDFJS, dir)))
      if (!name.startsWith('LICENSE'))
        files.push({ absoluteSrc: path.join(PDFJS, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
  return files;
}

/**
 * The content script gets the browser's own extension API, not webextension-polyfill (2.5 KB
 * gzipped in a script every page loads): `wxt/browser` resolves there to WXT's plain
 * `globalThis.browser ?? chrome`. What the content script uses is promise-based in Chrome's MV3
 * API as in Firefox's (runtime.sendMessage, storage.local, storage.onChanged, i18n.getMessage); it
 * answers the extension through sendResponse, and reads failed replies itself
 * (lib/messages/reply.ts). The background and extension pages keep the polyfill.
 */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');
function contentScriptWithoutPolyfill(entrypoints: readonly { type: string }[], config: InlineConfig): void {
  if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
  const alias = config.resolve?.alias;
  const rules = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
  // first match wins: ahead of the polyfill module's alias of the same name
  config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...rules] };
}

/**
 * The stylesheets the content script carries (the card's and the in-page UI's) are written
 * readable in the source and minified into the bundle by esbuild's CSS minifier: every page loads
 * this script, and their indentation and spelled-out colours cost about 400 bytes gzipped. Only
 * modules holding one constant `…_CSS = \`…\`` with no interpolation are touched.
 */
const STYLE_MODULES = /[\\/](card-styles|ui-styles)\.ts$/;
function minifiedStyleSheets(): Plugin {
  return {
    name: 'pcr-minified-style-sheets',
    async transform(code, id) {
      if (!STYLE_MODULES.test(id)) return null;
      const literal = /(_CSS = `)([^`$]*)(`)/;
      const found = literal.exec(code);
      if (!found) throw new Error(`${id}: no plain \`…_CSS = \`…\`\` stylesheet to minify`);
      const css = (
        await transformWithEsbuild(found[2] ?? '', 'sheet.css', { loader: 'css', minify: true })
      ).code.trim();
      return {
        code: code.replace(literal, (_all, open: string, _body: string, close: string) => open + css + close),
        map: null,
      };
    },
  };
}

// Explicit imports everywhere (`imports: false`): every file says where its names come from.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:before': checkCatalogue,
    'vite:build:extendConfig': contentScriptWithoutPolyfill,
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsFiles());
    },
  },
  vite: () => ({
    plugins: [preact(), minifiedStyleSheets()],
    // PCR_SOURCEMAP=1: source maps for reading what makes up a bundle (bench/bundle-contributors.mjs)
    build: { sourcemap: process.env.PCR_SOURCEMAP === '1' },
  }),
  manifest: ({ browser }) => ({
    // interface text in public/_locales: Chinese by default, English where the browser asks for it
    default_locale: 'zh_CN',
    name: '政策对照 · Policy Cross-Ref',
    description:
      'Marks Chinese health-policy program terms on any page and shows what the authoritative reports say about them.',
    // storage: settings changes reach open tabs; unlimitedStorage: the corpus and the user's
    // clippings must never be evicted under quota pressure; contextMenus: 保存摘录 on a selection
    // and 加入文库 on a page; scripting + activeTab: read the page's HTML to add it to the library;
    // alarms + downloads: the scheduled backup into Downloads.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab', 'alarms', 'downloads'],
    // the sites the content script already runs on: lets library.html read a tab's HTML to add it
    // (also when opened from the context menu or a shortcut, not just the toolbar button)
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-marking': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Turn term marking on or off everywhere / 开关术语标记',
      },
      'open-term-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show the card for the term at the caret / 显示光标处术语的卡片',
      },
      'save-clipping': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '保存选中的文字为摘录 / Save the selection as a clipping',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Desktop 140: the CSS Custom Highlight API (every mark) and the built-in data-collection
          // declaration both arrived in 140, which is also the ESR that government and hospital
          // desktops run. Android gets the Highlight API in 140 too, but reads
          // data_collection_permissions only from 142, so its minimum is declared apart (gecko's
          // minimum would otherwise apply to Android as well).
          browser_specific_settings: {
            gecko: {
              id: 'policy-cross-ref@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: {
              strict_min_version: '142.0',
            },
          },
        }
      : {}),
  }),
});
