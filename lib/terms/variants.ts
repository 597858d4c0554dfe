/**
 * Expands a variant pattern into every form it stands for. Two constructs, nestable:
 * - `{a|b|c}` one of the alternatives;
 * - `<a|b|c/、>` every order of all the items, joined by the text after the slash.
 * So `<医疗|医保|医药/、>协同{发展{和|与}治理|治理{和|与}发展}` is the 24 forms 医疗、医保、医药协同发展和治理 …
 * Items may themselves hold `{…}` (each item expands first).
 */
export function expandVariant(pattern: string): string[] {
  const parser = { text: pattern, at: 0 };
  const out = parseSequence(parser, '');
  if (parser.at !== pattern.length)
    throw new Error(`variant pattern: unexpected "${pattern[parser.at]}" in ${pattern}`);
  return [...new Set(out)];
}

interface Parser {
  text: string;
  at: number;
}

/** A run of literal text and groups, up to one of the `stops` characters (not consumed). */
function parseSequence(p: Parser, stops: string): string[] {
  let forms = [''];
  while (p.at < p.text.length) {
    const ch = p.text[p.at] as string;
    if (stops.includes(ch)) break;
    if (ch === '{' || ch === '<') {
      p.at++;
      const close = ch === '{' ? '}' : '>';
      const items = parseItems(p, ch === '{' ? '|}' : '|/>');
      let joiner = '';
      if (ch === '<') {
        if (p.text[p.at] === '/') {
          p.at++;
          const start = p.at;
          while (p.at < p.text.length && p.text[p.at] !== '>') p.at++;
          joiner = p.text.slice(start, p.at);
        }
      }
      if (p.text[p.at] !== close) throw new Error(`variant pattern: missing "${close}" in ${p.text}`);
      p.at++;
      const choices = ch === '{' ? items.flat() : orders(items).flatMap((order) => joinAll(order, joiner));
      forms = forms.flatMap((prefix) => choices.map((choice) => prefix + choice));
    } else if ('}>|'.includes(ch)) {
      throw new Error(`variant pattern: stray "${ch}" in ${p.text}`);
    } else {
      forms = forms.map((prefix) => prefix + ch);
      p.at++;
    }
  }
  return forms;
}

/** Alternatives separated by `|`, each a sequence; stops before the closing character or `/`. */
function parseItems(p: Parser, stops: string): string[][] {
  const items: string[][] = [];
  for (;;) {
    items.push(parseSequence(p, stops));
    if (p.text[p.at] !== '|') return items;
    p.at++;
  }
}

/** Every order of the items (each item a list of its own expansions). */
function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Joins one order of items, taking every combination of each item's expansions. */
function joinAll(order: string[][], joiner: string): string[] {
  let out = order[0] ?? [''];
  for (const choices of order.slice(1)) out = out.flatMap((prefix) => choices.map((c) => prefix + joiner + c));
  return out;
}
