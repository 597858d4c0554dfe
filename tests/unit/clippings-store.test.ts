import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_QUOTE } from '../../lib/clippings/limits';
import { ClippingSearch } from '../../lib/clippings/search';
import {
  activeClippings,
  clippingsForPage,
  editClipping,
  latestClippings,
  mergeCaptureInto,
  previewClippings,
  purgeDeleted,
  recordAnchoring,
  savePageClipping,
  savePassageClipping,
  softDelete,
  undoDelete,
} from '../../lib/clippings/store';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { PolicyDatabase } from '../../lib/db/database';
import { seedCorpus } from '../../lib/db/seed';
import type { PageCapture } from '../../lib/messages/clippings';

const opened: PolicyDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function freshDb() {
  const db = new PolicyDatabase(`store-${Math.random()}`);
  opened.push(db);
  return db;
}

const capture: PageCapture = {
  quote: '要全面促进“三医协同”，深入推进紧密型县域医共体建设',
  prefix: '会议指出，',
  suffix: '。',
  position: 120,
  url: 'https://news.example.cn/a/1.html?utm_source=wechat&id=7#comments',
  title: '福建卫生健康工作会议召开',
  site: '示例新闻',
  published: '2024-01-29',
  canonicalUrl: 'https://news.example.cn/a/1.html?id=7',
};

describe('saving page clippings', () => {
  it('stores quote, context, page key, metadata, automatic tags, times and format', async () => {
    const db = freshDb();
    const outcome = await savePageClipping(db, capture, { now: 1000 });
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    const c = await db.clippings.get(outcome.id);
    expect(c).toMatchObject({
      kind: 'page',
      format: 2,
      quote: capture.quote,
      prefix: '会议指出，',
      suffix: '。',
      position: 120,
      url: capture.url,
      urlKey: 'https://news.example.cn/a/1.html?id=7',
      canonicalUrl: capture.canonicalUrl,
      title: capture.title,
      site: '示例新闻',
      published: '2024-01-29',
      createdAt: 1000,
      updatedAt: 1000,
      tags: [],
      note: '',
    });
    expect(c?.terms).toEqual(['sanyi-xietong', 'jinmixing-yigongti']);
    // the primary key is random, never the address
    expect(outcome.id).not.toContain('example');
    expect(outcome.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('notices the same quote from the same page (other tracking parameters, other whitespace)', async () => {
    const db = freshDb();
    const first = await savePageClipping(db, capture);
    const again = await savePageClipping(db, {
      ...capture,
      quote: `  ${capture.quote.replace('，', '， ')} `,
      url: 'https://news.example.cn/a/1.html?id=7&utm_medium=social',
    });
    expect(again).toEqual({ status: 'duplicate', id: (first as { id: string }).id });
    expect(await db.clippings.count()).toBe(1);
    // another page with the same quote is another clipping
    expect((await savePageClipping(db, { ...capture, url: 'https://other.example/x' })).status).toBe('saved');
    // asked explicitly, a second copy is saved
    expect((await savePageClipping(db, capture, { force: true })).status).toBe('saved');
    expect(await db.clippings.count()).toBe(3);
  });

  it('merges a fresh capture into the duplicate instead of adding one', async () => {
    const db = freshDb();
    const first = (await savePageClipping(db, capture, { now: 1 })) as { id: string };
    await editClipping(db, first.id, { note: '我的笔记', tags: ['医改'] }, 2);
    const merged = await mergeCaptureInto(
      db,
      first.id,
      { ...capture, prefix: '新的上文', title: '新标题' },
      { now: 3 },
    );
    expect(merged).toEqual({ status: 'saved', id: first.id });
    const c = await db.clippings.get(first.id);
    expect(c).toMatchObject({
      prefix: '新的上文',
      title: '新标题',
      note: '我的笔记',
      tags: ['医改'],
      createdAt: 1,
      updatedAt: 3,
    });
    expect(await db.clippings.count()).toBe(1);
  });

  it('refuses an over-long quote with a message and writes nothing', async () => {
    const db = freshDb();
    const outcome = await savePageClipping(db, { ...capture, quote: '字'.repeat(MAX_QUOTE + 1) });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.reason).toMatch(/过长/);
    expect(await db.clippings.count()).toBe(0);
  });

  it('reports a failed write as failed, with nothing half-written', async () => {
    const db = freshDb();
    await db.open();
    const table = db.clippings;
    const add = table.add.bind(table);
    // a quota error on the write itself
    table.add = (() =>
      Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as unknown as typeof table.add;
    const outcome = await savePageClipping(db, capture);
    table.add = add;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/存储空间已满/);
    expect(await db.clippings.count()).toBe(0);
  });
});

describe('saving report passages', () => {
  it('stores the passage id, report, section, issuer, date and its terms', async () => {
    const db = freshDb();
    await seedCorpus(db, buildCorpus(bundledCorpusInput()));
    const passage = (await db.passages.toArray()).find((p) => p.text.includes('千县工程'));
    expect(passage).toBeDefined();
    if (!passage) return;
    const outcome = await savePassageClipping(db, passage.id);
    expect(outcome.status).toBe('saved');
    const c = await db.clippings.get((outcome as { id: string }).id);
    const report = await db.reports.get(passage.reportId);
    expect(c).toMatchObject({
      kind: 'passage',
      passageId: passage.id,
      reportId: passage.reportId,
      section: passage.section,
      quote: passage.text,
      title: report?.title,
      author: report?.issuer,
      published: report?.date,
    });
    expect(c?.terms).toContain('qianxian-gongcheng');
    expect(await savePassageClipping(db, passage.id)).toEqual({ status: 'duplicate', id: c?.id });
    expect((await savePassageClipping(db, 'no-such:1')).status).toBe('refused');
  });
});

describe('deleting with undo', () => {
  it('hides a deleted clipping, restores it on undo, and removes it only after the window', async () => {
    const db = freshDb();
    const { id } = (await savePageClipping(db, capture, { now: 10 })) as { id: string };
    await softDelete(db, [id], 1000);
    expect(await activeClippings(db)).toEqual([]);
    expect(await clippingsForPage(db, capture.url)).toEqual([]);
    await undoDelete(db, [id]);
    expect((await activeClippings(db)).map((c) => c.id)).toEqual([id]);
    await softDelete(db, [id], 1000);
    expect(await purgeDeleted(db, 1000 + 5000, 30_000)).toBe(0);
    expect(await db.clippings.count()).toBe(1);
    expect(await purgeDeleted(db, 1000 + 31_000, 30_000)).toBe(1);
    expect(await db.clippings.count()).toBe(0);
  });
});

describe('lists and page lookups', () => {
  it('lists newest first and finds a page by address or canonical link', async () => {
    const db = freshDb();
    const a = (await savePageClipping(db, capture, { now: 1 })) as { id: string };
    const b = (await savePageClipping(db, { ...capture, quote: '千县工程' }, { now: 2 })) as { id: string };
    await savePageClipping(db, { ...capture, quote: '别的页面', url: 'https://other.example/' }, { now: 3 });
    expect((await latestClippings(db, 2)).map((c) => c.quote)).toEqual(['别的页面', '千县工程']);
    await softDelete(db, [a.id]);
    const preview = await previewClippings(db, 1);
    expect(preview.total).toBe(2);
    expect(preview.items.map((c) => c.quote)).toEqual(['别的页面']);
    expect((await activeClippings(db)).map((c) => c.quote)).toEqual(['别的页面', '千县工程']);
    await undoDelete(db, [a.id]);
    const page = await clippingsForPage(db, 'https://news.example.cn/a/1.html?id=7#top');
    expect(page.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    // reached through another address, found through the page's canonical link
    const viaCanonical = await clippingsForPage(db, 'https://m.example.cn/x', 'https://news.example.cn/a/1.html?id=7');
    expect(viaCanonical).toHaveLength(2);
  });

  it('flags clippings not found on their page, keeps them, and clears the flag when found', async () => {
    const db = freshDb();
    const { id } = (await savePageClipping(db, capture)) as { id: string };
    const other = (await savePageClipping(db, { ...capture, url: 'https://other.example/' })) as { id: string };
    // a page cannot flag another page's clippings
    await recordAnchoring(db, { url: capture.url, found: [], missing: [id, other.id] }, 50);
    expect((await db.clippings.get(id))?.notFoundAt).toBe(50);
    expect((await db.clippings.get(other.id))?.notFoundAt).toBeUndefined();
    expect(await db.clippings.where('notFoundAt').above(0).count()).toBe(1);
    await recordAnchoring(db, { url: capture.url, found: [id], missing: [] }, 60);
    expect((await db.clippings.get(id))?.notFoundAt).toBeUndefined();
  });
});

describe('search', () => {
  it('finds Chinese substrings in quote, note, tags, terms and source without splitting on spaces', async () => {
    const db = freshDb();
    const a = (await savePageClipping(db, capture)) as { id: string };
    const b = (await savePageClipping(db, { ...capture, quote: '推动优质医疗资源扩容下沉', title: '国家卫健委' })) as {
      id: string;
    };
    await editClipping(db, b.id, { note: '县医院能力建设', tags: ['下沉资源'] });
    const search = new ClippingSearch();
    const ids = async (q: string) => [...(search.ids(await activeClippings(db), q) ?? [])].sort();
    expect(await ids('县域医共体')).toEqual([a.id]);
    expect(await ids('县医院')).toEqual([b.id]);
    expect(await ids('下沉资源')).toEqual([b.id]);
    expect(await ids('三医协同')).toEqual([a.id]); // written “三医协同” in the quote
    expect(await ids('示例新闻')).toEqual([a.id, b.id].sort());
    expect(await ids('优质 卫健委')).toEqual([b.id]); // words are ANDed
    expect(await ids('医')).toEqual([a.id, b.id].sort()); // one character: a scan
    expect(await ids('千县工程')).toEqual([]);
    expect(search.ids(await activeClippings(db), '   ')).toBeNull();
    expect(await ids('三醫協同')).toEqual([a.id]); // traditional script folds to simplified
  });
});
