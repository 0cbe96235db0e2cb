import { error, warning, type Issue } from '../issue.js';
import { GATEWAY_SUBNET, ROUTE_SERVER_SUBNET } from '../subnets.js';
import { each, type Model, type VnetInfo } from './model.js';
import { nameList } from './name-list.js';
import { refVnet } from './references.js';
import { routeListIssues, usersOfRemoteVpnGateways } from './routes.js';
import { firstSeen } from './seen.js';
import { Vocabulary } from './spelling.js';
import { declaredSubnets } from './subnets.js';

/**
 * Route tables and the subnets they are associated with, as Azure allows them: a table is named once; it names
 * existing subnets as `vnet/subnet`, of a VNet that lists its subnets; a subnet has at most one table
 * (virtual-networks-udr-overview: "Each subnet can have zero or one route table associated to it"); the
 * RouteServerSubnet takes none (route-server-faq: "Azure Route Server doesn't support configuring a UDR on the
 * RouteServerSubnet"). A GatewaySubnet's table steers what the gateways send into the VNet: without a gateway
 * it does nothing, a 0.0.0.0/0 route in it "can prevent the gateway from functioning properly"
 * (virtual-networks-udr-overview), and so does stopping BGP propagation on it ("Don't disable BGP route
 * propagation on the GatewaySubnet, because the gateway won't function", Architecture Center, IPv6 hub-spoke
 * network topology): warnings, since Azure accepts them. The routes themselves are checked as in a VNet's table,
 * for every VNet the table is on.
 */
export function routeTableIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const nameSeen = firstSeen();
  const subnetSeen = firstSeen();
  const remoteVpn = usersOfRemoteVpnGateways(m);
  for (const [table, path] of each(m.t.routeTables, '$.routeTables')) {
    const earlier = table.name === undefined ? undefined : nameSeen(table.name, path);
    if (earlier !== undefined) issues.push(error(`${path}.name`, `route table name "${table.name}" is already used at ${earlier}`, 'give each route table its own name'));
    const vnets = new Map<string, VnetInfo>();
    for (const [ref, refPath] of each(table.subnets, `${path}.subnets`)) {
      const found = subnetRef(m, ref, refPath, issues);
      if (!found) continue;
      const first = subnetSeen(ref, refPath);
      if (first !== undefined) {
        issues.push(error(refPath, `subnet "${ref}" already has a route table, at ${first}`, 'a subnet has at most one route table: associate it with one'));
        continue;
      }
      vnets.set(found.vnet.id, found.vnet);
      issues.push(...specialSubnetIssues(found.vnet, found.subnet, table, refPath, path));
    }
    for (const v of vnets.values()) issues.push(...routeListIssues(m, v, table.routes, `${path}.routes`, remoteVpn));
  }
  return issues;
}

/** The VNet and subnet a `vnet/subnet` reference names, or undefined after saying why it names none. */
function subnetRef(m: Model, ref: string, path: string, issues: Issue[]): { vnet: VnetInfo; subnet: string } | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0) {
    issues.push(error(path, `"${ref}" does not name a subnet`, 'write "vnet/subnet", e.g. "hub/GatewaySubnet"'));
    return undefined;
  }
  const vnet = refVnet(m, ref.slice(0, slash), path, issues);
  if (!vnet) return undefined;
  const name = ref.slice(slash + 1);
  if (vnet.site.subnets === undefined) {
    issues.push(error(path, `"${vnet.id}" lists no subnets, so the route table has no subnet "${name}" to be on`, `list the subnets of "${vnet.id}" (subnets), or give "${vnet.id}" the table as its routeTable`));
    return undefined;
  }
  const names = declaredSubnets(m, vnet).map((s) => s.name);
  if (!names.includes(name)) {
    const guess = m.speller.didYouMean(name, new Vocabulary(names));
    const known = names.length ? `subnets of "${vnet.id}": ${nameList(names)}` : `"${vnet.id}" lists no subnets`;
    issues.push(error(path, `the route table is on subnet "${name}" of "${vnet.id}", which does not exist`, `${guess ? `${guess} ` : ''}${known}`));
    return undefined;
  }
  return { vnet, subnet: name };
}

type LooseTable = NonNullable<NonNullable<Model['t']['routeTables']>[number]>;

function specialSubnetIssues(v: VnetInfo, subnet: string, table: LooseTable, refPath: string, path: string): Issue[] {
  if (subnet === ROUTE_SERVER_SUBNET) {
    return [error(refPath, 'the RouteServerSubnet cannot have a route table', 'associate the table with another subnet: Route Server does not support user-defined routes on its subnet')];
  }
  if (subnet !== GATEWAY_SUBNET) return [];
  if (v.site.erGateway === undefined && v.site.vpnGateway === undefined) {
    return [warning(refPath, `"${v.id}" has no gateway, so a table on its GatewaySubnet steers nothing`, `add a gateway to "${v.id}", or remove the association`)];
  }
  const issues: Issue[] = [];
  if (table.disableBgpRoutePropagation === true) {
    issues.push(warning(`${path}.disableBgpRoutePropagation`, 'BGP propagation is off on a table of a GatewaySubnet: the gateway won\'t function', 'keep BGP propagation on in tables on GatewaySubnet'));
  }
  for (const [route, routePath] of each(table.routes, `${path}.routes`)) {
    if (route.prefix !== '0.0.0.0/0') continue;
    issues.push(warning(`${routePath}.prefix`, 'a 0.0.0.0/0 route on the GatewaySubnet can prevent the gateway from functioning', 'route the spokes\' prefixes instead, or move the default route to the VM subnets'));
  }
  return issues;
}
