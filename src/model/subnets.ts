import { containsAddress, parseAddress, parsePrefix } from './prefix.js';
import type { NamedRouteTable, RouteTable, Subnet, Topology, VnetSite } from './topology.js';

/**
 * Subnets and the route tables applied to them, over a validated topology. Azure applies a subnet's route table
 * to traffic leaving the subnet (virtual-networks-udr-overview: "Azure routes outbound traffic from a subnet
 * based on the routes in a subnet's route table"), so what matters is which subnet traffic leaves from: a site's
 * test addresses, an appliance, a gateway.
 */

/** The subnet Azure places the VNet's gateways in: its route table steers what they send into the VNet. */
export const GATEWAY_SUBNET = 'GatewaySubnet';
/** The dedicated subnet a Route Server must be deployed in (route-server-faq). */
export const ROUTE_SERVER_SUBNET = 'RouteServerSubnet';

/** `vnet/subnet`: how route tables name the subnets they are associated with. */
export function subnetRef(vnet: string, subnet: string): string {
  return `${vnet}/${subnet}`;
}

/** The declared subnet holding `address`, if any. */
export function subnetAt(vnet: VnetSite, address: string): Subnet | undefined {
  const addr = parseAddress(address);
  return vnet.subnets?.find((s) => containsAddress(parsePrefix(s.prefix), addr));
}

/** Which route table each subnet (`vnet/subnet`) is associated with. */
export function tablesBySubnet(topology: Topology): Map<string, NamedRouteTable> {
  const tables = new Map<string, NamedRouteTable>();
  for (const table of topology.routeTables ?? []) for (const ref of table.subnets) tables.set(ref, table);
  return tables;
}

/**
 * The route table of the subnet the site's traffic leaves from: the one holding its first test address. A VNet
 * that lists no subnets is one subnet, whose table is the VNet's `routeTable`.
 */
export function siteRouteTable(vnet: VnetSite, tables: ReadonlyMap<string, NamedRouteTable>): RouteTable | undefined {
  if (vnet.subnets === undefined) return vnet.routeTable;
  const subnet = subnetAt(vnet, vnet.testAddresses[0]!);
  return subnet && tables.get(subnetRef(vnet.id, subnet.name));
}
