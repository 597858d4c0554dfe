// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CardData, termsInView } from '../../entrypoints/content/card-data';
import { ask } from '../../lib/ask';
import { CardCache } from '../../lib/background/card-cache';
import { invalidateCards, type SessionArea } from '../../lib/messages/card-cache';
import type { TermCardData } from '../../lib/messages/corpus';
import type { PageMatches } from '../../lib/page/page-matches';

vi.mock('../../lib/ask', () => ({ ask: vi.fn() }));
const asked = vi.mocked(ask);

const card = (id: string) => ({ term: { id } }) as unknown as TermCardData;

beforeEach(() => {
  asked.mockReset();
  fakeBrowser.reset();
});

const session = () => fakeBrowser.storage.session as unknown as SessionArea;
/** As the extension's database announces a change to open tabs (lib/db/database.ts). */
const announce = (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items);

/** Cards the background computed earlier in this browser session. */
async function cached(...ids: string[]) {
  const cache = new CardCache(session());
  await cache.keep(
    await cache.generation(),
    ids.map((id) => ({ termId: id, limit: 5, data: card(id) })),
  );
}

describe('the cards’ data in the content script', () => {
  it('asks for the terms in view in one request, then answers their hovers from it', async () => {
    asked.mockImplementation((async (_type: string, payload?: { termIds: string[] }) =>
      payload?.termIds.map(card)) as typeof ask);
    const requests = () => asked.mock.calls.filter((call) => call.length > 0);
    const data = new CardData();
    data.prefetch(['a', 'b', 'a']);
    await vi.waitFor(() => expect(requests()).toEqual([['termCards', { termIds: ['a', 'b'], limit: 5 }]]));
    expect((await data.get('b'))?.term.id).toBe('b');
    expect((await data.get('a'))?.term.id).toBe('a');
    data.prefetch(['b', 'a']); // nothing new in view: no request
    expect(requests()).toHaveLength(1);
  });

  it('asks once per term: a hover while the prefetch is on its way waits for it', async () => {
    let answer: (cards: TermCardData[]) => void = () => {};
    asked.mockImplementationOnce((() => new Promise((resolve) => (answer = resolve))) as typeof ask);
    const data = new CardData();
    data.prefetch(['a']);
    const hovered = data.get('a');
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    answer([card('a')]);
    expect((await hovered)?.term.id).toBe('a');
  });

  it('forgets a failed request, so the hover asks again', async () => {
    asked.mockRejectedValueOnce(new Error('worker gone'));
    const data = new CardData();
    data.prefetch(['a']);
    await expect(data.get('a')).rejects.toThrow('worker gone');
    asked.mockResolvedValueOnce([card('a')] as never);
    expect((await data.get('a'))?.term.id).toBe('a');
    expect(asked).toHaveBeenLastCalledWith('termCards', { termIds: ['a'], limit: 5 });
  });

  it('reads the cards the background cached, asking only for the others', async () => {
    await cached('a', 'c');
    asked.mockImplementation((async (_type: string, payload?: { termIds: string[] }) =>
      payload?.termIds.map(card)) as typeof ask);
    const data = new CardData();
    data.prefetch(['a', 'b', 'c']);
    expect((await data.get('a'))?.term.id).toBe('a');
    expect((await data.get('b'))?.term.id).toBe('b');
    expect(asked.mock.calls).toEqual([['termCards', { termIds: ['b'], limit: 5 }]]);
    expect((await new CardData().get('c'))?.term.id).toBe('c'); // a hover reads it too
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('asks as before where the cache cannot be read (Firefox content scripts)', async () => {
    await cached('a');
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValueOnce(new Error('no access'));
    asked.mockResolvedValue([card('a')] as never);
    expect((await new CardData().get('a'))?.term.id).toBe('a');
    expect(asked).toHaveBeenCalledWith('termCards', { termIds: ['a'], limit: 5 });
  });

  it('forgets the cards it holds when what cards show changed', async () => {
    await cached('a');
    const data = new CardData();
    data.watch(new AbortController().signal);
    expect((await data.get('a'))?.term.id).toBe('a');
    await invalidateCards(session(), announce); // a user report added, say
    asked.mockResolvedValue([card('a')] as never);
    await vi.waitFor(async () => {
      await data.get('a');
      expect(asked).toHaveBeenCalledWith('termCards', { termIds: ['a'], limit: 5 });
    });
  });

  it('hears of a change through storage.local, where storage.session cannot be read (Firefox content scripts)', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('no access'));
    const data = new CardData();
    data.watch(new AbortController().signal);
    asked.mockResolvedValue([card('a')] as never);
    await data.get('a');
    await data.get('a');
    expect(asked).toHaveBeenCalledTimes(1); // kept in memory
    await invalidateCards(
      { get: async () => ({}), set: async () => {}, remove: async () => {} } as SessionArea,
      announce,
    );
    await vi.waitFor(async () => {
      await data.get('a');
      expect(asked).toHaveBeenCalledTimes(2);
    });
  });

  it('finds the terms of the blocks under the viewport, each block once', () => {
    document.body.innerHTML = '<p id="one"><span>x</span></p><p id="two">y</p>';
    const one = document.getElementById('one') as HTMLElement;
    const byBlock = new Map<Element, { termId: string }[]>([[one, [{ termId: 'a' }, { termId: 'b' }]]]);
    const matches = { of: (el: Element) => byBlock.get(el) ?? [] } as unknown as PageMatches;
    const spy = vi.spyOn(document, 'elementFromPoint').mockReturnValue(one.firstElementChild);
    expect(termsInView(document, matches)).toEqual(['a', 'b']);
    expect(spy).toHaveBeenCalledTimes(24);
    spy.mockReturnValue(document.getElementById('two'));
    expect(termsInView(document, matches)).toEqual([]);
  });
});
