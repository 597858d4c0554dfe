import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptSuggestion, parseTags, pickSuggestions } from '../../entrypoints/content/toast-details';
import { clippingsHandlers } from '../../lib/background/clippings-handlers';
import { ANNOTATE_WINDOW_MS, annotateClipping, tagSuggestions } from '../../lib/clippings/annotate';
import { editClipping, savePageClipping, softDelete } from '../../lib/clippings/store';
import { PolicyDatabase } from '../../lib/db/database';
import { parseEnvelope } from '../../lib/messages/index';

const opened: PolicyDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function freshDb() {
  const db = new PolicyDatabase(`annotate-${Math.random()}`);
  opened.push(db);
  return db;
}

const capture = { quote: '推进县域医共体的药品目录统一', url: 'https://news.example.cn/a/2.html?utm_source=x' };

async function saved(db: PolicyDatabase, now: number, quote = capture.quote): Promise<string> {
  const outcome = await savePageClipping(db, { ...capture, quote }, { now });
  if (outcome.status !== 'saved') throw new Error(JSON.stringify(outcome));
  return outcome.id;
}

describe('tags and a note added from the save toast', () => {
  it('adds to the clipping: tags joined and normalised, the note appended, nothing removed', async () => {
    const db = freshDb();
    const id = await saved(db, 1000);
    await editClipping(db, id, { tags: ['医保'], note: '第一条笔记' }, 1500);
    const outcome = await annotateClipping(db, {
      id,
      tags: ['#药品', '医保', ' 目录 '],
      note: '  会上提到的  ',
      senderUrl: 'https://news.example.cn/a/2.html#top',
      now: 2000,
    });
    expect(outcome).toEqual({ status: 'saved', tags: ['医保', '药品', '目录'] });
    const c = await db.clippings.get(id);
    expect(c?.tags).toEqual(['医保', '药品', '目录']);
    expect(c?.note).toBe('第一条笔记\n\n会上提到的');
    expect(c?.updatedAt).toBe(2000);
    expect(c?.quote).toBe(capture.quote);
  });

  it('refuses a page of another origin, a stale clipping and a deleted one; extension pages may edit any', async () => {
    const db = freshDb();
    const id = await saved(db, 1000);
    const foreign = await annotateClipping(db, {
      id,
      tags: ['x'],
      note: '',
      senderUrl: 'https://evil.example/',
      now: 1100,
    });
    expect(foreign.status).toBe('failed');
    const stale = await annotateClipping(db, {
      id,
      tags: ['x'],
      note: '',
      senderUrl: capture.url,
      now: 1000 + ANNOTATE_WINDOW_MS + 1,
    });
    expect(stale.status).toBe('failed');
    expect((await db.clippings.get(id))?.tags).toEqual([]);
    const fromExtension = await annotateClipping(db, { id, tags: ['x'], note: '', now: 1000 + ANNOTATE_WINDOW_MS + 1 });
    expect(fromExtension).toEqual({ status: 'saved', tags: ['x'] });
    await softDelete(db, [id]);
    expect((await annotateClipping(db, { id, tags: ['y'], note: '' })).status).toBe('failed');
  });

  it('suggests the user tags, most used first', async () => {
    const db = freshDb();
    const a = await saved(db, 1000, '第一段');
    const b = await saved(db, 1000, '第二段');
    const c = await saved(db, 1000, '第三段');
    await editClipping(db, a, { tags: ['医保', '药品'] });
    await editClipping(db, b, { tags: ['医保', '基层'] });
    await editClipping(db, c, { tags: ['医保', '药品'] });
    expect(await tagSuggestions(db)).toEqual(['医保', '药品', '基层']);
  });

  it('goes through validated messages and the background handlers, checking the sender', async () => {
    expect(parseEnvelope({ type: 'clippingTags', payload: {} })).toEqual({ type: 'clippingTags', payload: {} });
    expect(parseEnvelope({ type: 'annotateClipping', payload: { id: 'a', tags: 'x', note: '' } })).toBeNull();
    expect(
      parseEnvelope({ type: 'annotateClipping', payload: { id: 'a', tags: ['x'.repeat(51)], note: '' } }),
    ).toBeNull();
    expect(parseEnvelope({ type: 'annotateClipping', payload: { id: 'a', tags: ['x'], note: 3 } })).toBeNull();
    expect(parseEnvelope({ type: 'annotateClipping', payload: { id: 'a', tags: ['x'], note: 'n', more: 1 } })).toEqual({
      type: 'annotateClipping',
      payload: { id: 'a', tags: ['x'], note: 'n' },
    });
    const db = freshDb();
    const id = await saved(db, Date.now());
    const foreign = { db, sender: { url: 'https://evil.example/' } };
    const own = { db, sender: { url: capture.url } };
    expect((await clippingsHandlers.annotateClipping({ id, tags: ['外'], note: '' }, foreign)).status).toBe('failed');
    expect(await clippingsHandlers.annotateClipping({ id, tags: ['内'], note: '' }, own)).toEqual({
      status: 'saved',
      tags: ['内'],
    });
    expect(await clippingsHandlers.clippingTags({}, own)).toEqual(['内']);
  });
});

describe('the toast form fields', () => {
  it('splits tags on ASCII and Chinese separators, without repeats or empties', () => {
    expect(parseTags('医保, #药品，基层、医保;; 目录；')).toEqual(['医保', '药品', '基层', '目录']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('suggests tags not yet entered, matching the word being typed first', () => {
    const all = ['医保', '药品', '医共体', '基层医疗'];
    expect(pickSuggestions(all, '')).toEqual(all);
    expect(pickSuggestions(all, '医保, 医')).toEqual(['医共体', '基层医疗']);
    expect(pickSuggestions(all, '药品，')).toEqual(['医保', '医共体', '基层医疗']);
  });

  it('puts a chosen suggestion in place of the word being typed', () => {
    expect(acceptSuggestion('', '医保')).toBe('医保, ');
    expect(acceptSuggestion('药品, 医', '医保')).toBe('药品, 医保, ');
    expect(acceptSuggestion('药品，医', '医共体')).toBe('药品， 医共体, ');
  });
});
