import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClippings } from './clippings';
import { TermMarking } from './term-marking';

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
  main() {
    if (!isSameOriginFrame()) return;
    void new TermMarking(document).start();
    startClippings();
  },
});
