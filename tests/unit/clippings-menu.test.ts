import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { handleCommand, handleMenuClick, MENU_ID, SAVE_COMMAND } from '../../lib/background/clippings-menu';
import { database } from '../../lib/db/database';

const tab = { id: 7, title: '一篇文章', url: 'https://news.example.cn/a.html' };

/** The toolbar button's calls, recorded (the fake browser leaves these APIs unimplemented). */
function spyBadge() {
  const calls: Record<string, unknown[]> = { text: [], title: [], color: [] };
  const action = {
    setBadgeText: vi.fn(async (d: unknown) => void calls.text?.push(d)),
    setTitle: vi.fn(async (d: unknown) => void calls.title?.push(d)),
    setBadgeBackgroundColor: vi.fn(async (d: unknown) => void calls.color?.push(d)),
  };
  Object.defineProperty(browser, 'action', { value: action, configurable: true });
  return calls;
}

afterEach(() => vi.restoreAllMocks());

describe('saving from the shortcut or menu where no content script runs', () => {
  it('says on the tab that nothing was saved by the shortcut, and why', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    const calls = spyBadge();
    const before = await database().clippings.count();
    expect(await handleCommand(SAVE_COMMAND, tab)).toEqual({ status: 'no-content-script' });
    expect(await database().clippings.count()).toBe(before);
    expect(calls.text).toEqual([{ tabId: 7, text: '!' }]);
    expect(calls.title).toEqual([{ tabId: 7, title: expect.stringMatching(/请刷新页面后再保存/) }]);
  });

  it('saves the menu selection bare and says so on the tab', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    const calls = spyBadge();
    const outcome = await handleMenuClick(
      { menuItemId: MENU_ID, frameId: 0, selectionText: '推进紧密型县域医共体建设', pageUrl: tab.url },
      tab,
    );
    expect(outcome?.status).toBe('saved');
    expect(calls.text).toEqual([{ tabId: 7, text: '✓' }]);
    expect(calls.title).toEqual([{ tabId: 7, title: expect.stringMatching(/摘录不含上下文/) }]);
  });

  it('leaves the tab alone when the content script answers', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ status: 'saved', id: 'x' } as never);
    const calls = spyBadge();
    expect(await handleCommand(SAVE_COMMAND, tab)).toEqual({ status: 'saved', id: 'x' });
    expect(calls.text).toEqual([]);
  });
});
