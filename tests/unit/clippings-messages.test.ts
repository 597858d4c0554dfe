import { describe, expect, it } from 'vitest';
import { MAX_QUOTE } from '../../lib/clippings/limits';
import { parseEnvelope } from '../../lib/messages/index';

const capture = { quote: '深入推进“千县工程”', url: 'https://example.org/a', prefix: '要', suffix: '。', position: 3 };
const parse = (type: string, payload: unknown) => parseEnvelope({ type, payload });

describe('clipping messages are validated before any handler runs', () => {
  it('accepts a well-formed capture and keeps only known fields', () => {
    const envelope = parse('savePageClipping', { capture: { ...capture, extra: 'x' }, force: true });
    expect(envelope).toEqual({ type: 'savePageClipping', payload: { capture, force: true } });
  });

  it.each([
    ['a javascript: page address', { ...capture, url: 'javascript:alert(1)' }],
    ['an over-long quote', { ...capture, quote: '字'.repeat(MAX_QUOTE + 1) }],
    ['an empty quote', { ...capture, quote: '   ' }],
    ['a numeric quote', { ...capture, quote: 5 }],
    ['an over-long prefix', { ...capture, prefix: '字'.repeat(65) }],
    ['a negative position', { ...capture, position: -1 }],
    ['a fractional position', { ...capture, position: 1.5 }],
    ['a data: canonical link', { ...capture, canonicalUrl: 'data:text/html,x' }],
    ['an over-long title', { ...capture, title: 't'.repeat(501) }],
  ])('refuses %s', (_name, bad) => {
    expect(parse('savePageClipping', { capture: bad })).toBeNull();
  });

  it('refuses a non-boolean force and malformed merge, lookup and report requests', () => {
    expect(parse('savePageClipping', { capture, force: 'yes' })).toBeNull();
    expect(parse('mergeClipping', { id: '' })).toBeNull();
    expect(parse('mergeClipping', { id: 'a', capture: { quote: 'x' } })).toBeNull();
    expect(parse('pageClippings', { url: 'chrome://settings' })).toBeNull();
    expect(parse('reportAnchoring', { url: 'https://a.org/', found: 'a', missing: [] })).toBeNull();
    expect(parse('reportAnchoring', { url: 'https://a.org/', found: Array(5001).fill('a'), missing: [] })).toBeNull();
    expect(parse('reportAnchoring', { url: 'https://a.org/', found: ['a'], missing: [] })).toEqual({
      type: 'reportAnchoring',
      payload: { url: 'https://a.org/', found: ['a'], missing: [] },
    });
  });
});

describe('clipping handlers', () => {
  it('answer a page only about clippings of its own origin', async () => {
    const { Dexie } = await import('dexie');
    const { PolicyDatabase } = await import('../../lib/db/database');
    const { clippingsHandlers } = await import('../../lib/background/clippings-handlers');
    const db = new PolicyDatabase(`handlers-${Math.random()}`);
    const saved = await clippingsHandlers.savePageClipping({ capture }, { db, sender: {} });
    expect(saved.status).toBe('saved');
    const own = { db, sender: { url: 'https://example.org/a#x' } };
    const foreign = { db, sender: { url: 'https://evil.example/' } };
    expect((await clippingsHandlers.pageClippings({ url: capture.url }, own)).map((t) => t.quote)).toEqual([
      capture.quote,
    ]);
    expect(await clippingsHandlers.pageClippings({ url: capture.url }, foreign)).toEqual([]);
    const id = (saved as { id: string }).id;
    expect(await clippingsHandlers.reportAnchoring({ url: capture.url, found: [], missing: [id] }, foreign)).toEqual({
      updated: 0,
    });
    expect(await clippingsHandlers.reportAnchoring({ url: capture.url, found: [], missing: [id] }, own)).toEqual({
      updated: 1,
    });
    db.close();
    await Dexie.delete(db.name);
  });
});
