import { describe, it, expect, vi, beforeEach } from 'vitest';
import { vnetEstate } from '../../bench/vnet-estate.js';
import { validateTopology } from '../../src/model/validate.js';
import { SPELLING_BUDGET } from '../../src/model/validation/spelling.js';
import type * as EditDistance from '../../src/model/validation/edit-distance.js';
import type * as ValidationModel from '../../src/model/validation/model.js';

/**
 * Validation of large estates, measured in work rather than time: the cells of edit distance the suggestions
 * may spend (by editDistanceWithin's contract), the errors copied while they are gathered, and the pairs of
 * sites the overlap check looks at.
 */

const work = vi.hoisted(() => ({ cells: 0, sitePairs: 0 }));

vi.mock('../../src/model/validation/edit-distance.js', async (importOriginal) => {
  const { editDistanceWithin } = await importOriginal<typeof EditDistance>();
  return {
    editDistanceWithin: (a: string, b: string, max: number): number => {
      work.cells += (2 * max + 1) * (a.length + 1);
      return editDistanceWithin(a, b, max);
    },
  };
});

vi.mock('../../src/model/validation/model.js', async (importOriginal) => {
  const original = await importOriginal<typeof ValidationModel>();
  return {
    ...original,
    isPeered: (...args: Parameters<typeof original.isPeered>): boolean => {
      work.sitePairs++;
      return original.isPeered(...args);
    },
  };
});

beforeEach(() => {
  work.cells = 0;
  work.sitePairs = 0;
});

/** VNet `i`, with its own /24 unless it is given a prefix. */
function vnet(i: number, prefix = `10.${i >> 8}.${i & 255}.0/24`): Record<string, unknown> {
  return { kind: 'vnet', id: `vnet-${i}`, addressSpace: [prefix], testAddresses: [prefix.replace(/0\/\d+$/, '4')] };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('validateTopology() on 3,000 VNets peered in a ring', () => {
  it('spends nothing on suggestions when every reference is right', () => {
    expect(validateTopology(vnetEstate(3000)).ok).toBe(true);
    expect(work.cells).toBe(0);
  });

  it('spends at most the spelling budget when all 3,000 references are misspelt, and reports each', () => {
    const r = validateTopology(vnetEstate(3000, 3000));
    if (r.ok) throw new Error('accepted');
    expect(r.issues).toHaveLength(3000);
    expect(r.issues[0]).toMatchObject({
      path: '$.peerings[0].sides[1].vnet',
      message: 'no VNet has the id "vnet_1"',
      hint: 'did you mean "vnet-1"? VNets: vnet-0, vnet-1, vnet-2, vnet-3, vnet-4, vnet-5, vnet-6, vnet-7, vnet-8, vnet-9 and 2,990 more',
    });
    // Without bounds: 3,000 lookups, each over the whole table with all 3,000 ids (~9,000,000 comparisons).
    expect(work.cells).toBeLessThanOrEqual(SPELLING_BUDGET);
  });
});

describe('validateTopology() structural pass', () => {
  it('gathers the 30,000 problems of 10,000 empty routes without copying those found before for each route', () => {
    const routes = range(10_000).map(() => ({}));
    const v = { kind: 'vnet', id: 'v', addressSpace: ['10.0.0.0/8'], testAddresses: ['10.0.0.1'], routeTable: { routes } };
    const concat = vi.spyOn(Array.prototype, 'concat');
    const r = validateTopology({ name: 'routes', sites: [v] });
    const copied = concat.mock.contexts.reduce((n: number, array) => n + (array as unknown[]).length, 0);
    concat.mockRestore();
    // Each route lacks its name, prefix and next hop type.
    expect(r.ok ? [] : r.issues).toHaveLength(30_000);
    // Copying the problems found so far for each route would copy about 10,000 * 30,000 / 2 = 150,000,000.
    expect(copied).toBeLessThan(30_000);
  });
});

describe('validateTopology() overlap checks', () => {
  function overlapWarnings(sites: Record<string, unknown>[]): string[] {
    const r = validateTopology({ name: 'shared', sites });
    return (r.ok ? r.warnings : r.issues).filter((i) => i.message.includes('overlap')).map((i) => i.message);
  }

  it.each([1000, 2000])('look at a few pairs of sites, not all, when %i VNets share one prefix', (n) => {
    const warnings = overlapWarnings(range(n).map((i) => vnet(i, '10.0.0.0/16')));
    expect(warnings).toEqual([
      `${n.toLocaleString('en-US')} sites share "10.0.0.0/16" ("vnet-0", "vnet-1", "vnet-2", "vnet-3", "vnet-4", ` +
        `"vnet-5", "vnet-6", "vnet-7", "vnet-8", "vnet-9" and ${(n - 10).toLocaleString('en-US')} more): ` +
        'traffic for the overlap cannot be told apart',
    ]);
    // The first pair looked at is of two sites not peered: no more is needed (every pair would be n(n-1)/2).
    expect(work.sitePairs).toBe(1);
  });

  it('look at one pair per prefix when 2,000 VNets lie inside one on-premises prefix', () => {
    const dc = { kind: 'onprem', id: 'dc', prefixes: ['10.0.0.0/8'], testAddresses: ['10.255.0.1'], routers: [] };
    const warnings = overlapWarnings([dc, ...range(2000).map((i) => vnet(i))]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^"10\.0\.0\.0\/8" overlaps 2,000 prefixes of other sites \("10\.0\.0\.0\/24" of "vnet-0", /);
    expect(work.sitePairs).toBe(2000);
  });
});
