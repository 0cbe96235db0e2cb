import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskOf, overlaps, type Prefix } from '../../src/model/prefix.js';
import { firstOverlaps } from '../../src/model/validation/prefix-groups.js';

/** Prefixes within 10.0.0.0/28 and of any length, so that lists of a few overlap often and in every way. */
const prefix = fc
  .record({ addr: fc.integer({ min: 0, max: 15 }), len: fc.integer({ min: 24, max: 32 }) })
  .map(({ addr, len }): { prefix: Prefix } => ({ prefix: { net: ((0x0a000000 + addr) & maskOf(len)) >>> 0, len } }));

describe('firstOverlaps()', () => {
  it('finds, for each prefix of one list, the first of the other that overlaps it, as comparing every pair does', () => {
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 12 }), fc.array(prefix, { maxLength: 12 }), (a, b) => {
        // By index, not by value: b may hold the same prefix twice, and the first must be named.
        const naive = a.map((x) => b.findIndex((y) => overlaps(x.prefix, y.prefix)));
        expect(firstOverlaps(a, b).map((y) => (y ? b.indexOf(y) : -1))).toEqual(naive);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
