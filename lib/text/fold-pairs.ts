/**
 * The generated fold tables' compact form. A table is a string of (from, to) code-unit pairs sorted
 * by `from`; stored as two lists of differences from the previous code unit, in base 36: the
 * `from` list is mostly runs of 1 (radicals and compatibility ideographs are contiguous blocks),
 * the `to` list small steps (Kangxi radicals follow the unified ideographs' radical order). Both
 * gzip to less than half of the pairs themselves, which every page's content script downloads.
 */
export interface EncodedFoldPairs {
  from: string;
  to: string;
}

function differences(codes: number[]): string {
  let previous = 0;
  return codes
    .map((code) => {
      const step = code - previous;
      previous = code;
      return step.toString(36);
    })
    .join(',');
}

function sums(text: string): number[] {
  let code = 0;
  return text === '' ? [] : text.split(',').map((step) => (code += Number.parseInt(step, 36)));
}

/** Encodes a pairs string (used by the generators in scripts/). */
export function encodeFoldPairs(pairs: string): EncodedFoldPairs {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    from.push(pairs.charCodeAt(i));
    to.push(pairs.charCodeAt(i + 1));
  }
  return { from: differences(from), to: differences(to) };
}

/** The pairs string back, exactly as it was encoded. */
export function decodeFoldPairs({ from, to }: EncodedFoldPairs): string {
  const targets = sums(to);
  let pairs = '';
  sums(from).forEach((code, i) => {
    pairs += String.fromCharCode(code, targets[i] as number);
  });
  return pairs;
}
