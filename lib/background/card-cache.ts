import {
  CARD_GENERATION_KEY,
  CARD_KEY_PREFIX,
  type CachedCard,
  cachedCards,
  cardKey,
  newCardGeneration,
  type SessionArea,
} from '../messages/card-cache';
import type { TermCardData } from '../messages/corpus';

/**
 * storage.session holds 10 MB for the whole extension; the cards take at most this much of it. A
 * card is a few kilobytes (five passages): the bundled catalogue's cards fit many times over.
 */
export const CARD_CACHE_BYTES = 4 * 1024 * 1024;
export const CARD_CACHE_ENTRIES = 1000;

export interface CardToKeep {
  termId: string;
  limit: number;
  data: TermCardData | null;
}

const encoder = new TextEncoder();

/** The generation whose cards were all computed ahead of any hover (see `fill`). */
export const CARDS_FILLED_KEY = 'cardsFilled';
/** Cards computed per step of `fill`: a request arriving meanwhile waits for a few reads at most. */
const FILL_STEP = 8;

/**
 * The background's side of the cached cards (lib/messages/card-cache.ts): a computation first
 * takes the generation, then keeps its cards under it, and the oldest written cards are dropped
 * once the cache holds more than its bound. Writes go one after another (the index of what is
 * stored and its size lives in this worker's memory, rebuilt from storage after a worker start).
 */
export class CardCache {
  private index: Map<string, { bytes: number; t: number }> | null = null;
  /** The generation the index was read in: any change (here or in another context) clears the cache. */
  private indexGeneration: string | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: SessionArea | undefined,
    private readonly bound = { bytes: CARD_CACHE_BYTES, entries: CARD_CACHE_ENTRIES },
  ) {}

  /** The generation a computation starting now belongs to (made when the session has none yet). */
  async generation(): Promise<string | null> {
    if (!this.area) return null;
    const stored = (await this.area.get([CARD_GENERATION_KEY]))[CARD_GENERATION_KEY];
    if (typeof stored === 'string') return stored;
    const made = newCardGeneration();
    await this.area.set({ [CARD_GENERATION_KEY]: made });
    return made;
  }

  /**
   * Keeps cards computed in `generation`; nothing when the generation changed meanwhile (the
   * cards may predate a change). Never throws: a failed write only costs a later worker start.
   */
  keep(generation: string | null, cards: readonly CardToKeep[]): Promise<void> {
    const area = this.area;
    if (!area || generation === null || cards.length === 0) return Promise.resolve();
    this.queue = this.queue
      .then(() => this.write(area, generation, cards))
      .catch(() => {
        this.index = null; // storage and memory may disagree now: read it again next time
      });
    return this.queue;
  }

  /**
   * Computes and keeps, a few at a time, the cards of those of `termIds` not cached yet in
   * `generation`, then notes the generation as filled: once a worker has run after a change, no
   * hover on any term waits for a worker start until the next change. Stops when the generation
   * changes meanwhile. Returns whether the generation is filled.
   */
  async fill(
    generation: string | null,
    termIds: readonly string[],
    limit: number,
    compute: (termId: string) => Promise<TermCardData | null>,
  ): Promise<boolean> {
    const area = this.area;
    if (!area || generation === null) return false;
    if ((await area.get([CARDS_FILLED_KEY]))[CARDS_FILLED_KEY] === generation) return true;
    const cached = await cachedCards(area, termIds, limit);
    // more than the cache holds would only push out what was just computed
    const missing = termIds.filter((id) => !cached.has(id)).slice(0, this.bound.entries);
    for (let i = 0; i < missing.length; i += FILL_STEP) {
      const cards: CardToKeep[] = [];
      for (const termId of missing.slice(i, i + FILL_STEP)) cards.push({ termId, limit, data: await compute(termId) });
      await this.keep(generation, cards);
      if ((await area.get([CARD_GENERATION_KEY]))[CARD_GENERATION_KEY] !== generation) return false;
    }
    await area.set({ [CARDS_FILLED_KEY]: generation });
    return true;
  }

  private async write(area: SessionArea, generation: string, cards: readonly CardToKeep[]): Promise<void> {
    if ((await area.get([CARD_GENERATION_KEY]))[CARD_GENERATION_KEY] !== generation) return;
    if (!this.index || this.indexGeneration !== generation) {
      this.index = await this.readIndex(area);
      this.indexGeneration = generation;
    }
    const index = this.index;
    const items: Record<string, CachedCard> = {};
    const t = Date.now();
    for (const { termId, limit, data } of cards) {
      const key = cardKey(termId, limit);
      const entry: CachedCard = { g: generation, d: data, t };
      const bytes = encoder.encode(key + JSON.stringify(entry)).length;
      if (bytes > this.bound.bytes) continue;
      items[key] = entry;
      index.delete(key); // re-inserted last: the newest
      index.set(key, { bytes, t });
    }
    const evicted: string[] = [];
    let total = 0;
    for (const { bytes } of index.values()) total += bytes;
    for (const [key, { bytes }] of index) {
      if (total <= this.bound.bytes && index.size <= this.bound.entries) break;
      index.delete(key);
      total -= bytes;
      evicted.push(key);
      delete items[key];
    }
    if (evicted.length > 0) await area.remove(evicted);
    if (Object.keys(items).length > 0) await area.set(items);
  }

  /** What is stored, oldest first (after a worker start; entries of any generation count). */
  private async readIndex(area: SessionArea): Promise<Map<string, { bytes: number; t: number }>> {
    const all = await area.get(null);
    const entries: [string, { bytes: number; t: number }][] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(CARD_KEY_PREFIX)) continue;
      const t = typeof (value as CachedCard)?.t === 'number' ? (value as CachedCard).t : 0;
      entries.push([key, { bytes: encoder.encode(key + JSON.stringify(value)).length, t }]);
    }
    entries.sort((a, b) => a[1].t - b[1].t);
    return new Map(entries);
  }
}
