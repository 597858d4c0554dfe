import { normalizeKey } from '../text/fold';
import type { TermForms } from './types';

// Proposes programme names a library uses that the catalogue lacks, from the text alone: names in
// quotation marks (“千县工程”, “一老一小”), names shaped like programmes (a modifier before
// 工程, 计划, 行动, 体系 or 机制) and numbered formulas (三个转变, 五大体系). Pure: passages in,
// candidates out; the user accepts or dismisses them. Precision is modest by nature, so every
// candidate carries its counts and an example passage for the user to judge.

export interface DiscoveryPassage {
  reportId: string;
  passageId: string;
  text: string;
}

export type CandidateKind = 'quoted' | 'shape' | 'numbered';

export interface Candidate {
  name: string;
  kind: CandidateKind;
  /** How many reports and passages use the name. */
  reports: number;
  passages: number;
  example: { passageId: string; text: string };
}

export interface DiscoverOptions {
  /** Names already known (catalogue, user terms): candidates equal to, inside or around them are dropped. */
  known?: readonly TermForms[];
  /** Names the user dismissed before (compared by matching key). */
  dismissed?: readonly string[];
  /** A shape or numbered candidate needs this many passages unless it is also quoted. Default 2. */
  minPassages?: number;
}

const QUOTED = /[“「『‘"]([^“”「」『』‘’"，。；：！？,;:!?\s（）()]{2,16})[”」』’"]/gu;
const CJK_ONLY = /^[\u4e00-\u9fff0-9+、]+$/u;
const SHAPE = /([\u4e00-\u9fff]{2,10}?)(工程|计划|行动|体系|机制)/gu;
const NUMBERED = /([一二三四五六七八九十两双]{1,2})(个|项|大|类|种|条|支|张|件)([\u4e00-\u9fff]{2})/gu;

/** Words that begin a clause, not a name: a shape's modifier starts after the last of them. */
const LEADING_WORDS = [
  '推进',
  '实施',
  '开展',
  '建立',
  '健全',
  '完善',
  '加快',
  '深化',
  '推动',
  '落实',
  '构建',
  '打造',
  '启动',
  '组织',
  '加强',
  '强化',
  '持续',
  '全面',
  '深入',
  '扎实',
  '积极',
  '大力',
  '着力',
  '探索',
  '创新',
  '提升',
  '优化',
  '建设',
  '制定',
  '出台',
  '印发',
  '围绕',
  '实现',
  '形成',
  '坚持',
  '通过',
  '依托',
  '纳入',
  '包括',
  '作为',
  '以及',
  '进一步',
  '的',
  '和',
  '与',
  '及',
  '等',
  '在',
  '为',
  '以',
  '对',
  '将',
  '把',
  '是',
  '了',
  '个',
  '项',
  '年',
];
/** Modifiers too generic to name a programme (工作机制, 服务体系, 长效机制 …). */
const GENERIC_MODIFIERS = new Set([
  '工作',
  '服务',
  '长效',
  '管理',
  '保障',
  '协调',
  '运行',
  '考核',
  '评价',
  '监测',
  '治理',
  '制度',
  '政策',
  '标准',
  '组织',
  '责任',
  '激励',
  '联动',
  '协作',
  '投入',
  '筹资',
  '医疗',
  '卫生',
  '健康',
  '重点',
  '专项',
  '系列',
  '重大',
  '各项',
  '相关',
  '一批',
  '这些',
  '有关',
  '具体',
  '发展',
  '创新',
]);
/** Second halves of numbered phrases that are counts, not formulas (三个月, 两个方面 …). */
const COUNT_NOUNS = new Set([
  '方面',
  '月份',
  '年度',
  '小时',
  '百分',
  '问题',
  '地区',
  '城市',
  '部门',
  '单位',
  '环节',
  '层面',
  '阶段',
  '领域',
  '省份',
  '国家',
  '医院',
  '县区',
  '批次',
  '以上',
  '以下',
  '左右',
  '多月',
  '工作',
  '重点',
  '项目',
  '时期',
  '精神',
  '全会',
]);

function trimLeading(prefix: string): string {
  let cut = 0;
  for (const word of LEADING_WORDS) {
    const at = prefix.lastIndexOf(word);
    if (at >= 0 && at + word.length > cut) cut = at + word.length;
  }
  return prefix.slice(cut);
}

interface Tally {
  name: string;
  kind: CandidateKind;
  quoted: boolean;
  reports: Set<string>;
  passages: Set<string>;
  example: { passageId: string; text: string };
}

function snippet(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 30);
  const to = Math.min(text.length, at + length + 30);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

export function discoverCandidates(passages: readonly DiscoveryPassage[], options: DiscoverOptions = {}): Candidate[] {
  const knownKeys = (options.known ?? []).flatMap((t) => [t.canonical, ...t.aliases].map(normalizeKey));
  const dismissed = new Set((options.dismissed ?? []).map(normalizeKey));
  const minPassages = options.minPassages ?? 2;
  const tallies = new Map<string, Tally>();

  const offer = (name: string, kind: CandidateKind, quoted: boolean, passage: DiscoveryPassage, at: number) => {
    const key = normalizeKey(name);
    if (key.length < 2 || dismissed.has(key)) return;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        name,
        kind,
        quoted,
        reports: new Set(),
        passages: new Set(),
        example: { passageId: passage.passageId, text: snippet(passage.text, at, name.length) },
      };
      tallies.set(key, tally);
    }
    tally.quoted ||= quoted;
    // a quoted occurrence says more than a shape: prefer it as the kind shown
    if (quoted && tally.kind !== 'quoted') tally.kind = 'quoted';
    tally.reports.add(passage.reportId);
    tally.passages.add(passage.passageId);
  };

  for (const passage of passages) {
    const text = passage.text;
    for (const m of text.matchAll(QUOTED)) {
      const name = m[1] as string;
      if (CJK_ONLY.test(name)) offer(name, 'quoted', true, passage, (m.index ?? 0) + 1);
    }
    for (const m of text.matchAll(SHAPE)) {
      // the lazy modifier grows leftwards only as far as the match allows; trim clause words
      const start = m.index ?? 0;
      const wide = text.slice(Math.max(0, start - 8), start) + (m[1] as string);
      const modifier = trimLeading(wide).slice(-10);
      if (modifier.length < 2 || GENERIC_MODIFIERS.has(modifier)) continue;
      offer(modifier + (m[2] as string), 'shape', false, passage, start);
    }
    for (const m of text.matchAll(NUMBERED)) {
      if (COUNT_NOUNS.has(m[3] as string)) continue;
      // 二十大, 十九大: a party congress, not a formula
      if ((m[1] as string).length === 2 && m[2] === '大') continue;
      offer(m[0], 'numbered', false, passage, m.index ?? 0);
    }
  }

  const candidates: Candidate[] = [];
  for (const [key, tally] of tallies) {
    if (!tally.quoted && tally.passages.size < minPassages) continue;
    // already known, or a piece or an extension of a known name
    if (knownKeys.some((k) => k === key || k.includes(key) || key.includes(k))) continue;
    candidates.push({
      name: tally.name,
      kind: tally.kind,
      reports: tally.reports.size,
      passages: tally.passages.size,
      example: tally.example,
    });
  }
  // a shape candidate inside a longer candidate with the same passages is the same name, cut short
  const kept = candidates.filter(
    (c) =>
      !candidates.some(
        (o) => o !== c && o.name.length > c.name.length && o.name.includes(c.name) && o.passages >= c.passages,
      ),
  );
  return kept.sort((a, b) => b.reports - a.reports || b.passages - a.passages || a.name.localeCompare(b.name, 'zh'));
}
