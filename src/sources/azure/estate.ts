import type { AzureResource } from './read-export.js';

/**
 * The Azure resources the importer uses, read into plain records: one interface per resource type, holding
 * only what the topology needs. References stay ARM ids (compare them with idKey()).
 */

export interface AzureEstate {
  vnets: Vnet[];
  gateways: Gateway[];
  connections: Connection[];
  localGateways: LocalGateway[];
  circuits: Circuit[];
  routeTables: RouteTable[];
  nics: Nic[];
  routeServers: RouteServer[];
}

export interface Vnet {
  resource: AzureResource;
  /** The Azure region (`location`). */
  location: string | undefined;
  /** IPv4 prefixes of addressSpace.addressPrefixes (IPv6 ones are noted and left out). */
  addressSpace: string[];
  subnets: Subnet[];
  /** This VNet's side of each peering; the other side is the remote VNet's. */
  peerings: PeeringSide[];
}

export interface Subnet {
  id: string;
  name: string;
  prefixes: string[];
  routeTableId: string | undefined;
}

export interface PeeringSide {
  name: string;
  remoteVnetId: string;
  allowGatewayTransit: boolean;
  useRemoteGateways: boolean;
  allowVirtualNetworkAccess: boolean;
  /** Connected, Initiated or Disconnected. */
  state: string | undefined;
}

export interface Gateway {
  resource: AzureResource;
  /** Vpn or ExpressRoute. */
  gatewayType: string;
  /** The VNet whose GatewaySubnet the gateway's IP configuration names. */
  vnetId: string;
  asn: number | undefined;
  /** BGP addresses per instance (two for an active-active gateway), default addresses before custom ones. */
  bgpInstances: string[][];
  activeActive: boolean;
}

export interface Connection {
  resource: AzureResource;
  /** IPsec, Vnet2Vnet or ExpressRoute. */
  connectionType: string;
  gateway1Id: string;
  gateway2Id: string | undefined;
  localGatewayId: string | undefined;
  /** ExpressRoute: the circuit (`peer`). */
  circuitId: string | undefined;
  routingWeight: number;
  enableBgp: boolean;
}

export interface LocalGateway {
  resource: AzureResource;
  gatewayIpAddress: string | undefined;
  addressPrefixes: string[];
  bgp: { asn: number | undefined; address: string | undefined } | undefined;
}

export interface Circuit {
  resource: AzureResource;
  /** Standard, Premium or Local. */
  tier: string | undefined;
  /** serviceProviderProperties.bandwidthInMbps (or the ExpressRoute Direct port's bandwidthInGbps). */
  bandwidthMbps: number | undefined;
  privatePeering: PrivatePeering | undefined;
}

export interface PrivatePeering {
  /** Enabled or Disabled. */
  state: string | undefined;
  peerAsn: number | undefined;
  /** The primary and secondary link subnets (/30). */
  primary: string | undefined;
  secondary: string | undefined;
  globalReach: GlobalReachConnection[];
}

export interface GlobalReachConnection {
  name: string;
  /** The other circuit's private peering. */
  peerPeeringId: string | undefined;
}

export interface RouteTable {
  resource: AzureResource;
  disableBgpRoutePropagation: boolean;
  routes: Route[];
  /** Subnets that use the table, as the table lists them (subnets also name their table). */
  subnetIds: string[];
}

export interface Route {
  name: string;
  prefix: string | undefined;
  nextHopType: string | undefined;
  nextHopIpAddress: string | undefined;
}

export interface Nic {
  resource: AzureResource;
  ips: { address: string; subnetId: string }[];
  /** enableIPForwarding: the interface forwards traffic not addressed to it (an appliance's). */
  ipForwarding: boolean;
  /** The VM the interface is attached to (virtualMachine.id), if the export says. */
  vmId: string | undefined;
}

/** A Microsoft.Network/virtualHubs resource that is a Route Server (not a Virtual WAN hub). */
export interface RouteServer {
  resource: AzureResource;
  /** The subnet of its IP configuration (the RouteServerSubnet), if the export holds it. */
  subnetId: string | undefined;
  /** virtualRouterIps: its two BGP peer addresses. */
  routerIps: string[];
  /** virtualRouterAsn (65515). */
  asn: number | undefined;
  /** allowBranchToBranchTraffic. */
  branchToBranch: boolean;
  /** hubRoutingPreference: ExpressRoute, VpnGateway or ASPath. */
  routingPreference: string | undefined;
  /** Its bgpConnections: peer IP and ASN of each appliance it peers with. */
  peers: { name: string; peerIp: string | undefined; peerAsn: number | undefined; resource: string }[];
}
