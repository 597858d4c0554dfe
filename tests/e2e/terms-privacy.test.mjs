// The user's edits of the bundled catalogue are the user's data (entrypoints/content/mark-privacy.ts):
// an alias added to a bundled term and a bundled term hidden must not show through anything the page
// can read — every entry of CSS.highlights, the DOM with its attributes, adopted style sheets — while
// the user still sees the alias form marked with its card and the hidden term unmarked.
// What the page reads once the user has edited bundled terms is compared with what it reads when the
// user has only an own term that does not occur on the page: the same, so the page learns at most
// "this user has changed the catalogue", never which change. Assumes the build is done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
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

// 千县工程, 三明经验 and 紧密型医共体 are bundled; 县医院提标工程 becomes the user's alias of 千县工程;
// 三明经验 is hidden by the user; 银龄健康示范行动 (the first, unrelated change) is not on the page.
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例</title></head><body>
<p id="bundled">本县今年继续推进千县工程，县医院急诊能力明显提升。</p>
<p id="alias">县里的县医院提标工程今年完成验收。</p>
<p id="hidden">各地学习三明经验，推进紧密型医共体建设。</p>
</body></html>`;

/** Everything the page's own scripts can read of our marks: the registry, the DOM, adopted sheets. */
function pageReadable(page) {
  return page.evaluate(() => {
    const registry = [];
    for (const [name, highlight] of CSS.highlights) {
      const texts = [];
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
      registry.push({ name, texts: texts.sort() });
    }
    const attributes = [...document.querySelectorAll('*')].map((el) =>
      [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
    );
    return {
      registry,
      html: document.documentElement.outerHTML,
      attributes,
      sheets: document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')),
    };
  });
}

async function hoverCard(page, id, text, waitMs = 6_000) {
  await page.bringToFront();
  const point = await pointOfText(page, id, text);
  assert.ok(point, `${text} is on the page`);
  await page.mouse.move(5, 5);
  await waitFor(async () => (await readCard(page)) === null, { what: 'the card to close', timeoutMs: 4_000 }).catch(
    () => null,
  );
  await page.mouse.move(point.x, point.y);
  return waitFor(
    async () => {
      const card = await readCard(page);
      return card?.ready && card.term ? card : null;
    },
    { what: `card for ${text}`, timeoutMs: waitMs },
  ).catch(() => null);
}

describe("the user's edits of bundled terms stay private", { timeout: 240_000 }, () => {
  let ext;
  let server;
  let page;
  let terms;
  let onlyOwnTerm;

  before(async () => {
    server = await serveStatic({ '/privacy.html': PAGE });
    ext = await launchExtension();
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await waitForSeeded(popup, 60_000);
    await popup.close();
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${server.url}/privacy.html`);
    await waitFor(async () => (await readMarks(page)).some((m) => m.text === '三明经验'), { what: 'bundled marks' });
    terms = await openExtensionPage(ext.context, ext.extensionId, 'terms.html');
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('with an own term elsewhere: no public marks, every mark drawn privately', async () => {
    await terms.bringToFront();
    await terms.fill('[data-testid="term-canonical"]', '银龄健康示范行动');
    await terms.selectOption('select', 'campaign');
    await terms.click('[data-testid="term-save"]');
    await waitFor(
      async () => (await terms.textContent('[data-testid="terms-message"]'))?.includes('银龄健康示范行动'),
      {
        what: 'saved message',
      },
    );
    await page.bringToFront();
    const drawn = await waitFor(
      async () => {
        const runs = await drawnUserTerms(page);
        return runs.includes('千县工程') && runs.includes('三明经验') ? runs : null;
      },
      { what: 'the bundled marks drawn in our closed root' },
    );
    assert.ok(drawn.includes('紧密型医共体'), JSON.stringify(drawn));
    assert.deepEqual(await readMarks(page), [], 'no term mark in the page-readable registry');
    onlyOwnTerm = await pageReadable(page);
  });

  it('an alias added to a bundled term and a hidden bundled term: the page reads nothing of them; the user sees both', async () => {
    // the alias, as the context menu's 添加为术语 → alias of an existing term does it
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
    await waitFor(
      async () => (await form.textContent('[data-testid="terms-message"]').catch(() => ''))?.includes('县医院提标工程'),
      {
        what: 'the alias saved',
      },
    );
    await form.close();
    // hide 三明经验
    await terms.bringToFront();
    await terms.reload();
    await terms.fill('[data-testid="terms-search"]', '三明经验');
    await terms.click('[data-testid="term-row"][data-term="sanming-jingyan"] [data-testid="term-hide"]');
    await waitFor(async () => (await terms.$('[data-term="sanming-jingyan"].hidden-term')) !== null, {
      what: 'the term shown hidden',
    });

    // the open tab has taken the change (the alias is marked, wherever that is drawn)
    await page.bringToFront();
    await waitFor(
      async () =>
        (await drawnUserTerms(page)).includes('县医院提标工程') ||
        (await readMarks(page)).some((m) => m.text === '县医院提标工程'),
      { what: 'the alias marked in the open tab', timeoutMs: 20_000 },
    );
    await page.waitForTimeout(500); // the rest of the rescan

    // what the page reads: neither the alias nor anything that tells the hidden term from the others
    const now = await pageReadable(page);
    const registered = now.registry.flatMap((entry) => entry.texts);
    assert.ok(!registered.some((t) => t.includes('县医院提标工程')), `alias in CSS.highlights: ${registered}`);
    assert.ok(
      !registered.some((t) => t.includes('千县工程') || t.includes('紧密型医共体')),
      `bundled marks public while 三明经验 is not: ${registered}`,
    );
    assert.ok(onlyOwnTerm, 'the state with an own term only was read');
    assert.deepEqual(now.registry, onlyOwnTerm.registry, 'the registry is what it was before the edits');
    assert.deepEqual(now.attributes, onlyOwnTerm.attributes, 'no attribute changed');
    assert.equal(now.html, onlyOwnTerm.html, 'the DOM is what it was before the edits');
    assert.deepEqual(now.sheets, onlyOwnTerm.sheets, 'the adopted style sheets are the same');

    // what the user sees: the alias form drawn and carded, the hidden term neither
    const drawn = await waitFor(
      async () => {
        const runs = await drawnUserTerms(page);
        return runs.includes('县医院提标工程') && !runs.some((r) => r.includes('三明经验')) ? runs : null;
      },
      { what: 'the alias drawn and the hidden term not' },
    );
    assert.ok(drawn.includes('千县工程') && drawn.includes('紧密型医共体'), JSON.stringify(drawn));
    const card = await hoverCard(page, 'alias', '县医院提标工程', 15_000);
    assert.equal(card?.term, '千县工程', 'the alias opens the card of its bundled term');
    const hidden = await hoverCard(page, 'hidden', '三明经验', 2_500);
    assert.equal(hidden, null, `no card for the hidden term: ${JSON.stringify(hidden)}`);
    const other = await hoverCard(page, 'hidden', '紧密型医共体', 10_000);
    assert.equal(other?.term, '紧密型医共体', 'the other term in the same block keeps its card');
  });
});
