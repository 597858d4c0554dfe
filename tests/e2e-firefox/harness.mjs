// Helpers for the Firefox end-to-end suite: Debian's firefox-esr driven headless by puppeteer-core
// over WebDriver BiDi (no browser download), with the built MV2 package installed as a temporary
// add-on through BiDi's webExtension.install. Page-side helpers that are plain page.evaluate calls
// (readMarks, pointOfText, readStore …) come from ../e2e/harness.mjs: puppeteer's evaluate takes the same
// (fn, arg) pair as Playwright's.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from '../e2e/harness.mjs';

export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv2');

/** FIREFOX_PATH lets a developer point at another Firefox without editing tests. */
export const FIREFOX_PATH =
  process.env.FIREFOX_PATH ??
  ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ??
  '/usr/bin/firefox-esr';

/**
 * The moz-extension:// host is a random UUID per profile. Firefox reads the id → UUID map from this
 * pref before it installs anything, so fixing it up front gives the tests a known extension origin.
 */
export const EXTENSION_UUID = '5e1f0c2a-7d3b-4c6e-9a81-2f4b6d8e0c13';

function addonId(extensionDir) {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Starts Firefox headless with the add-on installed. One launch per test file: a start costs
 * several seconds. `close()` always ends the browser (and removes a copied package).
 */
export async function launchFirefoxExtension({ extensionDir = FIREFOX_EXTENSION_DIR, ownDir = false } = {}) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox package at ${extensionDir}. Run \`npx wxt build -b firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}. Install it (\`apt-get install -y firefox-esr\`) or set FIREFOX_PATH.`,
    );
  }
  const id = addonId(extensionDir);
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      // moz-extension:// documents are privileged: BiDi may open and script them only with this
      args: ['--remote-allow-system-access'],
      // a start takes 10 s on an idle machine and three times that on a busy one
      timeout: 120_000,
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
        // hermetic: no update checks, telemetry or first-run pages that could stall or flake
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.reportingpolicy.firstRun': false,
        'browser.shell.checkDefaultBrowser': false,
        'extensions.update.enabled': false,
      },
    });
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    // puppeteer's temporary profile: its own clean-up at close sometimes loses a race with
    // Firefox's last writes and leaves the directory behind, so close() removes it as well
    const args = browser.process()?.spawnargs ?? [];
    const profileAt = args.findIndex((arg) => arg === '--profile' || arg === '-profile');
    const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
    let closed = false;
    return {
      browser,
      origin,
      version: await browser.version(),
      /** Opens one of the add-on's own pages in a new tab (only there is its IndexedDB readable). */
      async openExtensionPage(pagePath = 'popup.html') {
        const page = await browser.newPage();
        await navigateTo(page, `${origin}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      async close() {
        if (closed) return;
        closed = true;
        await browser.close().catch(() => {});
        if (profileDir?.includes('puppeteer_dev_firefox_profile')) {
          await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
        }
        if (ownDir) await rm(extensionDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    // a half-started browser must not outlive the failed test
    await browser?.close().catch(() => {});
    if (ownDir) await rm(extensionDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Navigates a tab to a moz-extension:// URL. Puppeteer's page.goto waits for navigation events that
 * Firefox does not send for this switch of the tab into the extension process (it times out with
 * "Frame detached" although the page loaded), and a page script may not navigate there either; the
 * BiDi browsingContext.navigate command itself does wait for the load.
 */
export async function navigateTo(page, url) {
  const context = page.mainFrame().browsingContext;
  if (typeof context?.navigate !== 'function') {
    throw new Error('puppeteer-core changed: no BiDi browsingContext on the frame; update navigateTo()');
  }
  await context.navigate(url, 'complete');
  const href = await page.evaluate(() => location.href);
  if (href !== url) throw new Error(`navigated to ${href}, expected ${url}`);
}

/**
 * A copy of the built package whose content scripts see the adoptedStyleSheets setters throw, as
 * they do in Firefox 140 (the content script's Xray view of an ObservableArray attribute rejects
 * an array from the content script's compartment). Firefox 153 accepts the assignment, so without
 * this the `<style>` fallback of the card (and of the page's mark styles) would never run here.
 * The extra script runs first in the add-on's content-script sandbox, which all of its content
 * scripts in a frame share; the page's own ShadowRoot/Document prototypes are untouched.
 */
export async function buildXray140Package(extensionDir = FIREFOX_EXTENSION_DIR) {
  const dir = await mkdtemp(path.join(tmpdir(), 'pcr-ff140-'));
  await cp(extensionDir, dir, { recursive: true });
  const script = `
    for (const proto of [ShadowRoot.prototype, Document.prototype]) {
      const own = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
      Object.defineProperty(proto, 'adoptedStyleSheets', {
        configurable: true,
        get() { return own.get.call(this); },
        set() { throw new TypeError('Accessing from Xray wrapper is not supported.'); },
      });
    }
  `;
  await writeFile(path.join(dir, 'xray-140.js'), script);
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const entry of manifest.content_scripts) entry.js = ['xray-140.js', ...entry.js];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * The shadow root of the card's host, as a puppeteer handle, or null when no card host exists.
 * A closed root is out of reach of the page and of element.shadowRoot; WebDriver BiDi serializes
 * an element's shadow root whatever its mode, and that reference can be passed back to a script.
 * The host is found by what it holds (a `.card` in its shadow root), not by its tag name.
 */
export async function cardRoot(page) {
  const anchor = await page.evaluateHandle(() => document);
  const frameRealm = anchor.realm; // puppeteer's realm of the page's main world
  await anchor.dispose().catch(() => {});
  const core = frameRealm?.realm;
  if (typeof core?.callFunction !== 'function' || typeof frameRealm.createHandle !== 'function') {
    throw new Error('puppeteer-core changed: no BiDi realm behind the handle; update cardRoot()');
  }
  // one round trip: every element whose shadow root the page cannot see (none, or a closed one),
  // serialized with its shadow root (includeShadowTree: all) and a sharedId for it
  const result = await core.callFunction(
    String(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot === null)),
    true,
    {
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 1, maxDomDepth: 0, includeShadowTree: 'all' },
    },
  );
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'cardRoot failed');
  for (const item of result.result?.value ?? result.value ?? []) {
    const shadow = item?.value?.shadowRoot;
    if (!shadow?.sharedId) continue;
    const root = frameRealm.createHandle(shadow);
    if (await root.evaluate((r) => r.querySelector('.card') !== null)) return root;
  }
  return null;
}

/** Runs `fn(root, arg)` in the page with the card's closed shadow root; null when there is no card. */
export async function inCard(page, fn, arg = null) {
  const root = await cardRoot(page);
  if (!root) return null;
  // a sharedId reference, not a handle the page's realm holds: nothing to release
  return root.evaluate(fn, arg);
}

/** What the open card shows (null when none is open), with the computed styles that prove it is styled. */
export function readCard(page) {
  return inCard(page, (root) => {
    // a closed card stays mounted but hidden
    const card = root.querySelector(':not([hidden]) > .card');
    if (!card) return null;
    const rect = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    return {
      term: card.querySelector('.term')?.textContent ?? '',
      form: card.querySelector('.form')?.textContent ?? '',
      text: card.textContent ?? '',
      passages: [...card.querySelectorAll('.passage')].map((li) => ({
        id: li.dataset.passageId,
        text: li.querySelector('.text')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
        source: li.querySelector('.source')?.textContent ?? '',
      })),
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      position: style.position,
      radius: style.borderTopLeftRadius,
      background: style.backgroundColor,
      // which way the card got its styles: an adopted sheet, or the <style> fallback
      adopted: root.adoptedStyleSheets.length,
      styleElements: root.querySelectorAll('style').length,
    };
  });
}

/** Polls `fn` until it returns a truthy value; returns it (or throws after `timeoutMs`). */
export async function waitFor(fn, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error; // a page mid-navigation: try again until the deadline
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How many tinted pixels the screen shows over `text` inside the element `id`: what the reader
 * sees of a mark's amber wash or a clipping's teal band, whichever way the highlight reached the
 * screen (adopted sheet, <style>, or our own overlay). Page text and background here are black,
 * grey and white (red = green = blue), so a pixel whose channels differ by 30 or more is tint. The screenshot is decoded in `decoder`, a blank tab (a strict-CSP page could not load
 * it as an image).
 */
export async function tintedPixels(page, decoder, id, text) {
  const rect = await page.evaluate(
    ({ id, text }) => {
      const el = document.getElementById(id);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
      return null;
    },
    { id, text },
  );
  if (!rect || rect.width === 0) throw new Error(`“${text}” is not visible in one text node of #${id}`);
  const png = await page.screenshot({ clip: rect, encoding: 'base64' });
  return decoder.evaluate(async (png) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let tinted = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) >= 30) tinted++;
    }
    return tinted;
  }, png);
}
