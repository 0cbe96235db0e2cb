import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { createControlContext, type ControlContext } from '../control/context.js';
import { computeRoutingState, indexBaseline, type BaselineIndex, type RoutingState } from '../control/routing-state.js';
import { Fib } from '../forward/fib.js';
import { computeMatrix, coveringPrefixes, type Matrix } from '../forward/matrix.js';
import type { PrefixTrie } from '../forward/prefix-trie.js';

/** Everything computed once per topology (in each worker) and reused by every scenario. */
export interface Engine {
  topology: CompiledTopology;
  control: ControlContext;
  trie: PrefixTrie;
  /** Per site: the prefixes its column of the matrix depends on. */
  covering: number[][];
  baseline: { state: RoutingState; index: BaselineIndex; matrix: Matrix };
  /** Reuse the baseline for what a failure does not touch (false: recompute everything, the reference). */
  incremental: boolean;
}

export interface ScenarioResult {
  failed: number[];
  state: RoutingState;
  matrix: Matrix;
  /** Destination columns that were recomputed; others equal the baseline's. Undefined: all of them. */
  changedColumns?: number[];
  /** True when no failed unit carried an installed route: the baseline stands as is. */
  unchanged: boolean;
  notConverged: string[];
}

export function createEngine(topology: CompiledTopology, options: { incremental?: boolean } = {}): Engine {
  const control = createControlContext(topology);
  const trie = Fib.trieFor(topology);
  const state = computeRoutingState(control, []);
  const matrix = computeMatrix(topology, new Fib(trie, state, topology.nodes.length));
  return {
    topology, control, trie, covering: coveringPrefixes(topology, trie),
    baseline: { state, index: indexBaseline(control, state), matrix },
    incremental: options.incremental ?? true,
  };
}

export function evaluateScenario(engine: Engine, failed: number[], options: { keepBranches?: boolean } = {}): ScenarioResult {
  const { topology } = engine;
  const keepBranches = options.keepBranches ?? false;
  if (!engine.incremental) {
    const state = computeRoutingState(engine.control, failed);
    const matrix = computeMatrix(topology, new Fib(engine.trie, state, topology.nodes.length), { keepBranches });
    return { failed, state, matrix, unchanged: false, notConverged: prefixNames(topology, state) };
  }
  const state = computeRoutingState(engine.control, failed, engine.baseline.index);
  const recomputed = new Set(state.prefixes.filter((s, p) => s !== engine.baseline.state.prefixes[p]).map((s) => s.prefix));
  const changedColumns = engine.covering.flatMap((prefixes, site) => (prefixes.some((p) => recomputed.has(p)) ? [site] : []));
  const unchanged = recomputed.size === 0;
  const fib = new Fib(engine.trie, state, topology.nodes.length);
  const matrix = keepBranches
    ? computeMatrix(topology, fib, { keepBranches })
    : computeMatrix(topology, fib, { columns: changedColumns, base: engine.baseline.matrix });
  return { failed, state, matrix, changedColumns, unchanged, notConverged: prefixNames(topology, state) };
}

function prefixNames(topology: CompiledTopology, state: RoutingState): string[] {
  return state.notConverged.map((p) => formatPrefix(topology.prefixes[p]!));
}
