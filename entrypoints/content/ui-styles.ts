/**
 * Styles of what we show in a page besides the card (card-styles.ts): the confirmation toast, the
 * selection button and the clipping boxes. They live in the same closed root as the card; only the
 * parts a user interacts with take pointer events, the rest lets the page be used through it.
 */
export const UI_CSS = `
[data-ui="clippings"] { position: fixed; inset: 0; pointer-events: none; overflow: hidden; }
.clip-box {
  position: absolute; box-sizing: border-box; pointer-events: none;
  background: rgba(255, 200, 40, 0.38); border-bottom: 2px solid rgba(196, 120, 0, 0.9);
  mix-blend-mode: multiply; border-radius: 1px;
}
@media (prefers-color-scheme: dark) { .clip-box { mix-blend-mode: normal; background: rgba(255, 200, 40, 0.28); } }
.card, .toast, .save-selection { pointer-events: auto; }
.toast {
  position: fixed; right: 16px; bottom: 16px; max-width: 360px; box-sizing: border-box;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  background: #1f2933; color: #fff; padding: 10px 14px; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.3);
}
.toast.error { background: #8a1c1c; }
.toast button {
  margin: 8px 8px 0 0; font: inherit; padding: 2px 10px; border-radius: 4px;
  border: 1px solid #fff; background: transparent; color: #fff; cursor: pointer;
}
.save-selection {
  position: fixed; font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  padding: 3px 8px; background: #1f2933; color: #fff; border: 0; border-radius: 4px; cursor: pointer;
}
`;
