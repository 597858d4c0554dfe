import { ask } from '../../lib/ask';
import { captureSelection, MAX_QUOTE } from '../../lib/clippings/capture';
import { plural, t } from '../../lib/i18n';
import type { AnnotateOutcome, PageCapture, SaveOutcome } from '../../lib/messages/clippings';
import type { CaptureOutcome } from '../../lib/messages/content';
import type { ClippingHighlights } from './clipping-highlights';
import type { Toast } from './toast';
import type { DetailsInput } from './toast-details';

/**
 * Saving the selection as a clipping: the context menu, the shortcut and the selection button all
 * end here. The outcome is confirmed in a toast, and a saved quote is drawn at once over the range
 * the user selected (no round trip that would walk the page again). The toast of a save offers
 * tags and a note for the new clipping (the card's saves end in `offerDetails` too).
 */
export class ClippingSaver {
  constructor(
    private readonly doc: Document,
    private readonly toast: Toast,
    private readonly highlights: ClippingHighlights,
  ) {}

  /** Captures the current selection and saves it through the background. */
  async saveSelection(): Promise<CaptureOutcome> {
    const result = captureSelection(this.doc);
    if (result.status === 'empty') {
      this.toast.show(t('toast_noSelection'));
      return { status: 'empty' };
    }
    if (result.status === 'too-long') {
      const reason = plural('inpage_tooLong', result.length, MAX_QUOTE.toLocaleString());
      this.toast.show(reason, { error: true });
      return { status: 'refused', reason };
    }
    const selection = this.doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const outcome = await this.send(() => ask('savePageClipping', { capture: result.capture }));
    this.report(outcome, result.capture, range);
    return outcome;
  }

  private async send(request: () => Promise<SaveOutcome | undefined>): Promise<SaveOutcome> {
    try {
      return (await request()) ?? { status: 'failed', reason: t('toast_noResponse') };
    } catch (error) {
      return { status: 'failed', reason: String((error as Error)?.message ?? error) };
    }
  }

  private report(outcome: SaveOutcome, capture: PageCapture, range: Range | null): void {
    switch (outcome.status) {
      case 'saved':
        this.offerDetails(outcome.id, true);
        if (range && !range.collapsed) {
          const { quote, prefix, suffix, position } = capture;
          this.highlights.addSaved({ id: outcome.id, quote, prefix, suffix, position }, range);
        }
        return;
      case 'duplicate':
        this.toast.show(t('toast_duplicate'), {
          actions: [
            {
              label: t('toast_merge'),
              run: () =>
                void this.send(() => ask('mergeClipping', { id: outcome.id, capture })).then((o) =>
                  this.report(o, capture, range),
                ),
            },
            {
              label: t('toast_saveCopy'),
              run: () =>
                void this.send(() => ask('savePageClipping', { capture, force: true })).then((o) =>
                  this.report(o, capture, range),
                ),
            },
          ],
        });
        return;
      case 'refused':
        this.toast.show(t('toast_notSaved', outcome.reason), { error: true });
        return;
      case 'failed':
        this.toast.show(t('toast_saveFailed', outcome.reason), { error: true });
        return;
    }
  }

  /**
   * Confirms the save of clipping `id` with the form for its tags and note. `focus` moves the
   * keyboard into the form (not for a save from the card, which keeps its own focus).
   */
  offerDetails(id: string, focus: boolean): void {
    this.toast.show(t('toast_saved'), {
      details: {
        focus,
        suggestions: ask('clippingTags', {}).then((tags) => tags ?? []),
        submit: (input) => void this.annotate(id, input),
      },
    });
  }

  private async annotate(id: string, input: DetailsInput): Promise<void> {
    if (input.tags.length === 0 && input.note === '') return;
    let outcome: AnnotateOutcome | undefined;
    try {
      outcome = await ask('annotateClipping', { id, tags: input.tags, note: input.note });
    } catch (error) {
      outcome = { status: 'failed', reason: String((error as Error)?.message ?? error) };
    }
    if (outcome?.status === 'saved') {
      this.toast.show(input.tags.length > 0 ? plural('toast_detailsSaved', input.tags.length) : t('toast_noteSaved'));
    } else {
      this.toast.show(t('toast_detailsFailed', outcome?.reason ?? t('toast_noResponse')), { error: true });
    }
  }
}
