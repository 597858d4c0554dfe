import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clippingsHandlers } from '../lib/background/clippings-handlers';
import { registerClippingCapture } from '../lib/background/clippings-menu';
import { registerTermCommands } from '../lib/background/commands';
import { corpusHandlers } from '../lib/background/corpus-handlers';
import type { HandlerContext } from '../lib/background/handlers';
import { registerLibrary } from '../lib/background/library-handlers';
import { ensureSeeded } from '../lib/background/seeding';
import { refreshTermMatcher } from '../lib/background/term-matcher-store';
import { registerTermsMenu } from '../lib/background/terms-menu';
import { database } from '../lib/db/database';
import { type MessageType, type ProtocolMap, parseEnvelope } from '../lib/messages/index';

/** How long after a worker start its housekeeping waits: what woke the worker is answered first. */
const STARTUP_CHECK_DELAY_MS = 1000;

type AnyHandler = (request: unknown, context: HandlerContext) => Promise<unknown>;

/** Every feature's handlers, keyed by request type; the type checks that none is missing. */
const HANDLERS: {
  [K in MessageType]: (
    request: ProtocolMap[K]['request'],
    context: HandlerContext,
  ) => Promise<ProtocolMap[K]['response']>;
} = {
  ...corpusHandlers,
  ...clippingsHandlers,
};

export default defineBackground(() => {
  const db = database();
  // content scripts read the cached hover cards (lib/messages/card-cache.ts) without waking this
  // worker; the page cannot (storage is an extension API). Chrome only: Firefox has no access
  // levels, its content scripts ask as before.
  const session = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }).catch(() => {});
  browser.runtime.onInstalled.addListener(() => {
    void ensureSeeded(db);
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureSeeded(db);
  });
  registerTermCommands();
  registerClippingCapture();
  registerLibrary(db);
  registerTermsMenu();
  // Also on every worker start: an update of the bundled corpus must land even if no event fired;
  // the pages' matcher with the user's terms is rebuilt if it was built over another catalogue.
  // A little later, not at once: a worker is mostly woken by a hover card's question, and the
  // check (a hash of every bundled text, a write transaction on the terms) would hold the answer up.
  setTimeout(() => void ensureSeeded(db).then(() => refreshTermMatcher(db)), STARTUP_CHECK_DELAY_MS);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own extension's scripts may ask; web pages cannot reach this listener (no
    // externally_connectable), and a malformed request is refused rather than guessed at.
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(message);
    if (!envelope) return undefined;
    const handle = HANDLERS[envelope.type] as AnyHandler;
    return handle(envelope.payload, { db, sender });
  });
});
