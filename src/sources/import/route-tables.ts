import { containsAddress, parseAddress, parsePrefix, prefixProblem } from '../../model/prefix.js';
import type { NextHopType, RouteTable, UserRoute } from '../../model/topology.js';
import type { RouteTable as AzureRouteTable, Subnet } from '../azure/estate.js';
import { idKey } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import { isServiceSubnet } from './service-subnets.js';
import type { VnetPlacement } from './vnet-sites.js';

const NEXT_HOP_TYPES: readonly NextHopType[] = ['None', 'VirtualAppliance', 'VirtualNetworkGateway'];

/** The route tables of the export by id, and which table each subnet uses (a subnet names its table, a table its subnets). */
export interface RouteTableIndex {
  byKey: Map<string, AzureRouteTable>;
  bySubnet: Map<string, string>;
}

export function routeTableIndex(all: readonly AzureRouteTable[]): RouteTableIndex {
  const bySubnet = new Map<string, string>();
  for (const t of all) for (const id of t.subnetIds) bySubnet.set(idKey(id), t.resource.key);
  return { byKey: new Map(all.map((t) => [t.resource.key, t])), bySubnet };
}

/**
 * The format has one route table per VNet: the one of the subnet that holds the first test address. Other VM
 * subnets with another table (or none), a table on GatewaySubnet, and routes the format cannot hold (next hop
 * Internet or VnetLocal, service tags) are noted.
 */
export function routeTable(p: VnetPlacement, index: RouteTableIndex, findings: Findings): RouteTable | undefined {
  const tables = index.byKey;
  const tableOf = (subnet: Subnet): string | undefined =>
    subnet.routeTableId !== undefined ? idKey(subnet.routeTableId) : index.bySubnet.get(idKey(subnet.id));
  const first = parseAddress(p.site.testAddresses[0]!);
  const vmSubnets = p.vnet.subnets.filter((s) => !isServiceSubnet(s));
  const home = vmSubnets.find((s) => s.prefixes.some((x) => containsAddress(parsePrefix(x), first)));
  const chosen = home && tableOf(home);
  for (const s of p.vnet.subnets) {
    const key = tableOf(s);
    if (key !== undefined && !tables.has(key)) {
      findings.problem(at(p.vnet.resource), `subnet ${s.name} uses route table ${key}, which is not in the export`, 'export the route table too: widen the query or add the file');
      continue;
    }
    if (key === chosen || (key === undefined && isServiceSubnet(s))) continue;
    const uses = key === undefined ? 'no route table' : `route table ${tables.get(key)!.resource.name}`;
    findings.note(at(p.vnet.resource), 'not-expressible',
      `subnet ${s.name} uses ${uses}, unlike subnet ${home?.name ?? '(none holds the test address)'}: the format has one route table per VNet, so only that subnet's is imported`);
  }
  const table = chosen === undefined ? undefined : tables.get(chosen);
  if (!table) return undefined;
  return { ...(table.disableBgpRoutePropagation && { disableBgpRoutePropagation: true }), routes: userRoutes(table, findings) };
}

/** The routes the format holds: IPv4 prefixes to None, VirtualAppliance (with its address) or VirtualNetworkGateway. */
function userRoutes(table: AzureRouteTable, findings: Findings): UserRoute[] {
  const routes: UserRoute[] = [];
  for (const r of table.routes) {
    const type = NEXT_HOP_TYPES.find((t) => t.toLowerCase() === r.nextHopType?.toLowerCase());
    if (r.prefix === undefined || prefixProblem(r.prefix) !== undefined || type === undefined || (type === 'VirtualAppliance' && r.nextHopIpAddress === undefined)) {
      findings.note(at(table.resource), 'not-expressible', `route ${r.name} (${r.prefix ?? 'no prefix'} -> ${r.nextHopType ?? 'no next hop'}) is not imported: the format holds IPv4 prefixes to None, VirtualAppliance or VirtualNetworkGateway`);
      continue;
    }
    routes.push({ name: r.name, prefix: r.prefix, nextHopType: type, ...(type === 'VirtualAppliance' && { nextHopAddress: r.nextHopIpAddress! }) });
  }
  return routes;
}
