import { type TermCardProps, TermCardView } from '../../components/card/term-card';
import type { UiHost } from './ui-host';

const MARGIN = 8;

/**
 * The card, rendered into the card layer of our one UI host (ui-host.ts: a closed shadow root the
 * page can neither reach nor restyle), placed next to its anchor.
 */
export class CardHost {
  private mount: HTMLElement | null = null;
  private view: TermCardView | null = null;
  private anchor: (() => DOMRect | null) | null = null;
  private lastFocus: Element | null = null;

  /** `onDismiss` runs when the card must go (its anchor scrolled out of view or left the page). */
  constructor(
    private readonly ui: UiHost,
    private readonly doc: Document,
    private readonly onDismiss: () => void,
  ) {}

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  /** True when the event happened inside our UI (composed path crosses the closed root). */
  containsEvent(event: Event): boolean {
    return this.ui.containsEvent(event);
  }

  /**
   * Shows (or re-renders) the card next to the anchor. `byKeyboard` moves focus into the card;
   * a card opened by hover never steals focus.
   */
  show(props: TermCardProps, anchor: () => DOMRect | null, byKeyboard: boolean): void {
    const layers = this.ui.ensure();
    if (!layers) return;
    const mount = layers.card;
    this.mount = mount;
    this.ui.shown('card', true);
    this.ui.raise(); // above whatever the page put in the top layer since (dialog, fullscreen)
    const wasOpen = this.isOpen;
    this.anchor = anchor;
    mount.removeAttribute('hidden');
    this.view ??= new TermCardView(this.doc);
    const card = this.view.render(props).element;
    if (card.parentNode !== mount) mount.replaceChildren(card);
    this.ui.trackVisibility(card);
    this.place();
    if (byKeyboard && !wasOpen) {
      this.lastFocus = this.doc.activeElement;
      (mount.querySelector<HTMLElement>('button:not(.close)') ?? mount.querySelector<HTMLElement>('button'))?.focus({
        preventScroll: true,
      });
    }
  }

  /** The rendered card element, if any (what must be seen unobstructed for its actions to run). */
  get element(): Element | null {
    return this.mount?.firstElementChild ?? null;
  }

  /** Re-positions against the anchor; closes when the anchor scrolled out of view. */
  place(): void {
    const card = this.mount?.firstElementChild as HTMLElement | null;
    if (!card || !this.anchor) return;
    const rect = this.anchor();
    const view = this.doc.defaultView;
    if (!rect || !view) {
      this.onDismiss();
      return;
    }
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    if (rect.bottom < 0 || rect.top > vh || rect.right < 0 || rect.left > vw) {
      this.onDismiss();
      return;
    }
    const width = card.offsetWidth;
    const below = vh - rect.bottom - MARGIN;
    const above = rect.top - MARGIN;
    const placeBelow = below >= Math.min(card.scrollHeight, 240) || below >= above;
    const room = Math.max(120, (placeBelow ? below : above) - 4);
    card.style.maxHeight = `${Math.min(room, vh - 2 * MARGIN)}px`;
    const height = Math.min(card.scrollHeight, room);
    const top = placeBelow ? rect.bottom + 4 : rect.top - 4 - height;
    const left = Math.min(Math.max(MARGIN, rect.left), Math.max(MARGIN, vw - width - MARGIN));
    card.style.top = `${Math.max(MARGIN, Math.min(top, vh - height - MARGIN))}px`;
    card.style.left = `${left}px`;
  }

  close(): void {
    if (!this.isOpen) return;
    this.anchor = null;
    // hidden, not unmounted: the card keeps its compositing layer, so showing it again repaints
    // only the card instead of the page under it (a full-viewport repaint on a large page)
    this.mount?.setAttribute('hidden', '');
    this.ui.shown('card', false);
    const focus = this.lastFocus;
    this.lastFocus = null;
    if (focus instanceof HTMLElement && focus.isConnected) focus.focus({ preventScroll: true });
  }

  /** Re-renders the open card with new props (data arrived) without moving focus. */
  update(props: TermCardProps): void {
    if (!this.isOpen || !this.mount) return;
    this.view?.render(props);
    this.place();
  }

  dispose(): void {
    this.close();
    this.view?.element.remove();
    this.view = null;
    this.mount = null;
  }
}
