/**
 * Query parameters that only say how a reader arrived (campaigns, share buttons, click ids): they
 * are dropped from a page's key so the same article reached from two places is one page.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'spm',
  'scm',
  'from',
  'share',
  'share_token',
  'sharer',
  'shareid',
  'share_from',
  'isappinstalled',
  'wxfrom',
  'ref',
  'ref_src',
  'source',
  'timestamp',
  'chksm',
  'scene',
  'clicktime',
  'enterid',
  'sessionid',
  'subscene',
  '_hsenc',
  '_hsmi',
  'vd_source',
  'share_source',
  'share_medium',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('pk_') || TRACKING_PARAMS.has(lower);
}

/** A web address we keep: http(s) only, parsed; anything else (javascript:, data:, junk) is null. */
export function parseWebUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The key a page's clippings are filed under: scheme and host lower case, default port, fragment
 * and tracking parameters removed, the other parameters sorted. Null for non-web addresses.
 */
export function normalizeUrl(value: string): string | null {
  const url = parseWebUrl(value);
  if (!url) return null;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const port = url.port ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname.toLowerCase()}${port}${path}${url.search}`;
}

/** The site name fallback: the host without a leading www. */
export function hostOf(value: string): string | undefined {
  const url = parseWebUrl(value);
  return url ? url.hostname.replace(/^www\./, '') : undefined;
}
