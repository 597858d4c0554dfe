import { termCard } from '../db/term-card';
import type { CorpusProtocol } from '../messages/corpus';
import type { Handlers } from './handlers';
import { ensureSeeded } from './seeding';

export const corpusHandlers: Handlers<CorpusProtocol> = {
  async termCard({ termId, limit }, { db }) {
    await ensureSeeded(db);
    return termCard(db, termId, limit);
  },
  async corpusStatus(_request, { db }) {
    await ensureSeeded(db);
    return { ready: true, reports: await db.reports.count(), passages: await db.passages.count() };
  },
};
