// @vitest-environment happy-dom
// Blocks too short to judge their context alone wait for their page's verdict, which the scanner
// reads and judges in slices of its own (lib/terms/context.ts deferPageVerdicts), not in the middle
// of a slice of scanning; the marks are the same as when the page is judged at once.
import { afterEach, describe, expect, it } from 'vitest';
import { PageScanner } from '../../entrypoints/content/scanner';
import { type MarkSink, type PageMatch, PageMatches } from '../../lib/page/page-matches';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { setPageContextSource } from '../../lib/terms/context';
import { createTermMatcher } from '../../lib/terms/patterns';

const matcher = createTermMatcher(TERM_FORMS);

class Terms implements MarkSink {
  readonly ids = new Map<PageMatch, string>();
  add(_c: Element, matches: readonly PageMatch[]) {
    for (const m of matches) this.ids.set(m, m.termId);
  }
  drop(_c: Element, matches: readonly PageMatch[]) {
    for (const m of matches) this.ids.delete(m);
  }
  list() {
    return [...this.ids.values()].sort();
  }
}

const HEALTH = '<h1>县卫生健康局工作动态</h1><p>全县推动医疗卫生服务下沉，医院和医保部门协同，改善患者就医体验。</p>';
const INDUSTRY = '<h1>电网公司物资管理</h1><p>公司推进物资集中采购，完成变压器和电缆采购，仓储配送体系持续完善。</p>';
const SHORT = '<ul><li>深入推进“三个转变”</li><li>实现“三个提高”</li></ul>';

/** Scans the page with the page's text as context source, counting the slices that read it. */
async function scanPage(html: string) {
  document.body.innerHTML = html;
  const reads: number[] = [];
  let slice = 0;
  setPageContextSource(() => {
    reads.push(slice);
    return document.body.textContent ?? '';
  });
  const sink = new Terms();
  const scanner = new PageScanner(document, matcher, new PageMatches(sink), { onSlice: () => slice++ });
  await scanner.start();
  return { sink, scanner, reads, slices: () => slice };
}

afterEach(() => setPageContextSource(null));

describe('page verdicts in slices of their own', () => {
  it('marks short blocks of a health page once the page is judged, after the scan, in a slice of its own', async () => {
    const { sink, scanner, reads, slices } = await scanPage(HEALTH + SHORT);
    expect(sink.list()).toEqual(['sange-tigao', 'sange-zhuanbian']);
    // read once, not in the scan's slice (slice 0), and judged after
    expect(reads).toHaveLength(1);
    expect(reads[0]).toBeGreaterThan(0);
    expect(slices()).toBeGreaterThan((reads[0] as number) + 1);
    scanner.stop();
  });

  it('leaves them unmarked on a page of another industry', async () => {
    const { sink, scanner } = await scanPage(INDUSTRY + SHORT);
    expect(sink.list()).toEqual([]);
    scanner.stop();
  });

  it('settles short blocks the page adds later too', async () => {
    const { sink, scanner } = await scanPage(HEALTH);
    expect(sink.list()).toEqual([]);
    const li = document.createElement('p');
    li.textContent = '推进“三个转变”';
    document.body.append(li);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await scanner.idle();
    expect(sink.list()).toEqual(['sange-zhuanbian']);
    scanner.stop();
  });

  it('judges at once for a scan that is not the scanner’s (no block to come back to)', async () => {
    const { scanner } = await scanPage(HEALTH);
    expect(matcher.findAll('推进“三个转变”').map((m) => matcher.patterns[m.pattern]?.termId)).toEqual([
      'sange-zhuanbian',
    ]);
    scanner.stop();
  });
});
