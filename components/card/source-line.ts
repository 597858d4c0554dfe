import type { CardPassage } from '../../lib/messages/corpus';

/** The source of a passage as one line: report title, issuer, date, section. */
export function sourceLine(passage: Pick<CardPassage, 'reportTitle' | 'issuer' | 'date' | 'section'>): string {
  const parts = [`《${passage.reportTitle}》`, passage.issuer, passage.date];
  if (passage.section) parts.push(passage.section);
  return parts.join('，');
}

/** What "copy with source" puts on the clipboard. */
export function passageWithSource(passage: CardPassage): string {
  return `${passage.text}\n——${sourceLine(passage)}`;
}
