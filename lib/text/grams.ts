import { normalizeKey } from './fold';

/**
 * Distinct character bigrams of a text's matching key. Chinese has no spaces to split words on;
 * every substring of two or more characters contains one of these bigrams, so a multiEntry index
 * over them finds candidates for any query, and a substring test confirms them.
 */
export function bigrams(text: string): string[] {
  const key = normalizeKey(text);
  if (key.length === 1) return [key];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) grams.add(key.slice(i, i + 2));
  return [...grams];
}
