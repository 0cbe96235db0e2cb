import type { CompiledTopology } from '../../model/compiled.js';
import type { BaselineRouting, DesignFinding } from '../design-findings.js';
import { SOURCES } from './sources.js';

const PRIVATE_PEERING_LIMIT = { Standard: 4000, Premium: 10_000 } as const;
const ROUTES_PER_CONNECTION = 1000;
const VPN_PEER_LIMIT = 4000;

/**
 * Sessions that carry more prefixes than Azure accepts, counted on the baseline's converged routes. Azure drops
 * such a session (the pages cited say so); whatif does not model the drop, so its verdicts assume the session
 * up, and the finding is an error to fix first:
 * - a CE's advertisements over private peering: 4,000 on a Standard circuit, 10,000 on Premium;
 * - an ER gateway's advertisements over one connection: 1,000;
 * - a peer's advertisements to a VPN gateway: 4,000.
 */
export function routeLimitFindings(topology: CompiledTopology, { routing }: BaselineRouting): DesignFinding[] {
  const findings: DesignFinding[] = [];
  const carried = (edge: number): number => {
    let count = 0;
    for (let p = 0; p < topology.prefixes.length; p++) if (routing.ribIn(p, edge)) count++;
    return count;
  };
  topology.edges.forEach((edge, e) => {
    const from = topology.nodes[edge.from]!;
    const to = topology.nodes[edge.to]!;
    const unit = edge.units.map((u) => topology.units[u]!.id).join(' > ');
    const check = (id: string, limit: number, source: string, message: (count: number) => string): void => {
      const count = carried(e);
      if (count > limit) findings.push({ id, severity: 'error', objects: [unit, from.name], source, message: message(count) });
    };
    if (edge.kind === 'er-link' && to.kind === 'msee') {
      const { sku } = to.circuit!;
      check('private-peering-route-limit', PRIVATE_PEERING_LIMIT[sku], SOURCES.expressRoutePrefixLimits, (count) => (
        `${from.name} advertises ${count.toLocaleString('en-US')} prefixes to Azure over ${unit}, above the ${PRIVATE_PEERING_LIMIT[sku].toLocaleString('en-US')} a ${sku} circuit accepts: Azure drops the BGP session`
      ));
    } else if (edge.kind === 'er-conn' && from.kind === 'ergw') {
      check('connection-route-limit', ROUTES_PER_CONNECTION, SOURCES.expressRouteLimits, (count) => (
        `${from.name} advertises ${count.toLocaleString('en-US')} prefixes over ${unit}, above the 1,000 Azure allows per ExpressRoute connection: the connection drops`
      ));
    } else if (edge.kind === 'vpn-bgp' && to.kind === 'vpngw') {
      check('vpn-peer-route-limit', VPN_PEER_LIMIT, SOURCES.vpnPrefixLimit, (count) => (
        `${from.name} advertises ${count.toLocaleString('en-US')} prefixes to ${to.name} over ${unit}, above the 4,000 a VPN gateway accepts: the BGP session drops`
      ));
    }
  });
  return findings;
}
