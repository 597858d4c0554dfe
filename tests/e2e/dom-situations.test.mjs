// The DOM situations real pages put text in, in a real Chromium with the built extension: block or
// inline by computed style, hidden text inside a term, ruby, open shadow roots, about:blank and
// srcdoc frames, SVG text, covers over the text. Marks are read from what is registered in
// CSS.highlights; hovers use the real mouse and look for the card the way marking.test.mjs does.
// Assumes the build is done (`npm test` builds first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURES_DIR,
  importProductModule,
  launchExtension,
  openExtensionPage,
  readCard,
  serveStatic,
  TERM_HIGHLIGHT,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

/**
 * Every registered term mark: the text of its first and last node as far as the mark reaches (the
 * visible ends of the term), the whole range's text, and the id of the nearest element with one
 * (shadow roots included). Sorted, so two readings of the same page compare equal.
 */
function readMarks(target) {
  return target.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const out = [];
    for (const r of highlight) {
      if (!r.startContainer.isConnected) continue;
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      const same = r.startContainer === r.endContainer;
      out.push({
        id: r.startContainer.parentElement?.closest('[id]')?.id ?? null,
        head: same ? null : r.startContainer.data.slice(r.startOffset),
        tail: same ? null : r.endContainer.data.slice(0, r.endOffset),
        text: range.toString(),
      });
    }
    return out.sort((a, b) => `${a.id}${a.text}`.localeCompare(`${b.id}${b.text}`));
  }, TERM_HIGHLIGHT);
}

/** The middle of `text`'s middle character inside element `id`, looked up in open shadow roots too (scrolled into view first). */
function pointOf(target, id, text) {
  return target.evaluate(
    ({ id, text }) => {
      let el = null;
      const stack = [document];
      while (stack.length && !el) {
        const root = stack.pop();
        el = root.getElementById(id);
        for (const child of root.querySelectorAll('*')) if (child.shadowRoot) stack.push(child.shadowRoot);
      }
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let joined = '';
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: joined.length });
        joined += n.data;
      }
      const at = joined.indexOf(text);
      if (at < 0) return null;
      const mid = at + Math.floor(text.length / 2);
      const host = nodes.filter((n) => n.start <= mid).pop();
      const range = document.createRange();
      range.setStart(host.node, mid - host.start);
      range.setEnd(host.node, mid - host.start + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { id, text },
  );
}

describe('DOM situations', { timeout: 300_000 }, () => {
  let ext;
  let server;
  let page;

  before(async () => {
    server = await serveStatic(FIXTURES_DIR);
    ext = await launchExtension();
    const extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(extPage, 60_000);
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${server.url}/dom/situations.html`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.id === 'in-component'), {
      what: 'marks, shadow roots included',
    });
    // the far end of the page registers its marks once it is near the viewport
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The marks in element `id`, read once it is in view (only marks near the viewport are registered). */
  const marksIn = async (id) => {
    await page.evaluate(async (id) => {
      let el = null;
      const stack = [document];
      while (stack.length && !el) {
        const root = stack.pop();
        el = root.getElementById(id);
        for (const child of root.querySelectorAll('*')) if (child.shadowRoot) stack.push(child.shadowRoot);
      }
      (el?.nodeType === 1 && getComputedStyle(el).display === 'contents' ? el.parentElement : el)?.scrollIntoView({
        block: 'center',
      });
      // the intersection observer reports a frame later
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }, id);
    return (await readMarks(page)).filter((m) => m.id === id);
  };

  it('decides block or inline by computed style, not by tag', async () => {
    assert.deepEqual(
      (await marksIn('inline-div')).map((m) => m.text),
      ['千县工程'],
      'a div styled inline joins the line',
    );
    assert.deepEqual(await marksIn('block-span'), [], 'a span styled as a block is a boundary');
    assert.deepEqual(await marksIn('flex-kids'), [], 'flex items are blocks, whatever their tag');
    assert.deepEqual(
      (await marksIn('contents-split')).map((m) => m.text),
      ['紧密型医共体'],
      'display:contents is transparent',
    );
    assert.deepEqual(
      (await marksIn('contents-only')).map((m) => m.text),
      ['三医协同'],
      'a term inside a display:contents container is drawn',
    );
    assert.deepEqual(
      (await marksIn('inline-block')).map((m) => m.text),
      ['千县工程'],
      'inline-block inside a term',
    );
    assert.deepEqual(
      (await marksIn('line-break')).map((m) => m.text),
      ['千县工程'],
      '<br> inside a term',
    );
  });

  it('leaves out hidden text inside a term without ending it, and marks no hidden term', async () => {
    for (const id of [
      'hide-none',
      'hide-attr',
      'hide-visibility',
      'hide-opacity',
      'hide-font',
      'hide-script',
      'hide-style',
    ]) {
      const marks = await marksIn(id);
      assert.equal(marks.length, 1, `${id}: one mark, got ${JSON.stringify(marks)}`);
      assert.deepEqual([marks[0].head, marks[0].tail], ['千县', '工程'], `${id}: the term's visible ends`);
    }
    assert.deepEqual(await marksIn('invisible-terms'), [], 'no mark on text the reader cannot see');
    assert.deepEqual(
      (await marksIn('shown-inside')).map((m) => m.text),
      ['千县工程'],
      'visible text inside a visibility:hidden paragraph',
    );
    assert.deepEqual(await marksIn('hidden-later'), []);
  });

  it('reads ruby base text without the pinyin, over several ruby elements', async () => {
    const chars = await marksIn('ruby-chars');
    assert.equal(chars.length, 1, JSON.stringify(chars));
    assert.deepEqual([chars[0].head, chars[0].tail], ['三', '同']);
    const words = await marksIn('ruby-words');
    assert.equal(words.length, 1, JSON.stringify(words));
    assert.deepEqual([words[0].head, words[0].tail], ['千县', '工程']);
  });

  it('scans open shadow roots and follows their changes', async () => {
    assert.deepEqual(
      (await marksIn('in-shadow')).map((m) => m.text),
      ['紧密型医共体'],
    );
    assert.deepEqual(
      (await marksIn('in-component')).map((m) => m.text),
      ['三医协同'],
    );
    await page.evaluate(() => {
      const later = document.getElementById('shadow-host').shadowRoot.getElementById('shadow-later');
      const p = document.createElement('p');
      p.id = 'shadow-added';
      p.textContent = '后来加入：千县工程再添新县';
      later.append(p);
    });
    await waitFor(async () => (await marksIn('shadow-added')).length === 1, { what: 'mark in the added shadow text' });
  });

  it('looks for shadow roots in every element that can hold one, and only skips elements that cannot', async () => {
    const { MAY_HOST_SHADOW } = await importProductModule('entrypoints/content/scanner.ts');
    const verdict = await page.evaluate((selector) => {
      const skipped = selector.slice(':not('.length, -1).split(',');
      // attachShadow refuses every element the selector leaves out…
      const accepted = skipped.filter((tag) => {
        try {
          document.createElement(tag).attachShadow({ mode: 'open' });
          return true;
        } catch {
          return false;
        }
      });
      // …and every element that accepts one is looked at
      const hosts = [
        'article',
        'aside',
        'blockquote',
        'body',
        'div',
        'footer',
        'h1',
        'h6',
        'header',
        'main',
        'nav',
        'p',
        'section',
        'span',
        'news-card',
        'x-a',
      ];
      const missed = hosts.filter((tag) => !document.createElement(tag).matches(selector));
      return { skipped: skipped.length, accepted, missed };
    }, MAY_HOST_SHADOW);
    assert.ok(verdict.skipped > 30, JSON.stringify(verdict));
    assert.deepEqual(verdict.accepted, []);
    assert.deepEqual(verdict.missed, []);
  });

  it('marks SVG text like HTML text', async () => {
    const marks = await marksIn('svg-chart');
    assert.equal(marks.length, 1, `only the drawn <text>, not the <title>: ${JSON.stringify(marks)}`);
    assert.deepEqual([marks[0].head, marks[0].tail], ['推进三医'.slice(2), '协同']);
  });

  it('marks about:blank and srcdoc frames the page fills', async () => {
    const srcdoc = await (await page.$('#srcdoc-frame')).contentFrame();
    const blank = await (await page.$('#blank-frame')).contentFrame();
    await waitFor(async () => (await readMarks(srcdoc)).some((m) => m.id === 'in-srcdoc' && m.text === '千县工程'), {
      what: 'mark in the srcdoc frame',
    });
    await waitFor(async () => (await readMarks(blank)).some((m) => m.id === 'in-blank' && m.text === '三医协同'), {
      what: 'mark in the about:blank frame',
    });
  });

  it('marks text revealed later and drops text hidden later', async () => {
    await page.evaluate(() => document.getElementById('reveal').removeAttribute('hidden'));
    await waitFor(async () => (await marksIn('reveal')).length === 1, { what: 'the revealed term marked' });
    await page.evaluate(() => document.getElementById('reveal').setAttribute('hidden', ''));
    await waitFor(async () => (await marksIn('reveal')).length === 0, { what: 'the hidden term unmarked' });
    // hiding part of a term takes the term's mark away
    assert.deepEqual(
      (await marksIn('hide-part')).map((m) => m.text),
      ['千县工程'],
    );
    await page.evaluate(() => document.getElementById('part').setAttribute('hidden', ''));
    await waitFor(async () => (await marksIn('hide-part')).length === 0, { what: 'the half-hidden term unmarked' });
  });

  it('finds the same marks after the page edits every block as on the first scan', async () => {
    const first = await readMarks(page);
    const ids = [...new Set(first.map((m) => m.id))];
    await page.evaluate((ids) => {
      for (const id of ids) {
        const el = document.getElementById(id);
        // a text node appended and a character changed in the block's first text node
        el?.append('。');
        const walker = document.createTreeWalker(el ?? document.body, NodeFilter.SHOW_TEXT);
        const text = walker.nextNode();
        if (text) text.data = `${text.data}`;
      }
    }, ids);
    // the last edits land in one batch: wait until it has been scanned
    await page.waitForTimeout(400);
    await waitFor(async () => JSON.stringify(await readMarks(page)) === JSON.stringify(first), {
      what: 'the rescanned marks to equal the first scan',
      timeoutMs: 5_000,
    }).catch(async () => assert.deepEqual(await readMarks(page), first));
  });

  async function hoverCard(id, text, target = page) {
    await page.mouse.move(2, 2);
    await waitFor(async () => (await readCard(page)) === null, { what: 'no card open' });
    const point = await pointOf(target, id, text);
    assert.ok(point, `${text} in #${id}`);
    let { x, y } = point;
    if (target !== page) {
      const box = await (await target.frameElement()).boundingBox();
      x += box.x;
      y += box.y;
    }
    await page.mouse.move(x, y, { steps: 2 });
    return point;
  }

  async function expectCard(id, text, term, target = page) {
    await hoverCard(id, text, target);
    const card = await waitFor(
      async () => {
        const card = await readCard(page);
        return card && !card.loading ? card : null;
      },
      { what: `card for ${text} in #${id}`, timeoutMs: 8_000 },
    );
    assert.equal(card.term, term, `card for #${id}`);
  }

  async function expectNoCard(id, text) {
    await hoverCard(id, text);
    await page.waitForTimeout(900);
    assert.equal(await readCard(page), null, `no card over ${text} in #${id}`);
  }

  it('opens the card over terms in each situation', async () => {
    await expectCard('inline-div', '千县工程', '千县工程');
    await expectCard('contents-only', '三医协同', '三医协同');
    await expectCard('hide-none', '工程', '千县工程');
    await expectCard('ruby-words', '工程', '千县工程');
    await expectCard('in-shadow', '医共体', '紧密型医共体');
    await expectCard('in-component', '三医协同', '三医协同');
    // the <title> holds 三医 too: aim at the drawn line
    await expectCard('svg-chart', '进三医协', '三医协同');
  });

  it('looks under transparent and invisible covers, not under opaque ones', async () => {
    await expectCard('cover-link-title', '三医协同', '三医协同');
    await expectCard('cover-pseudo-text', '医共体', '紧密型医共体');
    await expectCard('cover-ghost-text', '千县工程', '千县工程');
    await expectNoCard('cover-sheet-text', '千县工程');
  });

  it('opens no card over a term the reader cannot see', async () => {
    await expectNoCard('invisible-terms', '千县工程');
  });
});
