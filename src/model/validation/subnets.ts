import { error, warning, type Issue } from '../issue.js';
import { containsAddress, containsPrefix, overlaps, type Prefix } from '../prefix.js';
import { GATEWAY_SUBNET, ROUTE_SERVER_SUBNET } from '../subnets.js';
import { each, type Model, type VnetInfo } from './model.js';
import { nameList } from './name-list.js';
import { firstSeen } from './seen.js';

/**
 * A VNet's subnets, as Azure allows them: uniquely named, inside the VNet's address space, not overlapping one
 * another (Azure refuses to create such a subnet). A VNet that lists subnets gives them their route tables in
 * `routeTables`: a VNet-wide `routeTable` would say nothing about which subnet it is on. Test addresses stand
 * for VMs, which Azure does not place in the GatewaySubnet or the RouteServerSubnet; the site's traffic leaves
 * from its first test address's subnet, so test addresses in subnets with other tables are traced from there.
 */

export interface SubnetAt {
  name: string;
  prefix: Prefix | undefined;
  path: string;
}

/** The subnets a VNet lists, with their valid prefixes (absent where the prefix is invalid). */
export function declaredSubnets(m: Model, v: VnetInfo): SubnetAt[] {
  return each(v.site.subnets, `${v.path}.subnets`).flatMap(([s, path]) => (
    s.name === undefined ? [] : [{ name: s.name, prefix: m.ip.validPrefix(s.prefix), path }]
  ));
}

/** The declared subnet holding `address`, if its prefix is known. */
export function subnetHolding(subnets: readonly SubnetAt[], address: number): SubnetAt | undefined {
  return subnets.find((s) => s.prefix !== undefined && containsAddress(s.prefix, address));
}

export function subnetIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    if (v.site.subnets === undefined) continue;
    const subnets = declaredSubnets(m, v);
    if (v.site.routeTable !== undefined) {
      issues.push(error(
        `${v.path}.routeTable`,
        `"${v.id}" lists its subnets, so a VNet-wide routeTable cannot say which subnet it is on`,
        `move the routes to a table in routeTables, associated with "${v.id}/<subnet>"`,
      ));
    }
    issues.push(...namesAndRanges(v, subnets), ...testAddressPlaces(m, v, subnets));
  }
  return issues;
}

function namesAndRanges(v: VnetInfo, subnets: readonly SubnetAt[]): Issue[] {
  const issues: Issue[] = [];
  const nameSeen = firstSeen();
  subnets.forEach((s, i) => {
    const earlier = nameSeen(s.name, s.path);
    if (earlier !== undefined) {
      issues.push(error(`${s.path}.name`, `subnet name "${s.name}" is already used at ${earlier}`, `give each subnet of "${v.id}" its own name`));
    }
    if (s.prefix === undefined) return;
    if (v.spaceComplete && !v.space.some((p) => containsPrefix(p.prefix, s.prefix!))) {
      issues.push(error(
        `${s.path}.prefix`,
        `subnet "${s.name}" is outside the address space of "${v.id}" (${v.space.map((p) => p.text).join(', ')})`,
        'a subnet takes its range from its VNet: use a prefix inside the address space',
      ));
    }
    const clash = subnets.slice(0, i).find((o) => o.prefix !== undefined && overlaps(o.prefix, s.prefix!));
    if (clash) {
      issues.push(error(`${s.path}.prefix`, `subnet "${s.name}" overlaps subnet "${clash.name}" at ${clash.path}`, 'subnets of one VNet cannot overlap: renumber one of them'));
    }
  });
  return issues;
}

function testAddressPlaces(m: Model, v: VnetInfo, subnets: readonly SubnetAt[]): Issue[] {
  const issues: Issue[] = [];
  const tables = m.routeTableOfSubnet;
  let first: { subnet: string | undefined; table: string | undefined } | undefined;
  for (const [text, path] of each(v.site.testAddresses, `${v.path}.testAddresses`)) {
    const addr = m.ip.validAddress(text);
    if (addr === undefined) continue;
    const subnet = subnetHolding(subnets, addr);
    if (subnet?.name === GATEWAY_SUBNET || subnet?.name === ROUTE_SERVER_SUBNET) {
      issues.push(error(path, `test address "${text}" is in the ${subnet.name}, where Azure places no VM`, `use a VM's address in another subnet of "${v.id}"`));
      continue;
    }
    const table = subnet && tables.get(`${v.id}/${subnet.name}`);
    if (first === undefined) {
      first = { subnet: subnet?.name, table };
    } else if (table !== first.table) {
      issues.push(warning(
        path,
        `test address "${text}" is in a subnet with another route table than the first test address's (${first.subnet ?? 'no listed subnet'})`,
        `whatif traces a site's traffic from the subnet of its first test address: list first the address whose subnet should be traced (subnets with tables: ${nameList(subnets.filter((s) => tables.has(`${v.id}/${s.name}`)).map((s) => s.name))})`,
      ));
    }
  }
  return issues;
}
