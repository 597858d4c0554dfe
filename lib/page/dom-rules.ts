/**
 * Which elements the scanner reads through, stops at, or never enters. Decided by tag name, not by
 * computed style: reading styles for tens of thousands of nodes would cost more than the scan.
 * Names are compared as `localName`, lower case for HTML elements in HTML and XHTML documents
 * alike, so no case conversion (a new string per element) is needed.
 */

/** Inline elements: their text joins the surrounding text, so 千县<b>工程</b> is one match. */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'pcr-mark',
]);

/** Never read: not prose, not visible, or the user's own input. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

/** The local names of the extension's own injected UI hosts; the scanner never enters them. */
export const OWN_UI_TAGS = new Set(['policy-cross-ref-card', 'policy-cross-ref-ui']);

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

export function isInlineTag(localName: string): boolean {
  return INLINE.has(localName);
}

/** True when elements of this local name are never read (without looking at attributes). */
export function isSkippedTag(localName: string): boolean {
  return SKIPPED.has(localName) || OWN_UI_TAGS.has(localName);
}

/** Finds the elements `skippedByAttributes` may be true of, for a whole subtree in one native query. */
export const SKIPPING_ATTRIBUTES = '[hidden],[contenteditable]';

/** Hidden, or an editable region (the user's typing is not ours to mark). */
export function skippedByAttributes(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  // the attribute test is cheap, and the inherited case is covered because the scanner never
  // descends into such a region
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when the scanner must not enter the element (checked on the element alone). */
export function isSkipped(element: Element): boolean {
  return isSkippedTag(element.localName) || skippedByAttributes(element);
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
