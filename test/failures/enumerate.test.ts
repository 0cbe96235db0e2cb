import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combinationAt, combinations, combinationsBetween, countScenarios, planScenarios, shardOf } from '../../src/failures/enumerate.js';
import { compileFile } from '../engine-harness.js';
import { SEED } from '../cli-process.js';

describe('combinations', () => {
  it('walks sizes in order, then positions lexicographically', () => {
    expect([...combinations(4, 2)]).toEqual([[0], [1], [2], [3], [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
  });

  it('counts what it yields: sum of C(n, i) for i = 1..k', () => {
    expect(countScenarios(9, 1)).toBe(9);
    expect(countScenarios(9, 2)).toBe(9 + 36);
    expect(countScenarios(5, 9)).toBe(31);
    expect([...combinations(7, 3)]).toHaveLength(countScenarios(7, 3));
    expect(countScenarios(2000, 10)).toBe(Infinity);
  });

  it('is lazy: the first combination of an astronomically large space comes at once', () => {
    expect(combinations(600, 5).next().value).toEqual([0]);
  });
});

describe('rank and unrank', () => {
  it('finds the combination at any position directly, the same as walking to it', () => {
    const all = [...combinations(9, 3)];
    all.forEach((c, i) => expect(combinationAt(9, 3, i)).toEqual(c));
    expect(() => combinationAt(9, 3, all.length)).toThrow(RangeError);
  });

  it('walks any slice from its start, across sizes, as the whole walk does', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.nat(), (n, k, a, b) => {
      const all = [...combinations(n, k)];
      const [start, end] = [a % (all.length + 1), b % (all.length + 1)].sort((x, y) => x - y) as [number, number];
      expect([...combinationsBetween(n, k, start, end)]).toEqual(all.slice(start, end));
    }), { seed: 16, numRuns: 300 });
  });

  it('reaches deep into an estate\'s space at once: the 30,000,000th triple of 602 units', () => {
    const at = combinationAt(602, 3, 30_000_000);
    expect(at).toHaveLength(3);
    expect(combinationsBetween(602, 3, 30_000_000, 30_000_002).next().value).toEqual(at);
  });

  it('cuts N shards into contiguous slices that differ by one at most and cover the sequence once', () => {
    for (const count of [1, 2, 3, 5, 7]) {
      const slices = Array.from({ length: count }, (_, i) => shardOf(129, { index: i + 1, count }));
      expect(slices[0]!.start).toBe(0);
      expect(slices.at(-1)!.end).toBe(129);
      slices.slice(1).forEach((s, i) => expect(s.start).toBe(slices[i]!.end));
      const sizes = slices.map((s) => s.end - s.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('planScenarios on the seed', () => {
  const topology = compileFile(SEED);

  it('enumerates the 9 enabled units, never the disabled er-link:er1-secondary', () => {
    const plan = planScenarios(topology, { allSingleFailures: true });
    const ids = [...plan.scenarios()].map((s) => s.map((u) => topology.units[u]!.id));
    expect(plan.total).toBe(9);
    expect(ids.flat()).not.toContain('er-link:er1-secondary');
    expect(ids[0]).toEqual(['peering:hub-spoke']);
    expect(ids[8]).toEqual(['er-conn:er2-hub']);
  });

  it('--max-failures 2 gives 9 + 36 = 45 scenarios', () => {
    expect(planScenarios(topology, { maxFailures: 2 }).total).toBe(45);
  });
});
