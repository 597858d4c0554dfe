import { placeOfHeading } from './places';
import type { IngestedReport, Passage, Section, SectionKind } from './types';

/**
 * Turns report text extracted from print into sections and passages.
 *
 * Print layout breaks lines inside sentences (narrow columns) and sometimes leaves a blank line
 * inside a sentence (a column or page change), so neither a line break nor a blank line says
 * "paragraph". What does: a line ending in sentence-final punctuation; a line that is a heading
 * (no sentence punctuation at all and not as wide as the column); the head of the document (lines
 * before any prose). Everything else is a broken sentence and is joined to the next line.
 */

export const PASSAGE_MIN = 50;
export const PASSAGE_MAX = 400;
const LEAD_IN_MAX = 20;
const HEADING_MAX = 40;

interface Line {
  text: string;
  start: number;
  /** A blank line follows (before the next line of text). */
  blankAfter: boolean;
}

interface Paragraph {
  text: string;
  /** Source offset of each UTF-16 unit of `text` (a joining space maps to the unit before it). */
  offsets: number[];
}

const SENTENCE_END = /[。！？；;!?…]$/u;
const PROSE_PUNCTUATION = /[，,；;。！？!?：:]/u;
const ENUMERATION_COMMA = /、/u;
const LEAD_IN_END = /(?:[：:]|——|—)$/u;
const ATTRIBUTION = /^[（(][^（()）]*[）)]$/u;
const HEADLINE_GAP = /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/u;
const PAGE_FURNITURE = /^(?:[-—–]\s*)?(?:\d{1,4}|第\s*\d{1,4}\s*页)(?:\s*[-—–])?$/u;
const BULLET = /^[▲■●◆★▪•]\s*/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/u;

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = raw.indexOf('\n', start);
    const end = newline < 0 ? raw.length : newline;
    const segment = raw.slice(start, end);
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    if (text && !PAGE_FURNITURE.test(text)) lines.push({ text, start: start + lead, blankAfter: false });
    else if (!text && lines.length > 0) (lines.at(-1) as Line).blankAfter = true;
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

function charLength(text: string): number {
  return [...text].length;
}

/** Printed width in ideographs: Latin letters and digits are set half as wide. */
function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

/** Wrap width of a hard-wrapped text, or 0 when lines are whole paragraphs. */
function wrapWidth(lines: Line[]): number {
  const lengths = lines.map((line) => printedWidth(line.text)).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  const median = lengths[lengths.length >> 1] as number;
  if (median >= 25) return 0;
  return lengths[Math.floor(lengths.length * 0.9)] as number;
}

function looksLikeHeading(text: string): boolean {
  return !PROSE_PUNCTUATION.test(text) && charLength(text) <= HEADING_MAX;
}

/** Does the paragraph of line `a` go on in the next line? */
function continues(line: Line, width: number): boolean {
  const a = line.text;
  const length = printedWidth(a);
  if (SENTENCE_END.test(a)) {
    // In a narrow column a sentence may end exactly at the column edge with the paragraph going on.
    return width > 0 && !line.blankAfter && length >= width - 1;
  }
  if (LEAD_IN_END.test(a) || ATTRIBUTION.test(a)) return false;
  if (PROSE_PUNCTUATION.test(a) || BULLET.test(a)) return true;
  if (HEADLINE_GAP.test(a)) return false; // 福 州, or a two-part headline 凝聚力量 解决急难愁盼问题
  if (ENUMERATION_COMMA.test(a)) return true;
  if (width === 0) return false;
  // No punctuation at all: a wrapped line fills the column (less a first-line indent); a heading does not.
  return length >= width - 5 && length <= width;
}

function joinParagraphs(lines: Line[]): Paragraph[] {
  const width = wrapWidth(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let inHead = true; // lines before the first prose or lead-in (会议指出——) are titles: never joined
  for (const line of lines) {
    if (current) {
      const prev = current.text;
      if (LATIN_OR_DIGIT.test(prev.at(-1) ?? '') && LATIN_OR_DIGIT.test(line.text[0] ?? '')) {
        current.text += ' ';
        current.offsets.push(current.offsets.at(-1) as number);
      }
      appendLine(current, line);
    } else {
      current = { text: '', offsets: [] };
      appendLine(current, line);
    }
    const wasHead = inHead;
    if (PROSE_PUNCTUATION.test(line.text) || LEAD_IN_END.test(line.text)) inHead = false;
    if (wasHead || !continues(line, width)) {
      paragraphs.push(current);
      current = null;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function appendLine(paragraph: Paragraph, line: Line): void {
  paragraph.text += line.text;
  for (let i = 0; i < line.text.length; i++) paragraph.offsets.push(line.start + i);
}

function stripBullet(paragraph: Paragraph): Paragraph {
  const bullet = BULLET.exec(paragraph.text);
  if (!bullet) return paragraph;
  const cut = bullet[0].length;
  return { text: paragraph.text.slice(cut), offsets: paragraph.offsets.slice(cut) };
}

/** Cuts a paragraph at sentence ends into pieces of at most PASSAGE_MAX where it can. */
function splitLong(paragraph: Paragraph): Paragraph[] {
  const length = paragraph.text.length;
  if (length <= PASSAGE_MAX) return [paragraph];
  const sentenceEnds: number[] = [];
  const endPattern = /[。！？；;!?]["”’」』）)]?/gu;
  for (let m = endPattern.exec(paragraph.text); m; m = endPattern.exec(paragraph.text)) {
    sentenceEnds.push(m.index + m[0].length);
  }
  const pieces = Math.ceil(length / PASSAGE_MAX);
  const target = length / pieces;
  const out: Paragraph[] = [];
  let from = 0;
  for (const end of sentenceEnds) {
    if (end - from >= target && length - end >= PASSAGE_MIN) {
      out.push(slice(paragraph, from, end));
      from = end;
    }
  }
  if (from < length) out.push(slice(paragraph, from, length));
  return out;
}

function slice(paragraph: Paragraph, from: number, to: number): Paragraph {
  return { text: paragraph.text.slice(from, to), offsets: paragraph.offsets.slice(from, to) };
}

function concat(a: Paragraph, b: Paragraph): Paragraph {
  return { text: a.text + b.text, offsets: [...a.offsets, ...b.offsets] };
}

/** Folds passages under PASSAGE_MIN into a neighbour of the same section, when that stays in bounds. */
function mergeShort(pieces: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Paragraph;
    const prev = out.at(-1);
    const next = pieces[i + 1];
    if (piece.text.length < PASSAGE_MIN) {
      if (prev && prev.text.length + piece.text.length <= PASSAGE_MAX) {
        out[out.length - 1] = concat(prev, piece);
        continue;
      }
      if (next && next.text.length + piece.text.length <= PASSAGE_MAX) {
        pieces[i + 1] = concat(piece, next);
        continue;
      }
    }
    out.push(piece);
  }
  return out;
}

interface SectionDraft {
  label: string;
  kind: SectionKind;
  headings: string[];
  bodies: Paragraph[];
}

function sectionFromHeadings(headings: string[]): SectionDraft {
  const place = headings.map(placeOfHeading).find((p): p is string => p !== null);
  if (place) return { label: place, kind: 'place', headings, bodies: [] };
  const longest = headings.reduce((a, b) => (charLength(b) > charLength(a) ? b : a));
  return { label: longest.replace(/\s+/gu, ' '), kind: 'article', headings, bodies: [] };
}

export function ingestReport(reportId: string, raw: string): IngestedReport {
  const text = raw.replace(/\r\n?/gu, '\n');
  const paragraphs = joinParagraphs(splitLines(text)).map(stripBullet);

  const drafts: SectionDraft[] = [];
  let headingRun: string[] = [];
  let leadIn: Paragraph | null = null;
  for (const paragraph of paragraphs) {
    if (ATTRIBUTION.test(paragraph.text)) continue; // (省卫健委办公室) and the like: print credits
    if (looksLikeHeading(paragraph.text) && !LEAD_IN_END.test(paragraph.text)) {
      headingRun.push(paragraph.text);
      continue;
    }
    if (headingRun.length > 0) {
      drafts.push(sectionFromHeadings(headingRun));
      headingRun = [];
    }
    if (drafts.length === 0) drafts.push({ label: '导语', kind: 'lead', headings: [], bodies: [] });
    const combined: Paragraph = leadIn ? concat(leadIn, paragraph) : paragraph;
    leadIn = null;
    if (LEAD_IN_END.test(combined.text) && charLength(combined.text) <= LEAD_IN_MAX) {
      leadIn = combined; // 会议强调： belongs to the point it introduces
      continue;
    }
    (drafts.at(-1) as SectionDraft).bodies.push(combined);
  }
  if (leadIn) drafts.at(-1)?.bodies.push(leadIn);

  const sections: Section[] = [];
  const passages: Passage[] = [];
  for (const draft of drafts) {
    const pieces = mergeShort(draft.bodies.flatMap(splitLong));
    if (pieces.length === 0) continue;
    const section: Section = {
      id: `${reportId}#${sections.length}`,
      reportId,
      seq: sections.length,
      label: draft.label,
      kind: draft.kind,
      headings: draft.headings,
    };
    sections.push(section);
    for (const piece of pieces) {
      const seq = passages.length;
      passages.push({
        id: `${reportId}:${seq}`,
        reportId,
        sectionId: section.id,
        section: section.label,
        seq,
        text: piece.text,
        start: piece.offsets[0] as number,
        end: (piece.offsets.at(-1) as number) + 1,
      });
    }
  }
  return { sections, passages };
}
