import { error, warning, type Issue } from '../issue.js';
import { containsAddress, type Prefix } from '../prefix.js';
import { GATEWAY_SUBNET, ROUTE_SERVER_SUBNET } from '../subnets.js';
import { reservation } from './asns.js';
import { each, inSpace, type Model, type VnetInfo } from './model.js';
import { nameList } from './name-list.js';
import { routeListIssues, usersOfRemoteVpnGateways } from './routes.js';
import { firstSeen } from './seen.js';
import { Vocabulary } from './spelling.js';
import { declaredSubnets } from './subnets.js';

/** Node names a VNet's parts take (`hub/ergw`): an appliance named so would share the node's name. */
const TAKEN_NAMES = new Set(['ergw', 'vpngw', 'routeserver', GATEWAY_SUBNET]);

/**
 * Network virtual appliances, as Azure can host them: each in a subnet its VNet lists (not the GatewaySubnet or
 * the RouteServerSubnet, which take no VMs), every instance's interface inside that subnet, instance addresses
 * unique, and the load balancer in front of them inside the VNet. Appliance names are failure unit ids
 * (`nva:NAME`), so unique in the file, and name nodes beside the gateways (`hub/NAME`). An appliance's BGP ASN
 * is one the Route Server accepts (route-server-faq: not 65515-65520, 12076, 8074, 8075, nor IANA's reserved
 * ones). Announcing with no Route Server peering announces nothing: a warning.
 */
export function applianceIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const nameSeen = firstSeen();
  const remoteVpn = usersOfRemoteVpnGateways(m);
  for (const v of m.vnets) {
    const addressSeen = firstSeen();
    const peered = new Set(each(v.site.routeServer?.peerings, '').map(([p]) => p.peerAddress));
    for (const [appliance, path] of each(v.site.appliances, `${v.path}.appliances`)) {
      const name = appliance.name;
      const earlier = name === undefined ? undefined : nameSeen(name, path);
      if (earlier !== undefined) issues.push(error(`${path}.name`, `appliance name "${name}" is already used at ${earlier}`, 'failure unit ids (nva:<name>) must be unique'));
      if (name !== undefined && (TAKEN_NAMES.has(name) || name.startsWith('nva-'))) {
        issues.push(error(`${path}.name`, `appliance name "${name}" would name the same node as a part of "${v.id}" (${v.id}/${name})`, 'choose another name: ergw, vpngw, routeserver, GatewaySubnet and nva-<address> are taken'));
      }
      const subnet = subnetOf(m, v, appliance.subnet, `${path}.subnet`, issues);
      for (const [instance, instancePath] of each(appliance.instances, `${path}.instances`)) {
        const addr = m.ip.validAddress(instance.address);
        if (addr === undefined) continue;
        const before = addressSeen(String(addr), instancePath);
        if (before !== undefined) issues.push(error(`${instancePath}.address`, `address "${instance.address}" is already an appliance interface, at ${before}`, 'give each instance its own address'));
        if (subnet?.prefix && !containsAddress(subnet.prefix, addr)) {
          issues.push(error(`${instancePath}.address`, `appliance address "${instance.address}" is outside its subnet "${subnet.name}" (${subnet.text})`, `use an address inside ${subnet.text}, or put the appliance in the subnet that holds ${instance.address}`));
        }
      }
      const lb = m.ip.validAddress(appliance.loadBalancerAddress);
      if (lb !== undefined && v.spaceComplete && !inSpace(v.space, lb)) {
        issues.push(error(`${path}.loadBalancerAddress`, `load balancer address "${appliance.loadBalancerAddress}" is outside "${v.id}"`, 'an internal load balancer has an address of its VNet: check it'));
      }
      issues.push(...bgpIssues(appliance.bgp, appliance.instances?.length ?? 0, peered, appliance.instances, path));
      issues.push(...routeListIssues(m, v, appliance.routes, `${path}.routes`, remoteVpn));
    }
  }
  return issues;
}

interface NamedSubnet {
  name: string;
  prefix: Prefix | undefined;
  text: string;
}

/** The appliance's subnet, or undefined after saying why it has none it can be in. */
function subnetOf(m: Model, v: VnetInfo, name: string | undefined, path: string, issues: Issue[]): NamedSubnet | undefined {
  if (name === undefined) return undefined;
  if (v.site.subnets === undefined) {
    issues.push(error(path, `"${v.id}" lists no subnets, so the appliance cannot be in "${name}"`, `list the subnets of "${v.id}" (subnets), with "${name}" among them`));
    return undefined;
  }
  const subnets = declaredSubnets(m, v);
  const found = subnets.find((s) => s.name === name);
  if (!found) {
    const names = subnets.map((s) => s.name);
    const guess = m.speller.didYouMean(name, new Vocabulary(names));
    issues.push(error(path, `"${v.id}" has no subnet "${name}"`, `${guess ? `${guess} ` : ''}subnets of "${v.id}": ${nameList(names)}`));
    return undefined;
  }
  if (name === GATEWAY_SUBNET || name === ROUTE_SERVER_SUBNET) {
    issues.push(error(path, `an appliance cannot be in the ${name}: Azure keeps it for its ${name === GATEWAY_SUBNET ? 'gateways' : 'Route Server'}`, 'put the appliance in a subnet of its own, such as AzureFirewallSubnet'));
    return undefined;
  }
  return { name, prefix: found.prefix, text: v.site.subnets.find((s) => s?.name === name)?.prefix ?? '' };
}

type LooseAppliance = NonNullable<NonNullable<VnetInfo['site']['appliances']>[number]>;

function bgpIssues(bgp: LooseAppliance['bgp'], instances: number, peered: ReadonlySet<string | undefined>, list: LooseAppliance['instances'], path: string): Issue[] {
  if (bgp === undefined) return [];
  const issues: Issue[] = [];
  const why = bgp.asn === undefined ? undefined : reservation('routeServerPeer', bgp.asn);
  if (why !== undefined) issues.push(error(`${path}.bgp.asn`, `ASN ${bgp.asn} is reserved`, `${why}: use another ASN, e.g. a private one from 64512 to 65514`));
  if ((bgp.prependAsPath?.length ?? 0) > instances) {
    issues.push(error(`${path}.bgp.prependAsPath`, `${bgp.prependAsPath!.length} prepend counts for ${instances} instance(s)`, 'give one count per instance, in the order of instances'));
  }
  if ((bgp.announces?.length ?? 0) > 0 && !(list ?? []).some((i) => peered.has(i?.address))) {
    issues.push(warning(`${path}.bgp`, 'no Route Server peering names an instance of this appliance, so what it announces reaches nothing', 'add a peering to the VNet\'s routeServer for each instance'));
  }
  return issues;
}
