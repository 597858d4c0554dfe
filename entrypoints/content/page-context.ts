import { setPageContextSource } from '../../lib/terms/context';

/** Elements whose text is not the page's prose: code, styles, templates, and what the user types. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
/**
 * Enough of a page to say what it is about (three long articles); reading more costs time on huge
 * pages (the verdict scans all of it: ~10 ms for 200,000 characters in a fresh page) and says no more.
 */
const MAX_CHARS = 50_000;

/**
 * The page's text for context rules a block is too short to judge alone (lib/terms/context.ts):
 * text nodes in document order, without scripts and styles (no layout is forced, unlike
 * innerText). Read only when a ruled form stands in such a block, and then reused for a while.
 */
export function pageText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  // no filter callback: a call from the walker into script per text node costs more than the test
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < MAX_CHARS; node = walker.nextNode()) {
    if (SKIP.has(node.parentElement?.tagName ?? '')) continue;
    const data = (node as Text).data;
    parts.push(data);
    length += data.length;
  }
  return parts.join('\n');
}

/** Makes this document the page that context rules fall back to, until `signal` aborts. */
export function usePageContext(doc: Document, signal: AbortSignal): void {
  setPageContextSource(() => pageText(doc));
  signal.addEventListener('abort', () => setPageContextSource(null));
}
