import { browser } from 'wxt/browser';
import { ask } from '../../lib/ask';
import { CARD_GENERATION_KEY, CARDS_CHANGED_KEY, cachedCards, type SessionArea } from '../../lib/messages/card-cache';
import { MAX_CARDS_ASKED, type TermCardData } from '../../lib/messages/corpus';
import type { PageMatches } from '../../lib/page/page-matches';

/** Passages a card shows. */
const CARD_PASSAGES = 5;

/** The viewport is sampled at this grid of points for the blocks in view (columns × rows). */
const SAMPLE_COLUMNS = 3;
const SAMPLE_ROWS = 8;

/** Reads cached cards; fails where content scripts have no storage.session (Firefox: no access levels). */
const readCache = (termIds: string[]) => cachedCards(browser.storage.session as SessionArea, termIds, CARD_PASSAGES);

/**
 * The cards' data for this page, kept in this script's memory only (nothing in the page's DOM or
 * storage): first from the cards the background computed earlier in this browser session
 * (storage.session, readable here without waking a stopped service worker), then asked of the
 * background for what is not there. The cards of the terms marked in view are looked up ahead of
 * any hover, the missing ones in one request: a worker the browser stopped while idle starts then,
 * not when the pointer has already arrived.
 */
export class CardData {
  private readonly cards = new Map<string, Promise<TermCardData | null>>();

  /**
   * Forgets every card when what cards show changed (the library or the terms), until `signal`
   * aborts: heard from the new generation in storage.session where content scripts can read it
   * (Chrome: the first write of a change), and from storage.local (CARDS_CHANGED_KEY), which
   * reaches content scripts in every browser (Firefox gives them no storage.session).
   */
  watch(signal: AbortSignal): void {
    const onLocal = (changes: Record<string, unknown>) => {
      if (CARDS_CHANGED_KEY in changes) this.cards.clear();
    };
    const onSession = (changes: Record<string, unknown>) => {
      if (CARD_GENERATION_KEY in changes) this.cards.clear();
    };
    const session = (browser.storage as { session?: { onChanged?: typeof browser.storage.local.onChanged } }).session
      ?.onChanged;
    browser.storage.local.onChanged.addListener(onLocal);
    session?.addListener(onSession);
    signal.addEventListener('abort', () => {
      browser.storage.local.onChanged.removeListener(onLocal);
      session?.removeListener(onSession);
    });
  }

  /** The card for a term: looked up now, or the answer already on its way. */
  get(termId: string): Promise<TermCardData | null> {
    this.prefetch([termId]);
    return this.cards.get(termId) as Promise<TermCardData | null>;
  }

  /** Looks up the cards of those of `termIds` not asked for yet; the missing ones in one request. */
  prefetch(termIds: Iterable<string>): void {
    const wanted = [...new Set(termIds)].filter((id) => !this.cards.has(id)).slice(0, MAX_CARDS_ASKED);
    if (wanted.length === 0) return;
    const batch = readCache(wanted)
      .catch(() => new Map<string, TermCardData | null>())
      .then(async (found) => {
        const missing = wanted.filter((id) => !found.has(id));
        if (missing.length > 0) {
          const asked = await ask('termCards', { termIds: missing, limit: CARD_PASSAGES });
          for (const [i, id] of missing.entries()) found.set(id, asked[i] ?? null);
        }
        return found;
      });
    for (const termId of wanted)
      this.keep(
        termId,
        batch.then((found) => found.get(termId) ?? null),
      );
  }

  /** A failed request is forgotten, so the next hover asks again. */
  private keep(termId: string, request: Promise<TermCardData | null>): void {
    this.cards.set(termId, request);
    request.catch(() => {
      if (this.cards.get(termId) === request) this.cards.delete(termId);
    });
  }
}

/**
 * The terms marked in the blocks under a grid of points over the viewport, nearest block first:
 * a cheap look at what is in view (no geometry read per mark, no observer per block).
 */
export function termsInView(doc: Document, matches: PageMatches): string[] {
  const view = doc.defaultView;
  if (!view) return [];
  const terms: string[] = [];
  const seen = new Set<Element>();
  for (let row = 0; row < SAMPLE_ROWS; row++)
    for (let column = 0; column < SAMPLE_COLUMNS; column++) {
      const x = ((column + 0.5) * view.innerWidth) / SAMPLE_COLUMNS;
      const y = ((row + 0.5) * view.innerHeight) / SAMPLE_ROWS;
      for (let el = doc.elementFromPoint(x, y); el && !seen.has(el); el = el.parentElement) {
        seen.add(el);
        for (const match of matches.of(el)) terms.push(match.termId);
      }
    }
  return terms;
}
