import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../src/sources/generate/generate.js';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';
import { createEngine, evaluateScenario } from '../../src/analysis/engine.js';
import { enabledUnits } from '../../src/failures/enumerate.js';
import { DELIVERED, NO_ROUTE, OUTCOMES } from '../../src/forward/outcome.js';
import { lexicographic, tracePairPlain } from './pair-trace.reference.js';
import { compile, withRandomRoutes } from '../random-routes.js';

/**
 * Property: on generated estates, the per-destination verdicts (one bottom-up walk per probe, hash-consed
 * path sets, incremental recomputation after a failure) equal a plain pair-by-pair trace of every branch,
 * for the outcome, the path set and the symmetry of every pair, in the baseline and in random failure
 * scenarios (appliance instances and Route Server peerings among the units). The estates get random routing
 * too (withRandomRoutes): spoke-to-spoke through a hub appliance, null routes, a default route to the hub, a
 * route for a spoke's own range to the hub appliance, whose return over the peering makes a forwarding loop,
 * subnets with their own tables, a Route Server programming appliance routes.
 */
const SEEDS = [1, 2, 3, 4, 5, 6];

describe.each(SEEDS)('generated S estate, seed %i, with random UDRs', (seed) => {
  const random = mulberry32(seed * 7919);
  const topology = compile(withRandomRoutes(generateTopology({ preset: 'S', seed }), () => random() / 2 ** 32));
  const engine = createEngine(topology);
  // The reference for the warm-started routing: every prefix recomputed cold.
  const cold = createEngine(topology, { incremental: false });
  const units = enabledUnits(topology);
  const scenarios: number[][] = [[], ...units.map((u) => [u])];
  for (let i = 0; i < 25; i++) {
    const size = 2 + Math.floor((random() / 2 ** 32) * 2);
    scenarios.push([...new Set(Array.from({ length: size }, () => units[Math.floor((random() / 2 ** 32) * units.length)]!))].sort((a, b) => a - b));
  }

  it(`every pair of ${scenarios.length} scenarios matches the plain pair-by-pair trace, warm-started or cold`, () => {
    let loops = 0;
    let paths = 0;
    for (const failed of scenarios) {
      const result = evaluateScenario(engine, failed);
      const reference = evaluateScenario(cold, failed);
      const { probes, probesOfSite } = engine.baseline.forwarding;
      const plain = topology.sites.map((_, dst) => topology.sites.map((src) => tracePairPlain(topology, result.fib, probesOfSite[dst]!.map((q) => probes[q]!), src.node)));
      for (let src = 0; src < topology.sites.length; src++) {
        for (let dst = 0; dst < topology.sites.length; dst++) {
          const expected = plain[dst]![src]!;
          const outcome = expected.failure || (expected.paths.length > 0 ? DELIVERED : NO_ROUTE);
          const where = `${topology.sites[src]!.id} -> ${topology.sites[dst]!.id} [${failed.join(',')}]`;
          expect(result.matrix.outcome(src, dst), where).toBe(OUTCOMES[outcome]);
          expect(result.matrix.paths(src, dst).paths, where).toEqual(expected.paths);
          expect(reference.matrix.outcome(src, dst), where).toBe(OUTCOMES[outcome]);
          expect(reference.matrix.paths(src, dst).paths, where).toEqual(expected.paths);
          const back = plain[src]![dst]!;
          const bothWays = outcome === DELIVERED && !back.failure && back.paths.length > 0;
          const symmetric = bothWays ? sameSet(expected.paths, back.paths.map((p) => [...p].reverse())) : null;
          expect(result.matrix.symmetric(src, dst), where).toBe(symmetric);
          if (outcome === OUTCOMES.indexOf('LOOP')) loops++;
          paths += expected.paths.length;
        }
      }
    }
    // The estates exercise what they are meant to: loops met, paths compared.
    expect(loops).toBeGreaterThan(0);
    expect(paths).toBeGreaterThan(1000);
  });
});

function sameSet(a: number[][], b: number[][]): boolean {
  const x = [...a].sort(lexicographic);
  const y = [...b].sort(lexicographic);
  return x.length === y.length && x.every((p, i) => lexicographic(p, y[i]!) === 0);
}
