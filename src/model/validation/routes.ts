import { error, type Issue } from '../issue.js';
import { formatPrefix } from '../prefix.js';
import type { LooseTopology } from './loose.js';
import { each, inSpace, peersOf, type Model, type VnetInfo } from './model.js';
import { firstSeen } from './seen.js';

/**
 * User-defined routes, as Azure accepts them in a route table: one route per prefix; a VirtualAppliance route
 * needs the appliance's address, and the appliance must sit where the VNet can deliver to it directly, in the
 * VNet or one peered with it; other next hop types take no address; and a VirtualNetworkGateway route needs a
 * VPN gateway to send to, the VNet's own or a hub's used over a peering with "use remote gateways". The same
 * holds for the routes of a table in `routeTables` (route-tables.ts), for every VNet it is associated with, and
 * for an appliance's own routes (appliances.ts).
 */
export function routeIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const remoteVpn = usersOfRemoteVpnGateways(m);
  for (const v of m.vnets) issues.push(...routeListIssues(m, v, v.site.routeTable?.routes, `${v.path}.routeTable.routes`, remoteVpn));
  return issues;
}

type LooseRoute = NonNullable<NonNullable<NonNullable<LooseTopology['routeTables']>[number]>['routes']>[number];

/** One route per prefix, and next hops `v` can use (the table's VNet, or each VNet a shared table is on). */
export function routeListIssues(
  m: Model, v: VnetInfo, routes: readonly LooseRoute[] | undefined, listPath: string, remoteVpn: ReadonlySet<string>,
): Issue[] {
  const issues: Issue[] = [];
  const prefixSeen = firstSeen();
  for (const [route, path] of each(routes, listPath)) {
    const prefix = m.ip.validPrefix(route.prefix);
    const earlier = prefix ? prefixSeen(formatPrefix(prefix), path) : undefined;
    if (earlier !== undefined) {
      issues.push(
        error(
          `${path}.prefix`,
          `the route table already has a route for "${route.prefix}" at ${earlier}`,
          'keep one route per prefix',
        ),
      );
    }
    issues.push(...nextHopIssues(m, v, route, path, remoteVpn));
  }
  return issues;
}

function nextHopIssues(
  m: Model,
  v: VnetInfo,
  route: { nextHopType?: string | undefined; nextHopAddress?: string | undefined },
  path: string,
  remoteVpn: ReadonlySet<string>,
): Issue[] {
  const at = `${path}.nextHopAddress`;
  if (route.nextHopType === 'VirtualAppliance') {
    if (route.nextHopAddress === undefined) {
      if (m.tainted.has(at)) return [];
      return [
        error(
          at,
          'a VirtualAppliance route needs "nextHopAddress"',
          `give the appliance's address, in "${v.id}" or a VNet peered with it`,
        ),
      ];
    }
    const addr = m.ip.validAddress(route.nextHopAddress);
    const reachable = [v, ...peersOf(m, v)];
    const unknown = addr === undefined || !reachable.every((s) => s.spaceComplete);
    if (unknown || reachable.some((s) => inSpace(s.space, addr))) return [];
    return [
      error(
        at,
        `next hop "${route.nextHopAddress}" is not in "${v.id}" or a VNet peered with it`,
        'the appliance must sit in this VNet or a peered one: check the address, or add the peering',
      ),
    ];
  }
  if (route.nextHopType !== undefined && route.nextHopAddress !== undefined) {
    return [
      error(
        at,
        `a ${route.nextHopType} route takes no next hop address`,
        'remove nextHopAddress, or set nextHopType "VirtualAppliance"',
      ),
    ];
  }
  const reachesVpnGateway = v.site.vpnGateway !== undefined || remoteVpn.has(v.id);
  if (route.nextHopType === 'VirtualNetworkGateway' && !m.uncertain.has(v.id) && !reachesVpnGateway) {
    return [
      error(
        `${path}.nextHopType`,
        `"${v.id}" has no VPN gateway, of its own or through a peering with useRemoteGateways`,
        'add a vpnGateway, use a hub\'s gateways over a peering, or choose another next hop type',
      ),
    ];
  }
  return [];
}

/** The VNets that use, over a peering, the gateways of a VNet that has a VPN gateway. */
export function usersOfRemoteVpnGateways(m: Model): Set<string> {
  const users = new Set<string>();
  for (const [peering] of each(m.t.peerings, '$.peerings')) {
    const sides = peering.sides ?? [];
    sides.forEach((side, s) => {
      const other = m.nodes.get(sides[1 - s]?.vnet ?? '');
      const user = side?.useRemoteGateways === true ? side.vnet : undefined;
      if (user !== undefined && other?.kind === 'vnet' && other.site.vpnGateway !== undefined) users.add(user);
    });
  }
  return users;
}
