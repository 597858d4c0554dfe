import type { UiHost } from './ui-host';

export interface ToastAction {
  label: string;
  run: () => void;
}

/**
 * A short confirmation in the corner of the page, in the toast layer of our one UI host: text only
 * (never innerHTML), its buttons act on trusted clicks only (the host's root drops the rest) and
 * only while the host is intact.
 */
export class Toast {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private layer: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiHost,
  ) {}

  show(message: string, { error = false, actions = [] as ToastAction[] } = {}): void {
    const layers = this.ui.ensure();
    if (!layers) return;
    this.ui.shown('toast', true);
    this.ui.raise();
    clearTimeout(this.timer);
    const box = this.doc.createElement('div');
    box.className = error ? 'toast error' : 'toast';
    box.setAttribute('role', error ? 'alert' : 'status');
    const text = this.doc.createElement('div');
    text.textContent = message;
    box.append(text);
    for (const action of actions) {
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => {
        if (!this.ui.intact() || !this.ui.seenVisible(box)) return;
        this.hide();
        action.run();
      });
      box.append(button);
    }
    this.layer = layers.toast;
    layers.toast.replaceChildren(box);
    this.ui.trackVisibility(box);
    this.timer = setTimeout(() => this.hide(), actions.length > 0 ? 12_000 : 4000);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.layer?.replaceChildren();
    this.ui.shown('toast', false);
  }
}
