import type { CompiledTopology, NodeKind } from '../model/compiled.js';
import type { Branch } from '../forward/trace.js';
import type { SitePair } from './diff.js';

/** A gateway or circuit edge that every path of some pairs crosses. */
export interface CriticalNode {
  node: string;
  kind: NodeKind;
  pairs: SitePair[];
}

const WATCHED: ReadonlySet<NodeKind> = new Set(['ergw', 'vpngw', 'msee']);

/**
 * Gateways and MSEEs on every branch of a delivered pair: no failure unit of the file can route around them
 * (a gateway or an MSEE pair failing is not a unit here, so the sweep cannot show it; this does).
 * Fed pair by pair while the baseline is traced, so no branch outlives its pair.
 */
export class CriticalNodeCollector {
  private readonly byNode = new Map<number, SitePair[]>();

  constructor(private readonly topology: CompiledTopology) {}

  add(src: number, dst: number, branches: readonly Branch[]): void {
    if (src === dst || branches.length === 0 || branches.some((b) => b.outcome !== 'DELIVERED')) return;
    let common: Set<number> | undefined;
    for (const branch of branches) {
      const nodes = new Set<number>();
      for (const step of branch.steps) {
        const to = this.topology.edges[step.edge]!.to;
        if (WATCHED.has(this.topology.nodes[to]!.kind) && (!common || common.has(to))) nodes.add(to);
      }
      common = nodes;
    }
    for (const node of common ?? []) {
      const pairs = this.byNode.get(node);
      if (pairs) pairs.push([src, dst]);
      else this.byNode.set(node, [[src, dst]]);
    }
  }

  result(): CriticalNode[] {
    return [...this.byNode.entries()].sort((a, b) => a[0] - b[0]).map(([node, pairs]) => ({
      node: this.topology.nodes[node]!.name,
      kind: this.topology.nodes[node]!.kind,
      // Pairs arrive destination by destination; list them by source, then destination.
      pairs: pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    }));
  }
}
