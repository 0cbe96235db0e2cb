import { describe, expect, it } from 'vitest';
import { readAzureExport } from '../../../src/sources/azure/read-export.js';
import { readEstate } from '../../../src/sources/azure/read-estate.js';
import { Findings } from '../../../src/sources/findings.js';

const RG = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network';

function estateOf(...files: [string, unknown][]) {
  const findings = new Findings();
  const resources = files.flatMap(([file, value]) => readAzureExport(value, file).resources);
  return { estate: readEstate(resources, findings), findings };
}

const vnet = (name: string, space: string, extra: Record<string, unknown> = {}) => ({
  id: `${RG}/virtualNetworks/${name}`, name, type: 'Microsoft.Network/virtualNetworks',
  properties: { addressSpace: { addressPrefixes: [space] }, subnets: [], ...extra },
});

describe('readEstate()', () => {
  it('finds fields whatever their case: REST peerASN and privateIPAddress, older az peerAsn and privateIpAddress', () => {
    const circuit = (name: string, asnField: string) => ({
      id: `${RG}/expressRouteCircuits/${name}`, name, type: 'Microsoft.Network/expressRouteCircuits',
      peerings: [{ name: 'AzurePrivatePeering', peeringType: 'AzurePrivatePeering', [asnField]: 65001, primaryPeerAddressPrefix: '192.168.1.0/30' }],
    });
    const nic = (name: string, addressField: string) => ({
      id: `${RG}/networkInterfaces/${name}`, name, type: 'Microsoft.Network/networkInterfaces',
      ipConfigurations: [{ name: 'ipconfig1', [addressField]: '10.0.0.4', subnet: { id: `${RG}/virtualNetworks/v/subnets/default` } }],
    });
    const { estate } = estateOf(['az.json', [circuit('rest', 'peerASN'), circuit('cli', 'peerAsn'), nic('rest', 'privateIPAddress'), nic('cli', 'privateIpAddress')]]);
    expect(estate.circuits.map((c) => c.privatePeering?.peerAsn)).toEqual([65001, 65001]);
    expect(estate.nics.map((n) => n.ips.map((ip) => ip.address))).toEqual([['10.0.0.4'], ['10.0.0.4']]);
  });

  it('joins peerings exported on their own (az network vnet peering list) to their VNet', () => {
    const peering = {
      id: `${RG}/virtualNetworks/hub/virtualNetworkPeerings/hub-to-spoke`, name: 'hub-to-spoke', type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      allowGatewayTransit: true, peeringState: 'Connected', remoteVirtualNetwork: { id: `${RG}/virtualNetworks/spoke` }, resourceGroup: 'rg1',
    };
    const { estate } = estateOf(['vnets.json', [vnet('hub', '10.0.0.0/16')]], ['peerings.json', [peering]]);
    expect(estate.vnets[0]!.peerings).toEqual([{
      name: 'hub-to-spoke', remoteVnetId: `${RG}/virtualNetworks/spoke`,
      allowGatewayTransit: true, useRemoteGateways: false, allowVirtualNetworkAccess: true, state: 'Connected',
    }]);
  });

  it('notes a child whose parent is not in the export', () => {
    const orphan = { id: `${RG}/virtualNetworks/elsewhere/subnets/default`, name: 'default', type: 'Microsoft.Network/virtualNetworks/subnets', addressPrefix: '10.9.0.0/24' };
    const { findings } = estateOf(['subnets.json', [orphan]]);
    expect(findings.notes.map((n) => [n.kind, n.message])).toEqual([['not-mapped', `its parent ${RG}/virtualNetworks/elsewhere is not in the export`]]);
  });

  it('reads a resource exported twice once, from where it appears first, and says so', () => {
    const { estate, findings } = estateOf(['graph.json', [vnet('hub', '10.0.0.0/16')]], ['az.json', [vnet('hub', '10.0.0.0/16')]]);
    expect(estate.vnets).toHaveLength(1);
    expect(findings.notes.map((n) => [n.at.file, n.message])).toEqual([['az.json', 'also exported in graph.json: read from there']]);
  });

  it('notes resources of types the topology does not use, one by one', () => {
    const pip = { id: `${RG}/publicIPAddresses/gw-pip`, name: 'gw-pip', type: 'Microsoft.Network/publicIPAddresses', properties: {} };
    const { findings } = estateOf(['graph.json', [vnet('hub', '10.0.0.0/16'), pip]]);
    expect(findings.notes.map((n) => [n.kind, n.at.path, n.message])).toEqual([['skipped', pip.id, 'type Microsoft.Network/publicIPAddresses is not used by the topology']]);
  });

  it('counts references it does not follow, per file and field', () => {
    const withNsg = vnet('hub', '10.0.0.0/16', {
      subnets: [{ name: 'default', id: `${RG}/virtualNetworks/hub/subnets/default`, properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: `${RG}/networkSecurityGroups/nsg1` } } }],
    });
    const { findings } = estateOf(['graph.json', [withNsg]]);
    expect(findings.notes.map((n) => [n.at.file, n.message])).toEqual([['graph.json', 'references not followed, by field: networkSecurityGroup (1)']]);
  });

  it('reads gateway BGP addresses per instance, or from the comma-separated bgpPeeringAddress', () => {
    const gw = (name: string, bgpSettings: unknown) => ({
      id: `${RG}/virtualNetworkGateways/${name}`, name, type: 'Microsoft.Network/virtualNetworkGateways',
      properties: { gatewayType: 'Vpn', activeActive: true, ipConfigurations: [{ name: 'default', properties: { subnet: { id: `${RG}/virtualNetworks/hub/subnets/GatewaySubnet` } } }], bgpSettings },
    });
    const { estate } = estateOf(['gw.json', [
      gw('a', { asn: 65515, bgpPeeringAddresses: [{ defaultBgpIpAddresses: ['10.0.255.4'], customBgpIpAddresses: ['169.254.21.1'] }, { defaultBgpIpAddresses: ['10.0.255.5'] }] }),
      gw('b', { asn: 65515, bgpPeeringAddress: '10.0.255.4,10.0.255.5' }),
    ]]);
    expect(estate.gateways.map((g) => [g.vnetId, g.bgpInstances, g.activeActive])).toEqual([
      [`${RG}/virtualNetworks/hub`, [['10.0.255.4', '169.254.21.1'], ['10.0.255.5']], true],
      [`${RG}/virtualNetworks/hub`, [['10.0.255.4'], ['10.0.255.5']], true],
    ]);
  });

  it('refuses resources without what the topology needs, naming the resource', () => {
    const { findings } = estateOf(['graph.json', [
      { id: `${RG}/virtualNetworks/empty`, type: 'Microsoft.Network/virtualNetworks', name: 'empty' },
      { id: `${RG}/connections/c1`, type: 'Microsoft.Network/connections', name: 'c1', properties: { connectionType: 'IPsec' } },
    ]]);
    expect(findings.problems.map((p) => [p.at.path, p.message])).toEqual([
      [`${RG}/virtualNetworks/empty`, 'the virtual network has no IPv4 address space (addressSpace.addressPrefixes)'],
      [`${RG}/connections/c1`, 'the connection has no virtualNetworkGateway1.id'],
    ]);
  });
});
