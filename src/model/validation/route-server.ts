import { error, warning, type Issue } from '../issue.js';
import { containsAddress } from '../prefix.js';
import { ROUTE_SERVER_ASN } from '../azure-asns.js';
import { ROUTE_SERVER_SUBNET } from '../subnets.js';
import { each, type Model, type VnetInfo } from './model.js';
import { nameList } from './name-list.js';
import { firstSeen } from './seen.js';
import { declaredSubnets } from './subnets.js';

/**
 * A Route Server, as Azure deploys it: "in a dedicated subnet called RouteServerSubnet" (route-server-faq), its
 * two BGP peer addresses in it. Its peerings name appliance instances of its VNet that run BGP, one peering an
 * instance. Branch-to-branch exchanges routes with the VNet's ExpressRoute and VPN gateways, so it needs one,
 * and a VPN gateway in the exchange "must be configured in active-active mode and have the ASN set to 65515"
 * (expressroute-vpn-support): the ASN is an error (the exchange is iBGP inside 65515), the mode a warning (the
 * routes would still be modelled). A routing preference decides only where branch-to-branch brings routes of
 * several kinds together (route-server routing-preference): without it, a warning. Peering names are failure
 * unit ids (`rs-peer:NAME`), unique in the file.
 */
export function routeServerIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const nameSeen = firstSeen();
  for (const v of m.vnets) {
    const rs = v.site.routeServer;
    if (rs === undefined) continue;
    const path = `${v.path}.routeServer`;
    issues.push(...subnetIssues(m, v, path));
    issues.push(...branchToBranchIssues(v, path));
    const instances = applianceInstances(m, v);
    const peerSeen = firstSeen();
    for (const [peering, peeringPath] of each(rs.peerings, `${path}.peerings`)) {
      const earlier = peering.name === undefined ? undefined : nameSeen(peering.name, peeringPath);
      if (earlier !== undefined) issues.push(error(`${peeringPath}.name`, `Route Server peering name "${peering.name}" is already used at ${earlier}`, 'failure unit ids (rs-peer:<name>) must be unique'));
      const addr = m.ip.validAddress(peering.peerAddress);
      if (addr === undefined) continue;
      const instance = instances.get(addr);
      if (!instance) {
        const known = [...instances.values()].map((i) => i.address);
        issues.push(error(`${peeringPath}.peerAddress`, `no appliance instance of "${v.id}" has the address "${peering.peerAddress}"`, known.length ? `peer with an appliance instance: ${nameList(known)}` : `declare the appliance in the appliances of "${v.id}"`));
        continue;
      }
      if (!instance.bgp) {
        issues.push(error(`${peeringPath}.peerAddress`, `appliance "${instance.appliance}" runs no BGP`, `give appliance "${instance.appliance}" a bgp section (asn, announces)`));
      }
      const before = peerSeen(String(addr), peeringPath);
      if (before !== undefined) issues.push(error(`${peeringPath}.peerAddress`, `"${peering.peerAddress}" is already peered, at ${before}`, 'one peering per appliance instance'));
    }
  }
  return issues;
}

function subnetIssues(m: Model, v: VnetInfo, path: string): Issue[] {
  const subnet = declaredSubnets(m, v).find((s) => s.name === ROUTE_SERVER_SUBNET);
  if (!subnet) {
    return [error(path, `"${v.id}" has a Route Server but no ${ROUTE_SERVER_SUBNET}`, `add a subnet named ${ROUTE_SERVER_SUBNET} (a /27 or larger) to the subnets of "${v.id}": Azure deploys a Route Server only there`)];
  }
  if (subnet.prefix === undefined) return [];
  return each(v.site.routeServer?.peerAddresses, `${path}.peerAddresses`).flatMap(([text, at]) => {
    const addr = m.ip.validAddress(text);
    if (addr === undefined || containsAddress(subnet.prefix!, addr)) return [];
    return [error(at, `Route Server address "${text}" is outside its ${ROUTE_SERVER_SUBNET}`, `use an address inside the ${ROUTE_SERVER_SUBNET} of "${v.id}"`)];
  });
}

function branchToBranchIssues(v: VnetInfo, path: string): Issue[] {
  const rs = v.site.routeServer!;
  if (rs.branchToBranch !== true) {
    if (rs.routingPreference === undefined) return [];
    return [warning(`${path}.routingPreference`, 'a routing preference decides nothing without branch-to-branch', 'set branchToBranch true, or remove routingPreference')];
  }
  const { erGateway, vpnGateway } = v.site;
  if (erGateway === undefined && vpnGateway === undefined) {
    return [error(`${path}.branchToBranch`, `branch-to-branch exchanges routes with the gateways of "${v.id}", and it has none`, `add an erGateway or vpnGateway to "${v.id}", or remove branchToBranch`)];
  }
  if (vpnGateway === undefined) return [];
  const issues: Issue[] = [];
  if ((vpnGateway.asn ?? ROUTE_SERVER_ASN) !== ROUTE_SERVER_ASN) {
    issues.push(error(`${v.path}.vpnGateway.asn`, `a VPN gateway that exchanges routes with a Route Server must have ASN ${ROUTE_SERVER_ASN}, not ${vpnGateway.asn}`, `set the VPN gateway's asn to ${ROUTE_SERVER_ASN}, or turn branch-to-branch off`));
  }
  if (vpnGateway.instances === undefined) {
    issues.push(warning(`${v.path}.vpnGateway`, 'a VPN gateway that exchanges routes with a Route Server must be active-active', 'give the VPN gateway its two instances'));
  }
  return issues;
}

/** The appliance instances of a VNet by address, with their appliance's name and whether it runs BGP. */
function applianceInstances(m: Model, v: VnetInfo): Map<number, { appliance: string; address: string; bgp: boolean }> {
  const found = new Map<number, { appliance: string; address: string; bgp: boolean }>();
  for (const [appliance] of each(v.site.appliances, '')) {
    for (const [instance] of each(appliance.instances, '')) {
      const addr = m.ip.validAddress(instance.address);
      if (addr !== undefined && appliance.name !== undefined && !found.has(addr)) {
        found.set(addr, { appliance: appliance.name, address: instance.address!, bgp: appliance.bgp !== undefined });
      }
    }
  }
  return found;
}
