// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { WRAP_TAG, WrapSink } from '../../entrypoints/content/highlight-sink';
import { PageScanner } from '../../entrypoints/content/scanner';
import { PageMatches } from '../../lib/page/page-matches';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { createTermMatcher } from '../../lib/terms/patterns';

const matcher = createTermMatcher(TERM_FORMS);

/** happy-dom has no CSS Custom Highlight API: this is the wrapping fallback's own environment. */
describe('scanner with the wrapping fallback', () => {
  it('wraps matches, follows text the page adds, and restores the page exactly when cleared', async () => {
    const original = '<p id="a">推进紧密型<b>医共体</b>建设和千县工程。</p><textarea>三医协同</textarea><p>无</p>';
    document.body.innerHTML = original;
    const matches = new PageMatches(new WrapSink());
    const scanner = new PageScanner(document, matcher, matches, { ownMutations: true });
    await scanner.start();
    const wrapped = () => [...document.querySelectorAll(WRAP_TAG)].map((el) => el.textContent);
    expect(wrapped()).toEqual(['紧密型', '医共体', '千县工程']);
    expect(document.querySelector('textarea')?.value).toBe('三医协同');

    const p = document.createElement('p');
    p.textContent = '新增：三医协同';
    document.body.append(p);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await scanner.idle();
    expect(wrapped()).toEqual(['紧密型', '医共体', '千县工程', '三医协同']);

    scanner.stop();
    p.remove();
    matches.clear();
    expect(document.querySelectorAll(WRAP_TAG)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(original);
  });
});
