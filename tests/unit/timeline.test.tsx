// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIST_PAGE, TermTimeline } from '../../components/timeline/TermTimeline';
import { buildCorpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import type { PassageRecord, ReportRecord } from '../../lib/db/records';
import { AXIS_SLOTS, buildTimeline, type TimelineInput } from '../../lib/db/term-timeline';
import { largeLibrary } from './fixtures/large-library';
import { useEnglish } from './locale-en';

afterEach(() => cleanup());

/** A term's reports and hits as the term view has them, from a generated or the bundled library. */
function inputs(
  reports: ReportRecord[],
  passages: PassageRecord[],
  hits: { termId: string; passageId: string; reportId: string; spans: [number, number][] }[],
  termId: string,
): TimelineInput[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  return reports.flatMap((report) => {
    const mine = hits
      .filter((h) => h.termId === termId && h.reportId === report.id)
      .flatMap((h) => {
        const passage = byId.get(h.passageId);
        return passage ? [{ passage, spans: h.spans }] : [];
      });
    return mine.length > 0 ? [{ report, hits: mine }] : [];
  });
}

describe('the timeline of a term', () => {
  it('shows 三医协同 from the national conference to Fujian’s cities, by level', () => {
    const corpus = buildCorpus(bundledCorpusInput());
    const timeline = buildTimeline(inputs(corpus.reports, corpus.passages, corpus.hits, 'sanyi-xietong'));
    expect(timeline.lanes.map((l) => l.level)).toEqual(['national', 'multi-provincial', 'provincial', 'municipal']);
    const national = timeline.lanes[0]?.years[0]?.points[0];
    expect(national?.report.id).toBe('national-work-conference-2024');
    expect(national?.report.date.startsWith('2024-01')).toBe(true);
    const municipal = timeline.lanes[3]?.years[0]?.points[0];
    expect(municipal?.report.id).toBe('fujian-cities-third-plenum-2024-07');
    expect(timeline.last.startsWith('2024-07')).toBe(true);
    // each point carries the sentence that mentions the term
    const sentence = national ? national.passage.text.slice(national.sentence.start, national.sentence.end) : '';
    expect(sentence).toContain('“三医”协同');

    const onPassage = vi.fn();
    const { container, getByTestId } = render(<TermTimeline timeline={timeline} onPassage={onPassage} />);
    const points = [...container.querySelectorAll<HTMLElement>('.point')];
    expect(points.map((p) => p.dataset.reportId)).toContain('fujian-cities-third-plenum-2024-07');
    expect(points[0]?.dataset.reportId).toBe('national-work-conference-2024');
    expect(points[0]?.querySelector('mark')?.textContent).toMatch(/三医.*协同/);
    expect(getByTestId('timeline').textContent).toContain('2024-07-22');
    fireEvent.click(points[0]?.querySelector('button') as HTMLElement);
    expect(onPassage).toHaveBeenCalledWith(national?.passage.id);
  });

  it('stays readable with 1,000 reports: bounded rendering, grouped by year and region', () => {
    const library = largeLibrary(1000, 'sanyi-xietong', '三医协同');
    const timeline = buildTimeline(inputs(library.reports, library.passages, library.hits, 'sanyi-xietong'));
    expect(timeline.reports).toBe(1000);
    // an unknown level ('county') comes after the known ones
    expect(timeline.lanes.map((l) => l.level)).toEqual(['national', 'provincial', 'municipal', 'county']);
    expect(timeline.lanes.reduce((n, l) => n + l.count, 0)).toBe(1000);
    for (const lane of timeline.lanes) {
      expect(lane.buckets.length).toBeLessThanOrEqual(AXIS_SLOTS);
      expect(lane.buckets.reduce((n, b) => n + b.count, 0)).toBe(lane.count);
      // years in order, dates in order within a year
      expect(lane.years.map((y) => y.year)).toEqual([...lane.years.map((y) => y.year)].sort());
      for (const year of lane.years) {
        const dates = year.points.map((p) => p.report.date);
        expect(dates).toEqual([...dates].sort());
      }
    }
    const municipal = timeline.lanes.find((l) => l.level === 'municipal');
    const crowded = municipal?.years.find((y) => y.regions);
    expect(crowded?.regions?.reduce((n, r) => n + r.points.length, 0)).toBe(crowded?.points.length);

    const { container } = render(<TermTimeline timeline={timeline} onPassage={() => {}} />);
    const count = () => container.querySelectorAll('.point').length;
    // first paint: no more than the first page of each lane's first year
    expect(count()).toBeLessThanOrEqual(timeline.lanes.length * LIST_PAGE);
    expect(container.querySelectorAll('.dot').length).toBeLessThanOrEqual(timeline.lanes.length * AXIS_SLOTS);
    expect(container.querySelectorAll('*').length).toBeLessThan(1500);
    // opening a crowded year shows its regions, and a region its reports
    const lane = container.querySelector('.lane[data-level="municipal"]') as HTMLElement;
    const yearButton = [...lane.querySelectorAll<HTMLButtonElement>('.group-year > .group-toggle')].find((b) =>
      b.textContent?.includes(crowded?.year ?? '?'),
    );
    expect(yearButton?.getAttribute('aria-expanded')).toBe('false');
    const before = count();
    fireEvent.click(yearButton as HTMLElement);
    const regionButtons = lane.querySelectorAll<HTMLButtonElement>('.group-region > .group-toggle');
    expect(regionButtons.length).toBe(crowded?.regions?.length);
    expect(count()).toBe(before);
    fireEvent.click(regionButtons[0] as HTMLElement);
    const firstRegion = crowded?.regions?.[0]?.points.length ?? 0;
    expect(count()).toBe(before + Math.min(firstRegion, LIST_PAGE));
  });

  it('lists a long year by pages of reports', () => {
    const library = largeLibrary(400, 'sanyi-xietong', '三医协同');
    // one region and one year for all: no region split helps, paging must
    for (const r of library.reports) {
      r.level = 'provincial';
      r.levelRank = 2;
      r.region = '福建省';
      r.date = `2020-${r.date.slice(5)}`;
    }
    const timeline = buildTimeline(inputs(library.reports, library.passages, library.hits, 'sanyi-xietong'));
    const { container } = render(<TermTimeline timeline={timeline} onPassage={() => {}} />);
    fireEvent.click(container.querySelector('.group-year > .group-toggle') as HTMLElement);
    fireEvent.click(container.querySelector('.group-region > .group-toggle') as HTMLElement);
    expect(container.querySelectorAll('.point').length).toBe(LIST_PAGE);
    fireEvent.click(container.querySelector('.more-points') as HTMLElement);
    expect(container.querySelectorAll('.point').length).toBe(2 * LIST_PAGE);
  });

  it('counts in English without "1 reports"', () => {
    const restore = useEnglish();
    try {
      const library = largeLibrary(3, 'sanyi-xietong', '三医协同');
      const timeline = buildTimeline(inputs(library.reports, library.passages, library.hits, 'sanyi-xietong'));
      const { getByTestId } = render(<TermTimeline timeline={timeline} onPassage={() => {}} />);
      const text = getByTestId('timeline').textContent ?? '';
      expect(text).toContain('3 reports');
      expect(text).toContain('1 report ');
      expect(text).toMatch(/1 passage(?!s)/u);
      expect(text).not.toMatch(/\b1 (reports|passages)/u);
      expect(text).toContain('Timeline: ');
    } finally {
      restore();
    }
  });
});
