import { browser } from 'wxt/browser';

/** Whether a small 保存摘录 button appears next to a selection on pages (off unless the user enables it). */
export const SELECTION_BUTTON_KEY = 'clippingsSelectionButton';

export async function loadSelectionButton(): Promise<boolean> {
  const stored = await browser.storage.local.get(SELECTION_BUTTON_KEY);
  return stored[SELECTION_BUTTON_KEY] === true;
}

export async function saveSelectionButton(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [SELECTION_BUTTON_KEY]: enabled });
}
