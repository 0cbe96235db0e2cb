/**
 * Spelling suggestions for hints: `did you mean "addressSpace"?` after an unknown field, id or failure unit.
 * A candidate is suggested when its edit distance is the smallest and small enough to be a likely typo.
 */

/** `did you mean "a" or "b"?` for the candidates nearest to `word`, or undefined when none is near enough. */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  distance: (word: string, candidate: string) => number = editDistance,
): string | undefined {
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((c) => ({ c, d: distance(word, c) }));
  const best = Math.min(...scored.map((s) => s.d));
  if (best > closeEnough(word)) return undefined;
  const close = scored.filter((s) => s.d === best).map((s) => `"${s.c}"`);
  return `did you mean ${close.join(' or ')}?`;
}

function closeEnough(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitute = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitute));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}
