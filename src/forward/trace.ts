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
const MAX_BRANCHES = 256;
const MAX_HOPS = 64;

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
    const entry = this.fib.lookup(node, this.address);
    if (!entry) return this.remember(node, [{ steps: [], outcome: 'NO_ROUTE', end: node, address: this.address }], true);

    onPath.add(node);
    const branches: Branch[] = [];
    // A branch that met a loop depends on the path taken to get here: do not memoise it.
    let clean = true;
    for (const route of entry.routes) {
      if (route.out === DELIVER) {
        const here = this.topology.nodes[node]!.site === this.dstSite;
        branches.push({ steps: [], outcome: here ? 'DELIVERED' : 'DELIVERED_ELSEWHERE', end: node, address: this.address });
        continue;
      }
      if (route.out === DROP) {
        branches.push({ steps: [], outcome: 'NULL_ROUTED', end: node, address: this.address });
        continue;
      }
      const step: Step = { node, edge: route.out, prefix: entry.prefix, source: route.source };
      const next = this.topology.edges[route.out]!.to;
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
    return this.remember(node, branches, clean);
  }

  private remember(node: number, branches: Branch[], clean: boolean): { branches: Branch[]; clean: boolean } {
    if (clean) this.memo.set(node, branches);
    return { branches, clean };
  }
}
