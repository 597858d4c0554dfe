// The user's own terms in a real Chromium with the built extension: a term added on terms.html is
// marked in a tab that is already open (no reload) — drawn inside our closed root, never in the
// page-readable CSS.highlights, and from then on the bundled marks too (mark-privacy.ts) — its hover card shows a passage of a bundled report that uses it,
// and a small CSV glossary is validated, imported and marked the same way.
// Assumes the build is done (`npx wxt build`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  drawnClippings,
  drawnUserTerms,
  launchExtension,
  openExtensionPage,
  pointOfText,
  readCard,
  readMarks,
  serveStatic,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

// 互联网医院 occurs in a bundled report and is in no catalogue form; 千县工程 is bundled.
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例</title></head><body>
<p id="known">本县今年继续推进千县工程，县医院急诊能力明显提升。</p>
<p id="user">市里两家三级医院开通了互联网医院，复诊患者可以在线续方。</p>
<p id="alias">县里的县医院提标工程今年完成验收。</p>
<p id="glossary">各乡镇卫生院正在开展银龄健康示范行动，为老年人建档。</p>
</body></html>`;

/** Hovers the text in element `id` until the card for `term` is ready (the tab picks changes up on its own). */
async function hoverUntilCard(page, id, term) {
  await page.bringToFront();
  const point = await pointOfText(page, id, term);
  assert.ok(point, `${term} is on the page`);
  return waitFor(
    async () => {
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y);
      await page.waitForTimeout(600);
      const card = await readCard(page);
      return card?.ready && card.term === term ? card : null;
    },
    { what: `card for ${term} in the open tab`, timeoutMs: 20_000 },
  );
}

describe("the user's terms on pages", { timeout: 240_000 }, () => {
  let ext;
  let server;
  let page;
  let terms;

  before(async () => {
    server = await serveStatic({ '/user-terms.html': PAGE });
    ext = await launchExtension();
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(popup, 60_000);
    await popup.close();
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${server.url}/user-terms.html`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.text === '千县工程'), { what: 'bundled mark' });
    terms = await openExtensionPage(ext.context, ext.extensionId, 'terms.html');
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('a term added on terms.html is marked in the open tab without a reload, with a card', async () => {
    assert.ok(!(await readMarks(page)).some((m) => m.text === '互联网医院'), 'not marked before it is added');
    assert.deepEqual(await drawnUserTerms(page), [], 'no own-term box before the term is added');
    await page.evaluate(() => {
      window.__notReloaded = true;
    });
    await terms.fill('[data-testid="term-canonical"]', '互联网医院');
    await terms.selectOption('select', 'institution');
    await terms.click('[data-testid="term-save"]');
    await waitFor(async () => (await terms.textContent('[data-testid="terms-message"]'))?.includes('互联网医院'), {
      what: 'saved message',
    });
    // the open tab picks the new term up without a reload: hovering it opens its card
    const card = await hoverUntilCard(page, 'user', '互联网医院');
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the tab was not reloaded');
    // the user's own term is the user's data: nothing the page can read shows it
    assert.ok(
      !(await readMarks(page)).some((m) => m.text === '互联网医院'),
      'no mark of the user term in the page-readable highlight registry',
    );
    // …yet the user sees it marked: a box drawn over exactly that text inside our closed root
    // with a catalogue of the user's, every mark is drawn privately (mark-privacy.ts): bundled ones too
    await waitFor(
      async () => {
        const runs = await drawnUserTerms(page);
        return runs.includes('互联网医院') && runs.includes('千县工程');
      },
      { what: 'drawn boxes over the user term and the bundled one' },
    );
    assert.deepEqual(await readMarks(page), [], 'no term mark left in the page-readable registry');
    assert.deepEqual(await drawnClippings(page), [], 'drawn as a term mark, not as a clipping');
    // every highlight the page can enumerate, under any name, as the page would read it
    const registered = await page.evaluate(() => {
      const texts = [];
      for (const [, highlight] of CSS.highlights) {
        for (const r of highlight) {
          const range = document.createRange();
          try {
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
          } catch {
            continue;
          }
          texts.push(range.toString());
        }
      }
      return texts;
    });
    assert.ok(!registered.some((t) => t.includes('千县工程')), 'bundled marks are not public either');
    assert.ok(
      !registered.some((t) => t.includes('互联网医院')),
      `still nothing of the user term in CSS.highlights once drawn: ${JSON.stringify(registered)}`,
    );
    assert.equal(card.term, '互联网医院');
    assert.ok(
      card.passages.some((p) => p.text.includes('互联网医院') && p.marks.includes('互联网医院')),
      `a bundled passage with the term: ${JSON.stringify(card.passages)}`,
    );
  });

  it('imports a small CSV glossary after showing its plan, and the page marks its term', async () => {
    await terms.bringToFront();
    const csv = '\ufeff术语,别名,类别,说明\n银龄健康示范行动,银龄健康行动,campaign,示例\n千县工程,,program,\n';
    await terms.setInputFiles('[data-testid="glossary-file"]', {
      name: 'glossary.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const plan = await waitFor(async () => terms.textContent('[data-testid="glossary-plan"]').catch(() => null), {
      what: 'glossary plan',
    });
    assert.match(plan, /千县工程/u, 'the duplicate is listed');
    await terms.click('[data-testid="glossary-import"]');
    await hoverUntilCard(page, 'glossary', '银龄健康示范行动');
    await terms.bringToFront();
    const rows = await terms.$$eval('[data-testid="term-row"]', (els) => els.map((e) => e.textContent));
    assert.ok(rows.some((r) => r.includes('银龄健康示范行动')));
  });

  it('terms.html?add= (the context menu) pre-fills the form; the name can become an alias of a term', async () => {
    const form = await openExtensionPage(
      ext.context,
      ext.extensionId,
      `terms.html?add=${encodeURIComponent('县医院提标工程')}`,
    );
    await waitFor(async () => (await form.inputValue('[data-testid="term-canonical"]')) === '县医院提标工程', {
      what: 'pre-filled form',
    });
    await waitFor(async () => (await form.$$('[data-testid="alias-of"] option')).length > 100, {
      what: 'terms listed',
    });
    await form.selectOption('[data-testid="alias-of"]', 'qianxian-gongcheng');
    await form.click('[data-testid="add-as-alias"]');
    await page.bringToFront();
    await waitFor(async () => (await drawnUserTerms(page)).includes('县医院提标工程'), {
      what: 'the new alias marked in the open tab (drawn in our closed root)',
    });
    // an alias of a bundled term is the user's data: not in the page-readable registry
    assert.ok(!(await readMarks(page)).some((m) => m.text.includes('县医院提标工程')));
    await form.close();
  });
});
