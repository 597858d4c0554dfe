import type { SaveOutcome } from './clippings';
import { isShortString, parseWith, type Validators } from './validate';

/**
 * The one protocol from the extension (the popup, the background's menu, shortcut and commands) to
 * the content script of a tab or frame, sent with `tabs.sendMessage`. Web pages cannot send these
 * (only the extension can message its content scripts); the content script still validates them
 * like the background does, and answers through one typed handler map.
 */

/** Why a page shows no marks, if it does not. */
export type MarkingState = 'on' | 'off-site' | 'off-global';

export interface PageTerm {
  termId: string;
  canonical: string;
  /** Occurrences on the page. */
  count: number;
  /** The written forms seen on the page, distinct, in order of first occurrence. */
  forms: string[];
}

export interface PageTermsData {
  marking: MarkingState;
  /** The page's site as marking settings key it (its hostname), so the popup can switch it. */
  site: string | null;
  /** Whether the page has been scanned (a page where marking is off is not, unless asked). */
  scanned: boolean;
  /** Terms in page order (by first occurrence). */
  terms: PageTerm[];
}

export interface ContentProtocol {
  /** The catalogue terms found on the page so far. */
  pageTerms: { request: Record<string, never>; response: PageTermsData };
  /** Scan the page once even though marking is off for the site; answers the terms found. */
  scanOnce: { request: Record<string, never>; response: PageTermsData };
  /** Scroll to the first occurrence of a term and flash it; false when it is not on the page. */
  revealTerm: { request: { termId: string }; response: boolean };
  /** Keyboard command: open the card for the term at the caret; false when there is none. */
  openCardAtCaret: { request: Record<string, never>; response: boolean };
  /** Context menu or shortcut: capture the frame's selection and save it (the frame confirms it). */
  saveSelection: { request: Record<string, never>; response: CaptureOutcome };
}

/** What saving a selection came to; `empty` when nothing was selected. */
export type CaptureOutcome = SaveOutcome | { status: 'empty' };

export type ContentMessageType = keyof ContentProtocol;

export const contentValidators: Validators<ContentProtocol> = {
  pageTerms: () => ({}),
  scanOnce: () => ({}),
  revealTerm: (p) => (isShortString(p.termId) ? { termId: p.termId } : null),
  openCardAtCaret: () => ({}),
  saveSelection: () => ({}),
};

export interface ContentEnvelope<K extends ContentMessageType = ContentMessageType> {
  type: K;
  payload: ContentProtocol[K]['request'];
}

/** Validates a message received by a content script. */
export function parseContentEnvelope(message: unknown): ContentEnvelope | null {
  return parseWith<ContentProtocol>(contentValidators, message) as ContentEnvelope | null;
}
