import type { SaveOutcome } from './clippings';

/**
 * Requests from the background to the content script of one frame, sent with `tabs.sendMessage`:
 * the context menu and the keyboard shortcut ask the frame to capture its selection and save it
 * (the content script then shows the confirmation). Web pages cannot send these: only the
 * extension can message its content scripts.
 */
export type CaptureOutcome = SaveOutcome | { status: 'empty' };

export interface CaptureProtocol {
  saveSelection: { request: Record<string, never>; response: CaptureOutcome };
}

export const CAPTURE_MESSAGE = 'policy-cross-ref:saveSelection';

export function isSaveSelectionMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === CAPTURE_MESSAGE;
}
