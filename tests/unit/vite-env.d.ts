declare module '*?raw' {
  const content: string;
  export default content;
}
declare module '*/scripts/trad-fold.mjs' {
  export function buildTradFoldPairs(catalogueSource: string): string;
  export function renderTable(pairs: string): string;
}
declare module '*/scripts/cjk-fold.mjs' {
  export const DATA_FILE: URL;
  export function buildCjkFoldPairs(equivalentsText: string): string;
  export function renderCjkTable(pairs: string): string;
}
