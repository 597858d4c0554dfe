import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { loadSelectionButton, SELECTION_BUTTON_KEY } from '../../lib/settings/clippings';
import type { ClippingSaver } from './clipping-save';
import type { UiHost } from './ui-host';

interface Shown {
  button: HTMLButtonElement;
  /** The selection the button was shown for: another one (the page's doing or the user's) hides it. */
  range: Range;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/**
 * The optional 保存摘录 button next to a selection (off unless the user enables it). It appears only
 * after a trusted selection gesture (the user's pointerup or keyup), never for a selection a script
 * made; it goes as soon as the selection changes; its click saves only while our host is intact.
 */
export class SelectionButton {
  private shown: Shown | null = null;
  private enabled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
    private readonly saver: ClippingSaver,
  ) {
    ui.whenWithdrawn(() => this.hide());
  }

  start(signal: AbortSignal): void {
    void loadSelectionButton().then((on) => {
      if (!signal.aborted) this.setEnabled(on);
    });
    // the local area's own event (see watchMarking)
    const onStorage = (changes: Record<string, { newValue?: unknown }>) => {
      if (SELECTION_BUTTON_KEY in changes) this.setEnabled(changes[SELECTION_BUTTON_KEY]?.newValue === true);
    };
    browser.storage.local.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => {
      browser.storage.local.onChanged.removeListener(onStorage);
      this.setEnabled(false);
    });
  }

  private setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.enabled = on;
    const view = this.doc.defaultView;
    if (on) {
      this.doc.addEventListener('pointerup', this.onGesture, { capture: true });
      this.doc.addEventListener('keyup', this.onGesture, { capture: true });
      this.doc.addEventListener('selectionchange', this.onSelectionChange);
      view?.addEventListener('scroll', this.hide, { capture: true, passive: true });
    } else {
      this.doc.removeEventListener('pointerup', this.onGesture, { capture: true });
      this.doc.removeEventListener('keyup', this.onGesture, { capture: true });
      this.doc.removeEventListener('selectionchange', this.onSelectionChange);
      view?.removeEventListener('scroll', this.hide, { capture: true });
      this.hide();
    }
  }

  private readonly onGesture = (event: Event): void => {
    // a script's synthetic mouseup/pointerup/keyup is not the user finishing a selection
    if (!event.isTrusted || this.ui.containsEvent(event)) return;
    clearTimeout(this.timer);
    // after the browser has settled the selection for this gesture
    this.timer = setTimeout(() => this.showForSelection(), 0);
  };

  private readonly onSelectionChange = (): void => {
    if (!this.shown) return;
    const range = this.currentRange();
    if (!range || !sameRange(range, this.shown.range)) this.hide();
  };

  private currentRange(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.toString().trim()) return null;
    return selection.getRangeAt(0);
  }

  private showForSelection(): void {
    const range = this.currentRange();
    if (!range) {
      this.hide();
      return;
    }
    const layers = this.ui.ensure();
    const view = this.doc.defaultView;
    if (!layers || !view) return;
    this.hide();
    this.ui.shown('button', true);
    this.ui.raise();
    const rect = range.getBoundingClientRect();
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'save-selection';
    button.textContent = t('selection_save');
    button.style.left = `${Math.max(4, Math.min(view.innerWidth - 90, rect.right - 40))}px`;
    button.style.top = `${Math.max(4, Math.min(view.innerHeight - 32, rect.bottom + 6))}px`;
    // keep the selection: a mousedown on the button would otherwise collapse it
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (event) => {
      // decided before the button goes: hiding it may hide the whole host
      const shown = this.shown;
      const current = this.currentRange();
      const allowed = event.isTrusted && this.ui.intact() && this.ui.seenVisible(button);
      const same = shown !== null && current !== null && sameRange(current, shown.range);
      this.hide();
      if (allowed && same) void this.saver.saveSelection();
    });
    layers.button.replaceChildren(button);
    this.ui.trackVisibility(button);
    this.shown = { button, range: range.cloneRange() };
  }

  private readonly hide = (): void => {
    if (!this.shown) return;
    this.shown.button.remove();
    this.shown = null;
    this.ui.shown('button', false);
  };
}
