// Bundled into the benchmark page (esbuild, IIFE): the product's own scanner next to the baselines,
// so every method runs on the same page in the same browser.
import { HighlightSink } from '../entrypoints/content/highlight-sink';
import { usePageContext } from '../entrypoints/content/page-context';
import { PageScanner } from '../entrypoints/content/scanner';
import { PageMatches } from '../lib/page/page-matches';
import { TERM_FORMS } from '../lib/terms/catalogue-forms';
import { CATALOGUE_MATCHER } from '../lib/terms/catalogue-matcher';
import { termMatcherFromPacked } from '../lib/terms/patterns';

const forms = TERM_FORMS.flatMap((t) => [t.canonical, ...t.aliases]);

function textNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

const bench = {
  /** The floor: walk every text node and read its text. */
  floor() {
    const t0 = performance.now();
    let chars = 0;
    let nodes = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, chars, nodes };
  },

  /**
   * Towards what a block-aware scanner must do: the floor plus each text node's parent (which block
   * its text belongs to), texts gathered per parent. No matching, no skipping rules.
   */
  blockFloor() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let texts: string[] = [];
    let parent: Element | null = null;
    let groups = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (p !== parent) {
        parent = p;
        groups += texts.length > 0 ? 1 : 0;
        texts = [];
      }
      texts.push((n as Text).data);
    }
    return { ms: performance.now() - t0, groups };
  },

  /** One RegExp alternation of every form, per text node, building highlight ranges. */
  regexp() {
    const t0 = performance.now();
    const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(escaped.join('|'), 'g');
    const highlight = new Highlight();
    let count = 0;
    for (const node of textNodes()) {
      re.lastIndex = 0;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        highlight.add(
          new StaticRange({
            startContainer: node,
            startOffset: m.index,
            endContainer: node,
            endOffset: m.index + m[0].length,
          }),
        );
        count++;
      }
    }
    CSS.highlights.set('bench-regexp', highlight);
    return { ms: performance.now() - t0, count };
  },

  /** The product: time-sliced scan and mark; total main-thread time, longest slice, first slice end. */
  async ours() {
    const slices: number[] = [];
    const t0 = performance.now();
    let firstSliceEnd = 0;
    const matcherStart = performance.now();
    // as the content script does: the bundled matcher packed at build, restored
    const matcher = termMatcherFromPacked(CATALOGUE_MATCHER, true);
    const matcherMs = performance.now() - matcherStart;
    // as the content script does (for the page's life): blocks too short to judge their context
    // alone ask the page
    usePageContext(document, new AbortController().signal);
    const sink = new HighlightSink();
    const matches = new PageMatches(sink);
    const scanner = new PageScanner(document, matcher, matches, {
      afterBatch: () => sink.ensureRegistered(),
      onSlice: (ms) => {
        if (slices.length === 0) firstSliceEnd = performance.now() - t0;
        slices.push(ms);
      },
    });
    await scanner.start();
    const wall = performance.now() - t0;
    const total = slices.reduce((a, b) => a + b, 0) + matcherMs;
    (window as unknown as { __scanner: PageScanner }).__scanner = scanner;
    (window as unknown as { __matches: PageMatches }).__matches = matches;
    return {
      total,
      longest: Math.max(...slices),
      slices: slices.length,
      firstSliceEnd,
      matcherMs,
      wall,
      count: matches.size,
    };
  },

  /**
   * The product with computed styles not read (every element answers "no style known", so the tag
   * rules decide): the difference to `ours` is what reading styles costs.
   */
  async oursWithoutStyles() {
    const real = window.getComputedStyle;
    const none = {
      display: '',
      opacity: '',
      visibility: '',
      fontSize: '',
      getPropertyValue: () => '',
    } as unknown as CSSStyleDeclaration;
    window.getComputedStyle = () => none;
    try {
      return await bench.ours();
    } finally {
      window.getComputedStyle = real;
    }
  },

  /** mark.js with every form, across elements (loaded separately as window.Mark). */
  markjs() {
    const MarkCtor = (window as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }).Mark;
    let count = 0;
    const t0 = performance.now();
    new MarkCtor(document.body).mark(forms, {
      acrossElements: true,
      separateWordSearch: false,
      diacritics: false,
      each: () => {
        count++;
      },
    });
    return { ms: performance.now() - t0, count };
  },

  /**
   * The page's own script: edit 2,000 text nodes, then wait for the frame that shows the edit (the
   * browser's highlight bookkeeping runs in that frame, not in the script). Median of `rounds`.
   */
  async editSpeed(rounds = 9) {
    const nodes = textNodes();
    const step = Math.max(1, Math.floor(nodes.length / 2000));
    const times: number[] = [];
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await nextFrame();
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (let i = 0; i < 2000 && i * step < nodes.length; i++) {
        const node = nodes[i * step] as Text;
        node.data = r % 2 === 0 ? `${node.data}。` : node.data.slice(0, -1);
      }
      void document.body.getBoundingClientRect().height;
      await nextFrame();
      times.push(performance.now() - t0);
      await nextFrame();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  },

  /** For contrast: every mark registered as a live Range (what the product deliberately avoids). */
  liveRanges() {
    const scanner = (window as unknown as { __scanner?: PageScanner }).__scanner;
    const all = (window as unknown as { __matches?: PageMatches }).__matches?.inDocumentOrder() ?? [];
    scanner?.stop();
    CSS.highlights.clear();
    const highlight = new Highlight();
    for (const m of all) {
      const range = document.createRange();
      range.setStart(m.startNode, m.startOffset);
      range.setEnd(m.endNode, m.endOffset);
      highlight.add(range);
    }
    CSS.highlights.set('bench-live', highlight);
    return highlight.size;
  },

  /** Restoring the packed catalogue matcher alone (what a page pays before its first scan). */
  restoreMatcher() {
    const t0 = performance.now();
    termMatcherFromPacked(CATALOGUE_MATCHER, true);
    return performance.now() - t0;
  },

  clear() {
    (window as unknown as { __scanner?: PageScanner }).__scanner?.stop();
    CSS.highlights.clear();
  },
};

(window as unknown as { __pcrBench: typeof bench }).__pcrBench = bench;
