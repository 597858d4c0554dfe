// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClippingsApp } from '../../components/clippings/ClippingsApp';
import { CITATION_STYLE_KEY, LAST_BACKUP_KEY, savePageClipping } from '../../lib/clippings/store';
import { database } from '../../lib/db/database';
import { SET_ASIDE_KEY } from '../../lib/db/upgrades';

const db = database();

beforeEach(async () => {
  await db.clippings.clear();
  await db.settings.clear();
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

  it('labels the saved and the published date', async () => {
    await savePageClipping(
      db,
      { quote: '推进紧密型县域医共体建设', url: 'https://c.example/3', title: '丙文', published: '2024-07-23' },
      { now: 3000 },
    );
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(3));
    expect(screen.getAllByTestId('published').map((p) => p.textContent)).toEqual(['发布于 2024-07-23']);
    expect(screen.getAllByTestId('saved')[0]?.textContent).toMatch(/^保存于 \d{4}-\d{2}-\d{2}$/);
  });

  it('switches the citation style and keeps the choice', async () => {
    await db.clippings.toCollection().modify({ author: '甲; 乙', published: '2024-01-12' });
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(2));
    const citation = () => screen.getAllByTestId('citation')[0]?.textContent ?? '';
    expect(citation()).toMatch(/^甲，乙\. 乙文\[EB\/OL\]\. （2024-01-12）\[/);
    // as the browser does it: the value changes, then a change event
    const select = screen.getByTestId('citation-style') as HTMLSelectElement;
    select.value = 'gbt7714-2015';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(citation()).toMatch(/^甲, 乙\. 乙文\[EB\/OL\]\. \(2024-01-12\)\[/));
    await waitFor(async () => expect((await db.settings.get(CITATION_STYLE_KEY))?.value).toBe('gbt7714-2015'));
  });

  it("suggests the user's tags while editing", async () => {
    await db.clippings.toCollection().modify({ tags: ['县医院', '医改'] });
    render(<ClippingsApp />);
    await waitFor(() => expect(quotes()).toHaveLength(2));
    fireEvent.click(screen.getAllByText('编辑笔记和标签')[0] as HTMLElement);
    const field = screen.getByRole('textbox', { name: /标签/ });
    fireEvent.input(field, { target: { value: '' } });
    const chips = () => screen.queryAllByTestId('tag-suggestions').flatMap((g) => [...g.querySelectorAll('button')]);
    await waitFor(() => expect(chips().map((b) => b.textContent)).toEqual(['#医改', '#县医院']));
    fireEvent.input(field, { target: { value: '县' } });
    await waitFor(() => expect(chips().map((b) => b.textContent)).toEqual(['#县医院']));
    fireEvent.click(chips()[0] as HTMLElement);
    expect((field as HTMLInputElement).value).toBe('县医院，');
  });

  it('shows an error recording the backup time instead of the success notice', async () => {
    const put = db.settings.put.bind(db.settings);
    db.settings.put = ((record: { key: string }) =>
      record.key === LAST_BACKUP_KEY ? Promise.reject(new Error('磁盘已满')) : put(record as never)) as never;
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = () => 'blob:x';
    try {
      render(<ClippingsApp />);
      await waitFor(() => expect(quotes()).toHaveLength(2));
      await waitFor(() => expect(screen.getByTestId('result-count').dataset.loaded).toBe('all'));
      fireEvent.click(screen.getByTestId('backup'));
      await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/备份时间未能记录：磁盘已满/));
      expect(screen.getByTestId('notice').getAttribute('role')).toBe('alert');
      expect(screen.getByTestId('backup-status').textContent).toMatch(/尚未备份过/);
    } finally {
      db.settings.put = put as never;
      URL.createObjectURL = createObjectURL;
    }
  });

  it('tells the user about clippings an upgrade set aside', async () => {
    await db.settings.put({
      key: SET_ASIDE_KEY,
      value: [{ record: { id: 'bad', quote: 42 }, version: 2, reason: 'quote is not a string', at: 1 }],
    });
    render(<ClippingsApp />);
    await waitFor(() => expect(screen.getByTestId('set-aside').textContent).toMatch(/1 条摘录格式损坏，已单独保留/));
    fireEvent.click(screen.getByText('不再保留'));
    await waitFor(() => expect(screen.queryByTestId('set-aside')).toBeNull());
    expect(await db.settings.get(SET_ASIDE_KEY)).toBeUndefined();
  });
});
