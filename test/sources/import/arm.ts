import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Small ARM resources in the REST shape (properties nested), with only the fields the importer reads (names as
 * in the REST API specs' examples), for importer tests. Everything sits in one resource group.
 */
export const RG = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network';
export const id = (type: string, name: string) => `${RG}/${type}/${name}`;

type Json = Record<string, unknown>;

export function vnet(name: string, space: string, subnets: [string, string][], peerings: Json[] = []): Json {
  return {
    id: id('virtualNetworks', name), name, type: 'Microsoft.Network/virtualNetworks',
    properties: {
      addressSpace: { addressPrefixes: [space] },
      subnets: subnets.map(([sub, prefix]) => ({ name: sub, id: `${id('virtualNetworks', name)}/subnets/${sub}`, properties: { addressPrefix: prefix } })),
      virtualNetworkPeerings: peerings,
    },
  };
}

export function peering(local: string, remote: string, flags: Json = {}): Json {
  return {
    name: `${local}-to-${remote}`, id: `${id('virtualNetworks', local)}/virtualNetworkPeerings/${local}-to-${remote}`,
    properties: { remoteVirtualNetwork: { id: id('virtualNetworks', remote) }, peeringState: 'Connected', allowVirtualNetworkAccess: true, ...flags },
  };
}

export function gateway(name: string, vnetName: string, gatewayType: 'Vpn' | 'ExpressRoute', bgpSettings?: Json, extra: Json = {}): Json {
  return {
    id: id('virtualNetworkGateways', name), name, type: 'Microsoft.Network/virtualNetworkGateways',
    properties: {
      gatewayType, ...extra, ...(bgpSettings && { bgpSettings }),
      ipConfigurations: [{ name: 'default', properties: { subnet: { id: `${id('virtualNetworks', vnetName)}/subnets/GatewaySubnet` } } }],
    },
  };
}

export function connection(name: string, connectionType: string, refs: Json, extra: Json = {}): Json {
  const ref = (v: unknown) => ({ id: v });
  const properties: Json = { connectionType, routingWeight: 0, ...extra };
  for (const [k, v] of Object.entries(refs)) properties[k] = ref(v);
  return { id: id('connections', name), name, type: 'Microsoft.Network/connections', properties };
}

export function localGateway(name: string, gatewayIpAddress: string, prefixes: string[], bgpSettings?: Json): Json {
  return {
    id: id('localNetworkGateways', name), name, type: 'Microsoft.Network/localNetworkGateways',
    properties: { gatewayIpAddress, localNetworkAddressSpace: { addressPrefixes: prefixes }, ...(bgpSettings && { bgpSettings }) },
  };
}

export function circuit(name: string, peerASN: number, primary: string, secondary: string, connections: Json[] = []): Json {
  return {
    id: id('expressRouteCircuits', name), name, type: 'Microsoft.Network/expressRouteCircuits',
    sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' },
    properties: {
      peerings: [{
        name: 'AzurePrivatePeering', id: `${id('expressRouteCircuits', name)}/peerings/AzurePrivatePeering`,
        properties: { peeringType: 'AzurePrivatePeering', peerASN, primaryPeerAddressPrefix: primary, secondaryPeerAddressPrefix: secondary, state: 'Enabled', connections },
      }],
    },
  };
}

export function nic(name: string, address: string, vnetName: string, subnet = 'default', extra: Json = {}): Json {
  return {
    id: id('networkInterfaces', name), name, type: 'Microsoft.Network/networkInterfaces',
    properties: { ...extra, ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAddress: address, subnet: { id: `${id('virtualNetworks', vnetName)}/subnets/${subnet}` } } }] },
  };
}

/** A Route Server: a virtualHubs resource with no virtualWan, its IP configuration in the VNet's RouteServerSubnet. */
export function routeServer(name: string, vnetName: string, routerIps: string[], settings: Json, peers: [string, string, number][]): Json {
  const hub = id('virtualHubs', name);
  return {
    id: hub, name, type: 'Microsoft.Network/virtualHubs',
    properties: {
      sku: 'Standard', virtualRouterAsn: 65515, virtualRouterIps: routerIps, ...settings,
      ipConfigurations: [{ name: 'ipconfig1', id: `${hub}/ipConfigurations/ipconfig1`, properties: { subnet: { id: `${id('virtualNetworks', vnetName)}/subnets/RouteServerSubnet` } } }],
      bgpConnections: peers.map(([peer, peerIp, peerAsn]) => ({ name: peer, id: `${hub}/bgpConnections/${peer}`, properties: { peerIp, peerAsn } })),
    },
  };
}

export function routeTable(name: string, routes: Json[], subnets: string[], disableBgpRoutePropagation = false): Json {
  return {
    id: id('routeTables', name), name, type: 'Microsoft.Network/routeTables',
    properties: {
      disableBgpRoutePropagation,
      routes: routes.map((r) => ({ name: r.name, properties: { ...r, name: undefined } })),
      subnets: subnets.map((s) => ({ id: s })),
    },
  };
}

/** Writes each [name, content] to a fresh directory; JSON values are stringified. Returns the paths. */
export function files(entries: [string, unknown][]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-import-'));
  return entries.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  });
}
