/**
 * Levenshtein distance, computed only as far as it can stay within `max`: a cell more than `max` off the
 * diagonal cannot lead back within it, and once a whole row is past `max` so is the answer. Any distance above
 * `max` comes back as `max + 1`. The work is at most (2 * max + 1) cells for each character of `a` and for the
 * first row, and none when the lengths alone differ by more than `max`.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  // The first row, as far as the band and the cell just right of it.
  for (let j = 0; j <= Math.min(b.length, over); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Just left of the band: the distance from a's first i characters to nothing, or out of reach.
    row[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMin = row[from - 1] as number;
    for (let j = from; j <= to; j++) {
      const substitute = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const cell = Math.min(substitute, (prev[j] as number) + 1, (row[j - 1] as number) + 1, over);
      row[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    // Just right of the band, which the next row reads.
    if (to < b.length) row[to + 1] = over;
    if (rowMin > max) return over;
    [prev, row] = [row, prev];
  }
  return prev[b.length] as number;
}
