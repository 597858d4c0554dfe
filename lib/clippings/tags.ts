/** Tags as typed: separated by commas (either width), 、, semicolons or white space. */
export const TAG_SEPARATOR = /[,，、;；\s]+/;

export const splitTags = (text: string): string[] => text.split(TAG_SEPARATOR).filter(Boolean);

/** The word being typed at the end of a tag field ('' right after a separator). */
export function typingWord(value: string): string {
  if (value === '' || /[,，、;；\s]$/.test(value)) return '';
  return splitTags(value).at(-1) ?? '';
}

/**
 * Suggestions from the user's own tags (most used first) for a tag field: those starting with the
 * word being typed, then those containing it, never one already in the field.
 */
export function suggestTags(known: readonly string[], value: string, limit = 8): string[] {
  const typing = typingWord(value);
  const words = splitTags(value);
  const taken = new Set(typing ? words.slice(0, -1) : words);
  const open = known.filter((tag) => !taken.has(tag) && tag !== typing);
  const starts = open.filter((tag) => tag.startsWith(typing));
  const contains = typing ? open.filter((tag) => !tag.startsWith(typing) && tag.includes(typing)) : [];
  return [...starts, ...contains].slice(0, limit);
}

/** The field's text after choosing a suggestion: it completes the word being typed. */
export function chooseTag(value: string, tag: string): string {
  const typing = typingWord(value);
  const head = typing
    ? value.slice(0, value.length - typing.length)
    : value && !/[,，、;；\s]$/.test(value)
      ? `${value}，`
      : value;
  return `${head}${tag}，`;
}

/** Every tag in use, most used first (ties alphabetical): what suggestions are drawn from. */
export function tagsByUse(lists: Iterable<readonly string[]>): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const tag of list) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}
