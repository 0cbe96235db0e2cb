import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';
import { PathSets } from '../../src/forward/path-sets.js';
import { lexicographic } from './pair-trace.reference.js';

/** Builds the set of `paths` by prefix and union, in the order given. */
function build(sets: PathSets, paths: number[][]): number {
  let id = PathSets.EMPTY;
  for (const path of paths) id = sets.union(id, path.reduceRight((tail, unit) => sets.prefix(unit, tail), PathSets.EMPTY_PATH));
  return id;
}

describe('PathSets', () => {
  it('gives equal sets equal ids, whatever order and grouping built them', () => {
    const sets = new PathSets();
    const a = build(sets, [[1, 2, 3], [1, 4], [5]]);
    const b = build(sets, [[5], [1, 4], [1, 2, 3], [1, 4]]);
    expect(b).toBe(a);
    expect(build(sets, [[1, 2, 3], [1, 4]])).not.toBe(a);
  });

  it('tells the empty set from the set holding the empty path', () => {
    const sets = new PathSets();
    expect(sets.pathCount(PathSets.EMPTY)).toBe(0);
    expect(sets.paths(PathSets.EMPTY_PATH).paths).toEqual([[]]);
    expect(sets.prefix(7, PathSets.EMPTY)).toBe(PathSets.EMPTY);
    expect(sets.paths(sets.prefix(7, PathSets.EMPTY_PATH)).paths).toEqual([[7]]);
  });

  it('lists paths in lexicographic order, a path before its extensions, and cuts at the limit', () => {
    const sets = new PathSets();
    const id = build(sets, [[2], [1, 3], [1], [10, 1]]);
    expect(sets.paths(id).paths).toEqual([[1], [1, 3], [2], [10, 1]]);
    expect(sets.pathCount(id)).toBe(4);
    expect(sets.paths(id, 2)).toEqual({ paths: [[1], [1, 3]], truncated: true });
    expect(sets.paths(id, 4).truncated).toBe(false);
  });

  it('keeps an exponential number of ECMP paths in a few nodes', () => {
    const sets = new PathSets();
    // Twenty hops, each over one of two units: 2^20 paths, 20 trie nodes.
    let id = PathSets.EMPTY_PATH;
    for (let hop = 0; hop < 20; hop++) id = sets.union(sets.prefix(2 * hop, id), sets.prefix(2 * hop + 1, id));
    expect(sets.pathCount(id)).toBe(2 ** 20);
    expect(sets.size).toBeLessThan(100);
    expect(sets.paths(id, 3).paths).toEqual([
      [38, 36, 34, 32, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0],
      [38, 36, 34, 32, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 1],
      [38, 36, 34, 32, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 3, 0],
    ]);
  });

  it('a scenario table reads through to its base and gives known sets their base ids', () => {
    const base = new PathSets();
    const known = build(base, [[1, 2], [3]]);
    const size = base.size;
    const scenario = new PathSets(base);
    expect(build(scenario, [[3], [1, 2]])).toBe(known);
    const fresh = build(scenario, [[1, 2], [4]]);
    expect(fresh).toBeGreaterThanOrEqual(size);
    expect(scenario.paths(fresh).paths).toEqual([[1, 2], [4]]);
    expect(base.size).toBe(size);
  });

  it('isReverseOf agrees with reversing and comparing path lists, on random sets, small and large', () => {
    const random = mulberry32(42);
    const draw = (n: number): number => Math.floor((random() / 2 ** 32) * n);
    const sets = new PathSets();
    const randomPaths = (): number[][] => Array.from({ length: 1 + draw(4) }, () => Array.from({ length: draw(5) }, () => draw(6)));
    for (let trial = 0; trial < 400; trial++) {
      const forward = randomPaths();
      // Half the time the true reverse, otherwise a random or a nearly-reversed set.
      const back = trial % 2 === 0 ? forward.map((p) => [...p].reverse())
        : trial % 4 === 1 ? randomPaths() : forward.map((p, i) => (i === 0 ? [...p, 9] : [...p].reverse()));
      const a = build(sets, forward);
      const b = build(sets, back);
      const expected = sameList(unique(forward), unique(back.map((p) => [...p].reverse())));
      expect(sets.isReverseOf(b, a), JSON.stringify({ forward, back })).toBe(expected);
      expect(sets.reversed(a) === b).toBe(expected);
    }
  });

  it('isReverseOf compares sets too large to list on their tries', () => {
    const sets = new PathSets();
    let forward = PathSets.EMPTY_PATH;
    let backward = PathSets.EMPTY_PATH;
    // 2^13 paths: hop h crosses unit 2h or 2h+1; the reverse crosses them in the opposite order.
    for (let hop = 0; hop < 13; hop++) forward = sets.union(sets.prefix(2 * hop, forward), sets.prefix(2 * hop + 1, forward));
    for (let hop = 12; hop >= 0; hop--) backward = sets.union(sets.prefix(2 * hop, backward), sets.prefix(2 * hop + 1, backward));
    expect(sets.pathCount(forward)).toBe(8192);
    expect(sets.isReverseOf(backward, forward)).toBe(true);
    expect(sets.isReverseOf(forward, forward)).toBe(false);
  });
});

function unique(paths: number[][]): number[][] {
  return [...new Set(paths.map((p) => JSON.stringify(p)))].map((k) => JSON.parse(k) as number[]).sort(lexicographic);
}

function sameList(a: number[][], b: number[][]): boolean {
  return a.length === b.length && a.every((p, i) => lexicographic(p, b[i]!) === 0);
}
