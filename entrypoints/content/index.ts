import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClippings } from './clippings';

// Minimal entry for the clippings branch; the lead's content script (term marks, hover card)
// replaces this file and calls startClippings() itself.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: false,
  main() {
    startClippings();
  },
});
