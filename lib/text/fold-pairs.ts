/**
 * The generated fold tables' compact form. A table is a string of (from, to) code-unit pairs sorted
 * by `from`; stored as two lists of differences from the previous code unit, in base 36: the
 * `from` list is mostly runs of 1 (radicals and compatibility ideographs are contiguous blocks),
 * the `to` list small steps (Kangxi radicals follow the unified ideographs' radical order). A
 * target that is what NFKC makes of its source (every Kangxi radical and compatibility ideograph)
 * is left empty in `to` and worked out again on decoding: Unicode's normalization stability policy
 * freezes the decomposition of every assigned character, so every engine gives the same pairs.
 * Both lists gzip to a fraction of the pairs themselves, which every page's content script
 * downloads.
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

/**
 * Whether a pair's target can be left out: it is what NFKC makes of the source, and a unified
 * ideograph, which never composes or reorders with a neighbour under normalization, so one NFKC call
 * over all the left-out sources together gives each one's target in its place.
 */
function leftOut(source: number, target: number): boolean {
  return (
    target >= 0x3400 &&
    target <= 0x9fff &&
    String.fromCharCode(source).normalize('NFKC') === String.fromCharCode(target)
  );
}

/** Encodes a pairs string (used by the generators in scripts/). */
export function encodeFoldPairs(pairs: string): EncodedFoldPairs {
  const from: number[] = [];
  const to: string[] = [];
  let previous = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const source = pairs.charCodeAt(i);
    const target = pairs.charCodeAt(i + 1);
    from.push(source);
    if (leftOut(source, target)) to.push('');
    else {
      to.push((target - previous).toString(36));
      previous = target;
    }
  }
  const encoded = { from: differences(from), to: to.join(',') };
  if (decodeFoldPairs(encoded) !== pairs) throw new Error('fold pairs: the encoding does not give the pairs back');
  return encoded;
}

/** The pairs string back, exactly as it was encoded. */
export function decodeFoldPairs({ from, to }: EncodedFoldPairs): string {
  const sources = sums(from);
  const steps = to.split(',');
  // one normalize call for all left-out targets: a call per character costs twenty times more
  const normalized = String.fromCharCode(...sources.filter((_, i) => steps[i] === '')).normalize('NFKC');
  let left = 0;
  let target = 0;
  let pairs = '';
  sources.forEach((source, i) => {
    const step = steps[i] as string;
    if (step === '') pairs += String.fromCharCode(source, normalized.charCodeAt(left++));
    else {
      target += Number.parseInt(step, 36);
      pairs += String.fromCharCode(source, target);
    }
  });
  return pairs;
}
