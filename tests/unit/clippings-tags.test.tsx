// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClippingForm } from '../../components/clippings/ClippingForm';
import { savePageClipping, userTags } from '../../lib/clippings/store';
import { chooseTag, splitTags, suggestTags, tagsByUse } from '../../lib/clippings/tags';
import { database } from '../../lib/db/database';

afterEach(() => cleanup());

describe('tag suggestions', () => {
  const known = ['医改', '县医院', '医共体', '三明'];
  it("offers the user's tags starting with, then containing, the word typed, never one already there", () => {
    expect(suggestTags(known, '')).toEqual(known);
    expect(suggestTags(known, '医')).toEqual(['医改', '医共体', '县医院']);
    expect(suggestTags(known, '县医院，医')).toEqual(['医改', '医共体']);
    expect(suggestTags(known, '县医院，')).toEqual(['医改', '医共体', '三明']);
    expect(suggestTags(known, '院')).toEqual(['县医院']);
  });
  it('completes the word being typed', () => {
    expect(chooseTag('县医院，医', '医改')).toBe('县医院，医改，');
    expect(chooseTag('', '三明')).toBe('三明，');
    expect(splitTags('县医院，医改、 三明;x')).toEqual(['县医院', '医改', '三明', 'x']);
  });
  it('ranks tags by use', async () => {
    expect(tagsByUse([['b', 'a'], ['a'], ['c']])).toEqual(['a', 'b', 'c']);
    const db = database();
    await db.clippings.clear();
    const a = await savePageClipping(db, { quote: '甲', url: 'https://a.example/1' });
    const b = await savePageClipping(db, { quote: '乙', url: 'https://a.example/2' });
    if (a.status !== 'saved' || b.status !== 'saved') throw new Error('not saved');
    await db.clippings.update(a.id, { tags: ['医改', '县医院'] });
    await db.clippings.update(b.id, { tags: ['医改'] });
    expect(await userTags(db)).toEqual(['医改', '县医院']);
  });
});

describe('the note-and-tags form for the save confirmation', () => {
  it("saves note and tags, suggesting the user's tags", async () => {
    const onSave = vi.fn(async () => {});
    render(<ClippingForm knownTags={['医改', '县医院']} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByText('#县医院'));
    fireEvent.input(screen.getByRole('textbox', { name: /笔记/ }), { target: { value: '第三章' } });
    fireEvent.submit(screen.getByTestId('clipping-form'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ note: '第三章', tags: ['县医院'] }));
  });
  it('shows why a save failed', async () => {
    render(<ClippingForm knownTags={[]} onSave={() => Promise.reject(new Error('写入失败'))} onCancel={() => {}} />);
    fireEvent.submit(screen.getByTestId('clipping-form'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('写入失败'));
  });
});
