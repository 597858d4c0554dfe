import { defineContentScript } from 'wxt/utils/define-content-script';
import { ClippingHighlights } from './clipping-highlights';
import { ClippingSaver } from './clipping-save';
import { answerExtension } from './extension-messages';
import { HoverCard } from './hover-card';
import { usePageContext } from './page-context';
import { SelectionButton } from './selection-button';
import { TermMarking } from './term-marking';
import { Toast } from './toast';
import { UiHost } from './ui-host';

/** True in the top frame and in frames of the same origin; cross-origin frames (ads, embeds) are left alone. */
function isSameOriginFrame(): boolean {
  if (window.top === window) return true;
  try {
    // reading another origin's location throws; comparing origins would not do, as an about:blank
    // or srcdoc frame's origin reads "null" from a content script although it is the page's own
    return typeof window.top?.location.href === 'string';
  } catch {
    return false;
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // frames with no URL of their own (about:blank, srcdoc, blob:) that a matched page fills: news
  // sites put article bodies and comment threads in them
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!isSameOriginFrame()) return;
    // every feature stops when WXT invalidates this script (extension updated, reloaded or removed)
    const { signal } = ctx;
    // numbered formulas in blocks too short to judge are judged by this page (lib/terms/context.ts)
    usePageContext(document, signal);
    const ui = new UiHost(document);
    signal.addEventListener('abort', () => ui.dispose());
    const marking = new TermMarking(document, ui);
    const highlights = new ClippingHighlights(document, ui);
    const saver = new ClippingSaver(document, new Toast(document, ui), highlights);
    const card = new HoverCard(document, ui, marking, (id) => saver.offerDetails(id, false));
    const button = new SelectionButton(document, ui, saver);

    answerExtension(
      {
        pageTerms: () => marking.pageTerms(),
        scanOnce: () => marking.scanOnce(),
        revealTerm: ({ termId }) => marking.reveal(termId),
        openCardAtCaret: () => card.openAtCaret(),
        saveSelection: () => saver.saveSelection(),
      },
      signal,
    );
    card.start(signal);
    highlights.start(signal);
    button.start(signal);
    void marking.start(signal);
  },
});
