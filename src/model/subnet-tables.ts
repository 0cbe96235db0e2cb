import type { CompiledUserRoute, VnetRouting } from './compiled.js';
import type { GraphBuilder } from './graph-builder.js';
import type { HubGraph } from './hub-graph.js';
import { GATEWAY_SUBNET, siteRouteTable, subnetRef } from './subnets.js';
import type { NamedRouteTable, RouteTable, RoutingPreference, UserRoute, VnetSite } from './topology.js';

/** What every table of one VNet shares: the edges it routes over, and how it ranks BGP routes. */
export interface VnetEdges {
  vnetNode: number;
  addressSpace: number[];
  gatewayEdges: number[];
  routeServerEdges: number[];
  peeringEdges: number[];
  bgpPreference: RoutingPreference;
}

/**
 * A VirtualAppliance next hop that no declared appliance answers to: an appliance compile.ts adds a node for,
 * as the format did before appliances were declared (in a subnet without a route table).
 */
export type UndeclaredAppliance = (vnet: VnetSite, address: string) => number;

/**
 * The routing tables of a VNet's nodes, each its subnet's effective routes (virtual-networks-udr-overview:
 * system routes, the subnet's route table, gateway and Route Server routes unless the table stops their
 * propagation): the site's node (the subnet of its first test address), the GatewaySubnet's node, and each
 * appliance instance (its subnet's, or its own routes when it has them).
 */
export function subnetTables(
  b: GraphBuilder, hubs: HubGraph, site: VnetSite, shared: VnetEdges, tables: ReadonlyMap<string, NamedRouteTable>, undeclared: UndeclaredAppliance,
): void {
  const table = (routeTable: RouteTable | undefined): VnetRouting => ({
    ...shared,
    systemRoutes: true,
    disableBgpRoutePropagation: routeTable?.disableBgpRoutePropagation ?? false,
    userRoutes: (routeTable?.routes ?? []).map((r) => userRoute(b, hubs, site, shared, r, undeclared)),
  });
  b.nodes[shared.vnetNode]!.vnet = table(siteRouteTable(site, tables));
  const subnet = hubs.gatewaySubnet.get(site.id);
  if (subnet !== undefined) b.nodes[subnet]!.vnet = table(tables.get(subnetRef(site.id, GATEWAY_SUBNET)));
  for (const instance of hubs.instances.filter((i) => i.vnet === site.id)) {
    const own = instance.appliance.routes;
    b.nodes[instance.node]!.vnet = own
      ? {
        ...shared, gatewayEdges: [], routeServerEdges: [], peeringEdges: [], systemRoutes: false, disableBgpRoutePropagation: true,
        userRoutes: own.map((r) => userRoute(b, hubs, site, shared, r, undeclared)),
      }
      : table(tables.get(subnetRef(site.id, instance.appliance.subnet)));
  }
}

function userRoute(
  b: GraphBuilder, hubs: HubGraph, site: VnetSite, shared: VnetEdges, route: UserRoute, undeclared: UndeclaredAppliance,
): CompiledUserRoute {
  let edges: number[] = [];
  if (route.nextHopType === 'VirtualNetworkGateway') {
    edges = shared.gatewayEdges.filter((e) => b.nodes[b.edges[e]!.to]!.kind === 'vpngw').slice(0, 1);
  } else if (route.nextHopType === 'VirtualAppliance') {
    const address = route.nextHopAddress!;
    const declared = [site.id, ...peersOf(b, shared)].map((vnet) => hubs.nextHop(vnet, address)).find((found) => found !== undefined);
    edges = declared ? declared.map((instance) => hubs.applianceEdge(site.id, instance)) : [undeclared(site, address)].filter((e) => e >= 0);
  }
  return { name: route.name, prefix: b.prefixOf(route.prefix), nextHopType: route.nextHopType, edges };
}

/** The VNets a table's VNet is peered with (where an appliance it routes to may be). */
function peersOf(b: GraphBuilder, shared: VnetEdges): string[] {
  return shared.peeringEdges.map((e) => b.nodes[b.edges[e]!.to]!.name);
}
