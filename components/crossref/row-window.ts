/**
 * Which rows of the matrix to render. A table of a few hundred cells is rendered whole (the
 * browser's find-in-page sees every term); a larger one renders the rows in view and a margin,
 * with spacers of the same height above and below, so 1,000 reports cost what the screen shows.
 * Pure, so the arithmetic is tested without a browser.
 */

/** A table with at most this many cells is rendered whole. */
export const FULL_RENDER_CELLS = 1500;
/** Rows rendered above and below the ones in view, so a scroll shows rows before the next render. */
export const OVERSCAN_ROWS = 8;

export interface RowView {
  /** The scroll box's scrollTop and client height; a height of 0 means no layout (render all). */
  scrollTop: number;
  height: number;
  /** Height of the sticky head rows above the first body row. */
  headHeight: number;
  rowHeight: number;
}

export interface RowWindow {
  start: number;
  end: number;
}

export function rowWindow(rows: number, columns: number, view: RowView, overscan = OVERSCAN_ROWS): RowWindow {
  if (rows * (columns + 1) <= FULL_RENDER_CELLS || view.height <= 0 || view.rowHeight <= 0) {
    return { start: 0, end: rows };
  }
  const first = Math.floor(Math.max(0, view.scrollTop - view.headHeight) / view.rowHeight);
  const inView = Math.ceil(view.height / view.rowHeight);
  const start = Math.max(0, Math.min(first, rows - inView) - overscan);
  const end = Math.min(rows, first + inView + overscan);
  return { start, end };
}
