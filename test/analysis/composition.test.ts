import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledTopology } from '../../src/model/compiled.js';
import { compileTopology } from '../../src/model/compile.js';
import { diffMatrices } from '../../src/analysis/diff.js';
import { createEngine, evaluateScenario, type Engine } from '../../src/analysis/engine.js';
import { scenarioFootprint } from '../../src/analysis/footprint.js';
import { stubCuttingUnits } from '../../src/analysis/stub-cuts.js';
import { combinations, enabledUnits } from '../../src/failures/enumerate.js';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';
import { generateTopology } from '../../src/sources/generate/generate.js';
import { CombinationLedger } from '../../src/run/combination-ledger.js';
import { compileFile } from '../engine-harness.js';
import { compile, withRandomRoutes } from '../random-routes.js';

/**
 * The pruning of a run that looks for cut sets, against simulation: a combination the ledger derives must lose
 * and make asymmetric exactly what its parts do together, and one it skips nothing they do not. Checked on
 * every double of every rule case and the seed, on generated estates drawn at random, and on a sample of M's
 * doubles and triples that always holds the heaviest units (the CLI test compares whole runs).
 */

interface Effects {
  lost: Set<number>;
  asymmetric: Set<number>;
}

/** From the `circuit` class up, as runs count by default. */
const THRESHOLD = 2;

function effectsOf(engine: Engine, failed: number[]): Effects & { footprint: ReturnType<typeof scenarioFootprint> } {
  const result = evaluateScenario(engine, failed);
  const n = engine.topology.sites.length;
  const diff = diffMatrices(engine.baseline.matrix, result.matrix, { topology: engine.topology, threshold: THRESHOLD });
  const keys = (pairs: [number, number][]): Set<number> => new Set(pairs.map(([s, d]) => s * n + d));
  return { lost: keys(diff.lost), asymmetric: keys(diff.asymmetric), footprint: scenarioFootprint(engine, result) };
}

/** A checker over one topology: singles simulated and recorded once, combinations checked on demand. */
function checker(topology: CompiledTopology, maxSize: number): { check: (units: number[]) => string; engine: Engine } {
  const engine = createEngine(topology);
  const ledger = new CombinationLedger({ prune: true, maxSize, stubCutting: stubCuttingUnits(topology, engine.control, engine.baseline.forwarding) });
  const known = new Map<string, Effects>();
  const effects = (units: number[], record = false): Effects => {
    const key = units.join(',');
    let e = known.get(key);
    if (!e) known.set(key, (e = effectsOf(engine, units)));
    if (record && units.length < maxSize) ledger.record(units, [...e.lost], [...e.asymmetric], (e as ReturnType<typeof effectsOf>).footprint);
    return e;
  };
  for (const u of enabledUnits(topology)) effects([u], true);
  const check = (units: number[]): string => {
    // The parts first: the ledger needs the smaller sizes recorded (or classified) before.
    for (let size = 2; size < units.length; size++) {
      for (const positions of combinations(units.length, size)) {
        if (positions.length !== size) continue;
        const part = positions.map((i) => units[i]!);
        if (ledger.treatment(part) === 'computed') effects(part, true);
      }
    }
    const treatment = ledger.treatment(units);
    if (treatment === 'computed') return treatment;
    const whole = effectsOf(engine, units);
    // Every proper part, simulated: the reference for what the parts do together.
    const parts: Effects = { lost: new Set(), asymmetric: new Set() };
    for (const positions of combinations(units.length, units.length - 1)) {
      const part = effects(positions.map((i) => units[i]!));
      for (const k of part.lost) parts.lost.add(k);
      for (const k of part.asymmetric) parts.asymmetric.add(k);
    }
    const ids = units.map((u) => topology.units[u]!.id).join('+');
    // Never irreducible: nothing lost or made asymmetric beyond what the parts do.
    expect([...whole.lost].filter((k) => !parts.lost.has(k)), `${ids} (${treatment}) loses more than its parts`).toEqual([]);
    expect([...whole.asymmetric].filter((k) => !parts.asymmetric.has(k)), `${ids} (${treatment}) is asymmetric beyond its parts`).toEqual([]);
    if (treatment === 'derived' && units.length === 2) {
      // Derived from two singles: exactly their union.
      expect([...whole.lost].sort(), `${ids} loses less than its parts`).toEqual([...parts.lost].sort());
      expect([...whole.asymmetric].sort(), `${ids}: asymmetry differs from its parts'`).toEqual([...parts.asymmetric].sort());
    }
    return treatment;
  };
  return { check, engine };
}

function allDoubles(topology: CompiledTopology): number[][] {
  const units = enabledUnits(topology);
  return [...combinations(units.length, 2)].filter((c) => c.length === 2).map((c) => c.map((i) => units[i]!));
}

describe('pruned combinations agree with simulation', () => {
  const cases = readdirSync(new URL('../cases/', import.meta.url)).filter((f) => f.endsWith('.json'));
  for (const file of ['../../scenarios/azure-interop.json', ...cases.map((f) => `../cases/${f}`)]) {
    it(`every double of ${file.split('/').at(-1)}`, () => {
      const topology = compileFile(new URL(file, import.meta.url));
      const { check } = checker(topology, 2);
      for (const double of allDoubles(topology)) check(double);
    });
  }

  it('every double of generated S estates with random user-defined routes (appliances, null routes, loops), over random seeds', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 1_000_000 }), (seed) => {
      const random = mulberry32(seed);
      const topology = compile(withRandomRoutes(generateTopology({ preset: 'S', seed }), () => random() / 2 ** 32));
      const { check } = checker(topology, 2);
      const treatments = allDoubles(topology).map(check);
      // Not a vacuous pass: each kind of treatment occurs.
      expect(new Set(treatments)).toEqual(new Set(['computed', 'derived', 'skipped']));
    }), { numRuns: 5, seed: 15 });
  }, 120_000);

  it('a sample of M\'s doubles and triples, every heavy unit among them', () => {
    const topology = compileTopology(generateTopology({ preset: 'M', seed: 1 }));
    const { check } = checker(topology, 3);
    const units = enabledUnits(topology);
    const heavy = units.filter((u) => topology.units[u]!.kind !== 'peering');
    const random = mulberry32(15);
    const pick = (from: number[]): number => from[Math.floor((random() / 4294967296) * from.length)]!;
    const seen = new Map<string, number>();
    const sample = (size: number, count: number): void => {
      for (let i = 0; i < count; i++) {
        const set = new Set<number>([pick(heavy)]);
        while (set.size < size) set.add(pick(i % 4 === 0 ? units : heavy));
        const combination = [...set].sort((a, b) => a - b);
        const treatment = check(combination);
        seen.set(`${size}:${treatment}`, (seen.get(`${size}:${treatment}`) ?? 0) + 1);
      }
    };
    sample(2, 300);
    sample(3, 150);
    for (const key of ['2:derived', '2:computed', '3:derived', '3:computed']) expect(seen.get(key), key).toBeGreaterThan(0);
  }, 120_000);
});
