import type { CompiledTopology } from '../model/compiled.js';
import type { ControlContext } from './context.js';
import { convergePrefix, type DownEdges, type PrefixState } from './converge.js';

/** The converged routing state of a whole scenario: one PrefixState per prefix of the topology. */
export interface RoutingState {
  readonly prefixes: readonly PrefixState[];
  /** Prefixes whose BGP state did not converge. */
  readonly notConverged: readonly number[];
  /** How many prefixes were computed for this scenario; the others were reused from the baseline. */
  readonly recomputed: number;
}

/**
 * What a failure scenario may reuse from the baseline: per failure unit, the prefixes with an installed route
 * (at any node) that crosses the unit. A prefix no failed unit touches keeps its baseline state: removing
 * a session that carries no best route changes no best route, so the fixpoint is the same.
 */
export interface BaselineIndex {
  readonly state: RoutingState;
  readonly prefixesByUnit: readonly (readonly number[])[];
}

/** Edges that do not exist in a scenario: those of failed units and of administratively disabled ones. */
export function downEdges(topology: CompiledTopology, failed: readonly number[]): DownEdges {
  const unitDown = new Uint8Array(topology.units.length);
  topology.units.forEach((unit, i) => { if (!unit.enabled) unitDown[i] = 1; });
  for (const u of failed) unitDown[u] = 1;
  const flags = new Uint8Array(topology.edges.length);
  const list: number[] = [];
  topology.edges.forEach((edge, e) => {
    if (edge.unit < 0 || !unitDown[edge.unit]) return;
    flags[e] = 1;
    list.push(e);
  });
  return { flags, list };
}

export function computeRoutingState(
  ctx: ControlContext, failed: readonly number[], baseline?: BaselineIndex, explain = false,
): RoutingState {
  const down = downEdges(ctx.topology, failed);
  const affected = baseline ? affectedPrefixes(baseline, failed) : undefined;
  const prefixes = ctx.topology.prefixes.map((_, p) => {
    const before = baseline?.state.prefixes[p];
    if (affected && !affected.has(p)) return before!;
    // Warm start from the baseline's fixpoint, unless the baseline itself did not converge.
    return convergePrefix(ctx, p, down, { explain, from: before?.converged ? before : undefined });
  });
  const notConverged = prefixes.flatMap((s) => (s.converged ? [] : [s.prefix]));
  return { prefixes, notConverged, recomputed: affected ? affected.size : prefixes.length };
}

export function indexBaseline(ctx: ControlContext, state: RoutingState): BaselineIndex {
  const { edges, units } = ctx.topology;
  const prefixesByUnit: number[][] = units.map(() => []);
  for (const prefixState of state.prefixes) {
    const touched = new Set<number>();
    for (const routes of prefixState.best) {
      for (const route of routes ?? []) {
        const unit = route.out >= 0 ? edges[route.out]!.unit : -1;
        if (unit >= 0) touched.add(unit);
      }
    }
    for (const unit of touched) prefixesByUnit[unit]!.push(prefixState.prefix);
  }
  return { state, prefixesByUnit };
}

function affectedPrefixes(baseline: BaselineIndex, failed: readonly number[]): Set<number> {
  const affected = new Set<number>(baseline.state.notConverged);
  for (const unit of failed) for (const p of baseline.prefixesByUnit[unit] ?? []) affected.add(p);
  return affected;
}
