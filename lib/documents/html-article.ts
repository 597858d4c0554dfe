import { Readability } from '@mozilla/readability';
import { articleLines } from './article-text';
import { type PageMetadata, pageMetadata } from './metadata';

export interface ExtractedArticle {
  /** One line per paragraph or heading, in reading order. */
  lines: string[];
  text: string;
  metadata: PageMetadata;
}

/** A gov.cn-style metadata table: read for metadata, kept out of the body text. */
const META_LABEL = /(?:索\s*引\s*号|主题分类|发文机关|发布机构|成文日期|发文字号|发布日期|文\s*号)[:：]?/gu;

function isMetadataBlock(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length < 600 && (text.match(META_LABEL)?.length ?? 0) >= 3;
}

/**
 * The main text of a page with Mozilla Readability (measured better than Defuddle on our gov.cn,
 * nhc, provincial and news-like pages: see bench/extractors.mjs), plus the page's metadata.
 * Readability changes the document it reads, so it gets a copy; metadata reads the original.
 * Never call this in a content script: it runs in an extension page on DOMParser output.
 */
export function extractArticle(doc: Document, url?: string): ExtractedArticle {
  const copy = doc.cloneNode(true) as Document;
  for (const el of [...copy.querySelectorAll('table, dl, div, ul')])
    if (el.isConnected && isMetadataBlock(el)) el.remove();
  const parsed = new Readability(copy, { charThreshold: 100, keepClasses: false }).parse();
  let lines: string[];
  if (parsed?.content) {
    // Readability's output is parsed into an inert document (DOMParser): no script runs, nothing
    // is attached to a live page; only its text nodes are read.
    const inert = new DOMParser().parseFromString(`<body>${parsed.content}</body>`, 'text/html');
    lines = articleLines(inert.body);
  } else {
    lines = articleLines(copy.body ?? copy);
  }
  const metadata = pageMetadata(doc, lines, url);
  // the page's own headline is the report title; drop it from the body when it opens the text
  if (lines[0] && lines[0].replace(/\s+/gu, '') === metadata.title.replace(/\s+/gu, '')) lines = lines.slice(1);
  return { lines, text: lines.join('\n'), metadata };
}

/** Parses HTML (a saved page, or a tab's outerHTML) without running any of it. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
