// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorQuote } from '../../lib/clippings/anchor';
import { captureSelection } from '../../lib/clippings/capture';
import { MAX_QUOTE } from '../../lib/clippings/limits';
import { buildPageText, spanToBoundaries, UI_ATTRIBUTE } from '../../lib/clippings/page-text';

const ARTICLE = `
  <h1>福建省卫生健康工作会议召开</h1>
  <p>会议指出，要全面促进<strong>“三医协同”</strong>，深入推进紧密型县域医共体建设。</p>
  <script>var ignored = "三医协同";</script>
  <div ${UI_ATTRIBUTE}="toast">已保存摘录</div>
  <p>同时，要全面促进<em>“三医协同”</em>，推动优质医疗资源扩容下沉。</p>`;

/** Selects `quote` (its nth occurrence in the page text) with a DOM range, as a user would. */
function select(quote: string, nth = 0) {
  const page = buildPageText(document.body);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = page.text.indexOf(quote, at + 1);
  const bounds = spanToBoundaries(page, at, at + quote.length);
  if (!bounds) throw new Error(`cannot select ${quote}`);
  const range = document.createRange();
  range.setStart(bounds.startNode, bounds.startOffset);
  range.setEnd(bounds.endNode, bounds.endOffset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return range;
}

beforeEach(() => {
  document.head.innerHTML = '<title>会议报道</title><meta name="citation_author" content="福建省卫生健康委员会">';
  document.body.innerHTML = ARTICLE;
});

describe('page text', () => {
  it('joins text nodes, separates blocks and leaves out scripts and our own UI', () => {
    const { text } = buildPageText(document.body);
    expect(text).toContain('会议指出，要全面促进“三医协同”，深入推进');
    expect(text).toContain('召开\n');
    expect(text).not.toContain('ignored');
    expect(text).not.toContain('已保存摘录');
  });
});

describe('capturing a selection', () => {
  it('captures the quote across inline elements with context, position and metadata', () => {
    select('要全面促进“三医协同”，深入推进');
    const result = captureSelection(document);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    const c = result.capture;
    expect(c.quote).toBe('要全面促进“三医协同”，深入推进');
    expect(c.prefix?.endsWith('会议指出，')).toBe(true);
    expect(c.suffix?.startsWith('紧密型县域医共体建设。')).toBe(true);
    expect(typeof c.position).toBe('number');
    expect(c.url).toBe(document.URL);
    expect(c.title).toBe('会议报道');
    expect(c.author).toBe('福建省卫生健康委员会');
  });

  it('re-anchors the second of two identical quotes to the second, after the page changed', () => {
    select('要全面促进“三医协同”，', 1);
    const result = captureSelection(document);
    if (result.status !== 'ok') throw new Error(result.status);
    // the page gains a paragraph at the top and re-wraps its text
    document.body.innerHTML = `<p>编者按：转载。</p>${ARTICLE.replace('推动优质', '推动\n   优质')}`;
    const page = buildPageText(document.body);
    const span = anchorQuote(page.text, result.capture);
    expect(span).not.toBeNull();
    if (!span) return;
    expect(page.text.slice(span.start, span.end)).toBe('要全面促进“三医协同”，');
    expect(page.text.slice(span.end, span.end + 4)).toBe('推动\n ');
    const bounds = spanToBoundaries(page, span.start, span.end);
    expect(bounds?.startNode.data).toBe('同时，要全面促进');
  });

  it('captures a whole paragraph selected by element boundaries (a triple click)', () => {
    const paragraphs = document.querySelectorAll('p');
    const range = document.createRange();
    range.setStart(paragraphs[0] as Node, 0);
    range.setEnd(paragraphs[1] as Node, 0);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    const result = captureSelection(document);
    expect(result.status).toBe('ok');
    if (result.status === 'ok') {
      expect(result.capture.quote).toBe('会议指出，要全面促进“三医协同”，深入推进紧密型县域医共体建设。');
      expect(result.capture.prefix?.endsWith('福建省卫生健康工作会议召开')).toBe(true);
    }
  });

  it('reports an empty selection as empty', () => {
    window.getSelection()?.removeAllRanges();
    expect(captureSelection(document).status).toBe('empty');
  });

  it('refuses a selection longer than a clipping may be, with its length', () => {
    document.body.innerHTML = `<p>${'医'.repeat(MAX_QUOTE + 10)}</p>`;
    const range = document.createRange();
    range.selectNodeContents(document.body);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    const result = captureSelection(document);
    expect(result).toEqual({ status: 'too-long', length: MAX_QUOTE + 10 });
  });
});
