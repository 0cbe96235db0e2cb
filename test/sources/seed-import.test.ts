import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/model/compile.js';
import { importTopology } from '../../src/sources/import/import-topology.js';
import type { RouteRow } from '../../src/control/route-table.js';
import type { ExpectedRoute, ScenarioExpectation } from '../case-types.js';
import seed from '../cases/seed.expected.js';
import { pathSet, scenarioView } from '../engine-harness.js';
import { seedMapping } from './seed-mapping.js';

/**
 * The done-when of issue 13: the seed network written as Azure exports (by hand, from the REST API examples and
 * the seed pages) plus the CE configurations imports to a topology on which every expectation of the seed's
 * golden file holds: the data-plane verdicts of each scenario (outcome, ECMP paths, hops, symmetry), and the
 * routes behind them. Names differ (hub-vnet, loc1, er1-hub-conn...): sites are matched by address, the rest by
 * what it joins (seed-mapping.ts).
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/azure-interop/', import.meta.url));
const CONFIGS = readdirSync(`${FIXTURES}ce`).map((f) => `${FIXTURES}ce/${f}`);
const EXPORTS: Record<string, string[]> = {
  'a Resource Graph export': [`${FIXTURES}resource-graph.json`],
  'az network outputs': readdirSync(`${FIXTURES}az-network`).map((f) => `${FIXTURES}az-network/${f}`),
};

describe.each(Object.entries(EXPORTS))('the seed as %s and CE configurations', (_, exportFiles) => {
  const result = importTopology([...exportFiles, ...CONFIGS]);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems, null, 2)}`);
  const topology = compileTopology(result.topology);
  const map = seedMapping(result.topology);

  it('has the seed\'s six sites and ten units, er1\'s secondary link disabled', () => {
    expect(topology.sites).toHaveLength(6);
    expect(topology.units.filter((u) => !u.enabled).map((u) => u.id)).toEqual([map.unit('er-link:er1-secondary')]);
    expect(topology.units).toHaveLength(10);
  });

  describe.each((seed.scenarios as ScenarioExpectation[]).map((s) => [s.failed.length ? s.failed.join('+') : 'baseline', s] as const))('%s', (_, scenario) => {
    const view = scenarioView(topology, scenario.failed.map(map.unit));
    const matches = (row: RouteRow, e: ExpectedRoute) => row.source === e.source
      && (e.nextHop === undefined || row.nextHop === (e.nextHop === null ? null : map.node(e.nextHop)))
      && (e.asPath === undefined || JSON.stringify(row.asPath) === JSON.stringify(e.asPath))
      && (e.localPref === undefined || row.localPref === e.localPref)
      && (e.weight === undefined || row.weight === e.weight);

    for (const pair of scenario.pairs ?? []) {
      it(`${pair.src} -> ${pair.dst}: ${pair.outcome}`, () => {
        const record = view.pair(map.site(pair.src), map.site(pair.dst));
        expect(record.outcome).toBe(pair.outcome);
        if (pair.paths) expect(pathSet(record.paths)).toEqual(pathSet(pair.paths.map((p) => p.map(map.unit))));
        if (pair.hops) expect(record.hops.map((h) => h.map((x) => x.node))).toEqual([pair.hops.map(map.node)]);
        if (pair.symmetric !== undefined) expect(record.symmetric).toBe(pair.symmetric);
      });
    }

    it('installs the routes behind them and none of the absent ones', () => {
      for (const route of scenario.routes ?? []) {
        const rows = view.routes(map.node(route.node)).filter((r) => r.prefix === route.prefix);
        const installed = rows.filter((r) => r.best);
        expect(installed, `${route.node} ${route.prefix}`).toHaveLength(route.best.length);
        for (const e of route.best) expect(installed.some((r) => matches(r, e)), JSON.stringify({ route, installed })).toBe(true);
        for (const loser of route.losers ?? []) expect(rows.find((r) => !r.best && matches(r, loser))?.reason).toContain(loser.reason);
      }
      for (const absent of scenario.absent ?? []) {
        expect(view.routes(map.node(absent.node)).filter((r) => r.prefix === absent.prefix && r.best), `${absent.node} ${absent.prefix}`).toEqual([]);
      }
      expect(view.result.notConverged).toEqual([]);
    });
  });
});
