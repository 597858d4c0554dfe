import { browser } from 'wxt/browser';
import type { PageTermsData } from '../../lib/messages/content';
import { compareMatches, type MarkSink, type PageMatch, PageMatches } from '../../lib/page/page-matches';
import { summarisePageTerms } from '../../lib/page/page-terms';
import {
  DEFAULT_MARKING,
  loadMarking,
  type MarkingSettings,
  markingState,
  siteOf,
  watchMarking,
} from '../../lib/settings/marking';
import { CATALOGUE_MATCHER, CATALOGUE_NAMES_UNLIKE_KEYS, CATALOGUE_PRINT } from '../../lib/terms/catalogue-matcher';
import { type Matcher, packedTermKeys } from '../../lib/terms/matcher';
import { termMatcherFromPacked } from '../../lib/terms/patterns';
import { restoreStoredMatcher, USER_MATCHER_KEY } from '../../lib/terms/user-matcher';
import { FLASH_HIGHLIGHT, HighlightSink, hasHighlightApi, WrapSink } from './highlight-sink';
import { marksArePrivate, PrivateMarkBoxes } from './mark-privacy';
import { PAGE_CSS } from './page-styles';
import { PageScanner } from './scanner';
import { adoptDocumentStyles, type UiHost } from './ui-host';

/** How often the shared highlight registry and page stylesheet are checked for tampering. */
const REGISTRY_CHECK_MS = 1000;

/** The catalogue's names, read from the packed matcher's trie when first asked for (not shipped twice). */
let catalogueNames: Map<string, string> | null = null;
/** The user's own terms' names, from the stored matcher (never shown to the page). */
let userNames = new Map<string, string>();
/** Whether the user has changed the catalogue at all (own terms, aliases, hidden terms): mark-privacy.ts. */
let userCatalogue = false;
export function canonicalOf(termId: string): string {
  catalogueNames ??= new Map([...packedTermKeys(CATALOGUE_MATCHER), ...Object.entries(CATALOGUE_NAMES_UNLIKE_KEYS)]);
  return catalogueNames.get(termId) ?? userNames.get(termId) ?? termId;
}

let sharedMatcher: Matcher | null = null;
function matcher(): Matcher {
  // packed at build: restoring it reads one string, where building the trie took tens of ms
  sharedMatcher ??= termMatcherFromPacked(CATALOGUE_MATCHER, true);
  return sharedMatcher;
}

/**
 * Takes the matcher with the user's terms from extension storage when there is one (compiled in
 * extension-origin code when the terms changed: restoring it skips the build), otherwise the
 * bundled matcher (packed at build) is restored on first use. Returns whether the matcher changed.
 */
function useStoredMatcher(value: unknown): boolean {
  const restored = value === undefined ? null : restoreStoredMatcher(value, CATALOGUE_PRINT);
  if (!restored) {
    const had = userNames.size > 0 || sharedMatcher !== null;
    userNames = new Map();
    userCatalogue = false;
    sharedMatcher = null;
    return had;
  }
  sharedMatcher = restored.matcher;
  userNames = restored.names;
  userCatalogue = true;
  return true;
}

/**
 * The marks the page may see. `CSS.highlights` (and wrapped marks) are readable by the page, and
 * the user's own terms are the user's data: they get a card on hover (our closed root) but no mark
 * in the page's registry. Catalogue terms are public data.
 */
function publicMarks(list: readonly PageMatch[]): readonly PageMatch[] {
  if (marksArePrivate(userCatalogue)) return []; // the user's edits of bundled terms would show too
  return userNames.size === 0 ? list : list.filter((m) => !userNames.has(m.termId));
}

/** The marks drawn inside our closed root instead: all of them once the user changed the catalogue (mark-privacy.ts). */
function privateMarks(list: readonly PageMatch[]): readonly PageMatch[] {
  if (marksArePrivate(userCatalogue)) return list;
  return userNames.size === 0 ? [] : list.filter((m) => userNames.has(m.termId));
}

type Sink = MarkSink & { dispose?: () => void; ensureRegistered?: () => void };

/**
 * Marks catalogue terms on the page. Nothing is injected into a page until a term is found there:
 * no styles, no listeners beyond the settings watch. The marks are registered in the page's
 * CSS.highlights under a known name, so the page can see which catalogue terms it contains: that is
 * public catalogue data, nothing of the user's (their clippings and own terms are drawn inside our
 * closed root; for a user with own terms, that root's host shows on every marked page, see
 * `showUserHost`).
 * What happens once marks exist (the hover card) subscribes through `onMarks`.
 */
export class TermMarking {
  private settings: MarkingSettings = DEFAULT_MARKING;
  private readonly site: string | null;
  private active = false;
  private scannedOnce = false;
  private sink: Sink | null = null;
  private pageMatches: PageMatches | null = null;
  private scanner: PageScanner | null = null;
  private marked = false;
  private restoreStyles: (() => void) | null = null;
  private registryTimer: ReturnType<typeof setInterval> | null = null;
  private readonly markListeners: ((on: boolean) => void)[] = [];
  private readonly scanListeners: (() => void)[] = [];
  private userBoxes: PrivateMarkBoxes | null = null;

  /** `ui`: where the user's own terms are drawn; without it they get a card but no mark. */
  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost | null = null,
  ) {
    this.site = siteOf(addressOf(doc));
  }

  /** Watches the settings and marks the page while they say so, until `signal` aborts. */
  async start(signal: AbortSignal): Promise<void> {
    const unwatch = watchMarking((settings) => {
      this.settings = settings;
      this.apply();
    });
    // a term added or changed in another tab: scan again with the new matcher, no reload
    // the local area's own event (see watchMarking)
    const onStorage = (changes: Record<string, { newValue?: unknown }>) => {
      if (!(USER_MATCHER_KEY in changes)) return;
      useStoredMatcher(changes[USER_MATCHER_KEY]?.newValue);
      if (this.active) {
        const once = this.scannedOnce;
        this.deactivate();
        this.scannedOnce = once;
        this.apply();
        if (!this.active && once) void this.activate();
      }
    };
    browser.storage.local.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => {
      unwatch();
      browser.storage.local.onChanged.removeListener(onStorage);
      this.deactivate();
      this.userBoxes?.dispose();
      this.userBoxes = null;
    });
    const [settings, stored] = await Promise.all([loadMarking(), browser.storage.local.get(USER_MATCHER_KEY)]);
    this.settings = settings;
    useStoredMatcher(stored[USER_MATCHER_KEY]);
    if (!signal.aborted) this.apply();
  }

  /** The marks found so far (null while the page is not scanned). */
  get matches(): PageMatches | null {
    return this.pageMatches;
  }

  get hoverDelayMs(): number {
    return this.settings.hoverDelayMs;
  }

  /** Called with true once the page has its first mark, with false when the marks are gone. */
  onMarks(listener: (on: boolean) => void): void {
    this.markListeners.push(listener);
  }

  /** Called each time a scan's first full pass is done: every mark the page then has exists. */
  onScanned(listener: () => void): void {
    this.scanListeners.push(listener);
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
    const base: Sink = highlight ? new HighlightSink() : new WrapSink();
    const ui = this.ui;
    const privately = marksArePrivate(userCatalogue);
    if (ui && privately && !this.userBoxes) this.userBoxes = new PrivateMarkBoxes(this.doc, ui);
    const own = ui && privately ? this.userBoxes : null;
    this.showUserHost(own !== null);
    // the first match is what turns on styles and listeners: a page without terms gets nothing
    this.sink = {
      add: (container, list) => {
        base.add(container, publicMarks(list));
        own?.add(container, privateMarks(list));
        if (list.length > 0) this.onFirstMarks();
      },
      drop: (container, list) => {
        base.drop(container, publicMarks(list));
        own?.drop(container);
      },
      dispose: () => {
        base.dispose?.();
        own?.clear();
      },
      ensureRegistered: () => base.ensureRegistered?.(),
    };
    this.pageMatches = new PageMatches(this.sink);
    const scanner = new PageScanner(this.doc, matcher(), this.pageMatches, {
      ownMutations: !highlight,
      afterBatch: () => this.sink?.ensureRegistered?.(),
    });
    this.scanner = scanner;
    const scanned = scanner.start();
    scanned.then(
      () => {
        if (this.scanner === scanner) for (const listener of this.scanListeners) listener();
      },
      () => {}, // a failed scan is the caller's to see, not a second unhandled rejection
    );
    return scanned;
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = false;
    this.scanner?.stop();
    this.pageMatches?.clear();
    this.sink?.dispose?.();
    this.scanner = null;
    this.pageMatches = null;
    this.sink = null;
    this.showUserHost(false);
    if (this.marked) {
      this.marked = false;
      if (this.registryTimer !== null) clearInterval(this.registryTimer);
      this.registryTimer = null;
      for (const listener of this.markListeners) listener(false);
    }
  }

  /**
   * The host (drawing the user's own terms) shows while this page is marked and the user has own
   * terms at all: never depending on whether or where one occurs here, or a page could write words
   * of its own, or delete its own, and watch the host come and go to learn the user's terms.
   */
  private showUserHost(on: boolean): void {
    const ui = this.ui;
    if (!ui) return;
    if (on) ui.ensure();
    ui.shown('user-terms', on);
  }

  private onFirstMarks(): void {
    if (this.marked) return;
    this.marked = true;
    this.restoreStyles ??= adoptDocumentStyles(this.doc, PAGE_CSS);
    this.restoreStyles();
    this.registryTimer = setInterval(() => {
      this.sink?.ensureRegistered?.();
      this.restoreStyles?.();
    }, REGISTRY_CHECK_MS);
    for (const listener of this.markListeners) listener(true);
  }

  // ---- requests from the popup -------------------------------------------------------------

  async pageTerms(): Promise<PageTermsData> {
    await this.scanner?.idle();
    const matches = this.pageMatches?.inDocumentOrder() ?? [];
    return {
      marking: this.state,
      site: this.site,
      scanned: this.active,
      terms: summarisePageTerms(matches, canonicalOf),
    };
  }

  /** Scans the page once even though marking is off for it. */
  async scanOnce(): Promise<PageTermsData> {
    this.scannedOnce = true;
    await this.activate();
    return this.pageTerms();
  }

  /** Scrolls to the first occurrence of a term and flashes it. */
  reveal(termId: string): boolean {
    const first = (this.pageMatches?.inDocumentOrder() ?? [])
      .filter((m) => m.termId === termId)
      .sort(compareMatches)[0];
    if (!first) return false;
    first.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    // a flash in CSS.highlights would hand the page the text of a user's own term
    if (hasHighlightApi() && !marksArePrivate(userCatalogue)) {
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

/**
 * The address the per-site switch applies to. An about:blank or srcdoc frame has none of its own:
 * it belongs to the page that made it (same origin, checked before any feature starts).
 */
function addressOf(doc: Document): string {
  const href = doc.location?.href ?? '';
  if (!href.startsWith('about:')) return href;
  try {
    return doc.defaultView?.top?.location.href ?? href;
  } catch {
    return href;
  }
}
