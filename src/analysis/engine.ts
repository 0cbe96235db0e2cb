import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { createControlContext, type ControlContext } from '../control/context.js';
import { computeRoutingState, indexBaseline, type BaselineIndex, type RoutingState } from '../control/routing-state.js';
import { Fib } from '../forward/fib.js';
import { computeMatrix, coveringPrefixes, retracePairs, type Matrix, type Retrace, type SitePair } from '../forward/matrix.js';
import type { PrefixTrie } from '../forward/prefix-trie.js';
import { nodesUsed } from '../forward/trace.js';
import { CriticalNodeCollector, type CriticalNode } from './critical-nodes.js';

/** Everything computed once per topology (in each worker) and reused by every scenario. */
export interface Engine {
  topology: CompiledTopology;
  control: ControlContext;
  trie: PrefixTrie;
  /** Per site: the prefixes its column of the matrix depends on. */
  covering: number[][];
  baseline: {
    state: RoutingState;
    index: BaselineIndex;
    fib: Fib;
    matrix: Matrix;
    /** Per destination site: node -> the sources whose baseline traces used the node (what a change reaches). */
    sourcesVia: Map<number, number[]>[];
    criticalNodes: CriticalNode[];
  };
  /** Reuse the baseline for what a failure does not touch (false: recompute everything, the reference). */
  incremental: boolean;
}

export interface ScenarioResult {
  failed: number[];
  state: RoutingState;
  matrix: Matrix;
  /** Pairs whose verdict differs from the baseline's; undefined when everything was recomputed. */
  changedPairs?: SitePair[];
  /** True when no failed unit carried an installed route: the baseline stands as is. */
  unchanged: boolean;
  notConverged: string[];
}

export function createEngine(topology: CompiledTopology, options: { incremental?: boolean } = {}): Engine {
  const control = createControlContext(topology);
  const trie = Fib.trieFor(topology);
  const state = computeRoutingState(control, []);
  const fib = new Fib(trie, state, topology.nodes.length);
  const critical = new CriticalNodeCollector(topology);
  const sourcesVia = topology.sites.map(() => new Map<number, number[]>());
  const matrix = computeMatrix(topology, fib, {
    onBranches: (src, dst, branches) => {
      critical.add(src, dst, branches);
      for (const node of nodesUsed(branches)) {
        const sources = sourcesVia[dst]!.get(node);
        if (sources) sources.push(src);
        else sourcesVia[dst]!.set(node, [src]);
      }
    },
  });
  return {
    topology, control, trie, covering: coveringPrefixes(topology, trie),
    baseline: { state, index: indexBaseline(control, state), fib, matrix, sourcesVia, criticalNodes: critical.result() },
    incremental: options.incremental ?? true,
  };
}

/**
 * One failure scenario. Incremental (the default): prefixes no failed unit touches keep their baseline state;
 * of the rest, only nodes whose routes really changed matter; a pair is traced again only when its baseline
 * traces visited such a node for a prefix covering the destination. Everything else is the baseline's.
 * With `keepBranches` (pair records need every pair's hops) every pair is traced, over the same routing state.
 */
export function evaluateScenario(engine: Engine, failed: number[], options: { keepBranches?: boolean } = {}): ScenarioResult {
  const { topology, baseline } = engine;
  const keepBranches = options.keepBranches ?? false;
  if (!engine.incremental || keepBranches) {
    const state = computeRoutingState(engine.control, failed, engine.incremental ? baseline.index : undefined);
    // Interned over the baseline's path sets, so the diff compares ids.
    const matrix = computeMatrix(topology, new Fib(engine.trie, state, topology.nodes.length), { keepBranches, over: baseline.matrix.sets });
    return { failed, state, matrix, unchanged: engine.incremental && state.recomputed === 0, notConverged: prefixNames(topology, state) };
  }
  const state = computeRoutingState(engine.control, failed, baseline.index);
  const dirty = changedNodesByPrefix(baseline.state, state);
  const fib = new Fib(engine.trie, state, topology.nodes.length, baseline.fib, dirty);
  const { matrix, changed } = retracePairs(topology, fib, baseline.matrix, retraceWork(engine, dirty));
  return { failed, state, matrix, changedPairs: changed, unchanged: state.recomputed === 0, notConverged: prefixNames(topology, state) };
}

/** Per recomputed prefix, the nodes whose installed routes differ from the baseline's (prefixes with none left out). */
function changedNodesByPrefix(base: RoutingState, now: RoutingState): Map<number, readonly number[]> {
  const dirty = new Map<number, readonly number[]>();
  now.prefixes.forEach((prefixState, p) => {
    if (prefixState === base.prefixes[p]) return;
    // A cold recomputation (the baseline had not converged) reports no change list: treat every node as changed.
    const nodes = prefixState.changedNodes ?? Array.from({ length: prefixState.best.length }, (_, n) => n);
    if (nodes.length > 0) dirty.set(p, nodes);
  });
  return dirty;
}

/** The pairs to trace again: for each destination, the sources whose baseline traces used a changed node. */
function retraceWork(engine: Engine, dirty: Map<number, readonly number[]>): Retrace[] {
  const { topology, baseline } = engine;
  const work: Retrace[] = [];
  topology.sites.forEach((_, dst) => {
    const sources = new Set<number>();
    for (const p of engine.covering[dst]!) {
      for (const n of dirty.get(p) ?? []) for (const src of baseline.sourcesVia[dst]!.get(n) ?? []) sources.add(src);
    }
    if (sources.size > 0) work.push({ dst, sources: [...sources].sort((a, b) => a - b) });
  });
  return work;
}

function prefixNames(topology: CompiledTopology, state: RoutingState): string[] {
  return state.notConverged.map((p) => formatPrefix(topology.prefixes[p]!));
}
