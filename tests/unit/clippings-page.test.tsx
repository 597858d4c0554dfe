// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClippingsApp } from '../../components/clippings/ClippingsApp';
import { savePageClipping } from '../../lib/clippings/store';
import { database } from '../../lib/db/database';

const db = database();

beforeEach(async () => {
  await db.clippings.clear();
  await savePageClipping(
    db,
    { quote: '全面促进“三医协同”', url: 'https://a.example/1', title: '甲文', site: '甲网' },
    { now: 1000 },
  );
  await savePageClipping(
    db,
    { quote: '深入推进“千县工程”', url: 'https://b.example/2', title: '乙文', site: '乙网' },
    { now: 2000 },
  );
});
afterEach(() => cleanup());

const quotes = () => screen.queryAllByTestId('quote').map((q) => q.textContent);

describe('the clippings page', () => {
  it('lists newest first, with automatic tags', async () => {
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toEqual(['深入推进“千县工程”', '全面促进“三医协同”']));
    expect(screen.getAllByTestId('term-tag').map((t) => t.textContent)).toEqual(['千县工程', '三医协同']);
  });

  it('searches Chinese without spaces and filters by term', async () => {
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(2));
    fireEvent.input(screen.getByTestId('search'), { target: { value: '三醫協同' } });
    await waitFor(() => expect(quotes()).toEqual(['全面促进“三医协同”']));
    fireEvent.input(screen.getByTestId('search'), { target: { value: '' } });
    await waitFor(() => expect(quotes()).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('term-tag')[0] as HTMLElement);
    await waitFor(() => expect(quotes()).toEqual(['深入推进“千县工程”']));
  });

  it('deletes softly and brings the clipping back on undo', async () => {
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(2));
    fireEvent.click(screen.getAllByText('删除')[0] as HTMLElement);
    await waitFor(() => expect(quotes()).toEqual(['全面促进“三医协同”']));
    expect(await db.clippings.count()).toBe(2); // still stored, marked deleted
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(quotes()).toHaveLength(2));
    expect((await db.clippings.toArray()).every((c) => c.deletedAt === undefined)).toBe(true);
  });

  it('edits a note and tags', async () => {
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(2));
    fireEvent.click(screen.getAllByText('编辑笔记和标签')[0] as HTMLElement);
    fireEvent.input(screen.getByRole('textbox', { name: /笔记/ }), { target: { value: '写进第三章' } });
    fireEvent.input(screen.getByRole('textbox', { name: /标签/ }), { target: { value: '县医院，能力建设' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(screen.getByTestId('note').textContent).toBe('写进第三章'));
    expect(screen.getAllByTestId('user-tag').map((t) => t.textContent)).toEqual(['#县医院', '#能力建设']);
    const stored = (await db.clippings.toArray()).find((c) => c.quote.includes('千县'));
    expect(stored).toMatchObject({ note: '写进第三章', tags: ['县医院', '能力建设'] });
  });

  it('shows whether a backup was made', async () => {
    render(<ClippingsApp />);
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toMatch(/尚未备份过/));
  });
});
