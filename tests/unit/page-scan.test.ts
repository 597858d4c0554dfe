// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { infoOf } from '../../lib/page/dom-rules';
import { type MarkSink, matchedText, type PageMatch, PageMatches, piecesOf } from '../../lib/page/page-matches';
import { summarisePageTerms } from '../../lib/page/page-terms';
import { collectRuns, RunStream } from '../../lib/page/text-blocks';
import { TERM_FORMS } from '../../lib/terms/catalogue-forms';
import { createTermMatcher } from '../../lib/terms/patterns';

const matcher = createTermMatcher(TERM_FORMS);

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

class RecordingSink implements MarkSink {
  marked = new Set<PageMatch>();
  add(_container: Element, matches: readonly PageMatch[]) {
    for (const m of matches) this.marked.add(m);
  }
  drop(_container: Element, matches: readonly PageMatch[]) {
    for (const m of matches) this.marked.delete(m);
  }
}

function scan(root: HTMLElement) {
  const sink = new RecordingSink();
  const matches = new PageMatches(sink);
  matches.replace(collectRuns(root, true), matcher);
  return { sink, matches, forms: matches.inDocumentOrder().map(matchedText) };
}

describe('text runs', () => {
  it('joins inline elements and splits at block edges', () => {
    const runs = collectRuns(page('<p>千县<b>工<i>程</i></b></p><p>下一段</p>'), true);
    expect(runs.map((r) => r.texts.join(''))).toEqual(['千县工程', '下一段']);
    expect(runs[0]?.nodes).toHaveLength(3);
  });

  it('never reads inputs, code, scripts or editable regions', () => {
    const runs = collectRuns(
      page(
        '<p>甲</p><textarea>三医协同</textarea><pre>千县工程</pre><code>x</code><script>var a="三医协同"</script>' +
          '<div contenteditable="true">紧密型医共体<p>内部</p></div><div contenteditable="false">乙</div><p hidden>丙</p>',
      ),
      true,
    );
    expect(runs.map((r) => r.texts.join(''))).toEqual(['甲', '乙']);
  });

  it('ends a run at a skipped inline element, so text around it cannot join', () => {
    const runs = collectRuns(page('<p>千县<code>x</code>工程</p>'), true);
    expect(runs.map((r) => r.texts.join(''))).toEqual(['千县', '工程']);
  });
});

describe('page matches', () => {
  it('finds the forms real pages write, across inline elements', () => {
    const { forms } = scan(
      page(
        '<p>全面促进“三医”协同，推进千縣工程。</p><p>紧密型<b>医共体</b>和三 医协同。</p>' +
          '<p>促进医疗、医保、医药协同发展和治理。</p>',
      ),
    );
    expect(forms).toEqual(['“三医”协同', '千縣工程', '紧密型医共体', '三 医协同', '医疗、医保、医药协同发展和治理']);
  });

  it('never matches across two paragraphs', () => {
    const { forms } = scan(page('<p>以三医</p><p>协同开头</p>'));
    expect(forms).toEqual([]);
  });

  it('maps a match split over nodes back to its nodes and offsets', () => {
    const root = page('<p>推进紧密型<b>医共体</b>建设</p>');
    const { matches } = scan(root);
    const [match] = matches.inDocumentOrder();
    const b = root.querySelector('b')?.firstChild as Text;
    const head = root.querySelector('p')?.firstChild as Text;
    expect(match?.startNode).toBe(head);
    expect(match?.startOffset).toBe(2);
    expect(match?.endNode).toBe(b);
    expect(match?.endOffset).toBe(3);
    expect(matches.at(b, 1)).toBe(match);
    expect(matches.at(head, 2)).toBe(match);
    expect(matches.at(head, 1)).toBeNull();
    expect(matches.at(b, 3)).toBeNull();
    expect(piecesOf(match as PageMatch)).toEqual([
      { node: head, from: 2, to: 5 },
      { node: b, from: 0, to: 3 },
    ]);
    expect(matchedText(match as PageMatch)).toBe('紧密型医共体');
  });

  it('finds a match that runs through a node in the middle, and one node holding two matches', () => {
    const root = page('<p>千<i>县</i>工程和三医协同、千县工程</p>');
    const { matches, forms } = scan(root);
    expect(forms).toEqual(['千县工程', '三医协同', '千县工程']);
    const i = root.querySelector('i')?.firstChild as Text;
    const [first, second] = matches.inDocumentOrder();
    expect(matches.at(i, 0)).toBe(first);
    expect(first?.nodes).toHaveLength(3);
    expect(second?.nodes).toBeNull();
  });

  it('finds every match of a long paragraph with hundreds of them, split over many nodes', () => {
    const part = '推进“三医”协同和千<b>县</b>工程，';
    const root = page(`<p>${part.repeat(150)}</p>`);
    const { matches, forms } = scan(root);
    expect(forms).toHaveLength(300);
    expect(forms.slice(0, 2)).toEqual(['“三医”协同', '千县工程']);
    const bs = root.querySelectorAll('b');
    expect(matches.at(bs[149]?.firstChild as Text, 0)?.termId).toBe(matches.at(bs[0]?.firstChild as Text, 0)?.termId);
  });

  it('replaces exactly one container on rescan and forgets removed ones', () => {
    const root = page('<p id="a">千县工程</p><p id="b">三医协同</p>');
    const { sink, matches } = scan(root);
    expect(sink.marked.size).toBe(2);
    const a = root.querySelector('#a') as HTMLElement;
    (a.firstChild as Text).data = '千县工程和紧密型医共体';
    matches.replace(collectRuns(a, false), matcher);
    expect([...sink.marked].map(matchedText).sort()).toEqual(['三医协同', '千县工程', '紧密型医共体'].sort());
    root.querySelector('#b')?.remove();
    matches.pruneDetached();
    expect([...sink.marked].map((m) => m.termId).sort()).toEqual(['jinmixing-yigongti', 'qianxian-gongcheng']);
    matches.clear();
    expect(sink.marked.size).toBe(0);
  });

  it('summarises the page terms in order of first occurrence, with counts and forms', () => {
    const { matches } = scan(page('<p>千县工程</p><p>三医协同和“三医”协同</p><p>千縣工程</p>'));
    const terms = summarisePageTerms(matches.inDocumentOrder(), (id) => id);
    expect(terms).toEqual([
      { termId: 'qianxian-gongcheng', canonical: 'qianxian-gongcheng', count: 2, forms: ['千县工程', '千縣工程'] },
      { termId: 'sanyi-xietong', canonical: 'sanyi-xietong', count: 2, forms: ['三医协同', '“三医”协同'] },
    ]);
  });
});

describe('opening quotes', () => {
  it('takes in the opening quote whose closing partner is inside the match', () => {
    expect(scan(page('<p>促进“三医”协同</p>')).forms).toEqual(['“三医”协同']);
    expect(scan(page('<p>促进“<b>三医”协同</b></p>')).forms).toEqual(['“三医”协同']);
    expect(scan(page('<p>促进“<b></b>三医”协同</p>')).forms).toEqual(['“三医”协同']);
  });
  it('leaves a match alone when the quote before it closes nothing inside', () => {
    expect(scan(page('<p>“三医协同”</p>')).forms).toEqual(['三医协同']);
    expect(scan(page('<p>他说「三医”协同</p>')).forms).toEqual(['三医”协同']);
  });
});

describe('what the reader sees', () => {
  const texts = (root: Element, descend = true) => collectRuns(root, descend).map((r) => r.texts.join(''));

  it('leaves hidden text, scripts and ruby annotations out without ending the run', () => {
    const root = page(
      '<p>千县<span style="display:none">删</span>工程</p><p>三医<script>var x = 1;</script>协同</p>' +
        '<p><ruby>紧<rt>jǐn</rt></ruby><ruby>密<rp>(</rp><rt>mì</rt><rp>)</rp></ruby>型医共体</p><p>千县<span hidden>x</span>工程</p>',
    );
    expect(texts(root)).toEqual(['千县工程', '三医协同', '紧密型医共体', '千县工程']);
    expect(scan(root).forms).toEqual(['千县工程', '三医协同', '紧密型医共体', '千县工程']);
  });

  it('decides inline or block by computed style', () => {
    const root = page(
      '<div>千县<div style="display:inline">工程</div></div><div>三医<span style="display:block">协同</span></div>',
    );
    expect(texts(root)).toEqual(['千县工程', '三医', '协同']);
  });

  it('finds the same runs in a block when rescanning it alone as in the first scan, <br> and nested blocks included', () => {
    const root = page('<div id="d">千县<br>工程<p>内段三医协同</p>紧密型<b>医共体</b><span hidden>隐</span>！</div>');
    const d = root.querySelector('#d') as Element;
    const first = collectRuns(root, true)
      .filter((r) => r.container === d)
      .map((r) => r.texts.join(''));
    expect(first).toEqual(['千县工程', '紧密型医共体！']);
    expect(texts(d, false)).toEqual(first);
  });

  it('reads open shadow roots as their own blocks', () => {
    const root = page('<div id="host"></div>');
    const host = root.querySelector('#host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>影子里的千县<b>工程</b></p>';
    const runs: string[] = [];
    new RunStream(shadow, (run) => runs.push(run.texts.join(''))).pull(() => false);
    expect(runs).toEqual(['影子里的千县工程']);
  });
});

describe('elements the tag decides and elements whose style is read', () => {
  const texts = (root: Element, descend = true) => collectRuns(root, descend).map((r) => r.texts.join(''));

  it('reads the style of a link with any attribute beyond a plain link’s, and of a bare tag with a class', () => {
    const root = page(
      '<style>a.gone, b.gone { display: none } .block { display: block }</style>' +
        '<p>千县<a href="#x" title="t" rel="r" target="_blank">工</a>程</p>' +
        '<p>三医<a href="#x" class="gone">删</a>协同</p>' +
        '<p>紧密型<b class="gone">删</b>医共体</p>' +
        '<p>甲<a class="block">乙</a>丙</p>',
    );
    expect(texts(root)).toEqual(['千县工程', '三医协同', '紧密型医共体', '甲', '乙', '丙']);
  });

  it('finds hidden and editable elements by their attributes wherever the tag alone would decide', () => {
    const root = page(
      '<p>千县<b hidden>x</b>工程</p><p>三医<a href="#" hidden>y</a>协同</p>' +
        '<p>前<span contenteditable="">可编辑</span>后</p><p>前<span contenteditable="false">乙</span>后</p>' +
        '<p>前<span data-policy-cross-ref-ui="">界面</span>后</p>',
    );
    expect(texts(root)).toEqual(['千县工程', '三医协同', '前', '后', '前乙后', '前', '后']);
  });

  it('agrees with the rule for one element looked up alone (infoOf) for every element', () => {
    const root = page(
      '<div id="a"><p>千县<b>工<i>程</i></b><a href="#">链</a></p><span style="display:block">块<em>内</em></span>' +
        '<div style="display:flex"><b>项</b><span>目</span></div><div style="display:contents"><b>透</b>明</div></div>',
    );
    const byNode = new Map<Text, Element>();
    for (const run of collectRuns(root, true)) for (const node of run.nodes) byNode.set(node, run.container);
    expect(byNode.size).toBeGreaterThan(8);
    for (const [node, container] of byNode) expect(infoOf(node).container).toBe(container);
  });

  it('walks back up past several levels and into a sibling subtree, and skips blank text of every kind', () => {
    const root = page(
      '<div><p>一<b>二<i>三<em>四</em></i></b></p>\n <p>五<span>六</span></p>\u00a0<p>\u3000七</p>' +
        '<ul><li>八<b>九</b></li><li>十</li></ul>十一</div>',
    );
    const runs = collectRuns(root, true);
    expect(runs.map((r) => r.texts.join(''))).toEqual(['一二三四', '五六', '\u3000七', '八九', '十', '十一']);
    expect(runs.map((r) => r.container.localName)).toEqual(['p', 'p', 'p', 'li', 'li', 'div']);
  });

  it('gives the same runs when paused after every few nodes as in one go', () => {
    const html = '<p>千县<b>工</b>程<a href="#">甲</a>乙</p><div>丙<p>丁<i>戊</i></p>己</div>'.repeat(6);
    const whole = collectRuns(page(html), true).map((r) => [r.container, r.nodes.slice(), r.texts.join('')]);
    const paused: unknown[] = [];
    const stream = new RunStream(document.body, (run) =>
      paused.push([run.container, run.nodes.slice(), run.texts.join('')]),
    );
    let asked = 0;
    while (!stream.pull(() => ++asked % 2 === 0));
    expect(asked).toBeGreaterThan(2);
    expect(paused).toEqual(whole);
  });
});
