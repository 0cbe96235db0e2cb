import { DELIVER, DROP, type CompiledTopology } from '../model/compiled.js';
import type { RouteSource } from '../control/route.js';
import type { Fib } from './fib.js';

/** Flow dispositions, in Batfish's vocabulary where it has one. */
export type Outcome = 'DELIVERED' | 'DELIVERED_ELSEWHERE' | 'NO_ROUTE' | 'NULL_ROUTED' | 'LOOP';

/** One forwarding decision: at `node`, the route for `prefix` (from `source`) sent the packet over `edge`. */
export interface Step {
  node: number;
  edge: number;
  prefix: number;
  source: RouteSource;
}

/** One way through the network (ECMP splits a trace into branches). */
export interface Branch {
  steps: Step[];
  outcome: Outcome;
  /** The node where the branch ends: the delivering node, or where it was dropped or looped. */
  end: number;
  /** The destination address traced. */
  address: number;
}

/** A branch explosion guard: ECMP at every hop of a deep path multiplies branches. */
export const MAX_BRANCHES = 256;
export const MAX_HOPS = 64;

/** What one node does with a packet for the traced address: one decision per installed ECMP route. */
export type Decision =
  | { kind: 'end'; outcome: Outcome }
  | { kind: 'forward'; step: Step; next: number };

/**
 * The forwarding rule, in one place for both walkers (Tracer keeps branches, PathSummary only paths):
 * longest-prefix match at the node, then per installed route deliver (here, or at the wrong site), drop,
 * or forward over the route's edge. No route at all is NO_ROUTE.
 */
export function decide(topology: CompiledTopology, fib: Fib, node: number, address: number, dstSite: number): Decision[] {
  const entry = fib.lookup(node, address);
  if (!entry) return [{ kind: 'end', outcome: 'NO_ROUTE' }];
  return entry.routes.map((route): Decision => {
    if (route.out === DELIVER) {
      return { kind: 'end', outcome: topology.nodes[node]!.site === dstSite ? 'DELIVERED' : 'DELIVERED_ELSEWHERE' };
    }
    if (route.out === DROP) return { kind: 'end', outcome: 'NULL_ROUTED' };
    return { kind: 'forward', step: { node, edge: route.out, prefix: entry.prefix, source: route.source }, next: topology.edges[route.out]!.to };
  });
}

/**
 * Follows a packet toward `address` from any node, through every ECMP branch, memoising per node: forwarding
 * is destination-based, so where a node sends the packet does not depend on where it came from.
 * One Tracer per (scenario, destination address); `from(node)` gives every branch from that node.
 */
export class Tracer {
  private readonly memo = new Map<number, Branch[]>();

  constructor(
    private readonly topology: CompiledTopology,
    private readonly fib: Fib,
    private readonly address: number,
    private readonly dstSite: number,
  ) {}

  from(node: number): Branch[] {
    return this.walk(node, new Set()).branches;
  }

  private walk(node: number, onPath: Set<number>): { branches: Branch[]; clean: boolean } {
    const cached = this.memo.get(node);
    if (cached) return { branches: cached, clean: true };
    onPath.add(node);
    const branches: Branch[] = [];
    // A branch that met a loop depends on the path taken to get here: do not memoise it.
    let clean = true;
    for (const decision of decide(this.topology, this.fib, node, this.address, this.dstSite)) {
      if (decision.kind === 'end') {
        branches.push({ steps: [], outcome: decision.outcome, end: node, address: this.address });
        continue;
      }
      const { step, next } = decision;
      if (onPath.has(next) || onPath.size >= MAX_HOPS) {
        branches.push({ steps: [step], outcome: 'LOOP', end: next, address: this.address });
        clean = false;
        continue;
      }
      const sub = this.walk(next, onPath);
      clean &&= sub.clean;
      for (const b of sub.branches) {
        if (branches.length >= MAX_BRANCHES) break;
        branches.push({ ...b, steps: [step, ...b.steps] });
      }
    }
    onPath.delete(node);
    if (clean) this.memo.set(node, branches);
    return { branches, clean };
  }
}

/** Every node that made a forwarding decision on some branch: where each step left from, and where it ended. */
export function nodesUsed(branches: readonly Branch[]): Set<number> {
  const nodes = new Set<number>();
  for (const branch of branches) {
    for (const step of branch.steps) nodes.add(step.node);
    nodes.add(branch.end);
  }
  return nodes;
}
