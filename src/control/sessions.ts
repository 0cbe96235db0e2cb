import type { CompiledTopology, Edge, GraphNode } from '../model/compiled.js';
import { AZURE_GATEWAY_ASN, MSEE_ASN } from '../model/azure-asns.js';
import { overlaps } from '../model/prefix.js';
import { prependAsn, withoutAsn } from './as-path.js';
import type { ControlContext } from './context.js';
import { DEFAULT_LOCAL_PREF, type Route } from './route.js';

/**
 * What a speaker sends over a BGP session, and what the receiver keeps of it
 * (docs/routing-model.md, "Export" and "Import"). Both are pure functions of one route.
 */

const DEFAULT_ROUTE_LEN = 0;

/** The weight Azure's VPN gateways show on routes learned over VPN (Get-AzVirtualNetworkGatewayLearnedRoute). */
export const VPN_LEARNED_WEIGHT = 32768;

/** The route `sender` advertises over `edge` given its best route, or undefined when the rules forbid it. */
export function advertise(topology: CompiledTopology, edgeIndex: number, best: Route, prefix: number): Route | undefined {
  const edge = topology.edges[edgeIndex]!;
  const sender = topology.nodes[edge.from]!;
  // Never back to the neighbour it came from (the neighbour's loop check would drop it anyway).
  if (best.out === edgeIndex) return undefined;
  switch (sender.kind) {
    case 'ergw':
      // To a Route Server (branch-to-branch): what it learned from its circuits. To a circuit: its own VNet and
      // gateway-transit spokes, and what a Route Server reflected to it; never circuit-to-circuit, never VPN.
      if (edge.ibgp) return best.source === 'er' ? best : undefined;
      return best.source === 'local' || best.source === 'route-server' ? prepend(best, sender.asn, 1) : undefined;
    case 'vpngw': {
      if (edge.ibgp) {
        // What it learned, statically or over BGP, goes to a Route Server "whether you enable BGP on the VPN
        // gateway or not" (expressroute-vpn-support).
        return (best.source === 'vpn' || best.source === 'static') && vpnGatewayMayAdvertise(topology, sender, prefix) ? best : undefined;
      }
      if (best.source === 'local' || best.source === 'static') return prepend(best, sender.asn, 1);
      if (best.source !== 'vpn' && best.source !== 'route-server') return undefined;
      return vpnGatewayMayAdvertise(topology, sender, prefix) ? prepend(best, sender.asn, 1) : undefined;
    }
    case 'route-server':
      // To its VNet's gateways (branch-to-branch, iBGP): what appliances announced and what the other gateway learned.
      return best;
    case 'msee': {
      const receiver = topology.nodes[edge.to]!;
      const from = learnedEdge(topology, best)?.kind;
      if (edge.kind === 'er-conn' && from === 'global-reach') return undefined; // Global Reach is on-prem to on-prem
      if (edge.kind === 'global-reach' && from !== 'er-link') return undefined; // not transitive
      const path = receiver.kind === 'ce' && from === 'er-conn' && !sender.circuit!.keepGatewayAsn
        ? withoutAsn(best.asPath, AZURE_GATEWAY_ASN)
        : best.asPath;
      // Two circuits' MSEEs are one AS: a Global Reach session adds no hop to the AS path.
      return edge.kind === 'global-reach' ? { ...best, asPath: path } : prepend({ ...best, asPath: path }, MSEE_ASN, 1);
    }
    case 'ce': {
      if (best.source === 'static') return undefined; // statics are not redistributed into BGP
      const policy = edge.exportPolicy;
      if (policy?.prefixList && !policy.prefixList.includes(prefix)) return undefined;
      return prepend(best, sender.asn, 1 + (policy?.prependAsPath ?? 0));
    }
    default:
      return undefined;
  }
}

/**
 * What `edge.to` keeps of an advertisement: loop check (eBGP only), a VPN gateway's block on its own VNet's
 * prefixes, inbound policy, weight. A route a Route Server reflects keeps its next hop: the receiver sends the
 * traffic to the appliance or gateway the Route Server learned it from ("Azure Route Server doesn't route data
 * traffic", route-server-faq).
 */
export function receive(ctx: ControlContext, edgeIndex: number, advertised: Route, prefix: number): Route | undefined {
  const { topology } = ctx;
  const edge = topology.edges[edgeIndex]!;
  const receiver = topology.nodes[edge.to]!;
  const sender = topology.nodes[edge.from]!;
  if (!edge.ibgp && advertised.asPath.includes(receiver.asn) && !loopCheckExempt(edge, receiver, advertised)) return undefined;
  // "Advertising the same prefixes as any one of your virtual network address prefixes will be blocked or
  // filtered by Azure" (vpn-gateway-vpn-faq): never installed, never shown.
  if (receiver.kind === 'vpngw' && topology.sites[receiver.site]!.prefixes.includes(prefix)) return undefined;
  const out = sender.routeServer ? ctx.edgeToward[edge.to]!.get(topology.edges[advertised.out]!.to) : edgeIndex ^ 1;
  if (out === undefined) return undefined;
  const policy = edge.importPolicy;
  const prepends = policy?.prependAsPath ?? 0;
  return {
    source: edge.learnedAs!,
    out,
    asPath: prependAsn(advertised.asPath, sender.asn, prepends),
    // Local-preference and weight are local to a router: reset on every eBGP hop.
    localPref: policy?.localPreference ?? DEFAULT_LOCAL_PREF,
    weight: weightAt(receiver, edge),
    origin: advertised.origin,
    med: 0,
  };
}

/**
 * The weight a receiver gives a route: an ER gateway the connection's routing weight; a VPN gateway 32768, as
 * Azure shows its BGP-learned routes (ExpressRoute-learned ones show 32769: held-routes.ts); a CE its inbound
 * policy's, default 0 (Cisco).
 */
function weightAt(receiver: GraphNode, edge: Edge): number {
  if (receiver.kind === 'ergw') return edge.weight;
  if (receiver.kind === 'vpngw') return VPN_LEARNED_WEIGHT;
  return edge.importPolicy?.weight ?? 0;
}

/**
 * VNets on one circuit are one routing domain, so an ER gateway accepts another gateway's routes (`12076 65515`)
 * that the MSEE reflects. Only a route that an ER gateway originated is exempt: one that merely crossed a 65515
 * somewhere (a CE re-advertising what a VPN gateway sent it) is dropped, as Azure does.
 */
function loopCheckExempt(edge: Edge, receiver: GraphNode, route: Route): boolean {
  return receiver.kind === 'ergw' && edge.kind === 'er-conn'
    && route.asPath.length === 2 && route.asPath[0] === MSEE_ASN && route.asPath[1] === AZURE_GATEWAY_ASN;
}

function prepend(route: Route, asn: number, times: number): Route {
  return { ...route, asPath: prependAsn(route.asPath, asn, times) };
}

/** The edge a learned route arrived on (the reverse of the edge it points out of). */
function learnedEdge(topology: CompiledTopology, route: Route): Edge | undefined {
  return route.out >= 0 ? topology.edges[route.out ^ 1] : undefined;
}

/**
 * A VPN gateway hands on learned routes "except for the default route or routes that overlap with any virtual
 * network prefix" (vpn-gateway-vpn-faq): its VNet's and its transit spokes'.
 */
function vpnGatewayMayAdvertise(topology: CompiledTopology, gateway: GraphNode, prefix: number): boolean {
  const p = topology.prefixes[prefix]!;
  return p.len !== DEFAULT_ROUTE_LEN && !gateway.originates.some((o) => overlaps(topology.prefixes[o.prefix]!, p));
}
