/**
 * Index of the last start at or before `offset` in an ascending list of start offsets (the pieces
 * a joined text was built from), or -1 when the offset lies before the first piece.
 */
export function pieceAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
