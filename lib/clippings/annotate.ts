import type { PolicyDatabase } from '../db/database';
import { t } from '../i18n';
import type { AnnotateOutcome } from '../messages/clippings';
import { describeWriteError, mergeNotes, normalizeTags, withDerived } from './store';
import { normalizeUrl } from './url';

/**
 * Tags and a note given in a page's save toast, right after the save. A content script runs inside
 * pages we do not trust, so what it may touch is narrowed: only a clipping saved (or merged into)
 * in the last few minutes, and for a page clipping only from a page of the clipping's own origin.
 * It only adds: tags join the clipping's tags, the note joins its note; nothing is removed.
 */

/** How long after a save the toast's form may still add to that clipping. */
export const ANNOTATE_WINDOW_MS = 30 * 60 * 1000;

/** The user's tags, most used first (ties alphabetically), read from the tag index alone. */
export async function tagSuggestions(db: PolicyDatabase, limit = 200): Promise<string[]> {
  const counts = new Map<string, number>();
  await db.clippings.orderBy('tags').eachKey((key) => {
    if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([tag]) => tag);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface AnnotateRequest {
  id: string;
  tags: readonly string[];
  note: string;
  /** The page asking, when a content script asks (extension pages pass nothing). */
  senderUrl?: string;
  now?: number;
}

export async function annotateClipping(db: PolicyDatabase, request: AnnotateRequest): Promise<AnnotateOutcome> {
  const now = request.now ?? Date.now();
  try {
    return await db.transaction('rw', db.clippings, async () => {
      const existing = await db.clippings.get(request.id);
      if (!existing || existing.deletedAt !== undefined)
        return { status: 'failed', reason: t('inpage_clippingGone') } as const;
      if (request.senderUrl !== undefined) {
        if (now - existing.updatedAt > ANNOTATE_WINDOW_MS)
          return { status: 'failed', reason: t('inpage_annotateRefused') } as const;
        if (existing.kind === 'page') {
          const own = originOf(existing.url ?? existing.urlKey);
          const asking = originOf(normalizeUrl(request.senderUrl) ?? request.senderUrl);
          if (own === null || own !== asking) return { status: 'failed', reason: t('inpage_annotateRefused') } as const;
        }
      }
      const tags = normalizeTags([...existing.tags, ...request.tags]);
      const note = mergeNotes(existing.note, request.note.trim()).slice(0, 20_000);
      await db.clippings.put(withDerived({ ...existing, tags, note, updatedAt: now }));
      return { status: 'saved', tags } as const;
    });
  } catch (error) {
    return { status: 'failed', reason: describeWriteError(error) };
  }
}
