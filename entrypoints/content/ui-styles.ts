/**
 * Styles of what we show in a page besides the card (card-styles.ts): the confirmation toast, the
 * selection button and the clipping boxes. They live in the same closed root as the card; only the
 * parts a user interacts with take pointer events, the rest lets the page be used through it.
 */
export const UI_CSS = `
[data-ui="clippings"] { position: fixed; inset: 0; pointer-events: none; overflow: hidden; }
/* a saved clipping: a solid teal band with a bar where the quote starts, unlike a term mark's
   amber tint and dotted underline (page-styles.ts); multiply keeps dark text dark on light pages */
.clip-box {
  position: absolute; box-sizing: border-box; pointer-events: none;
  background: rgba(0, 150, 136, 0.22); box-shadow: inset 0 -2px 0 rgba(0, 105, 92, 0.9);
  mix-blend-mode: multiply; border-radius: 1px;
}
.clip-box.start { border-left: 3px solid rgb(0, 105, 92); }
@media (prefers-color-scheme: dark) {
  .clip-box { mix-blend-mode: normal; background: rgba(77, 208, 195, 0.24); box-shadow: inset 0 -2px 0 rgba(100, 225, 210, 0.9); }
  .clip-box.start { border-left-color: rgb(100, 225, 210); }
}
/* one of the user's own terms: the look of a catalogue term's ::highlight mark (page-styles.ts),
   amber tint and dotted amber underline, so own and bundled terms read the same */
.term-box {
  position: absolute; box-sizing: border-box; pointer-events: none;
  background: rgba(255, 176, 0, 0.16); border-bottom: 2px dotted rgba(204, 116, 0, 0.95);
  mix-blend-mode: multiply;
}
@media (prefers-color-scheme: dark) {
  .term-box { mix-blend-mode: normal; background: rgba(255, 190, 40, 0.16); border-bottom-color: rgba(255, 196, 70, 0.95); }
}
.card, .toast, .save-selection { pointer-events: auto; }
.toast {
  position: fixed; right: 16px; bottom: 16px; max-width: 360px; box-sizing: border-box;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  background: #1f2933; color: #fff; padding: 10px 14px; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.3);
}
.toast.error { background: #8a1c1c; }
.toast.with-form { width: 320px; max-width: calc(100vw - 32px); }
.toast button {
  margin: 8px 8px 0 0; font: inherit; padding: 2px 10px; border-radius: 4px;
  border: 1px solid #fff; background: transparent; color: #fff; cursor: pointer;
}
.toast-form { display: grid; gap: 6px; margin-top: 8px; }
.toast-form label { display: grid; gap: 2px; font-size: 12px; color: #cbd2d9; }
.toast-form input, .toast-form textarea {
  font: inherit; font-size: 13px; color: #1f2933; background: #fff; border: 1px solid #9aa5b1;
  border-radius: 4px; padding: 3px 6px; box-sizing: border-box; width: 100%; resize: vertical;
}
.toast-form .suggestions { display: flex; flex-wrap: wrap; gap: 4px; }
.toast .toast-form .suggestions button { margin: 0; padding: 0 8px; font-size: 12px; border-radius: 10px; border-color: #7ddcd0; color: #c8f3ee; }
.toast-form .row button { margin-top: 2px; }
.toast button:focus-visible, .toast-form input:focus-visible, .toast-form textarea:focus-visible { outline: 2px solid #7ddcd0; outline-offset: 1px; }
.save-selection {
  position: fixed; font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  padding: 3px 8px; background: #1f2933; color: #fff; border: 0; border-radius: 4px; cursor: pointer;
}
`;
