import { type Browser, browser } from 'wxt/browser';
import { askTab } from '../ask';
import { purgeDeleted, savePageClipping } from '../clippings/store';
import { collapseWhitespace } from '../clippings/text-key';
import { hostOf } from '../clippings/url';
import { database } from '../db/database';
import type { CaptureOutcome } from '../messages/content';

export const MENU_ID = 'policy-cross-ref-save-clipping';
export const SAVE_COMMAND = 'save-clipping';

type MenuInfo = Pick<
  Browser.contextMenus.OnClickData,
  'menuItemId' | 'frameId' | 'selectionText' | 'pageUrl' | 'frameUrl'
>;
type Tab = Pick<Browser.tabs.Tab, 'id' | 'title' | 'url'>;

/**
 * Asks the frame's content script to capture and save its selection (it knows the context and the
 * page metadata, and shows the confirmation). Where no content script runs, the menu's own
 * selection text is saved bare: the quote is kept, re-anchoring then has no context to go on.
 */
export async function saveSelectionInTab(tab: Tab | undefined, info?: MenuInfo): Promise<CaptureOutcome> {
  if (tab?.id === undefined) return { status: 'failed', reason: 'no tab' };
  try {
    const answer: CaptureOutcome | undefined = await askTab(tab.id, 'saveSelection', {}, info?.frameId ?? 0);
    if (answer) return answer;
  } catch {
    // no content script in that frame (restricted page, or loaded before the extension)
  }
  const quote = collapseWhitespace(info?.selectionText ?? '');
  const url = info?.frameUrl ?? info?.pageUrl ?? tab.url;
  if (!quote || !url) return { status: 'empty' };
  return savePageClipping(database(), { quote, url, title: tab.title, site: hostOf(url) });
}

/** The context-menu click handler (registered on contextMenus.onClicked). */
export async function handleMenuClick(info: MenuInfo, tab?: Tab): Promise<CaptureOutcome | undefined> {
  if (info.menuItemId !== MENU_ID) return undefined;
  return saveSelectionInTab(tab, info);
}

/** The keyboard shortcut's handler (commands.onCommand): saves the active tab's selection. */
export async function handleCommand(command: string, tab?: Tab): Promise<CaptureOutcome | undefined> {
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
  // deletions whose undo window has passed are made final whenever the worker starts
  void purgeDeleted(database()).catch(() => {});
}
