// Readability vs Defuddle on pages written in the styles of gov.cn, nhc.gov.cn, a provincial
// commission and a news portal (tests/fixtures/pages, our own words): share of the body
// paragraphs kept whole, page chrome (navigation, related links, comments, footers, the
// metadata table) left out, headings kept as their own lines, and time. Parsed with happy-dom.
// Usage: node bench/extractors.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { Window } from 'happy-dom';
import { ROOT } from '../tests/e2e/harness.mjs';

const PAGES = {
  'govcn-notice.html': {
    chrome: ['首页', '相关链接', '网站标识码', '当前位置', '索引号', '主题分类', '发布日期'],
    headings: ['一、总体要求', '二、重点任务', '三、组织实施'],
  },
  'nhc-news.html': { chrome: ['委内要闻', '分享到', '版权所有', '信息公开'], headings: [] },
  'province-plan.html': {
    chrome: ['热点专题', '办事服务', '备案号', '索引号'],
    headings: ['一、发展目标', '二、主要举措', '三、保障措施'],
  },
  'news-portal.html': { chrome: ['网友评论', '猜你喜欢', '点击领取', '关于我们', '责任编辑'], headings: [] },
};

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, td, dd, dt';
function lines(html, window) {
  const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.querySelectorAll(BLOCKS)].map((el) => el.textContent.replace(/\s+/g, '').trim()).filter(Boolean);
}

function score(name, html, window) {
  const spec = PAGES[name];
  const source = new window.DOMParser().parseFromString(
    readFileSync(path.join(ROOT, 'tests/fixtures/pages', name), 'utf8'),
    'text/html',
  );
  const body = [...source.querySelectorAll('p')]
    .map((p) => p.textContent.replace(/\s+/g, ''))
    .filter((t) => t.length >= 30 && /[。；]$/.test(t));
  const out = lines(html, window);
  const text = out.join('\n');
  return {
    bodyKept: body.filter((b) => out.includes(b)).length / body.length,
    chromeLeaked: spec.chrome.filter((c) => text.includes(c)).length,
    headingsKept: `${spec.headings.filter((h) => out.includes(h)).length}/${spec.headings.length}`,
  };
}

const results = [];
for (const name of Object.keys(PAGES)) {
  const html = readFileSync(path.join(ROOT, 'tests/fixtures/pages', name), 'utf8');
  for (const [tool, run] of [
    ['readability', (doc) => new Readability(doc, { charThreshold: 100 }).parse()?.content ?? ''],
    ['defuddle', (doc) => new Defuddle(doc, { url: 'https://example.org/a.html' }).parse().content ?? ''],
  ]) {
    const window = new Window({ url: 'https://example.org/a.html' });
    const times = [];
    let out = '';
    for (let i = 0; i < 5; i++) {
      const doc = new window.DOMParser().parseFromString(html, 'text/html');
      const t0 = performance.now();
      out = run(doc);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.push({ page: name, tool, ...score(name, out, window), medianMs: +times[2].toFixed(1) });
    await window.happyDOM.close();
  }
}
console.table(results);
