import { browser } from 'wxt/browser';
import { passageWithSource } from '../../components/card/source-line';
import type { TermCardProps } from '../../components/card/TermCard';
import { ask } from '../../lib/ask';
import type { ContentProtocol, PageTermsData } from '../../lib/messages/content';
import { parseContentEnvelope } from '../../lib/messages/content';
import type { CardPassage, TermCardData } from '../../lib/messages/corpus';
import { compareMatches, type MarkSink, matchedText, type PageMatch, PageMatches } from '../../lib/page/page-matches';
import { summarisePageTerms } from '../../lib/page/page-terms';
import {
  DEFAULT_MARKING,
  loadMarking,
  type MarkingSettings,
  markingState,
  siteOf,
  watchMarking,
} from '../../lib/settings/marking';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import type { Matcher } from '../../lib/terms/matcher';
import { createTermMatcher } from '../../lib/terms/patterns';
import { adoptDocumentStyles, CardHost } from './card-host';
import { FLASH_HIGHLIGHT, HighlightSink, hasHighlightApi, WrapSink } from './highlight-sink';
import { matchAtPoint, matchAtSelection, rangeOf, rectAtPoint } from './hit-test';
import { PAGE_CSS } from './page-styles';
import { PageScanner } from './scanner';

/** Grace period before a card closes after the pointer left both the mark and the card. */
const CLOSE_GRACE_MS = 300;
/** How often the shared highlight registry and page stylesheet are checked for tampering. */
const REGISTRY_CHECK_MS = 1000;

const CANONICAL = new Map(TERM_FORMS.map((t) => [t.id, t.canonical]));
const canonicalOf = (termId: string) => CANONICAL.get(termId) ?? termId;

let sharedMatcher: Matcher | null = null;
function matcher(): Matcher {
  sharedMatcher ??= createTermMatcher(TERM_FORMS);
  return sharedMatcher;
}

/**
 * Marks catalogue terms on the page and shows the card for them. Nothing is injected into a page
 * until a term is found there: no styles, no listeners beyond the settings watch, no UI host.
 */
export class TermMarking {
  private settings: MarkingSettings = DEFAULT_MARKING;
  private readonly site: string | null;
  private active = false;
  private scannedOnce = false;
  private sink: (MarkSink & { dispose?: () => void; ensureRegistered?: () => void }) | null = null;
  private matches: PageMatches | null = null;
  private scanner: PageScanner | null = null;
  private readonly card: CardHost;
  private listening = false;
  private restoreStyles: (() => void) | null = null;
  private registryTimer: ReturnType<typeof setInterval> | null = null;

  // hover state
  private openMatch: PageMatch | null = null;
  private pending: PageMatch | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private framePending = false;
  private lastPoint = { x: 0, y: 0 };
  private readonly cardData = new Map<string, Promise<TermCardData | null>>();

  constructor(private readonly doc: Document) {
    this.site = siteOf(doc.location?.href ?? '');
    this.card = new CardHost(doc, () => this.closeCard());
  }

  async start(): Promise<void> {
    watchMarking((settings) => {
      this.settings = settings;
      this.apply();
    });
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const envelope = parseContentEnvelope(message);
      if (!envelope) return undefined;
      return this.answer(envelope.type, envelope.payload);
    });
    this.settings = await loadMarking();
    this.apply();
  }

  private get state() {
    return markingState(this.settings, this.site);
  }

  private apply(): void {
    if (this.state === 'on') void this.activate();
    else if (!this.scannedOnce) this.deactivate();
  }

  private activate(): Promise<void> {
    if (this.active && this.scanner) return this.scanner.idle();
    this.active = true;
    const highlight = hasHighlightApi();
    const base: MarkSink & { dispose?: () => void; ensureRegistered?: () => void } = highlight
      ? new HighlightSink()
      : new WrapSink();
    // the first match is what turns on styles and listeners: a page without terms gets nothing
    this.sink = {
      add: (container, list) => {
        base.add(container, list);
        if (list.length > 0) this.onFirstMarks();
      },
      drop: (container, list) => base.drop(container, list),
      dispose: () => base.dispose?.(),
      ensureRegistered: () => base.ensureRegistered?.(),
    };
    this.matches = new PageMatches(this.sink);
    this.scanner = new PageScanner(this.doc, matcher(), this.matches, {
      ownMutations: !highlight,
      afterBatch: () => this.sink?.ensureRegistered?.(),
    });
    return this.scanner.start();
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = false;
    this.scanner?.stop();
    this.matches?.clear();
    this.sink?.dispose?.();
    this.scanner = null;
    this.matches = null;
    this.sink = null;
    this.closeCard();
    this.detachListeners();
  }

  private onFirstMarks(): void {
    if (this.listening) return;
    this.listening = true;
    this.restoreStyles = adoptDocumentStyles(this.doc, PAGE_CSS);
    const view = this.doc.defaultView;
    this.doc.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    this.doc.addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true });
    this.doc.addEventListener('keydown', this.onKeyDown, { capture: true });
    view?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view?.addEventListener('resize', this.onScroll, { passive: true });
    this.registryTimer = setInterval(() => {
      this.sink?.ensureRegistered?.();
      this.restoreStyles?.();
    }, REGISTRY_CHECK_MS);
  }

  private detachListeners(): void {
    if (!this.listening) return;
    this.listening = false;
    const view = this.doc.defaultView;
    this.doc.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    this.doc.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    this.doc.removeEventListener('keydown', this.onKeyDown, { capture: true });
    view?.removeEventListener('scroll', this.onScroll, { capture: true });
    view?.removeEventListener('resize', this.onScroll);
    if (this.registryTimer !== null) clearInterval(this.registryTimer);
    this.registryTimer = null;
  }

  // ---- hover ------------------------------------------------------------------------------

  private readonly onPointerMove = (event: PointerEvent): void => {
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
    if (!this.matches) return;
    const { x, y } = this.lastPoint;
    const match = matchAtPoint(this.doc, this.matches, x, y);
    if (match && match === this.openMatch) {
      this.cancelClose();
      return;
    }
    if (match) {
      if (match !== this.pending) {
        this.pending = match;
        void this.fetchCard(match.termId); // warm the data while the pointer rests
        if (this.openTimer !== null) clearTimeout(this.openTimer);
        this.openTimer = setTimeout(() => {
          this.openTimer = null;
          performance.mark('pcr-timer');
          if (this.pending === match) this.openCard(match, false);
          performance.mark('pcr-shown');
        }, this.settings.hoverDelayMs);
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
    if (this.card.isOpen && !this.card.containsEvent(event)) this.closeCard();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.card.isOpen) {
      this.closeCard();
      event.stopPropagation();
    }
  };

  private readonly onScroll = (event: Event): void => {
    if (!this.card.isOpen || this.card.containsEvent(event)) return;
    requestAnimationFrame(() => this.card.place());
  };

  private fetchCard(termId: string): Promise<TermCardData | null> {
    let request = this.cardData.get(termId);
    if (!request) {
      request = ask('termCard', { termId, limit: 5 });
      request.catch(() => this.cardData.delete(termId));
      this.cardData.set(termId, request);
    }
    return request;
  }

  private cardProps(match: PageMatch, state: TermCardProps['state']): TermCardProps {
    return {
      canonical: canonicalOf(match.termId),
      matchedForm: matchedText(match).replace(/\s+/g, ' ').trim(),
      state,
      onSave: (passage: CardPassage) => ask('savePassageClipping', { passageId: passage.passageId }),
      onCopy: (passage: CardPassage) => this.copy(passageWithSource(passage)),
      onMore: (reportId?: string) => {
        void ask('openTermPage', reportId ? { termId: match.termId, reportId } : { termId: match.termId });
        this.closeCard();
      },
      onClose: () => this.closeCard(),
    };
  }

  openCard(match: PageMatch, byKeyboard: boolean): void {
    this.cancelClose();
    this.openMatch = match;
    const anchor = () => {
      const range = rangeOf(this.doc, match);
      if (!range) return null;
      const { x, y } = this.lastPoint;
      return (!byKeyboard && rectAtPoint(this.doc, match, x, y)) || range.getBoundingClientRect();
    };
    this.card.show(this.cardProps(match, { kind: 'loading' }), anchor, byKeyboard);
    this.fetchCard(match.termId).then(
      (data) => {
        if (this.openMatch === match) this.card.update(this.cardProps(match, { kind: 'ready', data }));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (this.openMatch === match) this.card.update(this.cardProps(match, { kind: 'error', message }));
      },
    );
  }

  private closeCard(): void {
    this.openMatch = null;
    this.pending = null;
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

  // ---- requests from the popup and the background ------------------------------------------

  private async answer<K extends keyof ContentProtocol>(
    type: K,
    payload: ContentProtocol[K]['request'],
  ): Promise<ContentProtocol[K]['response']> {
    switch (type) {
      case 'pageTerms':
        return (await this.pageTerms()) as ContentProtocol[K]['response'];
      case 'scanOnce':
        this.scannedOnce = true;
        await this.activate();
        return (await this.pageTerms()) as ContentProtocol[K]['response'];
      case 'revealTerm':
        return this.reveal((payload as { termId: string }).termId) as ContentProtocol[K]['response'];
      case 'openCardAtCaret': {
        if (!this.matches || !this.doc.hasFocus()) return false as ContentProtocol[K]['response'];
        const match = matchAtSelection(this.doc, this.matches);
        if (match) this.openCard(match, true);
        return (match !== null) as ContentProtocol[K]['response'];
      }
    }
    return undefined as never;
  }

  private async pageTerms(): Promise<PageTermsData> {
    await this.scanner?.idle();
    const matches = this.matches?.inDocumentOrder() ?? [];
    return {
      marking: this.state,
      site: this.site,
      scanned: this.active,
      terms: summarisePageTerms(matches, canonicalOf),
    };
  }

  private reveal(termId: string): boolean {
    const first = (this.matches?.inDocumentOrder() ?? []).filter((m) => m.termId === termId).sort(compareMatches)[0];
    if (!first) return false;
    first.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (hasHighlightApi()) {
      const flash = new Highlight(
        new StaticRange({
          startContainer: first.startNode,
          startOffset: first.startOffset,
          endContainer: first.endNode,
          endOffset: first.endOffset,
        }),
      );
      flash.priority = 1;
      CSS.highlights.set(FLASH_HIGHLIGHT, flash);
      setTimeout(() => {
        if (CSS.highlights.get(FLASH_HIGHLIGHT) === flash) CSS.highlights.delete(FLASH_HIGHLIGHT);
      }, 1600);
    }
    return true;
  }
}
