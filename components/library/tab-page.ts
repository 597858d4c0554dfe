import { browser } from 'wxt/browser';

/**
 * The HTML and address of the page in a tab, read with scripting.executeScript (the content
 * script is not involved). The function runs in the page's isolated world and returns strings
 * only; the HTML is parsed inertly here, in the extension page, never in the page.
 */
export async function tabPage(tabId: number): Promise<{ html: string; url: string; title: string }> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ html: document.documentElement.outerHTML, url: location.href, title: document.title }),
  });
  const value = result?.result as { html: string; url: string; title: string } | undefined;
  if (!value || typeof value.html !== 'string') throw new Error('no page');
  return value;
}
