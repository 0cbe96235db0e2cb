import { prefixProblem } from '../../model/prefix.js';
import { ROUTE_SERVER_SUBNET } from '../../model/subnets.js';
import type { NamedRouteTable, NextHopType, UserRoute } from '../../model/topology.js';
import type { RouteTable as AzureRouteTable } from '../azure/estate.js';
import { idKey } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { VnetPlacement } from './vnet-sites.js';

/** Azure's next hop types (RouteNextHopType), all of which the format holds. */
const NEXT_HOP_TYPES: readonly NextHopType[] = ['None', 'VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet'];

/**
 * Each route table of the export with the subnets of imported VNets it is associated with (a subnet names its
 * table, a table its subnets: either is enough), as `routeTables`. A subnet that names a table missing from the
 * export is a problem; a table on the RouteServerSubnet (Azure refuses it) and routes the format cannot hold
 * (service tags, IPv6) are noted. Returns the VNets whose subnets the tables name: they list their subnets.
 */
export function importRouteTables(
  all: readonly AzureRouteTable[], placements: Map<string, VnetPlacement>, names: Names, origins: Origins, findings: Findings,
): { tables: NamedRouteTable[]; vnets: Set<VnetPlacement> } {
  const byKey = new Map(all.map((t) => [t.resource.key, t]));
  const associated = new Map<string, { placement: VnetPlacement; subnet: string }[]>();
  const seen = new Set<string>();
  const associate = (tableKey: string, placement: VnetPlacement, subnet: string): void => {
    const ref = `${tableKey}\n${placement.vnet.resource.key}\n${subnet}`;
    if (seen.has(ref)) return;
    seen.add(ref);
    associated.set(tableKey, [...(associated.get(tableKey) ?? []), { placement, subnet }]);
  };
  const subnetHome = new Map<string, { placement: VnetPlacement; subnet: string }>();
  for (const p of placements.values()) {
    for (const s of p.vnet.subnets) {
      subnetHome.set(idKey(s.id), { placement: p, subnet: s.name });
      if (s.routeTableId === undefined) continue;
      const key = idKey(s.routeTableId);
      if (!byKey.has(key)) {
        findings.problem(at(p.vnet.resource), `subnet ${s.name} uses route table ${key}, which is not in the export`, 'export the route table too: widen the query or add the file');
        continue;
      }
      associate(key, p, s.name);
    }
  }
  for (const t of all) {
    for (const id of t.subnetIds) {
      const home = subnetHome.get(idKey(id));
      if (home) associate(t.resource.key, home.placement, home.subnet);
    }
  }
  const tables: NamedRouteTable[] = [];
  const vnets = new Set<VnetPlacement>();
  for (const t of [...all].sort((a, b) => a.resource.name.localeCompare(b.resource.name) || a.resource.key.localeCompare(b.resource.key))) {
    const subnets = (associated.get(t.resource.key) ?? []).filter(({ placement, subnet }) => {
      if (subnet !== ROUTE_SERVER_SUBNET) return true;
      findings.note(at(t.resource), 'not-expressible', `associated with ${placement.site.id}/${subnet}, which takes no route table (Route Server): that association is left out`);
      return false;
    });
    if (subnets.length === 0) {
      findings.note(at(t.resource), 'not-mapped', 'associated with no subnet of an imported VNet: not imported');
      continue;
    }
    for (const s of subnets) vnets.add(s.placement);
    tables.push(origins.set<NamedRouteTable>({
      name: names.claim('route-table', t.resource.name),
      subnets: subnets.map((s) => `${s.placement.site.id}/${s.subnet}`),
      ...(t.disableBgpRoutePropagation && { disableBgpRoutePropagation: true }),
      routes: userRoutes(t, findings),
    }, at(t.resource)));
  }
  return { tables, vnets };
}

/** The routes the format holds: IPv4 prefixes to any next hop type, an appliance's with its address. */
function userRoutes(table: AzureRouteTable, findings: Findings): UserRoute[] {
  const routes: UserRoute[] = [];
  for (const r of table.routes) {
    const type = NEXT_HOP_TYPES.find((t) => t.toLowerCase() === r.nextHopType?.toLowerCase());
    if (r.prefix === undefined || prefixProblem(r.prefix) !== undefined || type === undefined || (type === 'VirtualAppliance' && r.nextHopIpAddress === undefined)) {
      findings.note(at(table.resource), 'not-expressible', `route ${r.name} (${r.prefix ?? 'no prefix'} -> ${r.nextHopType ?? 'no next hop'}) is not imported: the format holds IPv4 prefixes (no service tags), and a VirtualAppliance route needs its address`);
      continue;
    }
    routes.push({ name: r.name, prefix: r.prefix, nextHopType: type, ...(type === 'VirtualAppliance' && { nextHopAddress: r.nextHopIpAddress! }) });
  }
  return routes;
}

/** The addresses the tables name as VirtualAppliance next hops: the interfaces there are appliances. */
export function applianceNextHops(all: readonly AzureRouteTable[]): Set<string> {
  return new Set(all.flatMap((t) => t.routes.flatMap((r) => (r.nextHopType?.toLowerCase() === 'virtualappliance' && r.nextHopIpAddress !== undefined ? [r.nextHopIpAddress] : []))));
}
