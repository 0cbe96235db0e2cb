import type { CompiledTopology } from '../model/compiled.js';
import type { ControlContext } from './context.js';
import { convergePrefix, type DownEdges, type PrefixState, type RoutingBase } from './converge.js';
import type { PackedRouting } from './packed-routing.js';
import type { Route } from './route.js';

/**
 * The converged routing state of a scenario: the prefixes it computed, read over the base it started from
 * (the baseline) for every other prefix. A cold computation (the baseline itself, `--no-incremental`) has no
 * base and computes every prefix.
 */
export class RoutingState {
  constructor(
    /** The prefixes this scenario computed, by prefix index. */
    readonly prefixes: ReadonlyMap<number, PrefixState>,
    /** Prefixes whose BGP state did not converge, sorted. */
    readonly notConverged: readonly number[],
    private readonly base?: RoutingBase,
  ) {}

  /** How many prefixes were computed for this scenario; the others are the base's. */
  get recomputed(): number {
    return this.prefixes.size;
  }

  /** The routes `node` installed for `prefix` (best first, then its ECMP equals); undefined when none. */
  installed(prefix: number, node: number): readonly Route[] | undefined {
    const state = this.prefixes.get(prefix);
    if (state) {
      const own = state.best.get(node);
      if (own !== undefined) return own ?? undefined;
      if (state.complete) return undefined;
    }
    return this.base?.best(prefix, node);
  }

  /**
   * Per computed prefix, the nodes whose installed routes may differ from the base's: the changed ones of a warm
   * start, every node of a cold one. Prefixes with no change are left out.
   */
  changedNodes(nodeCount: number): Map<number, readonly number[]> {
    const changed = new Map<number, readonly number[]>();
    for (const [prefix, state] of this.prefixes) {
      const nodes = state.changedNodes ?? Array.from({ length: nodeCount }, (_, n) => n);
      if (nodes.length > 0) changed.set(prefix, nodes);
    }
    return changed;
  }
}

/** Edges that do not exist in a scenario: those of failed units and of administratively disabled ones. */
export function downEdges(topology: CompiledTopology, failed: readonly number[]): DownEdges {
  const unitDown = new Uint8Array(topology.units.length);
  topology.units.forEach((unit, i) => { if (!unit.enabled) unitDown[i] = 1; });
  for (const u of failed) unitDown[u] = 1;
  const flags = new Uint8Array(topology.edges.length);
  const list: number[] = [];
  topology.edges.forEach((edge, e) => {
    if (!edge.units.some((u) => unitDown[u])) return;
    flags[e] = 1;
    list.push(e);
  });
  return { flags, list };
}

/**
 * Routing for a scenario. Given the baseline, only the prefixes a failed unit carried an installed route for
 * (and those that did not converge) are computed, each warm-started from the baseline: removing a session
 * that carries no best route changes no best route, so every other prefix keeps its baseline state. Without
 * it, every prefix is computed cold.
 */
export function computeRoutingState(
  ctx: ControlContext, failed: readonly number[], baseline?: PackedRouting, explain = false,
): RoutingState {
  const down = downEdges(ctx.topology, failed);
  const prefixes = new Map<number, PrefixState>();
  const affected = baseline ? baseline.affectedPrefixes(failed) : ctx.topology.prefixes.map((_, p) => p);
  for (const p of affected) prefixes.set(p, convergePrefix(ctx, p, down, { explain, base: baseline }));
  const notConverged = affected.filter((p) => !prefixes.get(p)!.converged);
  return new RoutingState(prefixes, notConverged, baseline);
}
