import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureSeeded } from '../lib/background/seeding';
import { database } from '../lib/db/database';
import { termCard } from '../lib/db/term-card';
import { type Envelope, parseEnvelope } from '../lib/messages';

export default defineBackground(() => {
  const db = database();
  browser.runtime.onInstalled.addListener(() => {
    void ensureSeeded(db);
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureSeeded(db);
  });
  // Also on every worker start: an update of the bundled corpus must land even if no event fired.
  void ensureSeeded(db);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own extension's scripts may ask; web pages cannot reach this listener (no
    // externally_connectable), and a malformed request is refused rather than guessed at.
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(message);
    if (!envelope) return undefined;
    return answer(envelope);
  });

  async function answer(envelope: Envelope): Promise<unknown> {
    await ensureSeeded(db);
    switch (envelope.type) {
      case 'termCard': {
        const { termId, limit } = envelope.payload as { termId: string; limit?: number };
        return termCard(db, termId, limit);
      }
      case 'corpusStatus':
        return { ready: true, reports: await db.reports.count(), passages: await db.passages.count() };
    }
  }
});
