import type { JSX } from 'preact';

/** Text with some spans marked; rendered as text nodes and <mark> elements, never as markup. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly (readonly [number, number])[] }) {
  const parts: JSX.Element[] = [];
  let at = 0;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}
