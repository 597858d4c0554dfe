/**
 * Which elements the scanner reads through, stops at, or never enters. Decided by tag name, not by
 * computed style: reading styles for tens of thousands of nodes would cost more than the scan.
 */

/** Inline elements: their text joins the surrounding text, so 千县<b>工程</b> is one match. */
const INLINE = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RP',
  'RT',
  'RUBY',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'PCR-MARK',
]);

/** Never read: not prose, not visible, or the user's own input. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** The tag of the extension's own injected UI hosts; the scanner never enters them. */
export const OWN_UI_TAGS = new Set(['POLICY-CROSS-REF-CARD', 'POLICY-CROSS-REF-UI']);

export function isInline(element: Element): boolean {
  return INLINE.has(element.tagName.toUpperCase());
}

/** True when the scanner must not enter the element (checked on the element alone). */
export function isSkipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag) || OWN_UI_TAGS.has(tag)) return true;
  if (element.hasAttribute('hidden')) return true;
  // contenteditable regions belong to the user's typing; the attribute test is cheap, and the
  // inherited case is covered because the scanner never descends into such a region
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when the node lies inside a region the scanner must not touch (for text that changed later). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** The element whose block of text a node belongs to: its nearest non-inline ancestor. */
export function blockContainerOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}
