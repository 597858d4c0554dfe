import { ask } from '../../lib/ask';
import { captureSelection, tooLongMessage } from '../../lib/clippings/capture';
import type { PageCapture, SaveOutcome } from '../../lib/messages/clippings';
import type { CaptureOutcome } from '../../lib/messages/content';
import type { ClippingHighlights } from './clipping-highlights';
import type { Toast } from './toast';

/**
 * Saving the selection as a clipping: the context menu, the shortcut and the selection button all
 * end here. The outcome is confirmed in a toast, and a saved quote is drawn at once over the range
 * the user selected (no round trip that would walk the page again).
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
      this.toast.show('没有选中文字。');
      return { status: 'empty' };
    }
    if (result.status === 'too-long') {
      const reason = tooLongMessage(result.length);
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
      return (await request()) ?? { status: 'failed', reason: '扩展没有响应，请重试。' };
    } catch (error) {
      return { status: 'failed', reason: String((error as Error)?.message ?? error) };
    }
  }

  private report(outcome: SaveOutcome, capture: PageCapture, range: Range | null): void {
    switch (outcome.status) {
      case 'saved':
        this.toast.show('已保存摘录 ✓');
        if (range && !range.collapsed) {
          const { quote, prefix, suffix, position } = capture;
          this.highlights.addSaved({ id: outcome.id, quote, prefix, suffix, position }, range);
        }
        return;
      case 'duplicate':
        this.toast.show('这段文字已保存过。', {
          actions: [
            {
              label: '合并到已有摘录',
              run: () =>
                void this.send(() => ask('mergeClipping', { id: outcome.id, capture })).then((o) =>
                  this.report(o, capture, range),
                ),
            },
            {
              label: '另存一条',
              run: () =>
                void this.send(() => ask('savePageClipping', { capture, force: true })).then((o) =>
                  this.report(o, capture, range),
                ),
            },
          ],
        });
        return;
      case 'refused':
        this.toast.show(`未保存：${outcome.reason}`, { error: true });
        return;
      case 'failed':
        this.toast.show(`保存失败：${outcome.reason}`, { error: true });
        return;
    }
  }
}
