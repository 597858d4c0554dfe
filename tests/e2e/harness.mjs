// Helpers shared by every end-to-end test: drive Debian's Chromium with the built extension through
// playwright-core (no Playwright-managed browser download exists on these machines).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const DB_NAME = 'policy-cross-ref';

/** CHROMIUM_PATH lets a developer point at another Chromium build without editing tests. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How every test and benchmark starts Chromium here. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
  '--disable-gpu',
  '--no-first-run',
  // keep the run hermetic: no update, sync or QUIC traffic that could stall or flake
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A plain Chromium without the extension (for benchmark baselines measured beside it). */
export function launchBrowser() {
  // Playwright's own headless switch gives the old `--headless`; the flags ask for the new one
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, args: CHROMIUM_FLAGS });
}

/**
 * Launches Chromium with the unpacked MV3 build and waits for its service worker.
 * A persistent context is the only kind Chromium loads extensions into. Pass the same
 * `userDataDir` twice to simulate a browser restart; a directory we created ourselves is removed
 * on close, one the caller passed in is left for the caller.
 */
export async function launchExtension({ userDataDir, extensionDir = EXTENSION_DIR, args = [] } = {}) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` (or \`npx wxt build\`) first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it (\`apt-get install -y chromium\`) or set CHROMIUM_PATH.`,
    );
  }
  const ownDir = userDataDir === undefined;
  const dir = userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'pcr-e2e-')));
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      // Playwright's own headless switch gives the old `--headless` plus flags we do not want;
      // new headless (passed below) is a full browser and runs extensions and their workers.
      headless: false,
      args: [
        ...CHROMIUM_FLAGS,
        `--load-extension=${extensionDir}`,
        `--disable-extensions-except=${extensionDir}`,
        ...args,
      ],
    });
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    let closed = false;
    return {
      context,
      extensionId,
      serviceWorker,
      userDataDir: dir,
      async close() {
        if (closed) return;
        closed = true;
        await context.close().catch(() => {});
        if (ownDir) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    // a half-started browser must not outlive the failed test
    await context?.close().catch(() => {});
    if (ownDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function isExtensionWorker(worker) {
  return worker.url().startsWith('chrome-extension://');
}

/** Opens one of the extension's own pages; only there can IndexedDB of the extension be read. */
export async function openExtensionPage(context, extensionId, pagePath = 'popup.html') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
  return page;
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A throw-away HTTP server on 127.0.0.1 and an ephemeral port, for pages the content script runs
 * on (content scripts do not run on file:// URLs by default).
 *
 * `source` is a directory (default tests/e2e/fixtures/) and/or a routes object:
 *   serveStatic()                                   fixtures directory
 *   serveStatic('/some/dir')
 *   serveStatic({ '/csp.html': { body, headers: { 'Content-Security-Policy': "default-src 'none'" } } })
 *   serveStatic({ dir: FIXTURES_DIR, routes: { ... } })
 * A route is a string (HTML body), { body, status?, headers? }, or (req, res) => void.
 * Routes win over files, so a fixture can be re-served with extra headers (e.g. a strict CSP).
 */
export async function serveStatic(source = FIXTURES_DIR) {
  let dir;
  let routes = {};
  if (typeof source === 'string') dir = source;
  else if (source && ('dir' in source || 'routes' in source)) ({ dir, routes = {} } = source);
  else routes = source ?? {};
  const root = dir ? path.resolve(dir) : undefined;

  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = routes[pathname];
      if (typeof route === 'function') return void (await route(req, res));
      if (route !== undefined) {
        const { body = '', status = 200, headers = {} } = typeof route === 'string' ? { body: route } : route;
        res.writeHead(status, { 'Content-Type': CONTENT_TYPES['.html'], ...headers });
        return void res.end(body);
      }
      if (root) {
        const file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
        // never serve outside the fixture directory, whatever the URL says
        if (file.startsWith(root + path.sep) && (await stat(file).catch(() => null))?.isFile()) {
          res.writeHead(200, {
            'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          });
          return void res.end(await readFile(file));
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.(); // keep-alive sockets from the browser would hold close() open
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `op` against the extension's database inside `page` (an extension page) with the raw
 * IndexedDB API, so the tests check what is stored, not what the product's Dexie layer says.
 * Resolves to undefined while the database does not exist yet; the connection is closed at once
 * so it never blocks a later schema upgrade of the product.
 */
async function withStore(page, storeName, op, arg) {
  return page.evaluate(
    ({ dbName, storeName, op, arg }) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName);
        // opening without a version would create an empty database and race the product's own
        // creation of it: abort instead and report "not there yet"
        request.onupgradeneeded = () => request.transaction.abort();
        request.onerror = (event) => {
          event.preventDefault();
          resolve(undefined);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            return resolve(undefined);
          }
          const store = db.transaction(storeName, 'readonly').objectStore(storeName);
          const read = op === 'count' ? store.count() : op === 'get' ? store.get(arg) : store.getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
          read.onerror = () => {
            db.close();
            reject(read.error);
          };
        };
      }),
    { dbName: DB_NAME, storeName, op, arg },
  );
}

/** Every record of a store (undefined if the database or store does not exist yet). */
export function readStore(page, storeName) {
  return withStore(page, storeName, 'getAll');
}

/**
 * Writes generated records straight into the extension's database from an extension page, in one
 * transaction: `{ storeName: records[] }` (large generated libraries for the cross-reference test
 * and bench, which bypass ingestion on purpose).
 */
export function putRecords(page, stores) {
  return page.evaluate(
    (stores) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('policy-cross-ref');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(stores), 'readwrite');
          for (const [name, records] of Object.entries(stores)) for (const r of records) tx.objectStore(name).put(r);
          tx.oncomplete = () => {
            db.close();
            resolve(true);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}

/** The number of records in a store (undefined if the database or store does not exist yet). */
export function countStore(page, storeName) {
  return withStore(page, storeName, 'count');
}

/** One record by primary key. */
export function getRecord(page, storeName, key) {
  return withStore(page, storeName, 'get', key);
}

/**
 * Waits until the background has seeded the corpus. meta.corpusVersion is written last in the
 * seeding transaction, so once it is visible the whole corpus is; returns the version.
 */
export async function waitForSeeded(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await getRecord(page, 'meta', 'corpusVersion');
    if (record?.value) return record.value;
    if (Date.now() > deadline) {
      throw new Error(`The corpus was not seeded within ${timeoutMs} ms (meta.corpusVersion missing).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Imports a TypeScript module of the product (e.g. 'lib/text/fold.ts') into a test, bundled with
 * esbuild (already installed with Vite/WXT). For the few pure helpers a test must agree with —
 * normalisation above all — re-implementing them in the test would let the two drift apart.
 */
/** Bundles a product or bench entry into one classic script for a plain page (IIFE, Preact JSX). */
export async function bundleForPage(relativePath) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(ROOT, relativePath)],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return result.outputFiles[0].text;
}

export async function importProductModule(relativePath) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(ROOT, relativePath)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

export const TERM_HIGHLIGHT = 'policy-cross-ref-term';
export const CARD_HOST = 'POLICY-CROSS-REF-CARD';
/** The marker attribute of the extension's one UI host (a plain div with a closed shadow root). */
export const UI_MARKER = 'data-policy-cross-ref-ui';

/** A DevTools DOM node that is our UI host: marked (or the old custom tag) and with a closed root. */
function isUiHost(node) {
  if (node.shadowRoots?.[0]?.shadowRootType !== 'closed') return false;
  return node.nodeName === CARD_HOST || (node.attributes ?? []).some((a, i) => i % 2 === 0 && a === UI_MARKER);
}

/**
 * The text of every term mark on the page, read from the highlight registry the page shares
 * (what the user sees), each with the id of the nearest ancestor element that has one.
 */
export function readMarks(page, name = TERM_HIGHLIGHT) {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const out = [];
    for (const r of highlight) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue; // a stale StaticRange whose node changed: not painted either
      }
      if (!r.startContainer.isConnected) continue;
      const holder = r.startContainer.parentElement?.closest('[id]');
      const endHolder = r.endContainer.parentElement?.closest('p,div,li,h1,h2,td,article,textarea,pre');
      const startBlock = r.startContainer.parentElement?.closest('p,div,li,h1,h2,td,article,textarea,pre');
      out.push({ text: range.toString(), id: holder?.id ?? null, sameBlock: startBlock === endHolder });
    }
    return out;
  }, name);
}

/** Polls `fn` until it returns a truthy value; returns it (or throws after `timeoutMs`). */
export async function waitFor(fn, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Runs `fn` with `this` bound to the card's closed shadow root, through the DevTools protocol (the
 * only thing that can reach into a closed root: the page cannot, and neither can Playwright's
 * locators). Returns null when there is no card host on the page.
 */
export async function inCard(page, fn, arg = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const stack = [root];
    let host = null;
    while (stack.length > 0 && !host) {
      const node = stack.pop();
      if (isUiHost(node)) host = node;
      for (const child of node.children ?? []) stack.push(child);
      for (const child of node.contentDocument ? [node.contentDocument] : []) stack.push(child);
    }
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the open card shows, or null when no card is open. */
export function readCard(page) {
  return inCard(page, function () {
    // a closed card stays mounted but hidden (it keeps its compositing layer)
    const card = this.querySelector(':not([hidden]) > .card');
    if (!card) return null;
    const rect = card.getBoundingClientRect();
    return {
      term: card.querySelector('.term')?.textContent ?? '',
      form: card.querySelector('.form')?.textContent ?? '',
      text: card.textContent ?? '',
      passages: [...card.querySelectorAll('.passage')].map((li) => ({
        id: li.dataset.passageId,
        text: li.querySelector('.text')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
        source: li.querySelector('.source')?.textContent ?? '',
        /** The report's title, shown on the source line's tooltip (printed once, in the count lines). */
        sourceTitle: li.querySelector('.source')?.getAttribute('title') ?? '',
      })),
      /** The per-report count lines: links to each report's passages. */
      reports: [...card.querySelectorAll('[data-action="report"]')].map((b) => ({
        id: b.dataset.reportId,
        text: b.textContent ?? '',
      })),
      loading: card.textContent.includes('正在查找'),
      /** The card has its answer (in whichever language the browser speaks): the "all passages" button. */
      ready: card.querySelector('[data-action="more"]') !== null,
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      position: getComputedStyle(card).position,
      radius: getComputedStyle(card).borderTopLeftRadius,
      elements: [...card.querySelectorAll('*')].map((el) => el.tagName),
      focused: this.activeElement?.dataset?.action ?? null,
    };
  });
}

/** Opens `url` in a new 1000 × 1400 page of `context` and waits for at least `atLeast` marks. */
export async function openMarkedPage(context, url, atLeast) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.goto(url);
  await waitFor(async () => (await readMarks(page)).length >= atLeast, { what: 'marks' });
  return page;
}

/**
 * Moves the mouse away (the open card closes), then onto `text` inside element `id`, and waits for
 * the card to show with its answer.
 */
export async function hoverUntilCard(page, id, text, timeoutMs = 8_000) {
  await page.mouse.move(5, 5);
  await waitFor(async () => (await readCard(page)) === null, { what: 'the previous card to close' });
  const point = await pointOfText(page, id, text);
  if (!point) throw new Error(`${text} is not on the page`);
  await page.mouse.move(point.x, point.y);
  return waitFor(
    async () => {
      const card = await readCard(page);
      return card?.ready ? card : null;
    },
    { what: `card for ${text}`, timeoutMs },
  );
}

/** The viewport centre of the first occurrence of `text` inside the element with `id`. */
export function pointOfText(page, id, text) {
  return page.evaluate(
    ({ id, text }) => {
      const el = document.getElementById(id);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let joined = '';
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: joined.length });
        joined += n.data;
      }
      const at = joined.indexOf(text);
      if (at < 0) return null;
      // the middle character's box: robust whether the term sits in one node or several
      const mid = at + Math.floor(text.length / 2);
      const host = nodes.filter((n) => n.start <= mid).pop();
      const range = document.createRange();
      range.setStart(host.node, mid - host.start);
      range.setEnd(host.node, mid - host.start + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, bottom: rect.bottom, right: rect.right };
    },
    { id, text },
  );
}

/**
 * The page text the user sees drawn as clippings: the clipping boxes are read from our closed root
 * through the DevTools protocol, then every visible character of the page whose box centre lies in
 * one of them is collected, consecutive characters joined. An empty list when none is drawn.
 */
export function drawnClippings(page) {
  return drawnBoxes(page, 'clipping-box');
}

/** The page text drawn as marks of the user's own terms (boxes in our closed root), as runs. */
export function drawnUserTerms(page) {
  return drawnBoxes(page, 'user-term-box');
}

/** The page text under the shown boxes of one kind (`data-ui` name) in our closed root. */
async function drawnBoxes(page, kind) {
  const boxes = await inCard(
    page,
    function (kind) {
      return [...this.querySelectorAll(`[data-ui="${kind}"]`)]
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => b.getBoundingClientRect().toJSON());
    },
    kind,
  );
  if (!boxes || boxes.length === 0) return [];
  return page.evaluate((boxes) => {
    const inside = (x, y) => boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
    const runs = [];
    let run = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0 || /\s/.test(n.data[i])) continue; // not drawn: neither in nor out
        if (inside(rect.left + rect.width / 2, rect.top + rect.height / 2)) run += n.data[i];
        else if (run) {
          runs.push(run);
          run = '';
        }
      }
    }
    if (run) runs.push(run);
    return runs;
  }, boxes);
}

/** Selects the first occurrence of `quote` in the page's text, across element boundaries. */
export async function selectText(page, quote) {
  const ok = await page.evaluate((quote) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    const at = text.indexOf(quote);
    if (at < 0) return false;
    const locate = (offset) => {
      const hit = nodes.findLast((entry) => entry.start <= offset);
      return [hit.node, offset - hit.start];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + quote.length));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString() === quote;
  }, quote);
  if (!ok) throw new Error(`could not select “${quote.slice(0, 30)}”`);
}

/** Per-report term counts (passages per term) of generated hits: the rows ingestion writes with them (schema v7). */
export function termCounts(reports, hits) {
  const rows = new Map(reports.map((r) => [r.id, { reportId: r.id, counts: {} }]));
  for (const h of hits) {
    const row = rows.get(h.reportId);
    if (row) row.counts[h.termId] = (row.counts[h.termId] ?? 0) + 1;
  }
  return [...rows.values()];
}
