import type { PageCapture } from '../messages/clippings';
import { selectorFor } from './anchor';
import { MAX_QUOTE } from './limits';
import { extractMetadata } from './metadata';
import { boundaryToOffset, buildPageText } from './page-text';
import { anchorKey, collapseWhitespace } from './text-key';

export { MAX_QUOTE };

export type CaptureResult =
  | { status: 'ok'; capture: PageCapture }
  | { status: 'empty' }
  | { status: 'too-long'; length: number };

/**
 * Turns the current selection of a document into what a page clipping stores: the quote, its
 * context and position in the page text, and the page's citation metadata.
 */
export function captureSelection(doc: Document): CaptureResult {
  const win = doc.defaultView;
  const selection = win?.getSelection();
  const active = doc.activeElement;
  // a selection inside a form field is not part of the page text: keep the quote, without context
  if (active instanceof (win?.HTMLTextAreaElement ?? Object) || active instanceof (win?.HTMLInputElement ?? Object)) {
    const field = active as HTMLTextAreaElement | HTMLInputElement;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    if (end > start) return bareCapture(doc, field.value.slice(start, end));
  }
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { status: 'empty' };
  const raw = selection.toString();
  if (raw.length > MAX_QUOTE * 2) return { status: 'too-long', length: raw.length };
  const range = selection.getRangeAt(0);
  const page = buildPageText(doc.body ?? doc.documentElement);
  const start = boundaryToOffset(page, range.startContainer, range.startOffset);
  const end = boundaryToOffset(page, range.endContainer, range.endOffset);
  const selector = end > start ? selectorFor(page.text, start, end) : null;
  // the page-text slice must say what the user sees selected. The selection's own text may hold
  // more (script or our own UI inside the range, which the page text leaves out): the slice is
  // kept when the selection contains it in order. Otherwise (shadow DOM, text the walk cannot
  // see) the selection is trusted and stored without context.
  if (!selector || !isSubsequence(anchorKey(selector.quote), anchorKey(raw))) return bareCapture(doc, raw, page.text);
  if (selector.quote.length > MAX_QUOTE) return { status: 'too-long', length: selector.quote.length };
  if (anchorKey(selector.quote).length === 0) return { status: 'empty' };
  return {
    status: 'ok',
    capture: {
      ...selector,
      url: doc.URL,
      ...extractMetadata(doc, page.text),
    } as PageCapture,
  };
}

function bareCapture(doc: Document, raw: string, bodyText?: string): CaptureResult {
  const quote = collapseWhitespace(raw);
  if (anchorKey(quote).length === 0) return { status: 'empty' };
  if (quote.length > MAX_QUOTE) return { status: 'too-long', length: quote.length };
  return { status: 'ok', capture: { quote, url: doc.URL, ...extractMetadata(doc, bodyText) } as PageCapture };
}

/** Whether every character of `part` occurs in `whole`, in order. */
function isSubsequence(part: string, whole: string): boolean {
  if (part.length === 0) return false;
  let j = 0;
  for (let i = 0; i < whole.length && j < part.length; i++) if (whole[i] === part[j]) j++;
  return j === part.length;
}
