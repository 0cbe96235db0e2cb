import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseExpectation, ExpectedRoute } from './case-types.js';
import { compileFile, pathSet, scenarioView } from './engine-harness.js';
import type { RouteRow } from '../src/control/route-table.js';

/**
 * Runs every hand-derived expectation file under test/cases/ against the engine: routes (installed and
 * losing, with why), absent routes, pair verdicts with paths and hops, symmetry, convergence.
 */
const caseDir = new URL('./cases/', import.meta.url);
const files = readdirSync(caseDir).filter((f) => f.endsWith('.expected.ts')).sort();

function matches(row: RouteRow, expected: ExpectedRoute): boolean {
  return row.source === expected.source
    && (expected.nextHop === undefined || row.nextHop === expected.nextHop)
    && (expected.asPath === undefined || JSON.stringify(row.asPath) === JSON.stringify(expected.asPath))
    && (expected.localPref === undefined || row.localPref === expected.localPref)
    && (expected.weight === undefined || row.weight === expected.weight);
}

describe.each(files)('%s', async (file) => {
  const expectation = (await import(new URL(file, caseDir).href)).default as CaseExpectation;
  const topology = compileFile(new URL(expectation.topology, caseDir));

  describe.each(expectation.scenarios.map((s) => [s.failed.length ? s.failed.join('+') : 'baseline', s] as const))('%s', (_, scenario) => {
    const view = scenarioView(topology, scenario.failed);

    for (const route of scenario.routes ?? []) {
      it(`${route.node} ${route.prefix}: ${route.best.map((b) => b.source).join('+')} installed`, () => {
        const rows = view.routes(route.node).filter((r) => r.prefix === route.prefix);
        const installed = rows.filter((r) => r.best);
        expect(installed).toHaveLength(route.best.length);
        for (const expected of route.best) expect(installed.some((r) => matches(r, expected)), JSON.stringify({ expected, installed })).toBe(true);
        for (const loser of route.losers ?? []) {
          const row = rows.find((r) => !r.best && matches(r, loser));
          expect(row, JSON.stringify({ loser, rows })).toBeDefined();
          expect(row!.reason).toContain(loser.reason);
        }
      });
    }

    for (const absent of scenario.absent ?? []) {
      it(`${absent.node} has no route to ${absent.prefix} (${absent.because})`, () => {
        expect(view.routes(absent.node).filter((r) => r.prefix === absent.prefix && r.best)).toEqual([]);
      });
    }

    for (const pair of scenario.pairs ?? []) {
      it(`${pair.src} -> ${pair.dst}: ${pair.outcome}`, () => {
        const record = view.pair(pair.src, pair.dst);
        expect(record.outcome).toBe(pair.outcome);
        if (pair.paths) expect(pathSet(record.paths)).toEqual(pathSet(pair.paths));
        if (pair.hops) expect(record.hops.map((h) => h.map((x) => x.node))).toEqual([pair.hops]);
        if (pair.symmetric !== undefined) expect(record.symmetric).toBe(pair.symmetric);
        if (pair.asymmetry !== undefined) expect(view.asymmetry(pair.src, pair.dst)).toBe(pair.asymmetry);
      });
    }

    if (scenario.notConverged) {
      it(`reports ${scenario.notConverged.prefixes.join(', ')} as not converged`, () => {
        expect([...view.result.notConverged].sort()).toEqual([...scenario.notConverged!.prefixes].sort());
      });
    } else {
      it('converges', () => expect(view.result.notConverged).toEqual([]));
    }
  });
});
