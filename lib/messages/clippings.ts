import { MAX_QUOTE } from '../clippings/limits';
import { parseWebUrl } from '../clippings/url';
import { isBoundedString, isIntegerIn, isShortString, isStringArray, type Payload, type Validators } from './validate';

/**
 * Requests about the user's clippings. The content script's card, the selection capture and
 * extension pages save through these, so every save takes the one code path the background owns.
 */

export type SaveOutcome =
  | { status: 'saved'; id: string }
  /** The same quote from the same source exists already; nothing was written. */
  | { status: 'duplicate'; id: string }
  /** Refused before writing (too long, empty, invalid): `reason` says why, for the user. */
  | { status: 'refused'; reason: string }
  /** The write failed (quota, database error): nothing half-written remains. */
  | { status: 'failed'; reason: string };

/** What the content script captures from a selection on a page. */
export interface PageCapture {
  quote: string;
  /** Up to 48 characters before/after the quote in the page text, whitespace removed. */
  prefix?: string;
  suffix?: string;
  /** Offset of the quote in the page's anchoring key: a hint for re-anchoring. */
  position?: number;
  url: string;
  title?: string;
  site?: string;
  author?: string;
  published?: string;
  canonicalUrl?: string;
  docNumber?: string;
}

/** What re-highlighting needs of one clipping. */
export interface AnchorTarget {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  position?: number;
}

export interface ClippingsProtocol {
  /** Save a report passage (from the hover card, the popup or a passage view). */
  savePassageClipping: { request: { passageId: string }; response: SaveOutcome };
  /** Save a selection captured on a page; `force` saves a second copy of a duplicate. */
  savePageClipping: { request: { capture: PageCapture; force?: boolean }; response: SaveOutcome };
  /** Merge a fresh capture (context, metadata) into the existing clipping `id` (the duplicate). */
  mergeClipping: { request: { id: string; capture?: PageCapture }; response: SaveOutcome };
  /** The clippings of a page (by its address and canonical link), for re-highlighting. */
  pageClippings: { request: { url: string; canonicalUrl?: string }; response: AnchorTarget[] };
  /** Which of a page's clippings were found again on it and which were not. */
  reportAnchoring: {
    request: { url: string; canonicalUrl?: string; found: string[]; missing: string[] };
    response: { updated: number };
  };
  /** The user's own tags, most used first: suggestions for the save toast's tag field. */
  clippingTags: { request: Record<string, never>; response: string[] };
  /**
   * Tags and a note added right after a save (the toast's form): for a clipping saved moments ago,
   * from the page that saved it.
   */
  annotateClipping: { request: { id: string; tags: string[]; note: string }; response: AnnotateOutcome };
}

export type AnnotateOutcome = { status: 'saved'; tags: string[] } | { status: 'failed'; reason: string };

/** Limits of the save toast's form (the clippings page allows the same). */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;
export const MAX_NOTE = 20_000;

const MAX_URL = 4096;
const MAX_FIELD = 500;
const MAX_CONTEXT = 64;
const MAX_IDS = 5000;

const isWebUrl = (value: unknown, max = MAX_URL): value is string =>
  isShortString(value, max) && parseWebUrl(value) !== null;

function optional<T>(value: unknown, check: (v: unknown) => v is T): T | undefined | null {
  if (value === undefined) return undefined;
  return check(value) ? value : null;
}

/** Validates a capture field by field; null if anything is missing, mistyped or oversized. */
export function validateCapture(raw: unknown): PageCapture | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const p = raw as Payload;
  if (!isShortString(p.quote, MAX_QUOTE) || p.quote.trim() === '') return null;
  if (!isWebUrl(p.url)) return null;
  const fields = {
    prefix: optional(p.prefix, (v): v is string => isBoundedString(v, MAX_CONTEXT)),
    suffix: optional(p.suffix, (v): v is string => isBoundedString(v, MAX_CONTEXT)),
    position: optional(p.position, (v): v is number => isIntegerIn(v, 0, 100_000_000)),
    title: optional(p.title, (v): v is string => isBoundedString(v, MAX_FIELD)),
    site: optional(p.site, (v): v is string => isBoundedString(v, MAX_FIELD)),
    author: optional(p.author, (v): v is string => isBoundedString(v, MAX_FIELD)),
    published: optional(p.published, (v): v is string => isBoundedString(v, 40)),
    canonicalUrl: optional(p.canonicalUrl, (v): v is string => isWebUrl(v, 2048)),
    docNumber: optional(p.docNumber, (v): v is string => isBoundedString(v, 60)),
  };
  if (Object.values(fields).some((v) => v === null)) return null;
  const capture: PageCapture = { quote: p.quote, url: p.url };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (capture as unknown as Record<string, unknown>)[key] = value;
  }
  return capture;
}

export const clippingsValidators: Validators<ClippingsProtocol> = {
  savePassageClipping: (p) => (isShortString(p.passageId) ? { passageId: p.passageId } : null),
  savePageClipping(p) {
    const capture = validateCapture(p.capture);
    if (!capture || (p.force !== undefined && typeof p.force !== 'boolean')) return null;
    return p.force ? { capture, force: true } : { capture };
  },
  mergeClipping(p) {
    if (!isShortString(p.id)) return null;
    if (p.capture === undefined) return { id: p.id };
    const capture = validateCapture(p.capture);
    return capture ? { id: p.id, capture } : null;
  },
  pageClippings(p) {
    if (!isWebUrl(p.url)) return null;
    if (p.canonicalUrl === undefined) return { url: p.url };
    return isWebUrl(p.canonicalUrl, 2048) ? { url: p.url, canonicalUrl: p.canonicalUrl } : null;
  },
  reportAnchoring(p) {
    if (!isWebUrl(p.url) || !isStringArray(p.found, MAX_IDS) || !isStringArray(p.missing, MAX_IDS)) return null;
    if (p.canonicalUrl !== undefined && !isWebUrl(p.canonicalUrl, 2048)) return null;
    return {
      url: p.url,
      ...(p.canonicalUrl === undefined ? {} : { canonicalUrl: p.canonicalUrl as string }),
      found: p.found,
      missing: p.missing,
    };
  },
  clippingTags: () => ({}),
  annotateClipping(p) {
    if (!isShortString(p.id) || !isStringArray(p.tags, MAX_TAGS, MAX_TAG_LENGTH)) return null;
    if (!isBoundedString(p.note, MAX_NOTE)) return null;
    return { id: p.id, tags: p.tags, note: p.note };
  },
};
