// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TermCardProps, TermCardView } from '../../components/card/term-card';
import { sentenceAround } from '../../lib/corpus/sentences';
import type { CardPassage, TermCardData } from '../../lib/messages/corpus';
import { useEnglish } from './locale-en';

afterEach(() => document.body.replaceChildren());

/** The card drawn into the document, as the content script draws it into its shadow root. */
function render(p: TermCardProps): { container: HTMLElement } {
  const container = document.createElement('div');
  container.append(new TermCardView(document).render(p).element);
  document.body.append(container);
  return { container };
}

const PARAGRAPH =
  '会议指出，去年疫情防控平稳转段，季节性呼吸道疾病得到有效应对，广大医务人员作出突出贡献。' +
  '以基层为重点优化资源布局，“三医”协同发展和治理迈出新步伐，服务体系建设取得新成效。' +
  '持续提升医疗服务水平，群众就医体验持续改善。';
const AT = PARAGRAPH.indexOf('“三医”协同');
const SPANS: [number, number][] = [[AT, AT + 6]];

function passage(over: Partial<CardPassage> = {}): CardPassage {
  return {
    passageId: 'r1:3',
    reportId: 'r1',
    reportTitle: '某年全国卫生健康工作会议召开',
    issuer: '国家卫生健康委员会',
    date: '2024-01-11',
    level: 'national',
    section: '导语',
    text: PARAGRAPH,
    spans: SPANS,
    sentence: sentenceAround(PARAGRAPH, SPANS),
    ...over,
  };
}

function data(over: Partial<TermCardData> = {}): TermCardData {
  return {
    term: {
      id: 'sanyi-xietong',
      canonical: '三医协同',
      category: 'reform',
      explanation: '医疗、医保、医药协同。',
      explanationEn: '',
      related: [],
    },
    perReport: [
      { reportId: 'r1', title: '某年全国卫生健康工作会议召开', level: 'national', count: 2 },
      { reportId: 'r2', title: '某省工作会议', level: 'provincial', count: 1 },
    ],
    reportTotal: 4,
    passages: [passage()],
    total: 7,
    ...over,
  };
}

function props(over: Partial<TermCardProps> = {}): TermCardProps {
  return {
    canonical: '三医协同',
    matchedForm: '三医协同',
    state: { kind: 'ready', data: data() },
    onSave: vi.fn(async () => ({ status: 'saved' as const, id: 'c1' })),
    onCopy: vi.fn(async () => true),
    onMore: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
}

const text = (el: Element | null) => el?.textContent ?? '';

describe('the hover card', () => {
  it('shows the sentence with the term marked, and the paragraph on demand', () => {
    const { container } = render(props());
    const shown = text(container.querySelector('.passage .text'));
    expect(shown).toContain('以基层为重点优化资源布局，“三医”协同发展和治理迈出新步伐，服务体系建设取得新成效。');
    expect(shown).not.toContain('疫情');
    expect(text(container.querySelector('.passage mark'))).toBe('“三医”协同');
    fireEvent.click(screen.getByText('展开全段'));
    expect(text(container.querySelector('.passage .text'))).toContain(PARAGRAPH);
    expect(text(container.querySelector('.passage mark'))).toBe('“三医”协同');
    fireEvent.click(screen.getByText('收起'));
    expect(text(container.querySelector('.passage .text'))).not.toContain('疫情');
  });

  it('puts the source right under the sentence and prints the report title once', () => {
    const { container } = render(props());
    const source = container.querySelector('.passage .source');
    expect(source?.previousElementSibling?.className).toBe('text');
    expect(text(source)).toBe('国家 国家卫生健康委员会 · 2024-01-11 · 导语');
    expect(source?.getAttribute('title')).toBe('某年全国卫生健康工作会议召开');
    const card = text(container.querySelector('.card'));
    expect(card.split('某年全国卫生健康工作会议召开').length - 1).toBe(1);
  });

  it('opens one report’s passages from its count line, and all of them from "more"', () => {
    const onMore = vi.fn();
    const { container } = render(props({ onMore }));
    const lines = [...container.querySelectorAll<HTMLButtonElement>('[data-action="report"]')];
    expect(lines.map((b) => b.dataset.reportId)).toEqual(['r1', 'r2']);
    fireEvent.click(lines[1] as HTMLButtonElement);
    expect(onMore).toHaveBeenLastCalledWith('r2');
    fireEvent.click(container.querySelector('[data-action="more"]') as HTMLElement);
    expect(onMore).toHaveBeenLastCalledWith();
    // 7 passages, 1 shown; 4 reports, 2 listed
    expect(text(screen.getByTestId('more-count'))).toBe('另有 6 段未显示');
    expect(text(container.querySelector('.card'))).toContain('另有 2 份报告');
  });

  it('copies what is shown: the sentence, or the paragraph once expanded', async () => {
    const onCopy = vi.fn(async (_: CardPassage) => true);
    const { container } = render(props({ onCopy }));
    fireEvent.click(container.querySelector('[data-action="copy"]') as HTMLElement);
    expect(onCopy.mock.calls[0]?.[0].text).toBe(
      '以基层为重点优化资源布局，“三医”协同发展和治理迈出新步伐，服务体系建设取得新成效。',
    );
    fireEvent.click(screen.getByText('展开全段'));
    fireEvent.click(container.querySelector('[data-action="copy"]') as HTMLElement);
    expect(onCopy.mock.calls[1]?.[0].text).toBe(PARAGRAPH);
  });

  it('marks the user’s own reports with the 文库 badge, in passages and in the report list', () => {
    const own = passage({ passageId: 'u:0', reportId: 'u', own: true });
    const bundled = passage({ passageId: 'b:0', reportId: 'b' });
    const both = data({
      passages: [own, bundled],
      perReport: [
        { reportId: 'u', title: '我的报告', level: 'county', count: 1, own: true },
        { reportId: 'b', title: '内置报告', level: 'national', count: 1 },
      ],
    });
    const { container } = render(props({ state: { kind: 'ready', data: both } }));
    const badge = (el: Element | null) => el?.querySelector('.level.own')?.textContent ?? null;
    expect(badge(container.querySelector('[data-passage-id="u:0"]'))).toBe('文库');
    expect(badge(container.querySelector('[data-passage-id="b:0"]'))).toBeNull();
    expect(badge(container.querySelector('[data-report-id="u"]'))).toBe('文库');
    expect(badge(container.querySelector('[data-report-id="b"]'))).toBeNull();
    expect(text(container.querySelector('[data-report-id="u"] .level'))).toBe('县级');
  });

  it('shows a level it does not know by its own name', () => {
    // 'township': no release has it (county and other are named since issue 9)
    const p = passage({ level: 'township' as CardPassage['level'] });
    const { container } = render(props({ state: { kind: 'ready', data: data({ passages: [p] }) } }));
    expect(text(container.querySelector('.passage .level'))).toBe('township');
  });

  it('speaks English with plurals and no full-width colon', () => {
    const restore = useEnglish();
    try {
      const one = data({
        total: 2,
        reportTotal: 3,
        perReport: [{ reportId: 'r1', title: 'T', level: 'national', count: 1 }],
      });
      const { container } = render(props({ state: { kind: 'ready', data: one } }));
      const card = text(container.querySelector('.card'));
      expect(card).toContain('1 passage');
      expect(card).not.toContain('1 passages');
      expect(text(screen.getByTestId('more-count'))).toBe('1 more passage not shown');
      expect(card).toContain('2 more reports');
      expect(text(container.querySelector('[data-action="more"]'))).toBe('All 2 passages in a tab →');
      expect(card).not.toContain('：');
    } finally {
      restore();
    }
  });

  it('reports a save as it goes: saving, then the outcome; a failure says why', async () => {
    let settle: (outcome: { status: 'saved'; id: string }) => void = () => {};
    const onSave = vi.fn(() => new Promise<{ status: 'saved'; id: string }>((resolve) => (settle = resolve)));
    const { container } = render(props({ onSave }));
    const status = () => text(container.querySelector('.passage .status'));
    fireEvent.click(container.querySelector('[data-action="save"]') as HTMLElement);
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ passageId: 'r1:3' }));
    expect(status()).toBe('保存中……');
    settle({ status: 'saved', id: 'c1' });
    await vi.waitFor(() => expect(status()).toBe('已保存'));
    onSave.mockImplementationOnce(async () => {
      throw new Error('quota');
    });
    fireEvent.click(container.querySelector('[data-action="save"]') as HTMLElement);
    await vi.waitFor(() => expect(status()).toContain('quota'));
  });

  it('shows loading, error and unknown-term states, and the form written on the page', () => {
    const onClose = vi.fn();
    const view = new TermCardView(document);
    document.body.append(view.element);
    view.render(props({ matchedForm: '三醫協同', state: { kind: 'loading' }, onClose }));
    expect(text(view.element.querySelector('.form'))).toContain('三醫協同');
    expect(text(view.element.querySelector('.muted'))).toBe('正在查找报告……');
    expect(view.element.getAttribute('aria-label')).toContain('三医协同');
    const close = view.element.querySelector<HTMLButtonElement>('button.close');
    close?.focus();
    view.render(props({ matchedForm: '三醫協同', state: { kind: 'error', message: 'offline' }, onClose }));
    expect(text(view.element.querySelector('.muted'))).toContain('offline');
    // the header stays across states: a keyboard user's focus on the close button is kept
    expect(view.element.querySelector('button.close')).toBe(close);
    expect(document.activeElement).toBe(close);
    view.render(props({ state: { kind: 'ready', data: null }, onClose }));
    expect(view.element.querySelector('.form')).toBeNull();
    expect(view.element.querySelectorAll('.muted')).toHaveLength(1);
    expect(view.element.querySelector('.passages')).toBeNull();
    fireEvent.click(close as HTMLElement);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows report and page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">三医协同<b>x</b>';
    const p = passage({
      text: hostile,
      spans: [[hostile.indexOf('三'), hostile.indexOf('三') + 4]],
      sentence: undefined,
    });
    const { container } = render(
      props({
        matchedForm: '<i>三医</i>',
        state: {
          kind: 'ready',
          data: data({
            passages: [p],
            perReport: [{ reportId: 'r1', title: '<u>t</u>', level: 'national', count: 1 }],
          }),
        },
      }),
    );
    expect(container.querySelector('img, i, u, .text b')).toBeNull();
    expect(text(container.querySelector('.passage .text'))).toBe(hostile);
    expect(text(container.querySelector('.passage mark'))).toBe('三医协同');
  });
});
