import { error, type Issue } from '../issue.js';
import { isProblem } from './ip.js';
import type { LooseTopology } from './loose.js';
import { each, type Model } from './model.js';

interface AddressField {
  path: string;
  text: string;
  kind: 'address' | 'prefix';
}

/**
 * Every address and prefix in the file must parse as IPv4, and a prefix must have no host bits set: Azure
 * rejects "10.1.0.1/16" in an address space, a route or a local network gateway, and so does this model, which
 * would otherwise silently mask it into a different network than the one written. The hint gives the fix.
 */
export function addressIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const field of addressFields(m.t)) {
    const issue = field.kind === 'prefix' ? prefixIssue(m, field) : addressIssue(m, field);
    if (issue) issues.push(issue);
  }
  return issues;
}

function prefixIssue(m: Model, { text, path }: AddressField): Issue | undefined {
  const parsed = m.ip.prefix(text);
  if (!isProblem(parsed)) return undefined;
  const { problem } = parsed;
  const network = /the network address is (\S+)$/.exec(problem)?.[1];
  if (network !== undefined) return error(path, problem, `write ${network}/${text.split('/')[1]}`);
  const hint = text.includes('/') ? 'write a prefix such as 10.1.0.0/16' : `add the prefix length, e.g. ${text}/24`;
  return error(path, `"${text}" is not a valid IPv4 prefix: ${lowerFirst(problem)}`, hint);
}

function addressIssue(m: Model, { text, path }: AddressField): Issue | undefined {
  const parsed = m.ip.address(text);
  if (!isProblem(parsed)) return undefined;
  const { problem } = parsed;
  const hint = text.includes('/') ? 'write the address without a prefix length' : 'write an address such as 10.1.0.4';
  return error(path, `"${text}" is not a valid IPv4 address: ${lowerFirst(problem)}`, hint);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

type LooseRoutes = NonNullable<NonNullable<LooseTopology['routeTables']>[number]>['routes'];

function* routeFields(routes: LooseRoutes, path: string): Generator<AddressField> {
  for (const [route, routePath] of each(routes, path)) {
    if (route.prefix !== undefined) yield { kind: 'prefix', text: route.prefix, path: `${routePath}.prefix` };
    if (route.nextHopAddress !== undefined) yield { kind: 'address', text: route.nextHopAddress, path: `${routePath}.nextHopAddress` };
  }
}

/** Every address and prefix field of the file. */
function* addressFields(t: LooseTopology): Generator<AddressField> {
  const one = (kind: AddressField['kind'], text: string | undefined, path: string): AddressField[] =>
    text === undefined ? [] : [{ kind, text, path }];
  const many = (kind: AddressField['kind'], list: (string | undefined)[] | undefined, path: string) =>
    each(list, path).map(([text, p]) => ({ kind, text, path: p }));
  for (const [site, path] of each(t.sites, '$.sites')) {
    // A site of unknown kind is not judged: the schema could not check the shape of its fields either.
    if (site.kind !== 'vnet' && site.kind !== 'onprem') continue;
    yield* many('address', site.testAddresses, `${path}.testAddresses`);
    if (site.kind === 'vnet') {
      yield* many('prefix', site.addressSpace, `${path}.addressSpace`);
      yield* one('address', site.erGateway?.address, `${path}.erGateway.address`);
      yield* one('address', site.vpnGateway?.bgpAddress, `${path}.vpnGateway.bgpAddress`);
      yield* one('address', site.vpnGateway?.address, `${path}.vpnGateway.address`);
      for (const [instance, instancePath] of each(site.vpnGateway?.instances, `${path}.vpnGateway.instances`)) {
        yield* one('address', instance.bgpAddress, `${instancePath}.bgpAddress`);
        yield* one('address', instance.address, `${instancePath}.address`);
      }
      yield* routeFields(site.routeTable?.routes, `${path}.routeTable.routes`);
      for (const [subnet, subnetPath] of each(site.subnets, `${path}.subnets`)) yield* one('prefix', subnet.prefix, `${subnetPath}.prefix`);
      for (const [appliance, appliancePath] of each(site.appliances, `${path}.appliances`)) {
        for (const [instance, instancePath] of each(appliance.instances, `${appliancePath}.instances`)) {
          yield* one('address', instance.address, `${instancePath}.address`);
        }
        yield* one('address', appliance.loadBalancerAddress, `${appliancePath}.loadBalancerAddress`);
        yield* routeFields(appliance.routes, `${appliancePath}.routes`);
        yield* many('prefix', appliance.bgp?.announces, `${appliancePath}.bgp.announces`);
      }
      yield* many('address', site.routeServer?.peerAddresses, `${path}.routeServer.peerAddresses`);
      for (const [peering, peeringPath] of each(site.routeServer?.peerings, `${path}.routeServer.peerings`)) {
        yield* one('address', peering.peerAddress, `${peeringPath}.peerAddress`);
      }
    } else if (site.kind === 'onprem') {
      yield* many('prefix', site.prefixes, `${path}.prefixes`);
      yield* one('address', site.address, `${path}.address`);
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) {
        yield* one('address', ce.routerId, `${cePath}.routerId`);
        yield* one('address', ce.address, `${cePath}.address`);
        yield* many('prefix', ce.networks, `${cePath}.networks`);
      }
    }
  }
  for (const [table, path] of each(t.routeTables, '$.routeTables')) yield* routeFields(table.routes, `${path}.routes`);
  for (const [c, path] of each(t.vpnConnections, '$.vpnConnections')) {
    yield* many('prefix', c.localNetworkPrefixes, `${path}.localNetworkPrefixes`);
    yield* many('prefix', c.peerStaticRoutes, `${path}.peerStaticRoutes`);
    if (c.peer && 'ce' in c.peer) {
      yield* one('address', c.peer.address, `${path}.peer.address`);
      yield* many('prefix', c.peer.policy?.outbound?.prefixList, `${path}.peer.policy.outbound.prefixList`);
    }
  }
  for (const [circuit, path] of each(t.erCircuits, '$.erCircuits')) {
    for (const [link, linkPath] of each(circuit.links, `${path}.links`)) {
      yield* one('address', link.ceAddress, `${linkPath}.ceAddress`);
      yield* one('address', link.mseeAddress, `${linkPath}.mseeAddress`);
      yield* many('prefix', link.cePolicy?.outbound?.prefixList, `${linkPath}.cePolicy.outbound.prefixList`);
    }
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      yield* one('address', conn.gatewayAddress, `${connPath}.gatewayAddress`);
    }
  }
}
