import { describe, expect, it } from 'vitest';
import { cutUnavailability, DEFAULT_UNAVAILABILITY, moreThanDown, resolveUnavailability } from '../../src/analysis/availability.js';
import { compileFile } from '../engine-harness.js';

describe('cutUnavailability', () => {
  const q = Float64Array.from([0.1, 0.2, 0.05, 0]);

  it('is a single cut\'s probability of being wholly down', () => {
    expect(cutUnavailability([[0, 1]], q)).toBeCloseTo(0.02, 15);
  });

  it('combines cuts as 1 - prod(1 - P(cut)): the minimal-cut-set upper bound', () => {
    // Cuts {0,1} and {2}: 1 - (1 - 0.02)(1 - 0.05) = 0.069; the exact union is the same here (disjoint units).
    expect(cutUnavailability([[0, 1], [2]], q)).toBeCloseTo(0.069, 15);
    // Cuts sharing unit 0: {0,1} and {0,2}. Exact: P(0) * P(1 or 2) = 0.1 * (1 - 0.8 * 0.95) = 0.024; the bound
    // 1 - (1 - 0.02)(1 - 0.005) = 0.0249 is above it, never below.
    expect(cutUnavailability([[0, 1], [0, 2]], q)).toBeCloseTo(0.0249, 15);
  });

  it('keeps the nines of tiny probabilities', () => {
    // 1 - (1 - 1e-9)^2 = 2e-9 - 1e-18; taking 1 - 0.999999998... in floating point would be off in the 8th digit.
    const tiny = Float64Array.from([1e-9, 1e-9]);
    expect(cutUnavailability([[0], [1]], tiny)).toBeCloseTo(1.999999999e-9, 22);
  });

  it('is 0 with no cut, or with a unit that never fails in every cut', () => {
    expect(cutUnavailability([], q)).toBe(0);
    expect(cutUnavailability([[3], [0, 3]], q)).toBe(0);
  });
});

describe('moreThanDown', () => {
  it('is P(more than k of independent units down)', () => {
    // Three units at 0.1: P(2 or 3 down) = 3 * 0.01 * 0.9 + 0.001 = 0.028.
    expect(moreThanDown([0.1, 0.1, 0.1], 1)).toBeCloseTo(0.028, 15);
    expect(moreThanDown([0.1, 0.1, 0.1], 2)).toBeCloseTo(0.001, 15);
    expect(moreThanDown([0.1, 0.1, 0.1], 3)).toBe(0);
    // Zero units down beyond: P(at least one) = 1 - 0.9 * 0.8.
    expect(moreThanDown([0.1, 0.2], 0)).toBeCloseTo(0.28, 15);
  });
});

describe('resolveUnavailability', () => {
  const topology = compileFile(new URL('../../scenarios/azure-interop.json', import.meta.url));
  const index = (id: string): number => topology.units.findIndex((u) => u.id === id);

  it('defaults to one minus Microsoft\'s SLA per kind, citing it; a peering (no SLA) to 0', () => {
    const { byUnit, kinds } = resolveUnavailability(topology, {}, {});
    expect(byUnit[index('er-link:er1-primary')]).toBe(0.0005);
    expect(byUnit[index('vpn:hub-onprem1')]).toBe(0.0005);
    expect(byUnit[index('peering:hub-spoke')]).toBe(0);
    expect(kinds).toEqual(Object.values(DEFAULT_UNAVAILABILITY));
    for (const k of kinds) expect(k.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('a unit\'s own figure over its kind\'s; the command line\'s over the file\'s', () => {
    const { byUnit, units, kinds } = resolveUnavailability(topology, { vpn: 0.01, 'vpn:hub-branch': 0.02 }, { vpn: 0.03 });
    expect(byUnit[index('vpn:hub-onprem1')]).toBe(0.03);
    expect(byUnit[index('vpn:hub-branch')]).toBe(0.02);
    expect(units).toEqual({ 'vpn:hub-branch': 0.02 });
    expect(kinds.find((k) => k.kind === 'vpn')).toEqual({ kind: 'vpn', value: 0.03, source: 'command line' });
  });
});
