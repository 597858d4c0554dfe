// @vitest-environment happy-dom
// The private path of term marks (entrypoints/content/mark-privacy.ts): which marks may be public,
// and that only the blocks near the viewport are handed to the box layer, so a page with thousands
// of marks costs what its visible ones cost while it scrolls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { marksArePrivate, PrivateMarkBoxes } from '../../entrypoints/content/mark-privacy';
import type { UiHost } from '../../entrypoints/content/ui-host';
import type { PageMatch } from '../../lib/page/page-matches';

type Callback = (entries: Partial<IntersectionObserverEntry>[]) => void;
let observers: { callback: Callback; targets: Set<Element> }[] = [];
const realObserver = globalThis.IntersectionObserver;

beforeEach(() => {
  observers = [];
  globalThis.IntersectionObserver = class {
    readonly targets = new Set<Element>();
    constructor(readonly callback: Callback) {
      observers.push(this);
    }
    observe(el: Element) {
      this.targets.add(el);
    }
    unobserve(el: Element) {
      this.targets.delete(el);
    }
    disconnect() {
      this.targets.clear();
    }
  } as unknown as typeof IntersectionObserver;
});

afterEach(() => {
  globalThis.IntersectionObserver = realObserver;
});

/** A UI host with no box layer: nothing is painted, what is handed over is what counts here. */
const ui = { ensure: () => null } as unknown as UiHost;

function blockWithMatch(i: number): { container: Element; match: PageMatch } {
  const container = document.createElement('p');
  container.textContent = `第${i}段 千县工程`;
  document.body.append(container);
  const node = container.firstChild as Text;
  return {
    container,
    match: {
      termId: 'qianxian-gongcheng',
      container,
      startNode: node,
      startOffset: 4,
      endNode: node,
      endOffset: 8,
      nodes: null,
    },
  };
}

const report = (target: Element, isIntersecting: boolean) => ({
  target,
  isIntersecting,
  boundingClientRect: { width: 100, height: 20 } as DOMRectReadOnly,
});

describe('private term marks', () => {
  it('are all or nothing: private once the user has changed the catalogue at all', () => {
    expect(marksArePrivate(false)).toBe(false);
    expect(marksArePrivate(true)).toBe(true);
  });

  it('hands only blocks near the viewport to the box layer (the first ones at once)', () => {
    const boxes = new PrivateMarkBoxes(document, ui);
    const blocks = Array.from({ length: 400 }, (_, i) => blockWithMatch(i));
    for (const { container, match } of blocks) boxes.add(container, [match]);
    // before the observer reports: the first 150 matches (a page opens at its top)
    expect(boxes.drawnMatches).toBe(150);
    const observer = observers[0];
    expect(observer?.targets.size).toBe(400);
    // the observer reports: blocks 0–9 near, the rest far; then the user scrolls to 300–309
    observer?.callback(blocks.map((b, i) => report(b.container, i < 10)));
    expect(boxes.drawnMatches).toBe(10);
    observer?.callback([
      ...blocks.slice(0, 10).map((b) => report(b.container, false)),
      ...blocks.slice(300, 310).map((b) => report(b.container, true)),
    ]);
    expect(boxes.drawnMatches).toBe(10);
    boxes.drop(blocks[300]?.container as Element);
    expect(boxes.drawnMatches).toBe(9);
    expect(observer?.targets.has(blocks[300]?.container as Element)).toBe(false);
    // a rescan starts afresh: its first matches drawn at once again
    boxes.clear();
    expect(boxes.drawnMatches).toBe(0);
    for (const { container, match } of blocks.slice(0, 200)) boxes.add(container, [match]);
    expect(boxes.drawnMatches).toBe(150);
    boxes.dispose();
  });
});
