import { describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { effectiveForms } from '../../lib/terms/effective';
import { buildStoredMatcher, restoreStoredMatcher } from '../../lib/terms/user-matcher';

const USER = { id: 'user-hulianwang-yiyuan', canonical: '互联网医院', aliases: ['线上医院'] };
const TEXT = '该市开通互联网医院，并推进紧密型医共体和“千县工程”。';

function found(matcher: { findAll(t: string): { pattern: number }[]; patterns: readonly { termId: string }[] }) {
  return matcher.findAll(TEXT).map((m) => matcher.patterns[m.pattern]?.termId);
}

describe('the stored matcher with the user terms', () => {
  it('survives storage (JSON) and finds user terms, not hidden ones, with their names', () => {
    const effective = effectiveForms(TERM_FORMS, [USER], [], ['qianxian-gongcheng']);
    const stored = JSON.parse(JSON.stringify(buildStoredMatcher(TERM_FORMS, effective)));
    expect(stored.names).toEqual([[USER.id, USER.canonical]]);
    const restored = restoreStoredMatcher(stored, TERM_FORMS);
    if (!restored) throw new Error('not restored');
    const ids = found(restored.matcher);
    expect(ids).toContain(USER.id);
    expect(ids).toContain('jinmixing-yigongti');
    expect(ids).not.toContain('qianxian-gongcheng');
    expect(restored.names.get(USER.id)).toBe('互联网医院');
  });

  it('refuses a matcher built over another bundled catalogue, or a damaged record', () => {
    const stored = buildStoredMatcher(TERM_FORMS, effectiveForms(TERM_FORMS, [USER]));
    expect(restoreStoredMatcher(stored, TERM_FORMS.slice(1))).toBeNull();
    expect(restoreStoredMatcher({ ...stored, compiled: '{"format":2}' }, TERM_FORMS)).toBeNull();
    expect(restoreStoredMatcher('x', TERM_FORMS)).toBeNull();
    expect(restoreStoredMatcher(stored, TERM_FORMS)).not.toBeNull();
  });

  it('keeps context rules: a formula with a rule needs health-policy text around it', () => {
    const slogan = TERM_FORMS.find((t) => t.context?.needs === 'health' && !t.context.forms);
    if (!slogan) throw new Error('no term with a health rule');
    const restored = restoreStoredMatcher(
      buildStoredMatcher(TERM_FORMS, effectiveForms(TERM_FORMS, [USER])),
      TERM_FORMS,
    );
    expect(restored?.matcher.findAll(`钢铁行业提出${slogan.canonical}。`)).toEqual([]);
    expect(restored?.matcher.findAll(`医疗卫生和医保部门推进${slogan.canonical}。`).length).toBeGreaterThan(0);
  });
});
