/** The longest quote a clipping may hold; longer selections are refused with a message, not cut. */
export const MAX_QUOTE = 20_000;

/** How long a deleted clipping can be brought back before it is removed for good. */
export const UNDO_WINDOW_MS = 30_000;
