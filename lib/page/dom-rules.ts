/**
 * How the scanner reads an element: which block its text belongs to, and whether the reader sees
 * that text. Decided by computed style where the tag does not decide it (a `div` styled inline is
 * inline, a `span` styled as a block is a boundary, `display:contents` is transparent), by the tag
 * alone where it does (scripts, inputs, ruby annotations, SVG). Each element's style is read once
 * per walk and only while its ancestors leave the question open: nothing below `display:none`,
 * `opacity:0` or a skipped element is read.
 *
 * Elements without text (or with nothing but white space) between two text nodes do not end a run:
 * `<br>`, `<img>`, an empty block.
 * Chinese has no spaces between words and wraps between any two characters, so 千县<br>工程 reads
 * as the term broken over two lines, not as two words; and a walk over text nodes sees no element
 * that holds no text, so the first scan and the rescan of one block (the same walk) agree.
 *
 * Names are compared as `localName`, lower case for HTML elements, so no case conversion is needed.
 *
 * Reading an element's computed style is most of the cost of a scan, so the tag decides where
 * nothing else can have changed what it says: an element with no attributes at all (no class, id,
 * style or hidden that a rule or the page could use) or a link with nothing but `href`, `target`,
 * `rel`, `title`, of a tag whose default display is known,
 * inside a visible parent that lays its children out in normal flow (a flex or grid parent makes
 * every child a block), in the document (not a shadow tree, whose scoped styles commonly restyle
 * bare tags). Prose is mostly such elements (`<p>`, `<b>`, `<em>`, `<span>` inside a paragraph).
 * What this gives up: a page rule that restyles a bare tag by type, attribute or descendant
 * selector (`.menu b { display: block }`, `a[href^="#"] { display: none }`) is not seen.
 */

/** Text the reader sees: part of its block's run. */
export const VISIBLE = 0;
/**
 * Text the reader does not see (display:none, visibility:hidden, opacity:0, font-size:0, scripts,
 * ruby annotations): left out, and the run goes on across it, so 千县<span hidden>x</span>工程 is
 * one term.
 */
export const INVISIBLE = 1;
/** Text that is not prose or is the user's own input (code, textarea, editable regions): ends the run. */
export const BARRIER = 2;
export type TextState = typeof VISIBLE | typeof INVISIBLE | typeof BARRIER;

/** Not in SVG; in SVG graphics (its own text is not drawn); in an SVG `<text>` (drawn like HTML text). */
const HTML = 0;
const SVG_GRAPHICS = 1;
const SVG_TEXT = 2;

export interface ElementInfo {
  /** The block the element's text belongs to (null above the document's root element). */
  readonly container: Element | null;
  /** Whether the element's own text is read, left out, or ends the run. */
  readonly state: TextState;
  /** Everything inside shares this state (display:none, opacity:0, a script, a textarea…): nothing below is read. */
  readonly sealed: boolean;
  readonly svg: typeof HTML | typeof SVG_GRAPHICS | typeof SVG_TEXT;
  /** The element lays its children out as flex or grid items, which makes each of them a block. */
  readonly blockifies: boolean;
}

/** Used where `getComputedStyle` knows nothing (an element outside a rendered document). */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rb',
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

/** Tags whose default display is a block box (a bare one in normal flow is a block). */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'article',
  'section',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'address',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'table',
  'caption',
]);

/** Bare inline tags the tag decides (ruby and its parts are left to the style: their layout is special). */
const TAG_INLINE = new Set([...INLINE_TAGS].filter((name) => name !== 'ruby' && name !== 'rb'));

/** What a bare tag says, where the tag decides: 1 inline, 2 block. */
const TAG_DISPLAY = new Map<string, number>([
  ...[...TAG_INLINE].map((name): [string, number] => [name, 1]),
  ...[...BLOCK_TAGS].map((name): [string, number] => [name, 2]),
]);

/** Computed `display` values that make the element's children flex or grid items (blocks). */
const BLOCKIFYING_DISPLAYS = new Set([
  'flex',
  'inline-flex',
  'grid',
  'inline-grid',
  'block flex',
  'inline flex',
  'block grid',
  'inline grid',
]);

/**
 * Computed `display` values whose text joins the surrounding text. `contents` is here too: the
 * element has no box, its children are laid out in its parent's. Inline-block annotations between
 * characters read as part of the line.
 */
const INLINE_DISPLAYS = new Set([
  'inline',
  'inline-block',
  'inline-flex',
  'inline-grid',
  'inline-table',
  'ruby',
  'ruby-base',
  'ruby-base-container',
  'contents',
  'inline flow',
  'inline flow-root',
]);

/** Not prose or the user's input: never read, and their text ends a run. */
const BARRIER_TAGS = new Set([
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
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
]);

/** Never shown as text: left out like hidden text. `rt`/`rp` are ruby annotations (pinyin), not the text. */
const INVISIBLE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'rt',
  'rp',
]);

const SVG_NS = 'http://www.w3.org/2000/svg';
/** SVG elements whose content is never drawn. */
const SVG_UNDRAWN = new Set([
  'style',
  'script',
  'title',
  'desc',
  'metadata',
  'defs',
  'symbol',
  'clippath',
  'clipPath',
  'mask',
  'pattern',
  'marker',
  'lineargradient',
  'linearGradient',
  'radialgradient',
  'radialGradient',
  'filter',
]);
/** SVG text content elements that continue the line of their `<text>`. */
const SVG_INLINE = new Set(['tspan', 'textPath', 'textpath', 'a']);

/**
 * The marker of the extension's one injected UI host (a plain `div` with a closed shadow root, see
 * entrypoints/content/ui-host.ts): the scanner never enters it. A page that puts the marker on its
 * own elements only hides its own text from us, which it could do anyway.
 */
export const OWN_UI_ATTRIBUTE = 'data-policy-cross-ref-ui';

/** The elements `attributeState` may rule on: one native test answers for the many that carry none of these attributes. */
const ATTRIBUTE_SELECTOR = `[hidden],[contenteditable],[${OWN_UI_ATTRIBUTE}]`;

/**
 * What attributes say of an element: an editable region is a barrier (the user's typing is not
 * ours to mark; inherited, as the walk never enters it); `hidden` is invisible even where the
 * page's CSS gives it a display (`hidden=until-found` shows only when the browser finds text in it).
 */
export function attributeState(element: Element): TextState {
  if (!element.matches(ATTRIBUTE_SELECTOR)) return VISIBLE;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return BARRIER;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return BARRIER;
  return element.hasAttribute('hidden') ? INVISIBLE : VISIBLE;
}

/** What is above the document's root element. */
export const DOCUMENT_INFO: ElementInfo = {
  container: null,
  state: VISIBLE,
  sealed: false,
  svg: HTML,
  blockifies: false,
};

function sealedAs(above: ElementInfo, state: TextState): ElementInfo {
  return { container: above.container, state, sealed: true, svg: above.svg, blockifies: false };
}

const BARRIER_INFO: ElementInfo = { container: null, state: BARRIER, sealed: true, svg: HTML, blockifies: false };

function styleOf(element: Element): CSSStyleDeclaration | null {
  const view = element.ownerDocument.defaultView;
  return view ? view.getComputedStyle(element) : null;
}

/**
 * Attributes pages put on plain links that style sheets do not select to change what they show
 * (a rule on `a[href]` sets colour and underline, not display or visibility).
 */
const LINK_ATTRIBUTES = new Set(['href', 'target', 'rel', 'title']);

/**
 * No attribute a page's CSS would select to restyle the element: none at all, or a plain link's.
 * A paragraph's inline links are as common as its bold words, and reading each one's style was a
 * tenth of a long page's scan. `name` is the element's `localName`, already read.
 */
function styledByTagOnly(element: Element, name: string): boolean {
  if (name !== 'a') return !element.hasAttributes();
  // one call that also answers "no attributes" (an empty list)
  for (const attribute of element.getAttributeNames()) if (!LINK_ATTRIBUTES.has(attribute)) return false;
  return true;
}

/**
 * The info of `element` given its parent's. `inShadow`: the element is in a shadow tree, where the
 * tag never decides (see the top of this file).
 */
export function classify(element: Element, above: ElementInfo, inShadow = false): ElementInfo {
  if (above.sealed) return above;
  const name = element.localName;
  if (above.svg !== HTML || (name === 'svg' && element.namespaceURI === SVG_NS)) {
    return classifySvg(element, name, above);
  }
  // the tag decides (see the top of this file); an inline child of a visible block shares its info.
  // The tag is looked up first: most elements of prose are of these tags, and an unknown tag needs
  // no attribute read here
  if (!inShadow && above.state === VISIBLE && !above.blockifies) {
    const tag = TAG_DISPLAY.get(name);
    if (tag !== undefined && styledByTagOnly(element, name)) {
      if (tag === 1 && above.container !== null) return above;
      return { container: element, state: VISIBLE, sealed: false, svg: HTML, blockifies: false };
    }
  }
  if (BARRIER_TAGS.has(name)) return BARRIER_INFO;
  if (INVISIBLE_TAGS.has(name)) return sealedAs(above, INVISIBLE);
  const ruled = attributeState(element);
  if (ruled === BARRIER) return BARRIER_INFO;
  if (ruled === INVISIBLE) return sealedAs(above, INVISIBLE);
  const style = styleOf(element);
  // getPropertyValue: measurably cheaper than the named properties in Chromium
  const display = style ? style.getPropertyValue('display') : '';
  if (display === 'none' || (style !== null && style.getPropertyValue('opacity') === '0'))
    return sealedAs(above, INVISIBLE);
  // a flex or grid item is a block whatever its own display says (blockified)
  const inline = above.blockifies ? false : display === '' ? INLINE_TAGS.has(name) : INLINE_DISPLAYS.has(display);
  return {
    container: inline ? (above.container ?? element) : element,
    state: style !== null && textHidden(style) ? INVISIBLE : VISIBLE,
    sealed: false,
    svg: HTML,
    // the children of a display:contents element are laid out by its parent
    blockifies: BLOCKIFYING_DISPLAYS.has(display) || (display === 'contents' && above.blockifies),
  };
}

/** visibility and font-size are inherited but can be undone below, so they hide only the element's own text. */
function textHidden(style: CSSStyleDeclaration): boolean {
  const visibility = style.getPropertyValue('visibility');
  return visibility === 'hidden' || visibility === 'collapse' || style.getPropertyValue('font-size') === '0px';
}

/**
 * SVG: only `<text>` and its `<tspan>`/`<textPath>` draw text; each `<text>` is a block of its own
 * (it is placed by coordinates, not flowed after its neighbour); `<foreignObject>` holds HTML again.
 */
function classifySvg(element: Element, name: string, above: ElementInfo): ElementInfo {
  if (SVG_UNDRAWN.has(name)) return sealedAs(above, INVISIBLE);
  const style = styleOf(element);
  if (style !== null && (style.getPropertyValue('display') === 'none' || style.getPropertyValue('opacity') === '0'))
    return sealedAs(above, INVISIBLE);
  const hidden = style !== null && textHidden(style);
  const state = hidden ? INVISIBLE : VISIBLE;
  if (name === 'foreignObject' || name === 'foreignobject') {
    return { container: element, state, sealed: false, svg: HTML, blockifies: false };
  }
  if (name === 'text') return { container: element, state, sealed: false, svg: SVG_TEXT, blockifies: false };
  if (above.svg === SVG_TEXT && SVG_INLINE.has(name)) {
    return { container: above.container, state, sealed: false, svg: SVG_TEXT, blockifies: false };
  }
  // the svg element itself, groups, links around shapes: text directly inside is not drawn
  return { container: above.container, state: INVISIBLE, sealed: false, svg: SVG_GRAPHICS, blockifies: false };
}

/** The info of the elements at the top of a shadow tree: their text is a block of the host's own. */
export function shadowTopInfo(hostInfo: ElementInfo, host: Element): ElementInfo {
  return hostInfo.sealed
    ? hostInfo
    : { container: host, state: hostInfo.state, sealed: false, svg: HTML, blockifies: hostInfo.blockifies };
}

/**
 * The info of one element or a text node's parent, worked out from the top of its tree down (across
 * shadow roots to their hosts). Agrees with what a walk computes along its path. For single
 * lookups (page changes, the pointer); `cache` shares the work between lookups of one batch.
 */
export function infoOf(node: Node, cache?: Map<Element, ElementInfo>): ElementInfo {
  if (node.nodeType === 11 && (node as ShadowRoot).host) {
    const host = (node as ShadowRoot).host;
    return shadowTopInfo(infoOf(host, cache), host);
  }
  const chain: Element[] = [];
  let top = DOCUMENT_INFO;
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let start: Node | null = el ?? node.parentNode;
  while (el) {
    const known = cache?.get(el);
    if (known) {
      top = known;
      start = null;
      break;
    }
    chain.push(el);
    start = el.parentNode;
    el = el.parentElement;
  }
  let inShadow = false;
  if (start !== null && start.nodeType === 11) {
    const host = (start as ShadowRoot).host;
    if (host) top = shadowTopInfo(infoOf(host, cache), host);
    inShadow = true;
  } else if (start === null && chain.length > 0) {
    inShadow = isInShadowTree(chain[chain.length - 1] as Element);
  }
  for (let k = chain.length - 1; k >= 0; k--) {
    const element = chain[k] as Element;
    top = classify(element, top, inShadow);
    cache?.set(element, top);
  }
  return top;
}

/** True for a node inside a shadow tree (its root is a shadow root, not a document). */
export function isInShadowTree(node: Node): boolean {
  return node.getRootNode().nodeType === 11;
}

/** The info of what is above a node: its parent element's, a shadow tree's top, or the document's. */
export function aboveOf(node: Node, cache?: Map<Element, ElementInfo>): ElementInfo {
  const parent = node.parentElement;
  if (parent) return infoOf(parent, cache);
  const up = node.parentNode;
  if (up !== null && up.nodeType === 11 && (up as ShadowRoot).host) {
    const host = (up as ShadowRoot).host;
    return shadowTopInfo(infoOf(host, cache), host);
  }
  return DOCUMENT_INFO;
}

/** The block a node's text belongs to (null for text that is skipped). */
export function containerOf(node: Node, cache?: Map<Element, ElementInfo>): Element | null {
  const info = infoOf(node, cache);
  return info.state === BARRIER ? null : info.container;
}

/** True when the node lies inside a region the scanner never reads (its text ends runs). */
export function isInsideBarrier(node: Node, cache?: Map<Element, ElementInfo>): boolean {
  return infoOf(node, cache).state === BARRIER;
}

/** The parent in the composed tree: the host above a shadow root. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentElement;
  if (parent) return parent;
  const up = node.parentNode;
  return up !== null && up.nodeType === 11 ? ((up as ShadowRoot).host ?? null) : null;
}
