import type { CompiledTopology, NodeKind } from '../model/compiled.js';
import type { Matrix } from '../forward/matrix.js';
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
 * The matrix must keep branches.
 */
export function criticalNodes(topology: CompiledTopology, matrix: Matrix): CriticalNode[] {
  const byNode = new Map<number, SitePair[]>();
  for (let src = 0; src < matrix.siteCount; src++) {
    for (let dst = 0; dst < matrix.siteCount; dst++) {
      const verdict = matrix.at(src, dst);
      if (src === dst || verdict.outcome !== 'DELIVERED' || !verdict.branches?.length) continue;
      let common: Set<number> | undefined;
      for (const branch of verdict.branches) {
        const nodes = new Set(branch.steps.map((s) => topology.edges[s.edge]!.to).filter((n) => WATCHED.has(topology.nodes[n]!.kind)));
        common = common ? new Set([...common].filter((n) => nodes.has(n))) : nodes;
      }
      for (const node of common ?? []) byNode.set(node, [...(byNode.get(node) ?? []), [src, dst]]);
    }
  }
  return [...byNode.entries()].sort((a, b) => a[0] - b[0]).map(([node, pairs]) => ({
    node: topology.nodes[node]!.name, kind: topology.nodes[node]!.kind, pairs,
  }));
}
