import { browser } from 'wxt/browser';
import { ask } from '../../lib/ask';
import { anchorQuote } from '../../lib/clippings/anchor';
import { captureSelection, tooLongMessage } from '../../lib/clippings/capture';
import { buildPageText, spanToBoundaries, UI_ATTRIBUTE } from '../../lib/clippings/page-text';
import { anchorKeyed } from '../../lib/clippings/text-key';
import { type CaptureOutcome, isSaveSelectionMessage } from '../../lib/messages/clipping-capture';
import type { AnchorTarget, PageCapture, SaveOutcome } from '../../lib/messages/clippings';
import { loadSelectionButton, SELECTION_BUTTON_KEY } from '../../lib/settings/clippings';
import './clippings.css';

/** The CSS Custom Highlight name of clipped quotes (term marks use policy-cross-ref-term). */
export const CLIPPING_HIGHLIGHT = 'policy-cross-ref-clipping';

/** How often the page is re-anchored after DOM changes at most, and for how long after load. */
const REANCHOR_DEBOUNCE_MS = 700;

// ---------------------------------------------------------------------------------------------
// Confirmation toast: our own closed shadow root, text only (never innerHTML), styled through the
// CSSOM so a page's style-src CSP cannot block it.

interface ToastAction {
  label: string;
  run: () => void;
}

let toastHost: HTMLElement | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function style(el: HTMLElement, rules: Record<string, string>): void {
  for (const [name, value] of Object.entries(rules)) el.style.setProperty(name, value);
}

export function showToast(message: string, { error = false, actions = [] as ToastAction[] } = {}): void {
  toastHost?.remove();
  clearTimeout(toastTimer);
  const host = document.createElement('div');
  host.setAttribute(UI_ATTRIBUTE, 'toast');
  style(host, { position: 'fixed', 'z-index': '2147483647', right: '16px', bottom: '16px' });
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', error ? 'alert' : 'status');
  style(box, {
    font: '14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
    background: error ? '#8a1c1c' : '#1f2933',
    color: '#fff',
    padding: '10px 14px',
    'border-radius': '8px',
    'box-shadow': '0 4px 16px rgba(0,0,0,0.3)',
    'max-width': '360px',
  });
  const text = document.createElement('div');
  text.textContent = message;
  box.append(text);
  for (const action of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    style(button, {
      margin: '8px 8px 0 0',
      font: 'inherit',
      padding: '2px 10px',
      'border-radius': '4px',
      border: '1px solid #fff',
      background: 'transparent',
      color: '#fff',
      cursor: 'pointer',
    });
    button.addEventListener('click', () => {
      host.remove();
      action.run();
    });
    box.append(button);
  }
  root.append(box);
  document.documentElement.append(host);
  toastHost = host;
  toastTimer = setTimeout(() => host.remove(), actions.length > 0 ? 12_000 : 4000);
}

// ---------------------------------------------------------------------------------------------
// Saving: the context menu, the shortcut and the selection button all end here.

let refreshHighlights: () => void = () => {};

function reportOutcome(outcome: SaveOutcome | undefined, capture: PageCapture): void {
  if (!outcome) {
    showToast('保存失败：扩展没有响应，请重试。', { error: true });
    return;
  }
  switch (outcome.status) {
    case 'saved':
      showToast('已保存摘录 ✓');
      refreshHighlights();
      return;
    case 'duplicate':
      showToast('这段文字已保存过。', {
        actions: [
          {
            label: '合并到已有摘录',
            run: () => void ask('mergeClipping', { id: outcome.id, capture }).then((o) => reportOutcome(o, capture)),
          },
          {
            label: '另存一条',
            run: () => void ask('savePageClipping', { capture, force: true }).then((o) => reportOutcome(o, capture)),
          },
        ],
      });
      return;
    case 'refused':
      showToast(`未保存：${outcome.reason}`, { error: true });
      return;
    case 'failed':
      showToast(`保存失败：${outcome.reason}`, { error: true });
      return;
  }
}

/** Captures the current selection and saves it through the background. */
export async function saveSelection(): Promise<CaptureOutcome> {
  const result = captureSelection(document);
  if (result.status === 'empty') {
    showToast('没有选中文字。');
    return { status: 'empty' };
  }
  if (result.status === 'too-long') {
    const reason = tooLongMessage(result.length);
    showToast(reason, { error: true });
    return { status: 'refused', reason };
  }
  let outcome: SaveOutcome | undefined;
  try {
    outcome = await ask('savePageClipping', { capture: result.capture });
  } catch (error) {
    outcome = { status: 'failed', reason: String((error as Error)?.message ?? error) };
  }
  reportOutcome(outcome, result.capture);
  return outcome ?? { status: 'failed', reason: 'no answer from the background' };
}

// ---------------------------------------------------------------------------------------------
// Re-highlighting this page's clippings.

function canonicalLink(): string | undefined {
  const href = document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Anchors each target in the page; returns the ranges found and the ids not found. */
export function anchorTargets(targets: readonly AnchorTarget[], root: Node = document.body) {
  const page = buildPageText(root);
  const keyed = anchorKeyed(page.text);
  const ranges: StaticRange[] = [];
  const found: string[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const span = anchorQuote(page.text, target, keyed);
    const bounds = span ? spanToBoundaries(page, span.start, span.end) : null;
    if (!bounds) {
      missing.push(target.id);
      continue;
    }
    ranges.push(
      new StaticRange({
        startContainer: bounds.startNode,
        startOffset: bounds.startOffset,
        endContainer: bounds.endNode,
        endOffset: bounds.endOffset,
      }),
    );
    found.push(target.id);
  }
  return { ranges, found, missing };
}

function createHighlighter() {
  let highlight: Highlight | null = null;
  let targets: AnchorTarget[] = [];
  let lastReport = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const apply = () => {
    if (stopped || !document.body) return;
    const { ranges, found, missing } = anchorTargets(targets);
    if (highlightsSupported()) {
      // a page without clippings gets nothing registered (the registry is shared with the page)
      if (highlight && CSS.highlights.get(CLIPPING_HIGHLIGHT) === highlight) CSS.highlights.delete(CLIPPING_HIGHLIGHT);
      highlight = ranges.length > 0 ? new Highlight(...ranges) : null;
      if (highlight) CSS.highlights.set(CLIPPING_HIGHLIGHT, highlight);
      guardHighlight();
    }
    const report = JSON.stringify([found, missing]);
    if (report !== lastReport && targets.length > 0) {
      lastReport = report;
      void ask('reportAnchoring', { url: location.href, canonicalUrl: canonicalLink(), found, missing }).catch(
        () => {},
      );
    }
  };

  let loadedFor = '';
  const load = async () => {
    loadedFor = location.href;
    try {
      targets = (await ask('pageClippings', { url: location.href, canonicalUrl: canonicalLink() })) ?? [];
    } catch {
      targets = [];
    }
    apply();
  };

  // the DOM changes under us (late content, re-rendering): re-anchor, debounced; StaticRanges do not follow edits
  const observer = new MutationObserver((records) => {
    // a single-page app moved to another address: that page's clippings, not this one's
    if (location.href !== loadedFor) {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), REANCHOR_DEBOUNCE_MS);
      return;
    }
    if (targets.length === 0) return;
    if (records.every((r) => r.target instanceof Element && r.target.closest(`[${UI_ATTRIBUTE}]`))) return;
    clearTimeout(timer);
    timer = setTimeout(apply, REANCHOR_DEBOUNCE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  // a page that clears CSS.highlights (or replaces our entry) gets ours back; the check only runs
  // while there is a highlight, so a page without clippings gets no timer
  let guard: ReturnType<typeof setInterval> | undefined;
  const guardHighlight = () => {
    if (highlight && !guard) {
      guard = setInterval(() => {
        if (highlight && CSS.highlights.get(CLIPPING_HIGHLIGHT) !== highlight)
          CSS.highlights.set(CLIPPING_HIGHLIGHT, highlight);
      }, 1000);
    } else if (!highlight && guard) {
      clearInterval(guard);
      guard = undefined;
    }
  };

  void load();
  return {
    refresh: () => void load(),
    stop() {
      stopped = true;
      observer.disconnect();
      clearInterval(guard);
      clearTimeout(timer);
      if (highlightsSupported() && CSS.highlights.get(CLIPPING_HIGHLIGHT) === highlight) {
        CSS.highlights.delete(CLIPPING_HIGHLIGHT);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The optional button next to a selection.

function createSelectionButton() {
  let host: HTMLElement | null = null;
  const hide = () => {
    host?.remove();
    host = null;
  };
  const onMouseUp = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest(`[${UI_ATTRIBUTE}]`)) return;
    setTimeout(() => {
      const selection = getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.toString().trim()) {
        hide();
        return;
      }
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      hide();
      host = document.createElement('div');
      host.setAttribute(UI_ATTRIBUTE, 'selection-button');
      style(host, {
        position: 'fixed',
        'z-index': '2147483647',
        left: `${Math.max(4, Math.min(innerWidth - 90, rect.right - 40))}px`,
        top: `${Math.min(innerHeight - 32, rect.bottom + 6)}px`,
      });
      const root = host.attachShadow({ mode: 'closed' });
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '保存摘录';
      style(button, {
        font: '12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
        padding: '3px 8px',
        background: '#1f2933',
        color: '#fff',
        border: '0',
        'border-radius': '4px',
        cursor: 'pointer',
      });
      // keep the selection: a mousedown on the button would otherwise collapse it
      button.addEventListener('mousedown', (e) => e.preventDefault());
      button.addEventListener('click', () => {
        hide();
        void saveSelection();
      });
      root.append(button);
      document.documentElement.append(host);
    }, 0);
  };
  const onScroll = () => hide();
  document.addEventListener('mouseup', onMouseUp);
  addEventListener('scroll', onScroll, { passive: true });
  return () => {
    document.removeEventListener('mouseup', onMouseUp);
    removeEventListener('scroll', onScroll);
    hide();
  };
}

/**
 * Starts clipping on this page: answers the background's save requests (context menu, shortcut),
 * re-highlights the page's clippings and shows the selection button if the user enabled it.
 * Returns a function that undoes all of it.
 */
export function startClippings(): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isSaveSelectionMessage(message)) return undefined;
    return saveSelection();
  };
  browser.runtime.onMessage.addListener(onMessage);

  const highlighter = createHighlighter();
  refreshHighlights = highlighter.refresh;

  let stopButton: (() => void) | null = null;
  const setButton = (enabled: boolean) => {
    if (enabled && !stopButton) stopButton = createSelectionButton();
    if (!enabled && stopButton) {
      stopButton();
      stopButton = null;
    }
  };
  void loadSelectionButton().then(setButton);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SELECTION_BUTTON_KEY in changes)
      setButton(changes[SELECTION_BUTTON_KEY]?.newValue === true);
  };
  browser.storage.onChanged.addListener(onStorage);

  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
    highlighter.stop();
    setButton(false);
    refreshHighlights = () => {};
  };
}
