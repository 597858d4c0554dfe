declare module '*?raw' {
  const content: string;
  export default content;
}
declare module '*/scripts/trad-fold.mjs' {
  export function buildTradFoldPairs(catalogueSource: string): string;
  export function renderTable(pairs: string): string;
}
