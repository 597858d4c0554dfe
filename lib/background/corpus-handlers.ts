import { browser } from 'wxt/browser';
import { termCard } from '../db/term-card';
import type { CorpusProtocol } from '../messages/corpus';
import type { Handlers } from './handlers';
import { corpusAvailable, ensureSeeded } from './seeding';

export const corpusHandlers: Handlers<CorpusProtocol> = {
  async termCard({ termId, limit }, { db }) {
    await corpusAvailable(db);
    return termCard(db, termId, limit);
  },
  async termCards({ termIds, limit }, { db }) {
    await corpusAvailable(db);
    const cards: Awaited<ReturnType<typeof termCard>>[] = [];
    for (const termId of termIds) cards.push(await termCard(db, termId, limit));
    return cards;
  },
  async corpusStatus(_request, { db }) {
    await ensureSeeded(db);
    return { ready: true, reports: await db.reports.count(), passages: await db.passages.count() };
  },
  async openTermPage({ termId, reportId }, { db, sender }) {
    if (!(await db.terms.get(termId))) return false;
    if (reportId !== undefined && !(await db.reports.get(reportId))) return false;
    // ?report= opens the term's passages in that one report (the card's per-report lines)
    const url = `${browser.runtime.getURL('/popup.html')}?term=${encodeURIComponent(termId)}${
      reportId === undefined ? '' : `&report=${encodeURIComponent(reportId)}`
    }`;
    // next to the tab the reader came from, so closing it returns them to the article
    const tab = sender.tab;
    await browser.tabs.create({
      url,
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    });
    return true;
  },
};
