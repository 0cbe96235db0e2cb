import { compileTopology } from '../src/model/compile.js';
import type { CompiledTopology } from '../src/model/compiled.js';
import { formatAddress, parsePrefix } from '../src/model/prefix.js';
import type { Topology, UserRoute, VnetSite } from '../src/model/topology.js';
import { validateTopology } from '../src/model/validate.js';

/**
 * Generated estates made harder for property tests: user-defined routes through appliances, null routes, loops,
 * a Route Server.
 */

export function compile(topology: Topology): CompiledTopology {
  const result = validateTopology(JSON.parse(JSON.stringify(topology)));
  if (!result.ok) throw new Error(`mutated topology is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return compileTopology(result.topology);
}

/**
 * Random routing on top of the generated estate (whose even regions already have a firewall hub): one or two
 * user-defined routes on about half the spokes, pointing at the hub's firewall pair (an instance, or its load
 * balancer), at an appliance the file does not declare, or nowhere, sometimes with gateway route propagation
 * off; the first spoke always gets the looping one. Region 1's hub gets a Route Server whose appliance pair
 * announces random prefixes (a default route, an on-premises summary, a spoke's range it must refuse), with
 * branch-to-branch and a routing preference at random. A firewall hub may lose its GatewaySubnet table.
 */
export function withRandomRoutes(topology: Topology, random: () => number): Topology {
  const vnets = topology.sites.filter((s): s is VnetSite => s.kind === 'vnet');
  const onPrem = topology.sites.flatMap((s) => (s.kind === 'onprem' ? s.prefixes : []));
  const tables = topology.routeTables ?? [];
  addRouteServer(vnets.find((v) => v.id === 'r1-hub')!, vnets, random);
  if (random() < 0.3) topology.routeTables = tables.filter((t) => !t.subnets.some((ref) => ref.endsWith('/GatewaySubnet')));
  vnets.filter((v) => v.id.includes('-spoke-')).forEach((spoke, i) => {
    if (i > 0 && random() < 0.5) return;
    const hub = vnets.find((v) => v.id === `${spoke.id.split('-')[0]}-hub`)!;
    const undeclared = formatAddress(parsePrefix(hub.addressSpace[0]!).net + 100);
    const declared = hub.appliances?.[0];
    const appliance = declared ? [declared.loadBalancerAddress ?? undeclared, declared.instances[0]!.address][Math.floor(random() * 2)]! : undeclared;
    const own = parsePrefix(spoke.addressSpace[0]!);
    const choices: UserRoute[] = [
      { name: 'spokes-via-hub', prefix: `${formatAddress(own.net & 0xffff0000)}/16`, nextHopType: 'VirtualAppliance', nextHopAddress: appliance },
      { name: 'blackhole', prefix: onPrem[Math.floor(random() * onPrem.length)]!, nextHopType: 'None' },
      { name: 'default-to-hub', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopAddress: random() < 0.5 ? appliance : undeclared },
      { name: 'own-range-to-hub', prefix: `${formatAddress(own.net)}/${own.len + 1}`, nextHopType: 'VirtualAppliance', nextHopAddress: undeclared },
    ];
    const routes = [...new Set([i === 0 ? 3 : Math.floor(random() * 4), Math.floor(random() * 4)])].map((k) => choices[k]!);
    const table = { ...(random() < 0.3 && { disableBgpRoutePropagation: true }), routes };
    if (spoke.subnets === undefined) {
      spoke.routeTable = table;
      return;
    }
    // A spoke of a firewall hub has its subnet in the region's shared table: it gets one of its own.
    const ref = `${spoke.id}/${spoke.subnets[0]!.name}`;
    for (const t of topology.routeTables ?? []) t.subnets = t.subnets.filter((s) => s !== ref);
    topology.routeTables = [...(topology.routeTables ?? []), { name: `${spoke.id}-own`, subnets: [ref], ...table }];
  });
  return topology;
}

/** A Route Server in the hub with an appliance pair announcing random prefixes, some of which it must refuse. */
function addRouteServer(hub: VnetSite, vnets: readonly VnetSite[], random: () => number): void {
  const spoke = vnets.find((v) => v.id.startsWith('r1-spoke-'))!;
  const announces = ['0.0.0.0/0', '172.16.0.0/12', spoke.addressSpace[0]!].filter(() => random() < 0.6);
  hub.subnets = [
    { name: 'vms', prefix: '10.1.0.0/24' },
    { name: 'nva', prefix: '10.1.1.0/26' },
    { name: 'RouteServerSubnet', prefix: '10.1.2.0/27' },
    { name: 'GatewaySubnet', prefix: '10.1.3.0/24' },
  ];
  hub.appliances = [{
    name: 'r1-nva', subnet: 'nva', instances: [{ address: '10.1.1.4' }, { address: '10.1.1.5' }],
    bgp: { asn: 65010, announces, prependAsPath: [0, Math.floor(random() * 2)] },
  }];
  hub.routeServer = {
    peerAddresses: ['10.1.2.4', '10.1.2.5'],
    ...(random() < 0.5 && { branchToBranch: true, routingPreference: (['ExpressRoute', 'VpnGateway', 'ASPath'] as const)[Math.floor(random() * 3)]! }),
    peerings: [{ name: 'r1-nva-0', peerAddress: '10.1.1.4' }, { name: 'r1-nva-1', peerAddress: '10.1.1.5' }],
  };
}
