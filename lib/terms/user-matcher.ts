import { fnv1a } from '../text/hash';
import { deserializeMatcher, type Matcher, serializeMatcher } from './matcher';
import { createTermMatcher, termMatcherFromCompiled } from './patterns';
import { matchingFingerprint } from './term-data';
import type { TermForms } from './types';

/**
 * The matcher with the user's terms, as content scripts read it from extension storage. Built once
 * in extension-origin code (the terms page, the background after a re-seed) whenever the user's
 * terms change, so no page pays for the build: restoring the compiled form skips the trie
 * construction. Absent while the user has changed nothing: content scripts then build the bundled
 * matcher they carry, as before.
 */
export const USER_MATCHER_KEY = 'userTermMatcher';

export interface StoredMatcher {
  format: 1;
  /** Which bundled catalogue it was built over: after an update a stale one is not used. */
  bundled: string;
  /** serializeMatcher() of the effective catalogue's matcher. */
  compiled: string;
  /** id → canonical name of the user's own terms (the bundled names are in the content script). */
  names: [string, string][];
}

/** A short print of the bundled forms, so a stored matcher built over another catalogue is refused. */
export function bundledPrint(bundled: readonly TermForms[]): string {
  const text = matchingFingerprint(bundled);
  return `${fnv1a(text)}-${text.length}`;
}

export function buildStoredMatcher(bundled: readonly TermForms[], effective: readonly TermForms[]): StoredMatcher {
  const bundledIds = new Set(bundled.map((t) => t.id));
  return {
    format: 1,
    bundled: bundledPrint(bundled),
    compiled: serializeMatcher(createTermMatcher(effective).compile()),
    names: effective.filter((t) => !bundledIds.has(t.id)).map((t) => [t.id, t.canonical]),
  };
}

/**
 * The stored matcher, or null when absent, malformed or built over another bundled catalogue.
 * `bundled`: the bundled forms, or their bundledPrint() worked out at build (the content script).
 */
export function restoreStoredMatcher(
  value: unknown,
  bundled: readonly TermForms[] | string,
): { matcher: Matcher; names: Map<string, string> } | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<StoredMatcher>;
  if (stored.format !== 1 || typeof stored.compiled !== 'string' || !Array.isArray(stored.names)) return null;
  if (stored.bundled !== (typeof bundled === 'string' ? bundled : bundledPrint(bundled))) return null;
  try {
    const matcher = termMatcherFromCompiled(deserializeMatcher(stored.compiled));
    const names = new Map<string, string>();
    for (const pair of stored.names)
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
        names.set(pair[0], pair[1]);
    return { matcher, names };
  } catch {
    return null; // another fold table or a damaged record: the bundled matcher is used instead
  }
}
