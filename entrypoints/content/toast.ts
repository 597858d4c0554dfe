import { buildDetailsForm, type DetailsInput } from './toast-details';
import type { UiHost } from './ui-host';

export interface ToastAction {
  label: string;
  run: () => void;
}

/** The tags-and-note form a save toast carries. */
export interface ToastDetails {
  suggestions: Promise<string[]>;
  submit: (input: DetailsInput) => void;
  /** Move focus into the form (the user saved from the keyboard or the page, not from our card). */
  focus: boolean;
}

export interface ToastOptions {
  error?: boolean;
  actions?: ToastAction[];
  details?: ToastDetails;
}

/** How long a toast stays: plain, with buttons, with the form untouched. */
const PLAIN_MS = 4000;
const ACTIONS_MS = 12_000;
const DETAILS_MS = 15_000;

/**
 * A short confirmation in the corner of the page, in the toast layer of our one UI host: text only
 * (never innerHTML), its buttons act on trusted clicks only (the host's root drops the rest) and
 * only while the host is intact. A save's toast also offers the tags-and-note form; it stays while
 * the user works in it and goes a little after focus leaves it.
 */
export class Toast {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private layer: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  /** Where focus was before the form took it, to give it back when the form goes. */
  private returnFocus: Element | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
  ) {}

  show(message: string, { error = false, actions = [], details }: ToastOptions = {}): void {
    const layers = this.ui.ensure();
    if (!layers) return;
    this.ui.shown('toast', true);
    this.ui.raise();
    clearTimeout(this.timer);
    const box = this.doc.createElement('div');
    box.className = error ? 'toast error' : 'toast';
    box.setAttribute('role', error ? 'alert' : 'status');
    const text = this.doc.createElement('div');
    text.className = 'message';
    text.textContent = message;
    box.append(text);
    for (const action of actions) {
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => {
        if (!this.usable(box)) return;
        this.hide();
        action.run();
      });
      box.append(button);
    }
    let focusForm: (() => void) | null = null;
    if (details) {
      box.classList.add('with-form');
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-label', message);
      const { form, focus } = buildDetailsForm(this.doc, {
        suggestions: details.suggestions,
        onSubmit: (input) => {
          if (!this.usable(box)) return;
          this.hide();
          details.submit(input);
        },
        onClose: () => this.hide(),
      });
      box.append(form);
      focusForm = focus;
      // the form stays while the user is in it; once focus leaves our toast, it goes soon after
      box.addEventListener('focusin', () => clearTimeout(this.timer));
      box.addEventListener('pointerenter', () => clearTimeout(this.timer));
      box.addEventListener('focusout', (event) => {
        const to = (event as FocusEvent).relatedTarget;
        if (this.box === box && (!(to instanceof Node) || !box.contains(to))) this.later(PLAIN_MS);
      });
    }
    this.layer = layers.toast;
    this.box = box;
    const active = this.doc.activeElement;
    layers.toast.replaceChildren(box);
    this.ui.trackVisibility(box);
    if (focusForm && details?.focus) {
      if (!this.returnFocus) this.returnFocus = active;
      focusForm();
    }
    this.later(details ? DETAILS_MS : actions.length > 0 ? ACTIONS_MS : PLAIN_MS);
  }

  /** Whether the toast's controls may act: our host intact and the toast seen unobstructed. */
  private usable(box: HTMLElement): boolean {
    return this.ui.intact() && this.ui.seenVisible(box);
  }

  private later(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), ms);
  }

  hide(): void {
    clearTimeout(this.timer);
    const hadFocus = this.box?.contains(this.ui.activeElement()) === true;
    this.box = null;
    this.layer?.replaceChildren();
    this.ui.shown('toast', false);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }
}
