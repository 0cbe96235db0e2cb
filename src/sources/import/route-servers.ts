import { ROUTE_SERVER_ASN } from '../../model/azure-asns.js';
import { addressProblem, containsAddress, formatAddress, parseAddress, parsePrefix } from '../../model/prefix.js';
import { ROUTE_SERVER_SUBNET } from '../../model/subnets.js';
import type { RoutingPreference } from '../../model/topology.js';
import type { RouteServer } from '../azure/estate.js';
import { idKey, parentId } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { ImportedInstance } from './appliances.js';
import type { Names } from './names.js';
import type { VnetPlacement } from './vnet-sites.js';

const PREFERENCES: readonly RoutingPreference[] = ['ExpressRoute', 'VpnGateway', 'ASPath'];

/** Azure gives a Route Server the fourth and fifth addresses of its subnet (the first four are reserved). */
const FIRST_ROUTER_OFFSET = 4;

/** The peer IPs of every Route Server: the interfaces there are appliances (importAppliances()). */
export function routeServerPeerIps(routeServers: readonly RouteServer[]): Set<string> {
  return new Set(routeServers.flatMap((rs) => rs.peers.flatMap((p) => p.peerIp ?? [])));
}

/**
 * Each Route Server into the VNet whose RouteServerSubnet holds it (its IP configuration's subnet, else its
 * peer addresses), with branch-to-branch and routing preference, and a peering for each BGP connection to an
 * appliance instance of that VNet. An appliance that peers runs BGP as the connection's peerAsn; what it
 * announces lives in its own configuration, which an export does not hold: none is imported, said so.
 */
export function importRouteServers(
  routeServers: readonly RouteServer[], placements: Map<string, VnetPlacement>, instances: ReadonlyMap<string, ImportedInstance>,
  names: Names, findings: Findings,
): void {
  for (const rs of [...routeServers].sort((a, b) => a.resource.key.localeCompare(b.resource.key))) {
    const placement = placementOf(rs, placements);
    if (!placement) {
      findings.note(at(rs.resource), 'not-mapped', `Route Server ${rs.resource.name}: no VNet of the export holds its ${ROUTE_SERVER_SUBNET} (its ipConfigurations or virtualRouterIps)`);
      continue;
    }
    if (placement.site.routeServer) {
      findings.note(at(rs.resource), 'not-mapped', `${placement.site.id} already has a Route Server: a VNet has one`);
      continue;
    }
    if (rs.asn !== undefined && rs.asn !== ROUTE_SERVER_ASN) findings.assume(`Route Server ${rs.resource.name} says virtualRouterAsn ${rs.asn}: imported as ${ROUTE_SERVER_ASN}, the ASN Azure gives every Route Server`);
    const preference = PREFERENCES.find((p) => p.toLowerCase() === rs.routingPreference?.toLowerCase());
    if (rs.routingPreference !== undefined && preference === undefined) findings.note(at(rs.resource), 'not-expressible', `hubRoutingPreference ${rs.routingPreference} is not one of ${PREFERENCES.join(', ')}: ExpressRoute (the default) imported`);
    placement.site.routeServer = {
      peerAddresses: peerAddresses(rs, placement, findings),
      ...(rs.branchToBranch && { branchToBranch: true }),
      ...(preference !== undefined && preference !== 'ExpressRoute' && { routingPreference: preference }),
      peerings: rs.peers.flatMap((peer) => {
        const instance = peer.peerIp && instances.get(`${placement.vnet.resource.key}|${peer.peerIp}`);
        if (!instance || peer.peerAsn === undefined) {
          const why = instance ? 'it has no peerAsn' : `no network interface of ${placement.site.id} has its peer IP ${peer.peerIp ?? '(none)'}`;
          findings.note({ file: rs.resource.file, path: peer.resource }, 'not-mapped', `BGP connection ${peer.name}: ${why}`);
          return [];
        }
        const appliance = instance.appliance;
        if (appliance.bgp === undefined) {
          appliance.bgp = { asn: peer.peerAsn, announces: [] };
          findings.assume(`appliance ${appliance.name} peers with the Route Server of ${placement.site.id} as AS ${peer.peerAsn}: what it announces is in its own configuration, which the export does not hold; none imported (add bgp.announces)`);
        }
        return [{ name: names.claim('rs-peer', peer.name || `${appliance.name}-${peer.peerIp}`), peerAddress: peer.peerIp! }];
      }),
    };
  }
}

function placementOf(rs: RouteServer, placements: Map<string, VnetPlacement>): VnetPlacement | undefined {
  if (rs.subnetId !== undefined) {
    const p = placements.get(idKey(parentId(rs.subnetId)));
    if (p) return p;
  }
  const ip = rs.routerIps.find((a) => addressProblem(a) === undefined);
  if (ip === undefined) return undefined;
  return [...placements.values()].find((p) => p.vnet.subnets.some((s) => s.name === ROUTE_SERVER_SUBNET && s.prefixes.some((x) => containsAddress(parsePrefix(x), parseAddress(ip)))));
}

/** virtualRouterIps; without two, the fourth and fifth addresses of the RouteServerSubnet, said so. */
function peerAddresses(rs: RouteServer, placement: VnetPlacement, findings: Findings): [string, string] {
  const ips = rs.routerIps.filter((a) => addressProblem(a) === undefined);
  if (ips.length >= 2) return [ips[0]!, ips[1]!];
  const subnet = placement.vnet.subnets.find((s) => s.name === ROUTE_SERVER_SUBNET)?.prefixes[0];
  const net = subnet === undefined ? parsePrefix(placement.vnet.addressSpace[0]!).net : parsePrefix(subnet).net;
  const derived: [string, string] = [formatAddress(net + FIRST_ROUTER_OFFSET), formatAddress(net + FIRST_ROUTER_OFFSET + 1)];
  findings.assume(`Route Server ${rs.resource.name}: no virtualRouterIps in the export; peer addresses ${derived.join(' and ')} assumed`);
  return derived;
}
