import type { CompiledTopology } from '../../model/compiled.js';
import { formatPrefix } from '../../model/prefix.js';
import type { BaselineRouting, DesignFinding } from '../design-findings.js';
import { SOURCES } from './sources.js';

const MOST_CIRCUITS = 4;

/**
 * ER gateways offered more than four circuits of equal preference (connection weight, then AS path length) for a
 * prefix: a VNet links at most four circuits in one peering location and balances over at most four
 * (azure-routing-rules.md 3.4); the others only stand by. Reported once per gateway, with an example prefix.
 */
export function ecmpCircuitFindings(topology: CompiledTopology, { control, routing }: BaselineRouting): DesignFinding[] {
  const findings: DesignFinding[] = [];
  topology.nodes.forEach((node, gateway) => {
    if (node.kind !== 'ergw') return;
    for (let p = 0; p < topology.prefixes.length; p++) {
      const best = routing.best(p, gateway)?.[0];
      if (!best || best.source !== 'er') continue;
      const circuits = new Set<string>();
      for (const e of control.bgpIn[gateway]!) {
        const route = routing.ribIn(p, e);
        if (route && route.weight === best.weight && route.asPath.length === best.asPath.length) circuits.add(topology.nodes[topology.edges[e]!.from]!.name);
      }
      if (circuits.size <= MOST_CIRCUITS) continue;
      const names = [...circuits].map((msee) => msee.replace(/\/msee$/, '')).sort();
      findings.push({
        id: 'ecmp-circuit-limit', severity: 'warning', objects: [node.name, ...names], source: SOURCES.expressRouteLimits,
        message: `${node.name} has ${names.length} circuits of equal preference for ${formatPrefix(topology.prefixes[p]!)} (${names.join(', ')}): it balances over at most ${MOST_CIRCUITS}, the others stand by`,
      });
      return;
    }
  });
  return findings;
}
