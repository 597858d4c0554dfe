import { type SentenceWindow, sentencesAround, spansIn } from '../../lib/corpus/sentences';
import { HighlightedText } from '../card/HighlightedText';

/** A window's text with its marks, an ellipsis where it starts or ends inside the passage. */
function windowParts(text: string, spans: readonly (readonly [number, number])[], w: SentenceWindow) {
  const lead = w.start > 0 ? '…' : '';
  const tail = w.end < text.length ? '…' : '';
  const inner = spansIn(spans, w.start, w.end).map(([s, e]) => [s + lead.length, e + lead.length] as [number, number]);
  return { text: `${lead}${text.slice(w.start, w.end)}${tail}`, spans: inner };
}

/**
 * A passage shown by the sentences that hold its matches (up to three), each match marked: a list
 * row never hides the words it was found by below a clamp.
 */
export function Excerpt({
  text,
  spans,
  maxChars = 140,
}: {
  text: string;
  spans: readonly (readonly [number, number])[];
  maxChars?: number;
}) {
  const windows = sentencesAround(text, spans, { maxChars });
  return (
    <span class="excerpt" data-testid="excerpt">
      {windows.map((w) => {
        const part = windowParts(text, spans, w);
        return (
          <span key={w.start} class="excerpt-part">
            <HighlightedText text={part.text} spans={part.spans} />
          </span>
        );
      })}
    </span>
  );
}
