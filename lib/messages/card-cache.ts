import type { TermCardData } from './corpus';

// Hover cards the background computed, kept in storage.session (memory only, gone when the browser
// closes, never readable by a page) so that a content script reads a card without waking a stopped
// service worker. Each card carries the generation it was computed in; any change to what a card
// shows (the corpus, the user's reports, the user's terms) replaces the generation, so a card
// computed before the change is never served after it, even one written late by a request that was
// already under way. Everything but the reader is used by extension-origin code only.

/** The current generation: a fresh random token per change (a counter bumped from two contexts could repeat). */
export const CARD_GENERATION_KEY = 'cardGen';
export const CARD_KEY_PREFIX = 'card:';
/**
 * Where open tabs hear that cards changed: a key of storage.local, holding the new generation.
 * Content scripts listen to the local area's own change event, which reaches them in every browser
 * (Firefox gives content scripts no storage.session) and never carries the cached cards, whose
 * writes to storage.session would otherwise reach every open tab.
 */
export const CARDS_CHANGED_KEY = 'cardsChanged';

/** A cached card's key: its term and how many passages it holds. */
export const cardKey = (termId: string, limit: number): string => `${CARD_KEY_PREFIX}${limit}:${termId}`;

export interface CachedCard {
  /** The generation it was computed in. */
  g: string;
  d: TermCardData | null;
  /** When it was written: the oldest are dropped first when the cache is full. */
  t: number;
}

/** The part of a storage area the cache uses (browser.storage.session, or a fake in tests). */
export interface SessionArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * The cached cards of `termIds` that belong to the current generation, in one read; the others are
 * absent from the map. A card cached as null (no such term) is a hit too.
 */
export async function cachedCards(
  area: SessionArea,
  termIds: readonly string[],
  limit: number,
): Promise<Map<string, TermCardData | null>> {
  const keys = termIds.map((id) => cardKey(id, limit));
  const stored = await area.get([CARD_GENERATION_KEY, ...keys]);
  const generation = stored[CARD_GENERATION_KEY];
  const found = new Map<string, TermCardData | null>();
  if (typeof generation === 'string')
    termIds.forEach((id, i) => {
      const entry = stored[keys[i] as string] as CachedCard | undefined;
      if (entry?.g === generation) found.set(id, entry.d);
    });
  return found;
}

/** A new generation token. */
export function newCardGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * THE invalidation: every write that changes what a card shows ends here (lib/db/card-changes.ts
 * calls it after each committed change to a table a card reads). A new generation makes every
 * cached card stale at once (content scripts that can read storage.session hear of it there); the
 * entries are then dropped to free the space, and open tabs are told through storage.local too
 * (`announce`: CARDS_CHANGED_KEY), which reaches content scripts in every browser.
 */
export async function invalidateCards(
  area: SessionArea,
  announce?: (items: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const generation = newCardGeneration();
  await area.set({ [CARD_GENERATION_KEY]: generation });
  const all = await area.get(null);
  const stale = Object.keys(all).filter((key) => key.startsWith(CARD_KEY_PREFIX));
  if (stale.length > 0) await area.remove(stale);
  await announce?.({ [CARDS_CHANGED_KEY]: generation });
}
