// Generates the benchmark page: about 1,000,000 characters in about 20,000 text nodes, report text
// mixed with filler, and catalogue terms in every form pages write them (plain, quoted, spaced,
// traditional, split across inline elements, the long official names). Deterministic: the same
// seed gives the same page, so runs can be compared.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded generator (mulberry32): the same seed, the same page or corpus. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FILLER =
  '记者从有关部门了解到，相关工作正在有序推进，各项措施逐步落实到位，群众反映良好，下一步将继续加强统筹协调，' +
  '确保各项任务按期完成。会议还研究了其他事项，强调要压实责任、细化分工、强化督导，推动工作取得实效。';

/** Variants of a form as pages write them. */
function variants(form, random) {
  const chars = [...form];
  const out = [form];
  if (chars.length >= 3) {
    const cut = 1 + Math.floor(random() * (chars.length - 2));
    out.push(`“${chars.slice(0, cut).join('')}”${chars.slice(cut).join('')}`);
    out.push(`${chars.slice(0, cut).join('')} ${chars.slice(cut).join('')}`);
    out.push({ split: [chars.slice(0, cut).join(''), chars.slice(cut).join('')] });
  }
  return out;
}

/** The sentences of the bundled reports, line breaks removed: the raw material of generated text. */
export function seedSentences(root) {
  const seedDir = path.join(root, 'seeds');
  return readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) =>
      readFileSync(path.join(seedDir, f), 'utf8')
        .replace(/\s+/g, '')
        .split(/(?<=[。；！？])/),
    )
    .filter((s) => s.length >= 8);
}

/**
 * @param {{ root: string, forms: { termId: string, form: string }[], seed?: number,
 *   paragraphs?: number }} options
 */
export function generatePage({ root, forms, seed = 7, paragraphs = 3600 }) {
  const random = rng(seed);
  const sentences = seedSentences(root);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const piece = (min, max) => {
    const source = random() < 0.6 ? pick(sentences) : FILLER;
    const length = min + Math.floor(random() * (max - min));
    const start = Math.floor(random() * Math.max(1, source.length - length));
    return escapeHtml(source.slice(start, start + length));
  };
  const parts = [];
  let planted = 0;
  for (let i = 0; i < paragraphs; i++) {
    // five text nodes per paragraph: text, <a>, text, <b>, text
    let term = '';
    if (random() < 0.4) {
      const variant = pick(variants(pick(forms).form, random));
      term =
        typeof variant === 'string'
          ? escapeHtml(variant)
          : `${escapeHtml(variant.split[0])}<b>${escapeHtml(variant.split[1])}</b>`;
      planted++;
    }
    parts.push(
      `<p>${piece(70, 110)}<a href="#p${i}">${piece(30, 60)}</a>${piece(60, 100)}${term}<b>${piece(15, 30)}</b>${piece(60, 100)}</p>`,
    );
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title>
<style>body{font:16px/1.7 sans-serif;max-width:900px;margin:16px auto}p{margin:0 0 10px}</style></head>
<body><article id="root">${parts.join('\n')}</article></body></html>`;
  return { html, planted };
}

/**
 * A typical news article page: about 15,000 characters of text, most of it in the article body
 * (report sentences, catalogue terms in some paragraphs), around it what news sites put there:
 * a navigation bar, a hidden drop-down menu, share buttons, figures with captions, a list of
 * related stories with a full-card link over each, a comment form and a footer.
 * @param {{ root: string, forms: { termId: string, form: string }[], seed?: number }} options
 */
export function generateArticle({ root, forms, seed = 11 }) {
  const random = rng(seed);
  const sentences = seedSentences(root);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = () => escapeHtml(pick(sentences));
  const nav = Array.from(
    { length: 18 },
    (_, i) => `<li><a href="/c/${i}">${['要闻', '时政', '健康', '医改', '地方', '评论'][i % 6]}${i}</a></li>`,
  ).join('');
  const menu = Array.from({ length: 30 }, (_, i) => `<li><a href="/m/${i}">栏目${i}</a></li>`).join('');
  const body = [];
  let planted = 0;
  let chars = 0;
  for (let i = 0; chars < 12_500; i++) {
    let text = '';
    while (text.length < 260 + random() * 160) text += pick(sentences);
    if (random() < 0.35) {
      const at = Math.floor(random() * text.length);
      text = `${text.slice(0, at)}${pick(forms).form}${text.slice(at)}`;
      planted++;
    }
    chars += text.length;
    const cut = Math.floor(text.length / 3);
    body.push(
      `<p>${escapeHtml(text.slice(0, cut))}<strong>${escapeHtml(text.slice(cut, cut + 12))}</strong>${escapeHtml(text.slice(cut + 12))}</p>`,
    );
    if (i % 9 === 4) {
      body.push(`<figure><img alt="" width="640" height="360"><figcaption>${sentence()}</figcaption></figure>`);
    }
  }
  const related = Array.from(
    { length: 14 },
    () =>
      `<li class="story"><h4>${sentence().slice(0, 28)}</h4><p>${sentence().slice(0, 60)}</p><a class="cover" href="/s"></a></li>`,
  ).join('');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>article</title>
<style>body{font:17px/1.8 sans-serif;margin:0}header nav ul{display:flex;gap:12px;list-style:none}
.menu{display:none}main{max-width:760px;margin:0 auto}.share button{margin-right:6px}
.story{position:relative;list-style:none;margin:8px 0}.story .cover{position:absolute;inset:0}
footer{background:#eee;padding:12px}</style></head>
<body><header><nav><ul>${nav}</ul><ul class="menu">${menu}</ul></nav></header>
<main><article><h1>${sentence().slice(0, 30)}</h1>
<div class="meta"><span>来源：本报</span> <time>2026-11-20 08:30</time> <span>编辑：张三</span></div>
<div class="share"><button>微信</button><button>微博</button><button>复制链接</button></div>
${body.join('\n')}
<p class="editor">（责任编辑：李四）</p></article>
<aside><h3>相关阅读</h3><ul>${related}</ul></aside>
<form><textarea placeholder="发表评论"></textarea><button>提交</button></form></main>
<footer><p>版权所有 · 未经授权不得转载</p><script>window.__analytics = 1;</script></footer></body></html>`;
  return { html, planted };
}
