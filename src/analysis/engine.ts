import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { createControlContext, type ControlContext } from '../control/context.js';
import { PackedRouting, type PackedRoutingArrays } from '../control/packed-routing.js';
import { computeRoutingState, type RoutingState } from '../control/routing-state.js';
import { Fib } from '../forward/fib.js';
import { ForwardingBaseline, type ForwardingArrays } from '../forward/forwarding-baseline.js';
import { PairMatrix } from '../forward/matrix.js';
import { PathSets } from '../forward/path-sets.js';
import type { PrefixTrie } from '../forward/prefix-trie.js';
import { fullVerdicts, incrementalVerdicts } from '../forward/scenario-verdicts.js';

/** The baseline as flat arrays: what the coordinator computes once and every worker reads in shared memory. */
export interface BaselineArrays {
  routing: PackedRoutingArrays;
  forwarding: ForwardingArrays;
}

/** Everything a scenario is evaluated against: the topology's indices and the baseline. */
export interface Engine {
  topology: CompiledTopology;
  control: ControlContext;
  trie: PrefixTrie;
  baseline: {
    routing: PackedRouting;
    forwarding: ForwardingBaseline;
    fib: Fib;
    matrix: PairMatrix;
  };
  /** Reuse the baseline for what a failure does not touch (false: recompute everything, the reference). */
  incremental: boolean;
}

export interface ScenarioResult {
  failed: number[];
  state: RoutingState;
  fib: Fib;
  matrix: PairMatrix;
  /** Pairs (src * siteCount + dst) with a changed verdict toward one of the destination's probes (ScenarioVerdicts). */
  touched: readonly number[];
  /** True when no failed unit carried an installed route: the baseline stands as is. */
  unchanged: boolean;
  notConverged: string[];
}

export interface EngineOptions {
  incremental?: boolean;
}

/** Computes the baseline (cold BGP, then every probe's verdicts) and builds the engine over it. */
export function createEngine(topology: CompiledTopology, options: EngineOptions = {}): Engine {
  const control = createControlContext(topology);
  const trie = Fib.trieFor(topology);
  const routing = PackedRouting.pack(control, computeRoutingState(control, []));
  const forwarding = ForwardingBaseline.compute(topology, trie, routing);
  return assemble(topology, control, trie, routing, forwarding, options);
}

/** An engine over a baseline computed elsewhere (a worker's, over the coordinator's shared arrays). */
export function engineFromBaseline(topology: CompiledTopology, arrays: BaselineArrays, options: EngineOptions = {}): Engine {
  const control = createControlContext(topology);
  const trie = Fib.trieFor(topology);
  return assemble(topology, control, trie, new PackedRouting(arrays.routing), new ForwardingBaseline(topology, trie, arrays.forwarding), options);
}

export function baselineArrays(engine: Engine): BaselineArrays {
  return { routing: engine.baseline.routing.arrays, forwarding: engine.baseline.forwarding.arrays };
}

function assemble(
  topology: CompiledTopology, control: ControlContext, trie: PrefixTrie, routing: PackedRouting, forwarding: ForwardingBaseline, options: EngineOptions,
): Engine {
  const fib = new Fib(topology, trie, routing);
  return {
    topology, control, trie,
    baseline: { routing, forwarding, fib, matrix: new PairMatrix(forwarding, forwarding.sets) },
    incremental: options.incremental ?? true,
  };
}

/**
 * One failure scenario. Incremental (the default): only the prefixes a failed unit carried are recomputed,
 * warm-started from the baseline; only probes covered by a prefix whose routes changed are walked again, and
 * in them only the nodes upstream of a change. The reference recomputes every prefix cold and walks every
 * probe whole; tests prove the two give the same records.
 */
export function evaluateScenario(engine: Engine, failed: number[]): ScenarioResult {
  const { topology, baseline } = engine;
  const state = computeRoutingState(engine.control, failed, engine.incremental ? baseline.routing : undefined);
  const fib = new Fib(topology, engine.trie, state);
  // Interned over the baseline's path sets, so verdicts compare as numbers.
  const sets = new PathSets(baseline.forwarding.sets);
  const { changes, touched } = engine.incremental
    ? incrementalVerdicts(topology, baseline.forwarding, fib, sets, state.changedNodes(topology.nodes.length))
    : fullVerdicts(topology, baseline.forwarding, fib, sets);
  return {
    failed, state, fib, touched,
    matrix: new PairMatrix(baseline.forwarding, sets, changes),
    unchanged: baseline.routing.affectedPrefixes(failed).length === baseline.routing.notConverged.length,
    notConverged: state.notConverged.map((p) => formatPrefix(topology.prefixes[p]!)),
  };
}
