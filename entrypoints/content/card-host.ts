import { h, render } from 'preact';
import { CARD_CSS } from '../../components/card/card-styles';
import { TermCard, type TermCardProps } from '../../components/card/TermCard';

const HOST_TAG = 'policy-cross-ref-card';
const MARGIN = 8;

/**
 * The one UI root on the page: a host element with a closed shadow root, created on first use.
 * The page's scripts cannot reach into a closed root, and its CSS does not cross the boundary.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private anchor: (() => DOMRect | null) | null = null;
  private lastFocus: Element | null = null;

  /** `onDismiss` runs when the card must go (its anchor scrolled out of view or left the page). */
  constructor(
    private readonly doc: Document,
    private readonly onDismiss: () => void,
  ) {}

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  /** True when the event happened inside the card (composed path crosses the closed root). */
  containsEvent(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  private ensureHost(): { root: ShadowRoot; mount: HTMLElement } {
    if (this.host?.isConnected && this.root && this.mount) return { root: this.root, mount: this.mount };
    const host = this.doc.createElement(HOST_TAG);
    // inline !important beats any page rule that targets the host element itself
    for (const [name, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['display', 'block'],
    ]) {
      host.style.setProperty(name as string, value as string, 'important');
    }
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root, CARD_CSS);
    const mount = this.doc.createElement('div');
    root.append(mount);
    (this.doc.body ?? this.doc.documentElement).append(host);
    this.host = host;
    this.root = root;
    this.mount = mount;
    return { root, mount };
  }

  /**
   * Shows (or re-renders) the card next to the anchor. `byKeyboard` moves focus into the card;
   * a card opened by hover never steals focus.
   */
  show(props: TermCardProps, anchor: () => DOMRect | null, byKeyboard: boolean): void {
    const { mount } = this.ensureHost();
    const wasOpen = this.isOpen;
    this.anchor = anchor;
    mount.removeAttribute('hidden');
    render(h(TermCard, props), mount);
    this.place();
    if (byKeyboard && !wasOpen) {
      this.lastFocus = this.doc.activeElement;
      (mount.querySelector<HTMLElement>('button:not(.close)') ?? mount.querySelector<HTMLElement>('button'))?.focus({
        preventScroll: true,
      });
    }
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
    const focus = this.lastFocus;
    this.lastFocus = null;
    if (focus instanceof HTMLElement && focus.isConnected) focus.focus({ preventScroll: true });
  }

  /** Re-renders the open card with new props (data arrived) without moving focus. */
  update(props: TermCardProps): void {
    if (!this.isOpen || !this.mount) return;
    render(h(TermCard, props), this.mount);
    this.place();
  }

  dispose(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.mount = null;
  }
}

/** Styles a shadow root through a constructed stylesheet; a page CSP cannot strip it. */
function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // very old engines without constructable stylesheets: a <style> inside our own shadow root
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/**
 * Styles the page-level ::highlight() pseudo-elements the same CSP-proof way. Returns a function
 * that re-attaches the sheet if the page replaced `document.adoptedStyleSheets`.
 */
export function adoptDocumentStyles(doc: Document, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    const attach = () => {
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    };
    attach();
    return attach;
  } catch {
    // engines where a content script cannot adopt sheets into the page: a <style> element, which
    // a strict page CSP may block (marks then fall back to the browser's default highlight look)
    const style = doc.createElement('style');
    style.textContent = css;
    const attach = () => {
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    };
    attach();
    return attach;
  }
}
