import { highlightParts } from './highlight-parts';

/** Text with some spans marked; rendered as text nodes and <mark> elements, never as markup. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly (readonly [number, number])[] }) {
  let at = 0;
  return (
    <>
      {highlightParts(text, spans).map((part) => {
        const key = `${part.marked ? 'm' : 't'}${at}`;
        at += part.text.length;
        return part.marked ? <mark key={key}>{part.text}</mark> : <span key={key}>{part.text}</span>;
      })}
    </>
  );
}
