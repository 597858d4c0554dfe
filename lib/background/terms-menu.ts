import { browser } from 'wxt/browser';

export const TERMS_MENU_ID = 'policy-cross-ref-add-term';
/** A selection longer than this is not a name: the form gets its start only. */
const MAX_NAME = 60;

/** terms.html with the add-term form filled with `name`. */
export function addTermUrl(name: string): string {
  const clean = name.replace(/\s+/gu, ' ').trim().slice(0, MAX_NAME);
  return `${browser.runtime.getURL('/terms.html')}?add=${encodeURIComponent(clean)}`;
}

/**
 * The selection context-menu item 添加为术语 / Add as term (the selection goes to terms.html, where
 * the user completes and saves the form; nothing is stored from the menu itself). Register after
 * the clippings menu: its onInstalled clears all items first.
 */
export function registerTermsMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: TERMS_MENU_ID, title: '添加为术语 / Add as term', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== TERMS_MENU_ID || !info.selectionText) return;
    void browser.tabs.create({ url: addTermUrl(info.selectionText), index: (tab?.index ?? 0) + 1 });
  });
}
