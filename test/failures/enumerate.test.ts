import { describe, expect, it } from 'vitest';
import { combinations, countScenarios, planScenarios } from '../../src/failures/enumerate.js';
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
