import { annotateClipping, tagSuggestions } from '../clippings/annotate';
import {
  anchorTargets,
  clippingsForPage,
  mergeCaptureInto,
  recordAnchoring,
  savePageClipping,
  savePassageClipping,
} from '../clippings/store';
import type { ClippingsProtocol } from '../messages/clippings';
import type { Handlers } from './handlers';
import { ensureSeeded } from './seeding';

/** The page a message came from must be the page it talks about: a frame cannot speak for another. */
function fromPage(senderUrl: string | undefined, url: string): boolean {
  if (senderUrl === undefined || senderUrl.startsWith('chrome-extension:') || senderUrl.startsWith('moz-extension:'))
    return true;
  try {
    return new URL(senderUrl).origin === new URL(url).origin;
  } catch {
    return false;
  }
}

export const clippingsHandlers: Handlers<ClippingsProtocol> = {
  async savePassageClipping({ passageId }, { db }) {
    await ensureSeeded(db);
    return savePassageClipping(db, passageId);
  },
  async savePageClipping({ capture, force }, { db }) {
    return savePageClipping(db, capture, { force });
  },
  async mergeClipping({ id, capture }, { db }) {
    return mergeCaptureInto(db, id, capture);
  },
  async pageClippings({ url, canonicalUrl }, { db, sender }) {
    if (!fromPage(sender.url, url)) return [];
    return anchorTargets(await clippingsForPage(db, url, canonicalUrl));
  },
  async reportAnchoring(report, { db, sender }) {
    if (!fromPage(sender.url, report.url)) return { updated: 0 };
    return { updated: await recordAnchoring(db, report) };
  },
  async clippingTags(_request, { db }) {
    return tagSuggestions(db);
  },
  async annotateClipping({ id, tags, note }, { db, sender }) {
    const fromExtension =
      sender.url === undefined || sender.url.startsWith('chrome-extension:') || sender.url.startsWith('moz-extension:');
    return annotateClipping(db, { id, tags, note, ...(fromExtension ? {} : { senderUrl: sender.url }) });
  },
};
