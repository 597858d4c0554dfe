import { CARD_CSS } from '../../components/card/card-styles';
import { UI_ATTRIBUTE } from '../../lib/clippings/page-text';
import { UI_CSS } from './ui-styles';

/**
 * The one element we add to a page for everything we show there (the card, the toast, the selection
 * button, the clipping boxes), and why it is built the way it is — the page is hostile:
 *
 * - A plain `div` from the isolated world's `document.createElement`. A custom element name can be
 *   pre-defined by the page, whose constructor then keeps `attachInternals()` (and with it our
 *   closed shadow root) or takes the shadow root first. A `div` cannot be defined or upgraded; it is
 *   checked after creation anyway (a real HTMLDivElement, no shadow root yet, ours attached closed).
 * - Its styles are inline `!important`, starting from `all: initial`: an inline important
 *   declaration beats every page rule, important or layered, whatever its selector.
 * - It is a manual popover shown in the top layer: above fullscreen elements, modal dialogs and the
 *   page's popovers, and out of reach of its ancestors' opacity, transforms and filters. Inside the
 *   fullscreen element or the last modal dialog when there is one, since Chromium makes everything
 *   outside them inert.
 * - Inline styles can still be rewritten by the page: a MutationObserver undoes any change to the
 *   host's attributes before the next frame is painted, and a page that keeps fighting makes us
 *   withdraw our UI from it. An action (save, copy, open) only runs while the host is intact.
 * - Inside the closed root, untrusted events (a script's `click()` or `dispatchEvent`) are stopped
 *   before any of our handlers see them.
 * - The page can still paint something of its own above us that lets clicks through (a lure kept
 *   newest in the top layer, `pointer-events: none`): where IntersectionObserver v2 exists, an
 *   action also needs the clicked part of our UI to have been seen unobstructed.
 *
 * It carries one marker attribute, so the page-text walk skips it; our own code recognises the host
 * by identity, never by the marker (a page may put the marker on its own elements).
 */

/** Events stopped inside our root unless the browser made them (a user did something). */
const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
] as const;

/** Page changes to the host within one second after which we stop fighting and withdraw. */
const MAX_REPAIRS_PER_SECOND = 20;

const HOST_STYLES: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['z-index', '2147483647'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['pointer-events', 'none'],
  ['contain', 'layout style'],
];

export interface UiLayers {
  root: ShadowRoot;
  card: HTMLElement;
  boxes: HTMLElement;
  button: HTMLElement;
  toast: HTMLElement;
}

function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}

export class UiHost {
  private host: HTMLDivElement | null = null;
  private layers: UiLayers | null = null;
  private styleText = '';
  private observer: MutationObserver | null = null;
  private repairs: number[] = [];
  private withdrawn = false;
  private readonly onWithdraw: (() => void)[] = [];
  /** IntersectionObserver v2, where the browser has it (undefined: not tried yet). */
  private visibility: IntersectionObserver | null | undefined;
  private readonly seen = new WeakMap<Element, boolean>();
  /** The parts showing something now (card, toast, button, clippings); none: the host is hidden. */
  private readonly showing = new Set<string>();

  constructor(private readonly doc: Document) {}

  /** True when the event happened inside our UI (the composed path crosses the closed root). */
  containsEvent(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  /** The focused element inside our root, if any (the document only sees the host). */
  activeElement(): Element | null {
    return this.layers?.root.activeElement ?? null;
  }

  /** True for our host element itself (mutation records, hit tests). */
  isHost(node: Node | null): boolean {
    return node !== null && node === this.host;
  }

  /** Runs when the page fought the host and we took our UI out of it. */
  whenWithdrawn(run: () => void): void {
    this.onWithdraw.push(run);
  }

  /**
   * The layers, creating the host on first use; null when the page is not fit for our UI (the host
   * could not be made safely, or the page kept tampering with it).
   */
  ensure(): UiLayers | null {
    if (this.withdrawn) return null;
    if (this.host && this.layers) {
      this.attach();
      return this.layers;
    }
    const host = this.doc.createElement('div');
    // what we asked for, not something the page made: a plain div with no shadow root of any kind
    if (!(host instanceof HTMLDivElement) || host.shadowRoot !== null || host.localName !== 'div') return null;
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'closed' });
    } catch {
      return null;
    }
    host.setAttribute(UI_ATTRIBUTE, '');
    for (const [name, value] of HOST_STYLES) host.style.setProperty(name, value, 'important');
    host.style.setProperty('display', this.showing.size > 0 ? 'block' : 'none', 'important');
    if (supportsPopover(host)) host.setAttribute('popover', 'manual');
    this.styleText = host.getAttribute('style') ?? '';

    adoptStyles(root, `${CARD_CSS}\n${UI_CSS}`);
    for (const type of GUARDED_EVENTS) {
      root.addEventListener(
        type,
        (event) => {
          if (event.isTrusted) return;
          event.stopImmediatePropagation();
          event.preventDefault();
        },
        { capture: true },
      );
    }
    const layer = (name: string) => {
      const el = this.doc.createElement('div');
      el.dataset.ui = name;
      root.append(el);
      return el;
    };
    const boxes = layer('clippings');
    const card = layer('card');
    card.hidden = true;
    const button = layer('selection');
    const toast = layer('toast');

    this.host = host;
    this.layers = { root, card, boxes, button, toast };
    this.observer = new MutationObserver((records) => this.repair(records));
    this.observer.observe(host, { attributes: true });
    this.attach();
    return this.layers;
  }

  /**
   * Says whether a part shows something. The host is displayed (and in the top layer) only while
   * some part does: a page's own IntersectionObserver v2 or hit tests meet it only then.
   */
  shown(part: string, on: boolean): void {
    const before = this.showing.size > 0;
    if (on) this.showing.add(part);
    else this.showing.delete(part);
    const now = this.showing.size > 0;
    const host = this.host;
    if (!host || before === now) return;
    host.style.setProperty('display', now ? 'block' : 'none', 'important');
    this.styleText = host.getAttribute('style') ?? '';
    this.observer?.takeRecords(); // our own change, not the page's
    if (now) this.attach(true);
    else if (supportsPopover(host) && host.matches(':popover-open')) host.hidePopover();
  }

  /**
   * Puts the host where it shows above everything the page shows now: into the fullscreen element
   * or the last modal dialog (outside them all is inert), re-shown as a popover so it is the newest
   * in the top layer.
   */
  raise(): void {
    if (!this.host || this.withdrawn) return;
    this.attach(true);
  }

  private attach(reshow = false): void {
    const host = this.host;
    if (!host || this.showing.size === 0) return;
    const parent = hostParent(this.doc);
    if (host.parentNode !== parent) {
      parent.append(host);
      reshow = true;
    }
    if (!supportsPopover(host)) return;
    try {
      if (reshow && host.matches(':popover-open')) host.hidePopover();
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // not connected or not a valid popover at this moment: it shows as a fixed element meanwhile
    }
    this.observer?.takeRecords();
  }

  /**
   * Whether an action may run now: the host is ours as we made it, on the page, in the top layer.
   * A page that restyled, hid or moved the host gets no save, copy or open out of a click.
   */
  intact(): boolean {
    const host = this.host;
    if (!host || this.withdrawn || !host.isConnected) return false;
    if (host.getAttribute('style') !== this.styleText) return false;
    if (supportsPopover(host) && !host.matches(':popover-open')) return false;
    return true;
  }

  /**
   * Starts watching whether the user can really see `el`: IntersectionObserver v2 reports it not
   * visible while anything is painted over it (a lure the page keeps above ours in the top layer and
   * lets clicks through) or anything makes it transparent, transformed or filtered.
   */
  trackVisibility(el: Element): void {
    const observer = this.visibilityObserver();
    if (!observer || this.seen.has(el)) return;
    this.seen.set(el, false);
    observer.observe(el);
  }

  /**
   * Whether `el` was last seen unobstructed. True where the browser cannot tell (no v2 observer:
   * Firefox), where the other defences (top layer, inline styles, repair) have to do.
   */
  seenVisible(el: Element): boolean {
    if (!this.visibilityObserver()) return true;
    return this.seen.get(el) === true;
  }

  private visibilityObserver(): IntersectionObserver | null {
    if (this.visibility !== undefined) return this.visibility;
    this.visibility = null;
    const entry = globalThis.IntersectionObserverEntry;
    if (typeof entry === 'function' && 'isVisible' in entry.prototype) {
      try {
        const options = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;
        this.visibility = new IntersectionObserver((entries) => {
          for (const e of entries) this.seen.set(e.target, (e as { isVisible?: boolean }).isVisible === true);
        }, options);
      } catch {
        this.visibility = null;
      }
    }
    return this.visibility;
  }

  /** Undoes the page's changes to the host's attributes (before any frame is painted with them). */
  private repair(records: MutationRecord[]): void {
    const host = this.host;
    if (!host || records.length === 0) return;
    const now = performance.now();
    this.repairs = this.repairs.filter((t) => now - t < 1000);
    this.repairs.push(now);
    if (this.repairs.length > MAX_REPAIRS_PER_SECOND) {
      this.withdraw();
      return;
    }
    for (const name of host.getAttributeNames()) {
      if (name !== 'style' && name !== UI_ATTRIBUTE && name !== 'popover') host.removeAttribute(name);
    }
    if (host.getAttribute('style') !== this.styleText) host.setAttribute('style', this.styleText);
    if (host.getAttribute(UI_ATTRIBUTE) !== '') host.setAttribute(UI_ATTRIBUTE, '');
    if (supportsPopover(host) && host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    this.observer?.takeRecords(); // our own repairs
    this.attach();
  }

  /** Takes every trace of our UI out of the page for the rest of its life. */
  private withdraw(): void {
    this.withdrawn = true;
    this.visibility?.disconnect();
    this.observer?.disconnect();
    this.observer = null;
    this.host?.remove();
    this.host = null;
    this.layers = null;
    for (const run of this.onWithdraw) run();
  }

  dispose(): void {
    this.visibility?.disconnect();
    this.observer?.disconnect();
    this.observer = null;
    this.host?.remove();
    this.host = null;
    this.layers = null;
  }
}

/** Elements whose children are not rendered: our host cannot live inside them. */
const REPLACED = new Set(['video', 'audio', 'iframe', 'img', 'canvas', 'object', 'embed', 'svg', 'math']);

/**
 * Where the host must live to be usable: the fullscreen element or the last modal dialog (outside
 * them Chromium makes everything inert: painted above, a card there would take no hover or click),
 * else the root element.
 */
function hostParent(doc: Document): Element {
  const modal = lastModalDialog(doc);
  const fullscreen = doc.fullscreenElement;
  if (fullscreen && !REPLACED.has(fullscreen.localName) && !(modal && fullscreen.contains(modal))) return fullscreen;
  return modal ?? doc.documentElement;
}

function lastModalDialog(doc: Document): HTMLDialogElement | null {
  let found: HTMLDialogElement | null = null;
  for (const dialog of doc.querySelectorAll('dialog[open]')) {
    try {
      if (dialog.matches(':modal')) found = dialog as HTMLDialogElement;
    } catch {
      return null; // no :modal support: no inert-making dialogs to worry about either
    }
  }
  return found;
}

/**
 * Styles a shadow root through a constructed stylesheet, which a page CSP cannot strip. Where a
 * content script cannot set `adoptedStyleSheets` (Firefox's Xray wrappers, up to at least 140), a
 * <style> inside our own closed root: still out of the page's reach.
 */
function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // fall through to <style>
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
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
