import { FLASH_HIGHLIGHT, TERM_HIGHLIGHT } from './highlight-sink';

/**
 * How marks look in the page. Visible but quiet on light and dark pages alike: a translucent amber
 * wash with a dotted underline reads on white and on near-black, and never changes the text colour.
 */
export const PAGE_CSS = `
::highlight(${TERM_HIGHLIGHT}) {
  background-color: rgba(255, 176, 0, 0.2);
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: rgba(214, 125, 0, 0.95);
}
::highlight(${FLASH_HIGHLIGHT}) {
  background-color: rgba(255, 140, 0, 0.65);
}
`;
