// Pinyin keys of a term's Chinese forms, for searching by pinyin (sanyixietong) or initials (sycx).
// The pinyin function is passed in: the generator script and the page where the user adds terms
// bring pinyin-pro (about 300 kB), which must stay out of the popup and the content script.

/** Syllables of a text without tones, one per character (non-Chinese characters as they are). */
export type PinyinOf = (text: string) => string[];

const CJK = /[\u3400-\u9fff]/u;

/**
 * For each form holding Chinese characters (traditional forms give the same keys and are left out
 * by the caller's de-duplication): the full pinyin and the initials, letters only, lower case.
 */
export function pinyinKeysOf(forms: readonly string[], pinyinOf: PinyinOf): string[] {
  const keys = new Set<string>();
  for (const form of forms) {
    if (!CJK.test(form)) continue;
    const syllables = pinyinOf(form)
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/gu, ''))
      .filter((s) => s.length > 0);
    if (syllables.length === 0) continue;
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0]).join(''));
  }
  return [...keys];
}
