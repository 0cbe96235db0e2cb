import { describe, it, expect, vi, beforeEach } from 'vitest';
import fc from 'fast-check';
import { editDistanceWithin } from '../../src/model/validation/edit-distance.js';
import type * as EditDistance from '../../src/model/validation/edit-distance.js';
import { SPELLING_BUDGET, Speller, Vocabulary } from '../../src/model/validation/spelling.js';

// Counts the speller's comparisons, and the cells each may cost by editDistanceWithin's contract.
const work = vi.hoisted(() => ({ comparisons: 0, cells: 0 }));
vi.mock('../../src/model/validation/edit-distance.js', async (importOriginal) => {
  const { editDistanceWithin: original } = await importOriginal<typeof EditDistance>();
  return {
    editDistanceWithin: (a: string, b: string, max: number): number => {
      work.comparisons++;
      work.cells += (2 * max + 1) * (a.length + 1);
      return original(a, b, max);
    },
  };
});

beforeEach(() => {
  work.comparisons = 0;
  work.cells = 0;
});

/** Plain Levenshtein over the whole table: the reference the banded one must agree with. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

describe('editDistanceWithin()', () => {
  it.each([
    ['kitten', 'sitting', 5, 3],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3], // over the limit: max + 1
    ['', 'abc', 3, 3],
    ['abc', '', 1, 2],
    ['abcdef', 'ab', 3, 4], // lengths differ by 4 > 3
    ['same', 'same', 0, 0],
  ])('distance("%s", "%s") within %i is %i', (a, b, max, expected) => {
    expect(editDistanceWithin(a, b, max)).toBe(expected);
  });

  it('agrees with the full table wherever the distance is within the limit, and says max + 1 elsewhere', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, max) => {
        expect(editDistanceWithin(a, b, max)).toBe(Math.min(levenshtein(a, b), max + 1));
      }),
      { numRuns: 500, seed: 17 },
    );
  });
});

describe('Speller.didYouMean()', () => {
  const fields = new Vocabulary(['kind', 'id', 'role', 'addressSpace', 'testAddresses', 'erGateway', 'vpnGateway']);

  it('suggests the nearest word, ignoring case', () => {
    expect(new Speller().didYouMean('adressspace', fields)).toBe('did you mean "addressSpace"?');
  });

  it('lists equally near words in vocabulary order', () => {
    // "rnGateway" is 2 from both: r->e, n->r; and r->p with a "v" in front.
    expect(new Speller().didYouMean('rnGateway', fields)).toBe('did you mean "erGateway" or "vpnGateway"?');
  });

  it('suggests nothing beyond a third of the word (at least 2)', () => {
    // "roe" is 1 from "role"; "zzzz" is 4 from every four-letter word.
    expect(new Speller().didYouMean('roe', fields)).toBe('did you mean "role"?');
    expect(new Speller().didYouMean('zzzz', fields)).toBeUndefined();
  });

  it('suggests nothing for a word of more than 64 characters', () => {
    const long = `${'a'.repeat(64)}b`;
    expect(new Speller().didYouMean(long, new Vocabulary([`${'a'.repeat(64)}c`]))).toBeUndefined();
    expect(new Speller().didYouMean(long.slice(1), new Vocabulary([`${'a'.repeat(63)}c`]))).toBe(`did you mean "${'a'.repeat(63)}c"?`);
  });

  it('suggests a word for its alias, once', () => {
    const units = new Vocabulary(['er-conn:er1-hub', 'er-link:er1-primary'], (id) => [id.slice(id.indexOf(':') + 1)]);
    expect(new Speller().didYouMean('er1-hub', units)).toBe('did you mean "er-conn:er1-hub"?');
    expect(new Speller().didYouMean('er-link:er1-primry', units)).toBe('did you mean "er-link:er1-primary"?');
  });

  it('suggests at most three equally near words', () => {
    const ids = new Vocabulary(['ab1', 'ab2', 'ab3', 'ab4']);
    expect(new Speller().didYouMean('ab', ids)).toBe('did you mean "ab1" or "ab2" or "ab3"?');
  });
});

describe('Speller work', () => {
  const ids = Array.from({ length: 3000 }, (_, i) => `vnet-${i}`);

  it('looks a word up once however often it is asked for', () => {
    const speller = new Speller();
    const vnets = new Vocabulary(ids);
    expect(speller.didYouMean('vnet_1', vnets)).toBe('did you mean "vnet-1"?');
    const once = work.comparisons;
    for (let i = 0; i < 100; i++) speller.didYouMean('vnet_1', vnets);
    expect(work.comparisons).toBe(once);
  });

  it('spends at most its budget on 3,000 misspellings among 3,000 ids, suggesting while it lasts', () => {
    const speller = new Speller();
    const vnets = new Vocabulary(ids);
    const hints = ids.map((_, i) => speller.didYouMean(`vnet_${i}`, vnets));
    expect(hints[0]).toBe('did you mean "vnet-0"?');
    // Unbounded, each lookup would compare with all 3,000 ids: 9,000,000 comparisons.
    expect(work.cells).toBeLessThanOrEqual(SPELLING_BUDGET);
    // Each comparison costs at least (2 * 0 + 1) * (6 + 1) cells: a word of six characters, nothing to spare.
    expect(work.comparisons).toBeLessThanOrEqual(Math.floor(SPELLING_BUDGET / 7));
    expect(hints.at(-1)).toBeUndefined();
  });
});
