import { isShortString, type Validators } from './validate';

/**
 * Requests about the user's clippings. The content script's card and extension pages save through
 * these, so every save takes the one code path the background owns.
 */

export type SaveOutcome =
  | { status: 'saved'; id: string }
  /** The same quote from the same source exists already; nothing was written. */
  | { status: 'duplicate'; id: string }
  /** Refused before writing (too long, empty, invalid): `reason` says why, for the user. */
  | { status: 'refused'; reason: string }
  /** The write failed (quota, database error): nothing half-written remains. */
  | { status: 'failed'; reason: string };

export interface ClippingsProtocol {
  /** Save a report passage (from the hover card, the popup or a passage view). */
  savePassageClipping: { request: { passageId: string }; response: SaveOutcome };
}

export const clippingsValidators: Validators<ClippingsProtocol> = {
  savePassageClipping: (p) => (isShortString(p.passageId) ? { passageId: p.passageId } : null),
};
