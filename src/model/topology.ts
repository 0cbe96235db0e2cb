/**
 * The topology file format: what a user writes in scenarios/*.json.
 * These types mirror scenarios/topology.schema.json; validation (validate.ts) guarantees a parsed
 * file has this shape and that its references, addresses and ASNs make sense.
 * Addresses and prefixes are strings here; compile.ts turns them into uint32 form.
 */

export interface Topology {
  $schema?: string;
  name: string;
  description?: string;
  /** Facts the file assumes rather than takes from a source: kept with the data they explain. */
  assumptions?: string[];
  /** Row/column order of every matrix. */
  sites: Site[];
  peerings?: Peering[];
  vpnConnections?: VpnConnection[];
  erCircuits?: ErCircuit[];
  globalReach?: GlobalReach[];
  /**
   * How often units are down, for availability (`--max-failures`): by kind (`er-link`) or by unit id
   * (`er-link:er1-primary`), a probability from 0 up to 1. Unset ones take Microsoft's SLA for their kind.
   */
  unavailability?: Record<string, number>;
}

export type Site = VnetSite | OnPremSite;

export interface VnetSite {
  kind: 'vnet';
  id: string;
  /** Informational: hub, spoke, branch, remote... */
  role?: string;
  /** The Azure region: reports group sites by it. */
  region?: string;
  addressSpace: string[];
  /** The addresses probed as traceroute endpoints (the seed's VM addresses). */
  testAddresses: string[];
  erGateway?: ErGateway;
  vpnGateway?: VpnGateway;
  routeTable?: RouteTable;
}

export interface ErGateway {
  /** ASN is always 65515 (not configurable in Azure). Hop address shown in traces. */
  address?: string;
}

export interface VpnGateway {
  /** Default 65515. */
  asn?: number;
  /** BGP peer address (the seed's 10.10.30.254). */
  bgpAddress?: string;
  /** Hop address shown in traces. */
  address?: string;
  /**
   * Active-active: the gateway's two instances, each with its own BGP peer address. A connection to such a
   * gateway runs one tunnel per instance, each its own failure unit. Given instead of bgpAddress and address.
   */
  instances?: [VpnGatewayInstance, VpnGatewayInstance];
}

export interface VpnGatewayInstance {
  bgpAddress?: string;
  /** Hop address shown in traces. */
  address?: string;
}

export interface RouteTable {
  disableBgpRoutePropagation?: boolean;
  routes?: UserRoute[];
}

export type NextHopType = 'None' | 'VirtualAppliance' | 'VirtualNetworkGateway';

export interface UserRoute {
  name: string;
  prefix: string;
  nextHopType: NextHopType;
  /** Required for VirtualAppliance: the appliance's address, in this VNet or a peered one. */
  nextHopAddress?: string;
}

export interface OnPremSite {
  kind: 'onprem';
  id: string;
  role?: string;
  /** Where the site is (a metro, a country): reports group sites by it. */
  region?: string;
  /** The LAN's address space. */
  prefixes: string[];
  testAddresses: string[];
  /** Hop address of the LAN router that hands traffic to the CE routers. */
  address?: string;
  routers: CeRouter[];
}

export interface CeRouter {
  id: string;
  asn: number;
  /** BGP router id (dotted quad), the second-to-last tie-breaker. */
  routerId: string;
  /** LAN-facing interface: the hop address seen from the LAN. */
  address?: string;
  /** `network` statements: prefixes this router originates. */
  networks: string[];
  /** `maximum-paths`: ECMP over this many equal eBGP paths. Default 1 (no ECMP). */
  maximumPaths?: number;
}

export interface NeighborPolicy {
  inbound?: {
    localPreference?: number;
    weight?: number;
    prependAsPath?: number;
  };
  outbound?: {
    /** `ip prefix-list ... permit` entries (exact match); absent means everything is sent. */
    prefixList?: string[];
    prependAsPath?: number;
  };
}

export interface Peering {
  name: string;
  enabled?: boolean;
  latencyMs?: number;
  sides: [PeeringSide, PeeringSide];
}

export interface PeeringSide {
  vnet: string;
  allowGatewayTransit?: boolean;
  useRemoteGateways?: boolean;
}

export interface VpnConnection {
  name: string;
  /** The VNet whose VPN gateway terminates this connection. */
  gateway: string;
  peer: VpnPeerCe | VpnPeerVnet;
  /** Default true. Without BGP, routing uses the static prefixes below. */
  bgp?: boolean;
  /** Static only: the local network gateway's address space, routed by Azure into the tunnel. */
  localNetworkPrefixes?: string[];
  /** Static only: routes the peer points into the tunnel. Default: the gateway VNet's address space. */
  peerStaticRoutes?: string[];
  enabled?: boolean;
  latencyMs?: number;
}

export interface VpnPeerCe {
  ce: string;
  /** The CE's tunnel interface: the hop address seen from Azure. */
  address?: string;
  /** The CE's BGP policy toward the VPN gateway. */
  policy?: NeighborPolicy;
}

export interface VpnPeerVnet {
  vnet: string;
}

export interface ErCircuit {
  name: string;
  sku?: 'Standard' | 'Premium';
  /** Circuit bandwidth: with Premium it sets how many VNet links the circuit allows. */
  bandwidthMbps?: number;
  /**
   * Whether the MSEE keeps the gateway's 65515 in the AS path it sends to CEs (default true: on-prem sees
   * `12076 65515`). See azure-routing-rules.md section 2.
   */
  keepGatewayAsn?: boolean;
  links: ErLink[];
  connections: ErConnection[];
}

export interface ErLink {
  /** Unit id `er-link:<name>`. */
  name: string;
  role: 'primary' | 'secondary';
  ce: string;
  enabled?: boolean;
  latencyMs?: number;
  /** CE interface facing the MSEE. */
  ceAddress?: string;
  /** MSEE interface facing the CE: the hop address seen from on-prem. */
  mseeAddress?: string;
  /** The CE's BGP policy toward the MSEE on this link. */
  cePolicy?: NeighborPolicy;
}

export interface ErConnection {
  /** Unit id `er-conn:<name>`. */
  name: string;
  vnet: string;
  /** Routing weight 0..32000, default 0; highest wins. */
  weight?: number;
  enabled?: boolean;
  latencyMs?: number;
  /** The ER gateway's tunnel endpoint toward this circuit's MSEE: the hop address seen from the VNet. */
  gatewayAddress?: string;
}

export interface GlobalReach {
  name: string;
  circuits: [string, string];
  enabled?: boolean;
  latencyMs?: number;
}
