import { describe, expect, it } from 'vitest';
import { importTopology, type ImportResult } from '../../../src/sources/import/import-topology.js';
import type { OnPremSite, Topology, VnetSite } from '../../../src/model/topology.js';
import { circuit, connection, files, gateway, id, localGateway, nic, peering, routeServer, routeTable, vnet } from './arm.js';

/** The hub every case starts from: 10.1.0.0/16 with a VM subnet and a GatewaySubnet. */
const HUB = vnet('hub', '10.1.0.0/16', [['default', '10.1.0.0/24'], ['GatewaySubnet', '10.1.255.0/27']]);

function ok(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
}

function vnetSite(t: Topology, siteId: string): VnetSite {
  return t.sites.find((s) => s.id === siteId) as VnetSite;
}

function onPremSite(t: Topology, siteId: string): OnPremSite {
  return t.sites.find((s) => s.id === siteId) as OnPremSite;
}

describe('importTopology(): VPN gateways and connections', () => {
  it('an active-active gateway: both instances, a tunnel to each from the CE\'s two sessions, one policy for both said so', () => {
    const gw = gateway('hub-vpngw', 'hub', 'Vpn', {
      asn: 65515, bgpPeeringAddresses: [{ defaultBgpIpAddresses: ['10.1.255.4'] }, { defaultBgpIpAddresses: ['10.1.255.5'] }],
    }, { activeActive: true });
    const lng = localGateway('office-lng', '203.0.113.10', ['192.168.100.1/32'], { asn: 65100, bgpPeeringAddress: '192.168.100.1' });
    const conn = connection('hub-to-office', 'IPsec', { virtualNetworkGateway1: gw.id, localNetworkGateway2: lng.id }, { enableBgp: true });
    const ce = [
      'hostname office-ce', //                                 1
      'interface Loopback0', //                                2
      ' ip address 192.168.100.1 255.255.255.255', //         3
      'router bgp 65100', //                                   4
      ' network 10.100.0.0 mask 255.255.0.0', //              5
      ' neighbor 10.1.255.4 remote-as 65515', //              6
      ' neighbor 10.1.255.4 update-source Loopback0', //      7
      ' neighbor 10.1.255.5 remote-as 65515', //              8
      ' neighbor 10.1.255.5 update-source Loopback0', //      9
    ].join('\n');
    const paths = files([['azure.json', [HUB, gw, lng, conn]], ['office.cfg', ce]]);
    const result = ok(importTopology(paths));
    expect(vnetSite(result.topology, 'hub').vpnGateway).toEqual({ asn: 65515, instances: [{ bgpAddress: '10.1.255.4' }, { bgpAddress: '10.1.255.5' }] });
    // One connection: the model runs its two tunnels (vpn:hub-to-office/0 and /1).
    expect(result.topology.vpnConnections).toEqual([{ name: 'hub-to-office', gateway: 'hub', peer: { ce: 'office-ce', address: '192.168.100.1' } }]);
    expect(result.topology.assumptions).toContainEqual(expect.stringMatching(
      /^vpn hub-to-office: the tunnel to 10\.1\.255\.5 \(the gateway's other instance\) uses the policy of the session with 10\.1\.255\.4 \(.*office\.cfg line 8\)$/,
    ));
    expect(result.notes.filter((n) => n.kind === 'not-expressible')).toEqual([]);
    expect(onPremSite(result.topology, 'office').prefixes).toEqual(['10.100.0.0/16']);
  });

  it('VNet-to-VNet: the two connection resources of a tunnel are one unit', () => {
    const a = gateway('a-gw', 'hub', 'Vpn', { asn: 65515, bgpPeeringAddress: '10.1.255.30' });
    const b = gateway('b-gw', 'branch', 'Vpn', { asn: 65010, bgpPeeringAddress: '10.2.255.30' });
    const there = connection('hub-to-branch', 'Vnet2Vnet', { virtualNetworkGateway1: a.id, virtualNetworkGateway2: b.id }, { enableBgp: true });
    const back = connection('branch-to-hub', 'Vnet2Vnet', { virtualNetworkGateway1: b.id, virtualNetworkGateway2: a.id }, { enableBgp: true });
    const branch = vnet('branch', '10.2.0.0/16', [['default', '10.2.0.0/24'], ['GatewaySubnet', '10.2.255.0/27']]);
    const result = ok(importTopology(files([['azure.json', [HUB, branch, a, b, there, back]]])));
    // Named after the first by name; its gateway1 is the unit's gateway.
    expect(result.topology.vpnConnections).toEqual([{ name: 'branch-to-hub', gateway: 'branch', peer: { vnet: 'hub' } }]);
  });

  it('VNet-to-VNet with one side missing from the export: disabled, and said so', () => {
    const a = gateway('a-gw', 'hub', 'Vpn', { asn: 65515 });
    const b = gateway('b-gw', 'branch', 'Vpn', { asn: 65010 });
    const there = connection('hub-to-branch', 'Vnet2Vnet', { virtualNetworkGateway1: a.id, virtualNetworkGateway2: b.id }, { enableBgp: true });
    const branch = vnet('branch', '10.2.0.0/16', [['default', '10.2.0.0/24']]);
    const result = ok(importTopology(files([['azure.json', [HUB, branch, a, b, there]]])));
    expect(result.topology.vpnConnections).toEqual([{ name: 'hub-to-branch', gateway: 'hub', peer: { vnet: 'branch' }, enabled: false }]);
    expect(result.topology.assumptions).toContain('vpn hub-to-branch is imported as disabled: the connection from branch back to hub is not in the export, and a VNet-to-VNet tunnel needs both');
  });

  it('a static connection to a local network gateway no configuration matches: a site of its own', () => {
    const gw = gateway('hub-vpngw', 'hub', 'Vpn');
    const lng = localGateway('branch-lng', '198.51.100.7', ['10.50.0.0/24']);
    const conn = connection('hub-to-branch', 'IPsec', { virtualNetworkGateway1: gw.id, localNetworkGateway2: lng.id }, { enableBgp: false });
    const result = ok(importTopology(files([['azure.json', [HUB, gw, lng, conn]]])));
    expect(onPremSite(result.topology, 'branch')).toEqual({
      kind: 'onprem', id: 'branch', prefixes: ['10.50.0.0/24'], testAddresses: ['10.50.0.1'],
      routers: [{ id: 'branch-lng', asn: 64512, routerId: '198.51.100.7', networks: [] }],
    });
    expect(result.topology.vpnConnections).toEqual([
      { name: 'hub-to-branch', gateway: 'hub', peer: { ce: 'branch-lng' }, bgp: false, localNetworkPrefixes: ['10.50.0.0/24'] },
    ]);
    expect(result.topology.assumptions!.find((a) => a.startsWith('on-premises router branch-lng'))).toContain('ASN 64512 (none in the export; unused without BGP)');
  });

  it('a static connection whose local network gateway has a CE\'s interface address: that CE is the peer', () => {
    const gw = gateway('hub-vpngw', 'hub', 'Vpn');
    const lng = localGateway('shop-lng', '198.51.100.7', ['10.50.0.0/24']);
    const conn = connection('hub-to-shop', 'IPsec', { virtualNetworkGateway1: gw.id, localNetworkGateway2: lng.id }, { enableBgp: false });
    const ce = ['hostname shop-ce', 'interface Gi0/0', ' ip address 198.51.100.7 255.255.255.0', 'router bgp 65050', ' network 10.50.0.0 mask 255.255.255.0'].join('\n');
    const result = ok(importTopology(files([['azure.json', [HUB, gw, lng, conn]], ['shop.cfg', ce]])));
    expect(result.topology.vpnConnections).toEqual([
      { name: 'hub-to-shop', gateway: 'hub', peer: { ce: 'shop-ce' }, bgp: false, localNetworkPrefixes: ['10.50.0.0/24'] },
    ]);
  });

  it('a BGP local network gateway with an address space and no configuration: a router that announces that space', () => {
    const gw = gateway('hub-vpngw', 'hub', 'Vpn', { asn: 65515, bgpPeeringAddress: '10.1.255.30' });
    const lng = localGateway('dc-lng', '198.51.100.9', ['192.168.200.1/32', '10.70.0.0/16'], { asn: 65200, bgpPeeringAddress: '192.168.200.1' });
    const conn = connection('hub-to-dc', 'IPsec', { virtualNetworkGateway1: gw.id, localNetworkGateway2: lng.id }, { enableBgp: true });
    const result = ok(importTopology(files([['azure.json', [HUB, gw, lng, conn]]])));
    expect(onPremSite(result.topology, 'dc').routers).toEqual([{ id: 'dc-lng', asn: 65200, routerId: '192.168.200.1', networks: ['10.70.0.0/16'] }]);
    expect(result.topology.vpnConnections).toEqual([{ name: 'hub-to-dc', gateway: 'hub', peer: { ce: 'dc-lng', address: '192.168.200.1' } }]);
  });

  it('a BGP local network gateway that holds only its peer address and matches no configuration: noted, its connection left out', () => {
    const gw = gateway('hub-vpngw', 'hub', 'Vpn', { asn: 65515, bgpPeeringAddress: '10.1.255.30' });
    const lng = localGateway('dc-lng', '198.51.100.9', ['192.168.200.1/32'], { asn: 65200, bgpPeeringAddress: '192.168.200.1' });
    const conn = connection('hub-to-dc', 'IPsec', { virtualNetworkGateway1: gw.id, localNetworkGateway2: lng.id }, { enableBgp: true });
    const result = ok(importTopology(files([['azure.json', [HUB, gw, lng, conn]]])));
    expect(result.topology.vpnConnections).toBeUndefined();
    expect(result.notes.filter((n) => n.kind === 'not-mapped').map((n) => n.at.path)).toEqual([lng.id]);
  });
});

describe('importTopology(): VNets', () => {
  it('test addresses: the lowest network interface address of each subnet; without one, the fifth address of the first VM subnet', () => {
    const hub = vnet('hub', '10.1.0.0/16', [['default', '10.1.0.0/24'], ['app', '10.1.1.0/24']]);
    const spoke = vnet('spoke', '10.2.0.0/16', [['AzureBastionSubnet', '10.2.0.0/26'], ['workload', '10.2.1.0/24']]);
    const nics = [nic('vm1', '10.1.0.9', 'hub'), nic('vm2', '10.1.0.5', 'hub'), nic('vm3', '10.1.1.7', 'hub', 'app')];
    const result = ok(importTopology(files([['azure.json', [hub, spoke, ...nics]]])));
    expect(vnetSite(result.topology, 'hub').testAddresses).toEqual(['10.1.0.5', '10.1.1.7']);
    // Azure keeps .0 to .3 of a subnet; the bastion subnet holds no VM.
    expect(vnetSite(result.topology, 'spoke').testAddresses).toEqual(['10.2.1.4']);
  });

  it('route tables: each with the subnets it is on, every next hop type; the VNet lists its subnets; service tags noted', () => {
    const table = routeTable('rt1', [
      { name: 'to-nva', addressPrefix: '10.200.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.1.0.10' },
      { name: 'blackhole', addressPrefix: '10.201.0.0/16', nextHopType: 'None' },
      { name: 'internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
      { name: 'local', addressPrefix: '10.1.0.0/24', nextHopType: 'VnetLocal' },
      { name: 'storage', addressPrefix: 'Storage', nextHopType: 'Internet' },
    ], [`${id('virtualNetworks', 'hub')}/subnets/default`], true);
    const result = ok(importTopology(files([['azure.json', [HUB, table]]])));
    expect(result.topology.routeTables).toEqual([{
      name: 'rt1',
      subnets: ['hub/default'],
      disableBgpRoutePropagation: true,
      routes: [
        { name: 'to-nva', prefix: '10.200.0.0/16', nextHopType: 'VirtualAppliance', nextHopAddress: '10.1.0.10' },
        { name: 'blackhole', prefix: '10.201.0.0/16', nextHopType: 'None' },
        { name: 'internet', prefix: '0.0.0.0/0', nextHopType: 'Internet' },
        { name: 'local', prefix: '10.1.0.0/24', nextHopType: 'VnetLocal' },
      ],
    }]);
    expect(vnetSite(result.topology, 'hub').subnets).toEqual([{ name: 'default', prefix: '10.1.0.0/24' }, { name: 'GatewaySubnet', prefix: '10.1.255.0/27' }]);
    expect(vnetSite(result.topology, 'hub').routeTable).toBeUndefined();
    expect(result.notes.filter((n) => n.kind === 'not-expressible').map((n) => n.message)).toEqual([
      'route storage (Storage -> Internet) is not imported: the format holds IPv4 prefixes (no service tags), and a VirtualAppliance route needs its address',
    ]);
  });

  it('a GatewaySubnet table steering a spoke to an interface with IP forwarding: a firewall appliance, not a test address', () => {
    const hub = vnet('hub', '10.1.0.0/16', [['default', '10.1.0.0/24'], ['AzureFirewallSubnet', '10.1.1.0/26'], ['GatewaySubnet', '10.1.255.0/27']]);
    const toSpoke = routeTable('to-spoke', [{ name: 'spoke', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.1.1.4' }],
      [`${id('virtualNetworks', 'hub')}/subnets/GatewaySubnet`]);
    const nics = [nic('fw-nic', '10.1.1.4', 'hub', 'AzureFirewallSubnet', { enableIPForwarding: true, virtualMachine: { id: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/fw1' } }), nic('vm1', '10.1.0.5', 'hub')];
    const result = ok(importTopology(files([['azure.json', [hub, toSpoke, gateway('hub-ergw', 'hub', 'ExpressRoute'), ...nics]]])));
    const site = vnetSite(result.topology, 'hub');
    expect(site.appliances).toEqual([{ name: 'fw1', subnet: 'AzureFirewallSubnet', instances: [{ address: '10.1.1.4' }] }]);
    expect(site.testAddresses).toEqual(['10.1.0.5']);
    expect(result.topology.routeTables?.[0]?.subnets).toEqual(['hub/GatewaySubnet']);
  });

  it('a Route Server: its VNet by its subnet, branch-to-branch and preference, a peering per BGP connection to an appliance; a Virtual WAN hub noted', () => {
    const hub = vnet('hub', '10.1.0.0/16', [['default', '10.1.0.0/24'], ['nva', '10.1.1.0/24'], ['RouteServerSubnet', '10.1.2.0/27'], ['GatewaySubnet', '10.1.255.0/27']]);
    const rs = routeServer('rs', 'hub', ['10.1.2.4', '10.1.2.5'], { allowBranchToBranchTraffic: true, hubRoutingPreference: 'ASPath' },
      [['sdwan-0', '10.1.1.4', 65010], ['ghost', '10.1.1.99', 65010]]);
    const vwanHub = { id: id('virtualHubs', 'vwan-hub'), name: 'vwan-hub', type: 'Microsoft.Network/virtualHubs', properties: { virtualWan: { id: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualWans/w' } } };
    const nics = [nic('sdwan-0', '10.1.1.4', 'hub', 'nva'), nic('vm1', '10.1.0.5', 'hub')];
    const result = ok(importTopology(files([['azure.json', [hub, rs, vwanHub, gateway('hub-ergw', 'hub', 'ExpressRoute'), ...nics]]])));
    const site = vnetSite(result.topology, 'hub');
    expect(site.routeServer).toEqual({ peerAddresses: ['10.1.2.4', '10.1.2.5'], branchToBranch: true, routingPreference: 'ASPath', peerings: [{ name: 'sdwan-0', peerAddress: '10.1.1.4' }] });
    expect(site.appliances).toEqual([{ name: 'sdwan-0', subnet: 'nva', instances: [{ address: '10.1.1.4' }], bgp: { asn: 65010, announces: [] } }]);
    expect(result.topology.assumptions).toContain('appliance sdwan-0 peers with the Route Server of hub as AS 65010: what it announces is in its own configuration, which the export does not hold; none imported (add bgp.announces)');
    const notes = result.notes.filter((n) => n.kind === 'not-mapped').map((n) => n.message);
    expect(notes).toContain('BGP connection ghost: no network interface of hub has its peer IP 10.1.1.99');
    expect(notes).toContain('a Virtual WAN hub (it names its virtualWan): Virtual WAN is not modelled');
  });

  it('a Route Server\'s BGP connections exported on their own (az network routeserver peering list) join it', () => {
    const hub = vnet('hub', '10.1.0.0/16', [['default', '10.1.0.0/24'], ['nva', '10.1.1.0/24'], ['RouteServerSubnet', '10.1.2.0/27']]);
    const rs = routeServer('rs', 'hub', ['10.1.2.4', '10.1.2.5'], {}, []);
    const peer = { id: `${id('virtualHubs', 'rs')}/bgpConnections/nva0`, name: 'nva0', type: 'Microsoft.Network/virtualHubs/bgpConnections', peerIp: '10.1.1.4', peerAsn: 65020 };
    const result = ok(importTopology(files([['hub.json', [hub, rs, nic('nva0', '10.1.1.4', 'hub', 'nva'), nic('vm', '10.1.0.4', 'hub')]], ['peers.json', [peer]]])));
    expect(vnetSite(result.topology, 'hub').routeServer?.peerings).toEqual([{ name: 'nva0', peerAddress: '10.1.1.4' }]);
  });

  it('a peering whose other side is missing is disabled', () => {
    const a = vnet('a', '10.1.0.0/16', [['default', '10.1.0.0/24']], [peering('a', 'b', { peeringState: 'Initiated' })]);
    const b = vnet('b', '10.2.0.0/16', [['default', '10.2.0.0/24']]);
    const result = ok(importTopology(files([['azure.json', [a, b]]])));
    expect(result.topology.peerings).toEqual([{ name: 'a-b', sides: [{ vnet: 'a' }, { vnet: 'b' }], enabled: false }]);
    expect(result.topology.assumptions).toContain('peering a-b is imported as disabled: b has no peering back to a (a peering carries traffic once both sides are Connected)');
  });
});

describe('importTopology(): ExpressRoute', () => {
  const gw = gateway('hub-ergw', 'hub', 'ExpressRoute');
  const er = circuit('er', 65060, '172.16.0.0/30', '172.16.0.4/30');
  const conn = connection('er-hub', 'ExpressRoute', { virtualNetworkGateway1: gw.id, peer: er.id });
  const ce = (name: string, neighbor: string, extra: string[]) => [
    `hostname ${name}`, 'router bgp 65060', ' network 10.60.0.0 mask 255.255.255.0', ` neighbor ${neighbor} remote-as 12076`, ...extra,
  ].join('\n');

  it('links from the /30s: the CE peering with the second usable address; a shut neighbour and a wrong remote-as take the link down', () => {
    const paths = files([
      ['azure.json', [HUB, gw, er, conn]],
      ['ce1.cfg', ce('site-ce1', '172.16.0.2', [' neighbor 172.16.0.2 shutdown'])],
      ['ce2.cfg', ce('site-ce2', '172.16.0.6', []).replace('remote-as 12076', 'remote-as 12077')],
    ]);
    const result = ok(importTopology(paths));
    expect(result.topology.erCircuits).toEqual([{
      name: 'er', sku: 'Standard',
      links: [
        { name: 'er-primary', role: 'primary', ce: 'site-ce1', ceAddress: '172.16.0.1', mseeAddress: '172.16.0.2', enabled: false },
        { name: 'er-secondary', role: 'secondary', ce: 'site-ce2', ceAddress: '172.16.0.5', mseeAddress: '172.16.0.6', enabled: false },
      ],
      connections: [{ name: 'er-hub', vnet: 'hub' }],
    }]);
    expect(result.topology.assumptions!.filter((a) => a.startsWith('er-link'))).toEqual([
      `er-link er-primary is imported as disabled: neighbor 172.16.0.2 shutdown (${paths[1]} line 4)`,
      `er-link er-secondary is imported as disabled: remote-as 12077, but the MSEE's ASN is 12076 (${paths[2]} line 4)`,
    ]);
    // Both CEs announce 10.60.0.0/24: one site, named after them.
    expect(onPremSite(result.topology, 'site').routers.map((r) => r.id)).toEqual(['site-ce1', 'site-ce2']);
  });

  it('Global Reach: one unit per pair of circuits, whichever side holds the connection', () => {
    const peeringOf = (c: string) => `${id('expressRouteCircuits', c)}/peerings/AzurePrivatePeering`;
    const grConn = (name: string, from: string, to: string) => ({
      name, id: `${peeringOf(from)}/connections/${name}`,
      properties: { expressRouteCircuitPeering: { id: peeringOf(from) }, peerExpressRouteCircuitPeering: { id: peeringOf(to) }, addressPrefix: '192.168.8.0/29' },
    });
    const c1 = circuit('c1', 65001, '172.16.1.0/30', '172.16.1.4/30', [grConn('c1-c2', 'c1', 'c2')]);
    const c2 = circuit('c2', 65002, '172.16.2.0/30', '172.16.2.4/30', [grConn('c2-c1', 'c2', 'c1')]);
    const result = ok(importTopology(files([['azure.json', [HUB, c1, c2]]])));
    expect(result.topology.globalReach).toEqual([{ name: 'c1-c2', circuits: ['c1', 'c2'] }]);
  });
});

describe('importTopology(): bad input', () => {
  it('names every connection whose gateway is missing from the export, with its id', () => {
    const lng = localGateway('office-lng', '203.0.113.10', ['10.100.0.0/16']);
    const missing = id('virtualNetworkGateways', 'hub-vpngw');
    const conn = connection('hub-to-office', 'IPsec', { virtualNetworkGateway1: missing, localNetworkGateway2: lng.id });
    const erConn = connection('er-hub', 'ExpressRoute', { virtualNetworkGateway1: id('virtualNetworkGateways', 'hub-ergw'), peer: id('expressRouteCircuits', 'gone') });
    const [file] = files([['azure.json', [HUB, lng, conn, erConn]]]);
    const result = importTopology([file!]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.at.file, p.at.path, p.message])).toEqual([
      [file, erConn.id, `its gateway ${id('virtualNetworkGateways', 'hub-ergw')} is not in the export`],
      [file, conn.id, `its gateway ${missing} is not in the export`],
    ]);
  });

  it('a topology the model refuses is reported at the configuration line it came from', () => {
    const gw = gateway('hub-ergw', 'hub', 'ExpressRoute');
    const er = circuit('er', 65516, '172.16.0.0/30', '172.16.0.4/30');
    const conn = connection('er-hub', 'ExpressRoute', { virtualNetworkGateway1: gw.id, peer: er.id });
    const [, cfg] = files([['azure.json', [HUB, gw, er, conn]], ['ce.cfg', 'hostname ce\nrouter bgp 65516\n network 10.60.0.0 mask 255.255.255.0\n neighbor 172.16.0.2 remote-as 12076']]);
    const result = importTopology([cfg!.replace('ce.cfg', 'azure.json'), cfg!]);
    expect(!result.ok && result.problems.map((p) => [p.at.file, p.at.line, p.message])).toEqual([
      [cfg, 2, 'the imported topology is not valid at $.sites[1].routers[0].asn: ASN 65516 is reserved'],
    ]);
  });

  it('without a virtual network there is nothing to import', () => {
    const [cfg] = files([['ce.cfg', 'hostname ce\nrouter bgp 65001\n network 10.60.0.0 mask 255.255.255.0']]);
    const result = importTopology([cfg!]);
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual(['no virtual network in the input: nothing to build a topology on']);
  });
});
