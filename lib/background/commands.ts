import { browser } from 'wxt/browser';
import { askTab } from '../ask';
import { loadMarking, setMarkingEverywhere } from '../settings/marking';

/** Keyboard commands of the in-page experience (declared in wxt.config.ts). */
export function registerTermCommands(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === 'toggle-marking') {
      const current = await loadMarking();
      await setMarkingEverywhere(!current.enabled);
    } else if (command === 'open-term-card') {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      // every frame gets it; only the focused frame with a term at its caret answers true
      await askTab(tabId, 'openCardAtCaret', {}, 'all').catch(() => false);
    }
  });
}
