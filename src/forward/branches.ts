import type { CompiledTopology } from '../model/compiled.js';
import type { RouteSource } from '../control/route.js';
import type { Fib } from './fib.js';
import { OUTCOMES, type Outcome } from './outcome.js';
import { Walk, type Fold, type Probe } from './walk.js';

/** One forwarding decision: at `node`, the route for `prefix` (from `source`) sent the packet over `edge`. */
export interface Step {
  node: number;
  edge: number;
  prefix: number;
  source: RouteSource;
}

/** One way through the network toward a probe (ECMP splits a trace into branches). */
export interface Branch {
  steps: Step[];
  outcome: Outcome;
  /** The node where the branch ends: the delivering node, or where it was dropped or looped. */
  end: number;
  /** The destination address traced. */
  address: number;
}

/** The branches from a node, at most MAX_BRANCHES; `truncated` says the cap cut some off. */
export interface Branches {
  branches: Branch[];
  truncated: boolean;
}

/** ECMP at every hop of a deep path multiplies branches: a record lists at most this many. */
export const MAX_BRANCHES = 256;

/** Branches folded over the forwarding graph: what a traceroute would list, one hop list per ECMP branch. */
function branchFold(topology: CompiledTopology, address: number): Fold<Branches> {
  const step = (node: number, prefix: number, route: { out: number; source: RouteSource }): Step => ({ node, edge: route.out, prefix, source: route.source });
  return {
    end: (node, outcome) => ({ branches: [{ steps: [], outcome: OUTCOMES[outcome]!, end: node, address }], truncated: false }),
    loop: (node, prefix, route) => ({
      branches: [{ steps: [step(node, prefix, route)], outcome: 'LOOP', end: topology.edges[route.out]!.to, address }], truncated: false,
    }),
    step: (node, prefix, route, then) => ({
      branches: then.branches.map((b) => ({ ...b, steps: [step(node, prefix, route), ...b.steps] })), truncated: then.truncated,
    }),
    join: (_node, parts) => joinBranches(parts),
  };
}

/** Several nodes' or probes' branches in turn, at most MAX_BRANCHES. */
function joinBranches(parts: readonly Branches[]): Branches {
  if (parts.length === 1) return parts[0]!;
  const all = parts.flatMap((p) => p.branches);
  return { branches: all.slice(0, MAX_BRANCHES), truncated: all.length > MAX_BRANCHES || parts.some((p) => p.truncated) };
}

/** Tracing toward one probe: the branches from any node, memoised across the nodes asked for. */
export class BranchTracer {
  private readonly walk: Walk<Branches>;

  constructor(topology: CompiledTopology, fib: Fib, probe: Probe) {
    this.walk = new Walk(topology, fib, probe, branchFold(topology, probe.address), new Map<number, Branches>());
  }

  from(node: number): Branches {
    return this.walk.from(node);
  }
}

/**
 * The branches of any pair of a scenario: per destination, one tracer per probe, memoised across the sources
 * asked for. A pair's branches are its probes' in turn, at most MAX_BRANCHES.
 */
export function pairBranches(topology: CompiledTopology, fib: Fib, probes: readonly Probe[], probesOfSite: readonly (readonly number[])[]): (src: number, dst: number) => Branches {
  const tracers = new Map<number, BranchTracer[]>();
  return (src, dst) => {
    let toward = tracers.get(dst);
    if (!toward) tracers.set(dst, (toward = probesOfSite[dst]!.map((q) => new BranchTracer(topology, fib, probes[q]!))));
    return joinBranches(toward.map((t) => t.from(topology.sites[src]!.node)));
  };
}
