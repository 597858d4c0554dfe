import { type Browser, browser } from 'wxt/browser';
import { askTab } from '../ask';
import { purgeDeleted, savePageClipping } from '../clippings/store';
import { collapseWhitespace } from '../clippings/text-key';
import { hostOf } from '../clippings/url';
import { database } from '../db/database';
import { t } from '../i18n';
import type { CaptureOutcome } from '../messages/content';

export const MENU_ID = 'policy-cross-ref-save-clipping';
export const SAVE_COMMAND = 'save-clipping';

type MenuInfo = Pick<
  Browser.contextMenus.OnClickData,
  'menuItemId' | 'frameId' | 'selectionText' | 'pageUrl' | 'frameUrl'
>;
type Tab = Pick<Browser.tabs.Tab, 'id' | 'title' | 'url'>;

/** What a save from the menu or the shortcut came to, including "no content script to ask". */
export type MenuOutcome = CaptureOutcome | { status: 'no-content-script' };

type BadgeApi = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
};

/**
 * Says on the toolbar button of that tab (badge and tooltip, which need no permission and which
 * the browser clears when the tab navigates) what happened where no content script could show it:
 * the tab was opened before the extension was installed or updated, or the page is one extensions
 * may not run in.
 */
export async function flagTab(tabId: number, outcome: 'no-content-script' | 'saved-bare'): Promise<void> {
  const api = ((browser as unknown as { action?: BadgeApi }).action ??
    (browser as unknown as { browserAction?: BadgeApi }).browserAction) as BadgeApi | undefined;
  if (!api) return;
  const problem = outcome === 'no-content-script';
  const title = problem ? t('clippings_noContentScript') : t('clippings_savedBare');
  await Promise.all([
    api.setBadgeText({ tabId, text: problem ? '!' : '✓' }),
    api.setBadgeBackgroundColor({ tabId, color: problem ? '#b3261e' : '#2e7d32' }),
    api.setTitle({ tabId, title }),
  ]).catch(() => {});
}

/**
 * Asks the frame's content script to capture and save its selection (it knows the context and the
 * page metadata, and shows the confirmation). Where no content script runs, the menu's own
 * selection text is saved bare (the quote is kept; re-anchoring then has no context to go on) and
 * the toolbar button says so; the shortcut has no selection text to fall back on, and the toolbar
 * button says that nothing was saved and why.
 */
export async function saveSelectionInTab(tab: Tab | undefined, info?: MenuInfo): Promise<MenuOutcome> {
  if (tab?.id === undefined) return { status: 'failed', reason: 'no tab' };
  try {
    const answer: CaptureOutcome | undefined = await askTab(tab.id, 'saveSelection', {}, info?.frameId ?? 0);
    if (answer) return answer;
  } catch {
    // no content script in that frame (restricted page, or loaded before the extension)
  }
  const quote = collapseWhitespace(info?.selectionText ?? '');
  const url = info?.frameUrl ?? info?.pageUrl ?? tab.url;
  if (!quote || !url) {
    await flagTab(tab.id, 'no-content-script');
    return { status: 'no-content-script' };
  }
  const outcome = await savePageClipping(database(), { quote, url, title: tab.title, site: hostOf(url) });
  if (outcome.status === 'saved') await flagTab(tab.id, 'saved-bare');
  return outcome;
}

/** The context-menu click handler (registered on contextMenus.onClicked). */
export async function handleMenuClick(info: MenuInfo, tab?: Tab): Promise<MenuOutcome | undefined> {
  if (info.menuItemId !== MENU_ID) return undefined;
  return saveSelectionInTab(tab, info);
}

/** The keyboard shortcut's handler (commands.onCommand): saves the active tab's selection. */
export async function handleCommand(command: string, tab?: Tab): Promise<MenuOutcome | undefined> {
  if (command !== SAVE_COMMAND) return undefined;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return saveSelectionInTab(target);
}

/**
 * Registers the 保存摘录 context-menu item and the save shortcut. The handlers are also exposed on
 * the worker's global scope, where only the extension itself (and a test driving it through the
 * DevTools protocol) can reach them — no web page and no content script can.
 */
export function registerClippingCapture(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus
      .removeAll()
      .then(() =>
        browser.contextMenus.create({ id: MENU_ID, title: '保存摘录 / Save clipping', contexts: ['selection'] }),
      );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info, tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab);
  });
  (globalThis as { policyCrossRefClippingMenu?: unknown }).policyCrossRefClippingMenu = handleMenuClick;
  (globalThis as { policyCrossRefClippingCommand?: unknown }).policyCrossRefClippingCommand = handleCommand;
  // deletions whose undo window has passed are made final whenever the worker starts
  void purgeDeleted(database()).catch(() => {});
}
