// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Excerpt } from '../../components/popup/Excerpt';
import { CHIPS_SHOWN, PageTerms } from '../../components/popup/PageTerms';
import { isFullPage, PopupApp, routeFromSearch } from '../../components/popup/PopupApp';
import type { PageTermsData } from '../../lib/messages/content';

afterEach(() => cleanup());

function pageWith(n: number): PageTermsData {
  return {
    marking: 'on',
    site: 'news.example',
    scanned: true,
    terms: Array.from({ length: n }, (_, i) => ({
      termId: `t${i}`,
      canonical: `术语${i}`,
      count: 1,
      forms: [`术语${i}`],
    })),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = vi.fn(async () => pageWith(40));
});

describe('popup excerpts', () => {
  it('never cut off the matched words, however deep in the paragraph they are', () => {
    const filler = '前面的句子讲别的工作，和检索词没有关系。'.repeat(12);
    const text = `${filler}要全面推进紧密型县域医共体建设，提升基层服务能力。后面还有一句。`;
    const at = text.indexOf('紧密型县域医共体');
    const { container } = render(<Excerpt text={text} spans={[[at, at + 8]]} />);
    expect(container.querySelector('mark')?.textContent).toBe('紧密型县域医共体');
    const shown = container.textContent ?? '';
    expect(shown).toBe('…要全面推进紧密型县域医共体建设，提升基层服务能力。…');
  });

  it('shows every match in its own sentence, up to three', () => {
    const text =
      '甲句提到三医协同。乙句没有。丙句又说三医协同。己句无关。丁句再说三医协同。庚句无关。戊句第四次三医协同。';
    const spans = [...text.matchAll(/三医协同/gu)].map((m) => [m.index ?? 0, (m.index ?? 0) + 4] as [number, number]);
    const { container } = render(<Excerpt text={text} spans={spans} />);
    expect([...container.querySelectorAll('mark')].length).toBe(3);
    expect(container.textContent).not.toContain('乙句');
  });
});

describe('the popup layout', () => {
  it('collapses a long list of page terms behind "all N terms"', async () => {
    render(<PageTerms tabId={7} onTerm={() => {}} />);
    await waitFor(() => expect(screen.getAllByRole('button').length).toBeGreaterThan(1));
    const chips = () => document.querySelectorAll('[data-term-id]').length;
    expect(chips()).toBe(CHIPS_SHOWN);
    fireEvent.click(document.querySelector('[data-action="all-terms"]') as HTMLElement);
    expect(chips()).toBe(40);
  });

  it('puts the marking switches before the terms of the page', async () => {
    const { container } = render(<PopupApp search="?tab=7" />);
    await waitFor(() => {
      expect(container.querySelector('[data-testid="settings"]')).not.toBeNull();
      expect(container.querySelectorAll('[data-testid="page-terms"] [data-term-id]').length).toBe(CHIPS_SHOWN);
    });
    const settings = container.querySelector('[data-testid="settings"]') as Element;
    const terms = container.querySelector('[data-testid="page-terms"]') as Element;
    expect(settings.compareDocumentPosition(terms) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.documentElement.classList.contains('full-page')).toBe(false);
  });

  it('opens one report of a term from the address, as a full page', () => {
    expect(routeFromSearch('?term=sanyi-xietong&report=r1')).toEqual({
      kind: 'term',
      termId: 'sanyi-xietong',
      reportId: 'r1',
    });
    expect(routeFromSearch('?term=sanyi-xietong')).toEqual({ kind: 'term', termId: 'sanyi-xietong' });
    expect(isFullPage('?term=a')).toBe(true);
    expect(isFullPage('?passage=a:1')).toBe(true);
    expect(isFullPage('?tab=3')).toBe(false);
    expect(isFullPage('')).toBe(false);
  });
});
