import { type SentenceWindow, sentenceAround } from '../corpus/sentences';
import type { PassageRecord, ReportRecord } from './records';
import { rankOf } from './term-card';

/**
 * How a programme travels: each report that mentions a term as one point by date, in lanes by
 * level (national → several provinces → provincial → municipal → levels this version does not
 * know), each lane by year and, where a year is crowded, by region. Pure: the view decides what
 * to open; nothing here grows with more than the number of reports.
 */

export interface TimelinePoint {
  report: ReportRecord;
  /** Passages of the report that mention the term. */
  count: number;
  /** The report's first passage mentioning the term, and the sentence there. */
  passage: PassageRecord;
  spans: [number, number][];
  sentence: SentenceWindow;
  /** Position on the library's time axis, 0 (first report) … 1 (last). */
  position: number;
}

export interface TimelineRegion {
  region: string;
  points: TimelinePoint[];
}

export interface TimelineYear {
  year: string;
  /** Points by date, oldest first. */
  points: TimelinePoint[];
  /** The same points by region, when the year has more than REGION_SPLIT of them. */
  regions: TimelineRegion[] | null;
}

export interface TimelineBucket {
  /** Slot on the axis, 0 … 1, where its dot is drawn. */
  position: number;
  count: number;
  first: string;
  last: string;
}

export interface TimelineLane {
  level: string;
  rank: number;
  count: number;
  first: string;
  last: string;
  years: TimelineYear[];
  /** Dots for the axis: points sharing a slot drawn as one dot with a count. */
  buckets: TimelineBucket[];
}

export interface Timeline {
  lanes: TimelineLane[];
  first: string;
  last: string;
  reports: number;
}

/** Above this many reports in a year, the year is listed by region. */
export const REGION_SPLIT = 12;
/** Dots per lane at most: the axis stays readable (and cheap) with 1,000 reports. */
export const AXIS_SLOTS = 60;

/** Days since 1970 of an ISO date prefix (2024, 2024-07, 2024-07-22): the start of the period. */
export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const time = Date.UTC(
    Number.isFinite(y) ? (y as number) : 1970,
    (m && Number.isFinite(m) ? m : 1) - 1,
    d && Number.isFinite(d) ? d : 1,
  );
  return Math.floor(time / 86_400_000);
}

/** The province (or 全国) a region string names: 福建省：福州、厦门 → 福建省. */
export function regionKey(region: string): string {
  return (region.split(/[：:]/u)[0] ?? region).trim() || region;
}

export interface TimelineInput {
  report: ReportRecord;
  hits: { passage: PassageRecord; spans: [number, number][] }[];
}

export function buildTimeline(groups: readonly TimelineInput[]): Timeline {
  const usable = groups.filter((g) => g.hits.length > 0);
  if (usable.length === 0) return { lanes: [], first: '', last: '', reports: 0 };
  const days = usable.map((g) => dayOf(g.report.date));
  const min = Math.min(...days);
  const max = Math.max(...days);
  const span = Math.max(1, max - min);
  const lanes = new Map<string, TimelinePoint[]>();
  usable.forEach((group, i) => {
    const first = [...group.hits].sort((a, b) => a.passage.seq - b.passage.seq)[0] as TimelineInput['hits'][number];
    const point: TimelinePoint = {
      report: group.report,
      count: group.hits.length,
      passage: first.passage,
      spans: first.spans,
      sentence: sentenceAround(first.passage.text, first.spans),
      position: ((days[i] as number) - min) / span,
    };
    const list = lanes.get(group.report.level) ?? [];
    list.push(point);
    lanes.set(group.report.level, list);
  });
  const out: TimelineLane[] = [...lanes.entries()].map(([level, points]) => {
    points.sort((a, b) => a.report.date.localeCompare(b.report.date) || a.report.id.localeCompare(b.report.id));
    const years = new Map<string, TimelinePoint[]>();
    for (const p of points) {
      const year = p.report.date.slice(0, 4);
      const list = years.get(year) ?? [];
      list.push(p);
      years.set(year, list);
    }
    const buckets = new Map<number, TimelineBucket>();
    for (const p of points) {
      const slot = Math.round(p.position * (AXIS_SLOTS - 1));
      const b = buckets.get(slot);
      if (b) {
        b.count++;
        b.last = p.report.date;
      } else
        buckets.set(slot, { position: slot / (AXIS_SLOTS - 1), count: 1, first: p.report.date, last: p.report.date });
    }
    return {
      level,
      rank: Math.min(...points.map((p) => rankOf(p.report))),
      count: points.length,
      first: (points[0] as TimelinePoint).report.date,
      last: (points[points.length - 1] as TimelinePoint).report.date,
      years: [...years.entries()].map(([year, list]) => ({ year, points: list, regions: byRegion(list) })),
      buckets: [...buckets.values()],
    };
  });
  out.sort((a, b) => a.rank - b.rank || a.level.localeCompare(b.level));
  const dates = usable.map((g) => g.report.date).sort();
  return { lanes: out, first: dates[0] as string, last: dates[dates.length - 1] as string, reports: usable.length };
}

function byRegion(points: TimelinePoint[]): TimelineRegion[] | null {
  if (points.length <= REGION_SPLIT) return null;
  const regions = new Map<string, TimelinePoint[]>();
  for (const p of points) {
    const key = regionKey(p.report.region);
    const list = regions.get(key) ?? [];
    list.push(p);
    regions.set(key, list);
  }
  return [...regions.entries()]
    .map(([region, list]) => ({ region, points: list }))
    .sort((a, b) => b.points.length - a.points.length || a.region.localeCompare(b.region, 'zh-Hans-CN'));
}
