// The in-page UI in English, in real Chromium started with an English UI: the save toast, its
// tags-and-note form (suggestions from the user's own tags, Enter saves, Escape closes, keys kept
// from the page), the duplicate and too-long refusals, the selection button and the toast of a
// save from the hover card. Every string checked against the English messages the build ships,
// and what the form saved read back from the database through an extension page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EXTENSION_DIR,
  inCard,
  launchExtension,
  openExtensionPage,
  pointOfText,
  readCard,
  readStore,
  selectText,
  serveStatic,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

const QUOTE = '要全面促进“三医协同”，深入推进紧密型县域医共体建设';
const SECOND = '提升县医院综合能力';

const en = JSON.parse(await readFile(path.join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
/** An English message with its placeholders filled as chrome.i18n fills them. */
function english(key, ...subs) {
  const entry = en[key];
  assert.ok(entry, `no English message ${key}`);
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name) => {
    const n = Number(entry.placeholders[name.toLowerCase()].content.slice(1));
    return subs[n - 1];
  });
}

/** What the toast shows: its message, labels, buttons and suggestions, and what has focus. */
function readToast(page) {
  return inCard(page, function () {
    const toast = this.querySelector('.toast');
    if (!toast) return null;
    return {
      message: toast.querySelector('.message')?.textContent ?? '',
      labels: [...toast.querySelectorAll('label > span')].map((s) => s.textContent),
      buttons: [...toast.querySelectorAll(':scope > button, .row button')].map((b) => b.textContent),
      suggestions: [...toast.querySelectorAll('.suggestion')].map((b) => b.textContent),
      placeholder: toast.querySelector('input[name="tags"]')?.placeholder ?? null,
      tags: toast.querySelector('input[name="tags"]')?.value ?? null,
      focused: this.activeElement?.name ?? this.activeElement?.textContent ?? null,
      text: toast.textContent,
    };
  });
}

/** Clicks the element inside our closed root that `selector` (and optional text) picks, as a user would. */
async function clickInUi(page, selector, text = null) {
  const box = await waitFor(
    () =>
      inCard(
        page,
        function ({ selector, text }) {
          const el = [...this.querySelectorAll(selector)].find((e) => text === null || e.textContent === text);
          const r = el?.getBoundingClientRect();
          return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        },
        { selector, text },
      ),
    { what: `${selector} ${text ?? ''}` },
  );
  await page.mouse.click(box.x, box.y);
}

describe('in-page UI in English', { timeout: 180_000 }, () => {
  let server;
  let ext;
  let extPage;
  let article;

  /** Calls the context menu's click handler in the service worker, for the active tab. */
  const saveFromMenu = () =>
    ext.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return globalThis.policyCrossRefClippingMenu({ menuItemId: 'policy-cross-ref-save-clipping', frameId: 0 }, tab);
    });
  const stored = async (id) => (await readStore(extPage, 'clippings')).find((c) => c.id === id);

  before(async () => {
    server = await serveStatic();
    ext = await launchExtension({ args: ['--lang=en-US'] });
    extPage = await openExtensionPage(ext.context, ext.extensionId, 'clippings.html');
    await waitForSeeded(extPage, 60_000);
    assert.equal(await extPage.evaluate(() => chrome.i18n.getUILanguage()), 'en-US');
    article = await ext.context.newPage();
    await article.setViewportSize({ width: 1000, height: 900 });
    await article.goto(`${server.url}/clip-article.html`);
    await article.bringToFront();
    await waitFor(() => article.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), {
      what: 'the content script',
      timeoutMs: 20_000,
    });
    // the page listens to keys in the bubble phase, as most pages' shortcuts do
    await article.evaluate(() => {
      window.__keys = [];
      document.addEventListener('keydown', (e) => window.__keys.push(e.key));
      document.addEventListener('input', () => window.__keys.push('input'));
    });
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('confirms a save in English and takes tags typed into its form (Enter saves)', async () => {
    await selectText(article, QUOTE);
    const outcome = await saveFromMenu();
    assert.equal(outcome?.status, 'saved', JSON.stringify(outcome));
    const toast = await waitFor(() => readToast(article), { what: 'the toast' });
    assert.equal(toast.message, 'Clipping saved ✓');
    assert.equal(toast.message, english('toast_saved'));
    assert.deepEqual(toast.labels, ['Tags', 'Note']);
    assert.deepEqual(toast.buttons, ['Save tags and note', 'Close']);
    assert.equal(toast.placeholder, english('toast_tagsHint'));
    assert.doesNotMatch(toast.text, /[\u4e00-\u9fff：]/, 'no Chinese text and no full-width colon');
    assert.equal(toast.focused, 'tags', 'the keyboard is in the tag field');

    await article.keyboard.type('Health insurance, 县域');
    await article.keyboard.press('Enter');
    const done = await waitFor(
      async () => {
        const t = await readToast(article);
        return t && !t.labels.length ? t : null;
      },
      { what: 'the confirmation' },
    );
    assert.equal(done.message, 'Added 2 tags to the clipping ✓');
    const record = await waitFor(
      async () => {
        const c = await stored(outcome.id);
        return c?.tags.length ? c : null;
      },
      { what: 'the tags stored' },
    );
    assert.deepEqual(record.tags, ['Health insurance', '县域']);
    assert.equal(record.note, '');
    assert.deepEqual(await article.evaluate(() => window.__keys), [], 'the page heard none of it');
  });

  it('suggests the tags saved before; a chosen suggestion and a note are stored', async () => {
    await selectText(article, SECOND);
    const outcome = await saveFromMenu();
    assert.equal(outcome?.status, 'saved', JSON.stringify(outcome));
    const toast = await waitFor(
      async () => {
        const t = await readToast(article);
        return t?.suggestions.length ? t : null;
      },
      { what: 'suggestions' },
    );
    assert.deepEqual(toast.suggestions.sort(), ['Health insurance', '县域'].sort());
    await clickInUi(article, '.suggestion', '县域');
    const after = await readToast(article);
    assert.equal(after.tags, '县域, ');
    assert.deepEqual(after.suggestions, ['Health insurance'], 'a chosen tag is no longer offered');
    await clickInUi(article, 'textarea[name="note"]');
    await article.keyboard.type('Compare with the county plan');
    await article.keyboard.press('Enter');
    const record = await waitFor(
      async () => {
        const c = await stored(outcome.id);
        return c?.note ? c : null;
      },
      { what: 'the note stored' },
    );
    assert.deepEqual(record.tags, ['县域']);
    assert.equal(record.note, 'Compare with the county plan');
    assert.equal((await readToast(article))?.message, 'Added 1 tag to the clipping ✓', 'singular for one');
  });

  it('offers merge or copy for a duplicate in English; Escape closes the form and saves nothing', async () => {
    await selectText(article, QUOTE);
    const outcome = await saveFromMenu();
    assert.equal(outcome?.status, 'duplicate');
    const toast = await waitFor(() => readToast(article), { what: 'the duplicate toast' });
    assert.equal(toast.message, english('toast_duplicate'));
    assert.deepEqual(toast.buttons, ['Merge into the saved clipping', 'Save another copy']);
    await clickInUi(article, '.toast > button', 'Merge into the saved clipping');
    await waitFor(async () => (await readToast(article))?.labels.length === 2, { what: 'the form after merging' });
    await clickInUi(article, 'input[name="tags"]');
    await article.keyboard.type('discarded');
    await article.keyboard.press('Escape');
    await waitFor(async () => (await readToast(article)) === null, { what: 'the toast to close' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual((await stored(outcome.id)).tags, ['Health insurance', '县域'], 'nothing added');
  });

  it('refuses an over-long selection in English, with the count', async () => {
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'long';
      p.textContent = '长'.repeat(20_500);
      document.body.append(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    const outcome = await saveFromMenu();
    assert.equal(outcome?.status, 'refused');
    const toast = await waitFor(() => readToast(article), { what: 'the refusal' });
    assert.equal(toast.message, english('inpage_tooLong_other', '20,500', '20,000'));
    assert.match(toast.message, /^The selection is too long \(20,500 characters\)/);
    await article.evaluate(() => document.getElementById('long').remove());
  });

  it('labels the selection button in English', async () => {
    await extPage.evaluate(() => chrome.storage.local.set({ clippingsSelectionButton: true }));
    await article.waitForTimeout(300);
    await selectText(article, SECOND);
    await article.keyboard.press('Shift'); // a user's keyup ends the selection gesture
    const label = await waitFor(
      () =>
        inCard(article, function () {
          return this.querySelector('.save-selection')?.textContent ?? null;
        }),
      { what: 'the selection button' },
    );
    assert.equal(label, 'Save clipping');
    assert.equal(label, english('selection_save'));
    await extPage.evaluate(() => chrome.storage.local.set({ clippingsSelectionButton: false }));
  });

  it('confirms a save from the hover card with the English toast, leaving focus alone', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.goto(`${server.url}/news.html`);
    await page.bringToFront();
    await waitFor(() => page.evaluate(() => CSS.highlights.has('policy-cross-ref-term')), { what: 'marks' });
    const point = await pointOfText(page, 'f-plain', '千县工程');
    await page.mouse.move(point.x, point.y);
    await waitFor(
      async () => {
        const card = await readCard(page);
        return card && !card.loading && card.passages.length > 0 ? card : null;
      },
      { what: 'the card', timeoutMs: 8_000 },
    );
    await clickInUi(page, '.passage [data-action="save"]');
    const toast = await waitFor(() => readToast(page), { what: 'the toast' });
    assert.equal(toast.message, english('toast_saved'));
    assert.deepEqual(toast.labels, ['Tags', 'Note']);
    assert.notEqual(toast.focused, 'tags', 'a save from the card does not pull focus into the toast');
    await page.close();
  });
});
