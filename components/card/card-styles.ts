/**
 * The card's stylesheet, adopted by its shadow root (`adoptedStyleSheets`): a strict page CSP
 * cannot strip it the way it can strip an injected <style>, and the page's CSS cannot reach it.
 * Sizes in px against `all: initial`, so the page's root font size does not leak in; the card
 * still scales with browser zoom.
 */
export const CARD_CSS = `
:host { all: initial; }
[hidden] { visibility: hidden; pointer-events: none; }
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #9a5b00; --mark: #ffe8a3;
  --btn: #f6f8fa;
  box-sizing: border-box; position: fixed; z-index: 2147483647;
  width: min(440px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  padding: 12px 14px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgba(0,0,0,.22);
  font: 14px/1.6 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  text-align: left; direction: ltr; overscroll-behavior: contain;
  will-change: transform; contain: layout paint;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2328; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #e3b341; --mark: #5a4300; --btn: #2b3137; }
}
header { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
h2 { margin: 0; font-size: 17px; font-weight: 650; }
.form { color: var(--muted); font-size: 12px; }
.close { margin-left: auto; border: 0; background: none; color: var(--muted); font-size: 20px; line-height: 1; cursor: pointer; padding: 0 4px; }
.explanation { margin: 6px 0 8px; }
.muted { color: var(--muted); margin: 8px 0; }
.reports { list-style: none; margin: 0 0 8px; padding: 0; font-size: 12px; color: var(--muted); }
.reports b { color: var(--fg); }
.passages { margin: 0; padding: 0 0 0 18px; }
.passage { margin: 0 0 10px; }
.text { margin: 0; }
mark { background: var(--mark); color: inherit; border-radius: 2px; }
.source { margin: 2px 0; font-size: 12px; color: var(--muted); }
.level { display: inline-block; padding: 0 4px; border: 1px solid var(--line); border-radius: 4px; font-size: 11px; }
.level-national { color: var(--accent); border-color: var(--accent); }
.actions { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
button { font: inherit; font-size: 12px; color: var(--fg); background: var(--btn); border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.status { font-size: 12px; color: var(--muted); }
footer { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 4px; }
.expand { color: var(--accent); background: none; }
.source .issuer { color: var(--fg); }
.more-count { font-size: 12px; margin: 0 0 6px; }
.reports { margin: 6px 0 4px; }
.reports li { margin: 1px 0; }
.report-link { display: block; width: 100%; text-align: left; background: none; border: 0; border-radius: 4px; padding: 1px 4px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.report-link:hover, .report-link:focus-visible { background: var(--btn); color: var(--fg); }
.report-link .report-title { text-decoration: underline; text-decoration-color: var(--line); text-underline-offset: 2px; }
.report-link b { color: var(--fg); font-weight: 600; }
`;
