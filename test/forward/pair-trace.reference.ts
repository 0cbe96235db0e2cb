import { DELIVER, DROP, INTERNET, UNROUTABLE, type CompiledTopology } from '../../src/model/compiled.js';
import type { Fib } from '../../src/forward/fib.js';
import { DELIVERED, DELIVERED_ELSEWHERE, EXITS_NETWORK, LOOP, NO_ROUTE, NULL_ROUTED } from '../../src/forward/outcome.js';
import type { Probe } from '../../src/forward/walk.js';

/**
 * The plain computation the per-destination verdicts are checked against: one pair at a time, every branch
 * enumerated by its own depth-first search (no memo, no bottom-up folding), then the pair's verdict read
 * off its branches. Slow on purpose; for tests only.
 */
export interface PlainVerdict {
  /** The first failing outcome code in branch order, 0 when every branch is delivered. */
  failure: number;
  /** The delivered branches' failure units, unique, sorted lexicographically. */
  paths: number[][];
}

interface PlainBranch {
  outcome: number;
  units: number[];
}

export function tracePairPlain(topology: CompiledTopology, fib: Fib, probes: readonly Probe[], srcNode: number): PlainVerdict {
  const branches = probes.flatMap((probe) => branchesFrom(topology, fib, probe, srcNode, new Set([srcNode])));
  const failure = branches.find((b) => b.outcome !== DELIVERED)?.outcome ?? 0;
  const keys = new Set(branches.filter((b) => b.outcome === DELIVERED).map((b) => JSON.stringify(b.units)));
  const paths = [...keys].map((k) => JSON.parse(k) as number[]).sort(lexicographic);
  return { failure, paths };
}

function branchesFrom(topology: CompiledTopology, fib: Fib, probe: Probe, node: number, onWay: Set<number>): PlainBranch[] {
  const prefix = fib.match(node, probe.covering);
  if (prefix < 0) return [{ outcome: NO_ROUTE, units: [] }];
  const out: PlainBranch[] = [];
  for (const route of fib.routes(prefix, node)) {
    if (route.out === DELIVER) {
      out.push({ outcome: topology.nodes[node]!.site === probe.site ? DELIVERED : DELIVERED_ELSEWHERE, units: [] });
      continue;
    }
    if (route.out === DROP || route.out === INTERNET || route.out === UNROUTABLE) {
      out.push({ outcome: route.out === DROP ? NULL_ROUTED : route.out === INTERNET ? EXITS_NETWORK : NO_ROUTE, units: [] });
      continue;
    }
    const edge = topology.edges[route.out]!;
    const unit = edge.units;
    if (onWay.has(edge.to)) {
      out.push({ outcome: LOOP, units: unit });
      continue;
    }
    onWay.add(edge.to);
    for (const b of branchesFrom(topology, fib, probe, edge.to, onWay)) out.push({ outcome: b.outcome, units: [...unit, ...b.units] });
    onWay.delete(edge.to);
  }
  return out;
}

export function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
