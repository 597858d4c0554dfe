// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CardData, termsInView } from '../../entrypoints/content/card-data';
import { ask } from '../../lib/ask';
import type { TermCardData } from '../../lib/messages/corpus';
import type { PageMatches } from '../../lib/page/page-matches';

vi.mock('../../lib/ask', () => ({ ask: vi.fn() }));
const asked = vi.mocked(ask);

const card = (id: string) => ({ term: { id } }) as unknown as TermCardData;

beforeEach(() => asked.mockReset());

describe('the cards’ data in the content script', () => {
  it('asks for the terms in view in one request, then answers their hovers from it', async () => {
    asked.mockImplementation((async (_type: string, payload?: { termIds: string[] }) =>
      payload?.termIds.map(card)) as typeof ask);
    const requests = () => asked.mock.calls.filter((call) => call.length > 0);
    const data = new CardData();
    data.prefetch(['a', 'b', 'a']);
    expect(requests()).toEqual([['termCards', { termIds: ['a', 'b'], limit: 5 }]]);
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
    expect(asked).toHaveBeenCalledTimes(1);
    answer([card('a')]);
    expect((await hovered)?.term.id).toBe('a');
  });

  it('forgets a failed request, so the hover asks again', async () => {
    asked.mockRejectedValueOnce(new Error('worker gone'));
    const data = new CardData();
    data.prefetch(['a']);
    await expect(data.get('a')).rejects.toThrow('worker gone');
    asked.mockResolvedValueOnce(card('a') as never);
    expect((await data.get('a'))?.term.id).toBe('a');
    expect(asked).toHaveBeenLastCalledWith('termCard', { termId: 'a', limit: 5 });
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
