import { ask } from '../../lib/ask';
import { MAX_CARDS_ASKED, type TermCardData } from '../../lib/messages/corpus';
import type { PageMatches } from '../../lib/page/page-matches';

/** Passages a card shows. */
const CARD_PASSAGES = 5;

/** The viewport is sampled at this grid of points for the blocks in view (columns × rows). */
const SAMPLE_COLUMNS = 3;
const SAMPLE_ROWS = 8;

/**
 * The cards' data, asked of the background once per term and page, kept in this script's memory
 * only (nothing in the page's DOM or storage). The cards of the terms marked in view are asked for
 * ahead of any hover, in one request: a worker the browser stopped while idle starts then, not
 * when the pointer has already arrived.
 */
export class CardData {
  private readonly cards = new Map<string, Promise<TermCardData | null>>();

  /** The card for a term: asked now, or the answer already on its way. */
  get(termId: string): Promise<TermCardData | null> {
    let request = this.cards.get(termId);
    if (!request) {
      request = ask('termCard', { termId, limit: CARD_PASSAGES });
      this.keep(termId, request);
    }
    return request;
  }

  /** Asks, in one request, for the cards of those of `termIds` not asked for yet. */
  prefetch(termIds: Iterable<string>): void {
    const wanted = [...new Set(termIds)].filter((id) => !this.cards.has(id)).slice(0, MAX_CARDS_ASKED);
    if (wanted.length === 0) return;
    const batch = ask('termCards', { termIds: wanted, limit: CARD_PASSAGES });
    for (const [i, termId] of wanted.entries())
      this.keep(
        termId,
        batch.then((cards) => cards[i] ?? null),
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
