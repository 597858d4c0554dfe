import { browser } from 'wxt/browser';
import type { PolicyDatabase } from '../db/database';
import { CARD_PASSAGES, termCard } from '../db/term-card';
import type { SessionArea } from '../messages/card-cache';
import type { CorpusProtocol, TermCardData } from '../messages/corpus';
import { CardCache } from './card-cache';
import type { Handlers } from './handlers';
import { corpusAvailable, ensureSeeded } from './seeding';

/**
 * Every card computed here is kept for the content scripts to read without waking this worker.
 * Where the session area cannot be opened to content scripts (Firefox: no access levels, its
 * content scripts have no storage.session) nothing is kept: they ask, and no one would read it.
 */
const session = browser.storage.session as (SessionArea & { setAccessLevel?: unknown }) | undefined;
const cache = new CardCache(typeof session?.setAccessLevel === 'function' ? session : undefined);

/** How long after a card request the other cards are computed: the requests of a page load come first. */
const FILL_DELAY_MS = 1500;
/** The generation this worker filled (or is filling) the cache for. */
let filling: string | null = null;

/**
 * A page asked for cards, so the worker was needed: every term's card is computed now, in the
 * background, so that no later hover (on any term, on any page) waits for this worker to start
 * again after the browser stopped it. Once per generation: a change to the library starts over.
 */
function fillSoon(db: PolicyDatabase, generation: string | null): void {
  if (generation === null || filling === generation) return;
  filling = generation;
  setTimeout(async () => {
    try {
      const termIds = (await db.terms.toCollection().primaryKeys()) as string[];
      if (!(await cache.fill(generation, termIds, CARD_PASSAGES, (id) => termCard(db, id)))) filling = null;
    } catch {
      filling = null; // tried again on the next request
    }
  }, FILL_DELAY_MS);
}

export const corpusHandlers: Handlers<CorpusProtocol> = {
  async termCard({ termId, limit = CARD_PASSAGES }, { db }) {
    // the generation is taken before anything is read: a change committed meanwhile outdates it
    const [generation] = await Promise.all([cache.generation().catch(() => null), corpusAvailable(db)]);
    const card = await termCard(db, termId, limit);
    void cache.keep(generation, [{ termId, limit, data: card }]); // after the answer, not before
    fillSoon(db, generation);
    return card;
  },
  async termCards({ termIds, limit = CARD_PASSAGES }, { db }) {
    const [generation] = await Promise.all([cache.generation().catch(() => null), corpusAvailable(db)]);
    const cards: (TermCardData | null)[] = [];
    for (const termId of termIds) cards.push(await termCard(db, termId, limit));
    void cache.keep(
      generation,
      cards.map((data, i) => ({ termId: termIds[i] as string, limit, data })),
    );
    fillSoon(db, generation);
    return cards;
  },
  async corpusStatus(_request, { db }) {
    await ensureSeeded(db);
    return { ready: true, reports: await db.reports.count(), passages: await db.passages.count() };
  },
  async openTermPage({ termId, reportId }, { db, sender }) {
    if (!(await db.terms.get(termId))) return false;
    if (reportId !== undefined && !(await db.reports.get(reportId))) return false;
    // ?report= opens the term's passages in that one report (the card's per-report lines)
    const url = `${browser.runtime.getURL('/popup.html')}?term=${encodeURIComponent(termId)}${
      reportId === undefined ? '' : `&report=${encodeURIComponent(reportId)}`
    }`;
    // next to the tab the reader came from, so closing it returns them to the article
    const tab = sender.tab;
    await browser.tabs.create({
      url,
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    });
    return true;
  },
};
