import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CATALOGUE_PATH, catalogueBuildProblems, FORMS_MODULE_PATH } from './lib/terms/catalogue-build';

/** The build stops when seeds/catalogue.json is invalid or its generated forms module is stale. */
function checkCatalogue(): void {
  const problems = catalogueBuildProblems(
    readFileSync(CATALOGUE_PATH, 'utf8'),
    readFileSync(FORMS_MODULE_PATH, 'utf8'),
  );
  if (problems.length > 0) throw new Error(`term catalogue:\n${problems.join('\n')}`);
}

// Explicit imports everywhere (`imports: false`): every file says where its names come from.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: { 'build:before': checkCatalogue },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // interface text in public/_locales: Chinese by default, English where the browser asks for it
    default_locale: 'zh_CN',
    name: '政策对照 · Policy Cross-Ref',
    description:
      'Marks Chinese health-policy program terms on any page and shows what the authoritative reports say about them.',
    // storage: settings changes reach open tabs; unlimitedStorage: the corpus and the user's
    // clippings must never be evicted under quota pressure; contextMenus: 保存摘录 on a selection.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
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
