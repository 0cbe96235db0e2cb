import { readFileSync } from 'node:fs';
import { compileTopology } from '../src/model/compile.js';
import type { CompiledTopology } from '../src/model/compiled.js';
import { validateTopology } from '../src/model/validate.js';
import { createControlContext } from '../src/control/context.js';
import { computeRoutingState, type RoutingState } from '../src/control/routing-state.js';
import { routeTable, type RouteRow } from '../src/control/route-table.js';
import { asymmetryOf, classOf, SYMMETRIC } from '../src/analysis/asymmetry.js';
import { createEngine, evaluateScenario, type Engine, type ScenarioResult } from '../src/analysis/engine.js';
import { pairBranches } from '../src/forward/branches.js';
import { pairRecord, type PairRecord } from '../src/output/records.js';

/** Loads, validates (failing loudly) and compiles a topology file for tests. */
export function compileFile(path: string | URL): CompiledTopology {
  const result = validateTopology(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`invalid test topology ${String(path)}: ${JSON.stringify(result.issues, null, 2)}`);
  return compileTopology(result.topology);
}

export function unitIndices(topology: CompiledTopology, ids: string[]): number[] {
  return ids.map((id) => {
    const index = topology.units.findIndex((u) => u.id === id);
    if (index < 0) throw new Error(`unknown unit ${id}`);
    return index;
  });
}

/** One scenario of a topology, with helpers that speak in ids: what tests assert on. */
export class ScenarioView {
  readonly state: RoutingState;
  readonly result: ScenarioResult;
  private readonly branches: ReturnType<typeof pairBranches>;

  constructor(readonly topology: CompiledTopology, engine: Engine, failedIds: string[]) {
    const failed = unitIndices(topology, failedIds);
    this.state = computeRoutingState(createControlContext(topology), failed, undefined, true);
    this.result = evaluateScenario(engine, failed);
    this.branches = pairBranches(topology, this.result.fib, engine.baseline.forwarding.probes, engine.baseline.forwarding.probesOfSite);
  }

  routes(node: string): RouteRow[] {
    const index = this.topology.nodes.findIndex((n) => n.name === node);
    if (index < 0) throw new Error(`unknown node ${node}`);
    return routeTable(this.topology, this.state, index);
  }

  /** The asymmetry class of a pair, by site ids: `symmetric`, a class, or null unless delivered both ways. */
  asymmetry(src: string, dst: string): string | null {
    const level = asymmetryOf(this.topology, this.result.matrix, this.siteIndex(src), this.siteIndex(dst));
    return level === null ? null : level === SYMMETRIC ? 'symmetric' : classOf(level)!;
  }

  private siteIndex(id: string): number {
    const index = this.topology.sites.findIndex((x) => x.id === id);
    if (index < 0) throw new Error(`unknown site ${id}`);
    return index;
  }

  pair(src: string, dst: string): PairRecord {
    const s = this.topology.sites.findIndex((x) => x.id === src);
    const d = this.topology.sites.findIndex((x) => x.id === dst);
    if (s < 0 || d < 0) throw new Error(`unknown site ${src} or ${dst}`);
    return pairRecord(this.topology, 'test', this.result.matrix, this.branches(s, d), s, d);
  }
}

export function scenarioView(topology: CompiledTopology, failedIds: string[] = []): ScenarioView {
  return new ScenarioView(topology, createEngine(topology), failedIds);
}

/** Paths as a sorted list of joined strings: ECMP compares as a set. */
export function pathSet(paths: string[][]): string[] {
  return paths.map((p) => p.join(' > ')).sort();
}
