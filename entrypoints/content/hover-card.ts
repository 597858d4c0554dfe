import { passageWithSource } from '../../components/card/source-line';
import type { TermCardProps } from '../../components/card/term-card';
import { ask } from '../../lib/ask';
import { t } from '../../lib/i18n';
import type { SaveOutcome } from '../../lib/messages/clippings';
import type { CardPassage } from '../../lib/messages/corpus';
import { matchedText, type PageMatch } from '../../lib/page/page-matches';
import { CardData, termsInView } from './card-data';
import { CardHost } from './card-host';
import { matchAtPoint, matchAtSelection, rangeOf, rectAtPoint } from './hit-test';
import { canonicalOf, type TermMarking } from './term-marking';
import type { UiHost } from './ui-host';

/** Grace period before a card closes after the pointer left both the mark and the card. */
const CLOSE_GRACE_MS = 300;

/** Quiet time after a scroll before the cards of the terms now in view are asked for. */
const PREFETCH_QUIET_MS = 120;

/** The card's refusal when the page covered or tampered with our UI (worded when used: locale). */
const notIntact = (): SaveOutcome => ({ status: 'refused', reason: t('inpage_uiObstructed') });

/**
 * The card for a marked term: opened by the user's pointer resting on a mark (trusted events only:
 * a page's synthetic pointermove opens nothing) or by the keyboard command. Listens to the page
 * only while it has marks.
 */
export class HoverCard {
  private readonly card: CardHost;
  private listening = false;
  private openMatch: PageMatch | null = null;
  private pending: PageMatch | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private framePending = false;
  private lastPoint = { x: 0, y: 0 };
  private readonly cardData = new CardData();
  private prefetchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
    private readonly marking: TermMarking,
    /** A passage saved from the card: the save toast offers tags and a note for it. */
    private readonly onSaved?: (id: string) => void,
  ) {
    this.card = new CardHost(ui, doc, () => this.closeCard());
    ui.whenWithdrawn(() => this.closeCard());
  }

  /** Follows the marks: listens while the page has some, until `signal` aborts. */
  start(signal: AbortSignal): void {
    this.marking.onMarks((on) => (on && !signal.aborted ? this.listen() : this.unlisten()));
    // the first pass may still be marking what is in view when the listening prefetch runs
    this.marking.onScanned(() => {
      if (this.listening) this.prefetch();
    });
    this.cardData.watch(signal);
    signal.addEventListener('abort', () => {
      this.unlisten();
      this.card.dispose();
    });
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const view = this.doc.defaultView;
    this.doc.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    this.doc.addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true });
    this.doc.addEventListener('keydown', this.onKeyDown, { capture: true });
    if (this.inFrame) this.doc.addEventListener('pointerout', this.onPointerOut, { capture: true, passive: true });
    view?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view?.addEventListener('resize', this.onScroll, { passive: true });
    this.prefetchSoon();
  }

  private unlisten(): void {
    this.closeCard();
    if (!this.listening) return;
    this.listening = false;
    const view = this.doc.defaultView;
    this.doc.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    this.doc.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    this.doc.removeEventListener('keydown', this.onKeyDown, { capture: true });
    this.doc.removeEventListener('pointerout', this.onPointerOut, { capture: true });
    view?.removeEventListener('scroll', this.onScroll, { capture: true });
    view?.removeEventListener('resize', this.onScroll);
    if (this.prefetchTimer !== null) clearTimeout(this.prefetchTimer);
    this.prefetchTimer = null;
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (!event.isTrusted) return; // a script's synthetic pointermove is not the user's pointer
    if (this.card.containsEvent(event)) {
      this.cancelClose();
      return;
    }
    this.lastPoint = { x: event.clientX, y: event.clientY };
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => {
      this.framePending = false;
      performance.mark('pcr-raf');
      this.hitTest();
      performance.mark('pcr-hit');
    });
  };

  private hitTest(): void {
    const matches = this.marking.matches;
    if (!matches) return;
    const { x, y } = this.lastPoint;
    const match = matchAtPoint(this.doc, matches, x, y);
    if (match && match === this.openMatch) {
      this.cancelClose();
      return;
    }
    if (match) {
      if (match !== this.pending) {
        this.pending = match;
        void this.cardData.get(match.termId).catch(() => {}); // warm the data while the pointer rests
        if (this.openTimer !== null) clearTimeout(this.openTimer);
        this.openTimer = setTimeout(() => {
          this.openTimer = null;
          performance.mark('pcr-timer');
          if (this.pending === match) this.openCard(match, false);
          performance.mark('pcr-shown');
        }, this.marking.hoverDelayMs);
      }
      return;
    }
    this.pending = null;
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    if (this.card.isOpen && this.closeTimer === null) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = null;
        this.closeCard();
      }, CLOSE_GRACE_MS);
    }
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.isTrusted && this.card.isOpen && !this.card.containsEvent(event)) this.closeCard();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.isTrusted && event.key === 'Escape' && this.card.isOpen) {
      this.closeCard();
      event.stopPropagation();
    }
  };

  private readonly onScroll = (event: Event): void => {
    if (this.card.containsEvent(event)) return;
    this.prefetchSoon();
    if (this.card.isOpen) requestAnimationFrame(() => this.card.place());
  };

  /** Once scrolling rests: the cards of the terms marked in view, before the pointer gets there. */
  private prefetchSoon(): void {
    if (this.prefetchTimer !== null) clearTimeout(this.prefetchTimer);
    this.prefetchTimer = setTimeout(() => {
      this.prefetchTimer = null;
      this.prefetch();
    }, PREFETCH_QUIET_MS);
  }

  private prefetch(): void {
    const matches = this.marking.matches;
    if (matches) this.cardData.prefetch(termsInView(this.doc, matches));
  }

  /**
   * The card's actions run only while our host is as we made it and the card was seen unobstructed:
   * the card's root already drops untrusted events, and a page that restyled, moved or covered the
   * host gets no action out of a click.
   */
  private cardProps(match: PageMatch, state: TermCardProps['state']): TermCardProps {
    const usable = () => {
      const card = this.card.element;
      return this.ui.intact() && card !== null && this.ui.seenVisible(card);
    };
    return {
      canonical: canonicalOf(match.termId),
      matchedForm: matchedText(match).replace(/\s+/g, ' ').trim(),
      state,
      onSave: async (passage: CardPassage) => {
        if (!usable()) return notIntact();
        const outcome = await ask('savePassageClipping', { passageId: passage.passageId });
        if (outcome?.status === 'saved') this.onSaved?.(outcome.id);
        return outcome;
      },
      onCopy: (passage: CardPassage) => (usable() ? this.copy(passageWithSource(passage)) : Promise.resolve(false)),
      onMore: (reportId?: string) => {
        if (usable())
          void ask('openTermPage', reportId ? { termId: match.termId, reportId } : { termId: match.termId });
        this.closeCard();
      },
      onClose: () => this.closeCard(),
    };
  }

  private openCard(match: PageMatch, byKeyboard: boolean): void {
    this.cancelClose();
    this.openMatch = match;
    const anchor = () => {
      const range = rangeOf(this.doc, match);
      if (!range) return null;
      const { x, y } = this.lastPoint;
      return (!byKeyboard && rectAtPoint(this.doc, match, x, y)) || range.getBoundingClientRect();
    };
    this.card.show(this.cardProps(match, { kind: 'loading' }), anchor, byKeyboard);
    this.cardData.get(match.termId).then(
      (data) => {
        if (this.openMatch === match) this.card.update(this.cardProps(match, { kind: 'ready', data }));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (this.openMatch === match) this.card.update(this.cardProps(match, { kind: 'error', message }));
      },
    );
  }

  /** Keyboard command: the card for the term at the caret, focused; false when there is none. */
  openAtCaret(): boolean {
    const matches = this.marking.matches;
    if (!matches || !this.doc.hasFocus()) return false;
    const match = matchAtSelection(this.doc, matches);
    if (match) this.openCard(match, true);
    return match !== null;
  }

  /** In a frame no pointer event arrives once the pointer has left it, so a card would stay open. */
  private get inFrame(): boolean {
    const view = this.doc.defaultView;
    return view !== null && view.top !== view;
  }

  /** Leaving the frame (no element of ours to go to) closes a card opened inside it. */
  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.isTrusted && event.relatedTarget === null && this.card.isOpen) this.closeCard();
  };

  private closeCard(): void {
    this.openMatch = null;
    this.pending = null;
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    this.card.close();
  }

  private async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }
}
