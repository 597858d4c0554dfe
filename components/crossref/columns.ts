import type { ReportRecord } from '../../lib/db/records';
import { compareReports } from '../../lib/db/term-card';
import { regionKey } from '../../lib/db/term-timeline';

/**
 * The matrix's columns for any number of reports: reports grouped by level and, in a level with
 * many, by region; a group can be shown as one summed column or opened into its members. Pure, so
 * the grouping and the default opening are tested without a browser.
 */

export interface ColumnNode {
  /** 'level:national', 'region:national:福建省', or a report id. */
  key: string;
  kind: 'level' | 'region' | 'report';
  level: string;
  label: string;
  reports: ReportRecord[];
  children: ColumnNode[];
}

export interface Column {
  key: string;
  kind: ColumnNode['kind'];
  level: string;
  label: string;
  /** The report itself for a report column. */
  report?: ReportRecord;
  reportIds: string[];
  /** The group this column can be folded back into (none for a level column). */
  parent?: string;
}

/** A level with more reports than this is split by region. */
export const REGION_GROUPING = 8;
/** Columns opened by default at most: the first paint stays small with 1,000 reports. */
export const DEFAULT_COLUMNS = 40;

export function columnTree(reports: readonly ReportRecord[]): ColumnNode[] {
  const sorted = [...reports].sort(compareReports);
  const levels = new Map<string, ReportRecord[]>();
  for (const r of sorted) {
    const list = levels.get(r.level) ?? [];
    list.push(r);
    levels.set(r.level, list);
  }
  return [...levels.entries()].map(([level, list]) => {
    const leaf = (r: ReportRecord): ColumnNode => ({
      key: r.id,
      kind: 'report',
      level,
      label: r.title,
      reports: [r],
      children: [],
    });
    const regions = new Map<string, ReportRecord[]>();
    for (const r of list) {
      const key = regionKey(r.region);
      const members = regions.get(key) ?? [];
      members.push(r);
      regions.set(key, members);
    }
    const byRegion = list.length > REGION_GROUPING && regions.size > 1;
    const children = byRegion
      ? [...regions.entries()].map(
          ([region, members]): ColumnNode => ({
            key: `region:${level}:${region}`,
            kind: 'region',
            level,
            label: region,
            reports: members,
            children: members.map(leaf),
          }),
        )
      : list.map(leaf);
    return { key: `level:${level}`, kind: 'level', level, label: level, reports: list, children };
  });
}

/** Opens groups, level by level then region by region, while the columns stay within `max`. */
export function defaultOpen(tree: readonly ColumnNode[], max = DEFAULT_COLUMNS): Set<string> {
  const open = new Set<string>();
  let count = tree.length;
  const tryOpen = (node: ColumnNode) => {
    if (node.children.length === 0) return;
    const grown = count - 1 + node.children.length;
    if (grown <= max) {
      open.add(node.key);
      count = grown;
    }
  };
  for (const level of tree) tryOpen(level);
  for (const level of tree) if (open.has(level.key)) for (const child of level.children) tryOpen(child);
  return open;
}

/** The visible columns for the opened groups, in reading order. */
export function visibleColumns(tree: readonly ColumnNode[], open: ReadonlySet<string>): Column[] {
  const out: Column[] = [];
  const walk = (node: ColumnNode, parent?: string) => {
    if (node.kind !== 'report' && open.has(node.key)) {
      for (const child of node.children) walk(child, node.key);
      return;
    }
    out.push({
      key: node.key,
      kind: node.kind,
      level: node.level,
      label: node.label,
      ...(node.kind === 'report' ? { report: node.reports[0] } : {}),
      reportIds: node.reports.map((r) => r.id),
      ...(parent ? { parent } : {}),
    });
  };
  for (const level of tree) walk(level);
  return out;
}

/** Reports a filter text matches: by title, issuer, region or date. */
export function matchesReport(report: ReportRecord, filter: string): boolean {
  const q = filter.trim();
  if (!q) return true;
  return [report.title, report.issuer, report.region, report.date].some((field) => field.includes(q));
}

/**
 * A count's shade, 0 (none) to 5: logarithmic, so one passage is visible next to fifty and the
 * largest count in view is the darkest.
 */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  if (max === 1) return 5;
  return Math.max(1, Math.min(5, Math.ceil((5 * Math.log1p(count)) / Math.log1p(max))));
}
