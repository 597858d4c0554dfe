import { describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { type DiscoveryPassage, discoverCandidates } from '../../lib/terms/discover';
import { bundledPassages, runDiscovery, scoreWithoutCatalogue } from '../../scripts/discover-entry';

const passages: DiscoveryPassage[] = [
  { reportId: 'a', passageId: 'a1', text: '全面实施“银龄医师”行动，推进“千县工程”，坚持“两个结合”。' },
  { reportId: 'a', passageId: 'a2', text: '深入推进县域巡回医疗工程，建立健全三级联动机制，落实三个优先。' },
  { reportId: 'b', passageId: 'b1', text: '今年继续开展县域巡回医疗工程，持续做好三个优先，三个月内完成。' },
  { reportId: 'b', passageId: 'b2', text: '围绕三个月目标，完善工作机制和服务体系。学习二十大精神。' },
];

describe('term discovery', () => {
  const found = discoverCandidates(passages, { known: TERM_FORMS });
  const byName = new Map(found.map((c) => [c.name, c]));

  it('proposes quoted names, programme-shaped names and numbered formulas the catalogue lacks', () => {
    expect(byName.get('银龄医师')?.kind).toBe('quoted');
    expect(byName.get('两个结合')?.kind).toBe('quoted');
    const shape = byName.get('县域巡回医疗工程');
    expect(shape?.kind).toBe('shape');
    expect([shape?.reports, shape?.passages]).toEqual([2, 2]);
    expect(shape?.example.text).toContain('县域巡回医疗工程');
    expect(byName.get('三个优先')?.kind).toBe('numbered');
  });

  it('leaves out known names, generic shapes, counts, one-off unquoted phrases and party congresses', () => {
    expect(byName.has('千县工程')).toBe(false); // in the catalogue
    expect(byName.has('工作机制')).toBe(false);
    expect(byName.has('服务体系')).toBe(false);
    expect(byName.has('三个月内')).toBe(false);
    expect([...byName.keys()].some((n) => n.startsWith('三个月'))).toBe(false);
    expect(byName.has('三级联动机制')).toBe(false); // one passage, unquoted
    expect([...byName.keys()].some((n) => n.includes('二十大'))).toBe(false);
  });

  it('remembers dismissals', () => {
    const again = discoverCandidates(passages, { known: TERM_FORMS, dismissed: ['“银龄医师”'] });
    expect(again.some((c) => c.name === '银龄医师')).toBe(false);
  });

  it('on the five bundled reports: prints its proposals, and with the catalogue hidden finds mostly catalogue names', () => {
    expect(bundledPassages().length).toBeGreaterThan(100);
    const proposals = runDiscovery();
    console.log(
      `discovery on the bundled reports: ${proposals.map((c) => `${c.name} (${c.kind}, ${c.reports}/${c.passages})`).join('; ')}`,
    );
    const { candidates, strict, loose } = scoreWithoutCatalogue();
    console.log(
      `discovery with the catalogue hidden: ${candidates.length} proposals, ${strict} catalogue names (${((100 * strict) / candidates.length).toFixed(0)} %), ${loose} catalogue names or pieces of one`,
    );
    expect(strict / candidates.length).toBeGreaterThanOrEqual(0.7);
  });
});
