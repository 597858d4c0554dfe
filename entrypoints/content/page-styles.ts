import { FLASH_HIGHLIGHT, TERM_HIGHLIGHT } from './highlight-sink';

/**
 * How term marks look in the page. Visible but quiet on light and dark pages alike: a light amber
 * tint with a dotted amber underline, never changing the text colour. Deliberately unlike a saved
 * clipping (ui-styles.ts: a solid teal band with a bar at its start), so the two never read as one.
 */
export const PAGE_CSS = `
::highlight(${TERM_HIGHLIGHT}) {
  background-color: rgba(255, 176, 0, 0.16);
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 2px;
  text-decoration-color: rgba(204, 116, 0, 0.95);
}
@media (prefers-color-scheme: dark) {
  ::highlight(${TERM_HIGHLIGHT}) {
    background-color: rgba(255, 190, 40, 0.16);
    text-decoration-color: rgba(255, 196, 70, 0.95);
  }
}
::highlight(${FLASH_HIGHLIGHT}) {
  background-color: rgba(255, 140, 0, 0.65);
}
`;
