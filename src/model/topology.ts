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
  /** Route tables associated with subnets (VNets that list their `subnets`). */
  routeTables?: NamedRouteTable[];
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
  /**
   * The route table of the VNet's only subnet, for a VNet that lists no `subnets` (the format before subnets:
   * its appliances sit in subnets without a table, and its gateways hand traffic straight to the VNet).
   */
  routeTable?: RouteTable;
  /** The subnets routing depends on; tables are associated with them in `routeTables`. */
  subnets?: Subnet[];
  /** Network virtual appliances (firewalls, SD-WAN routers) in the VNet's subnets. */
  appliances?: Appliance[];
  /** An Azure Route Server, in the VNet's RouteServerSubnet. */
  routeServer?: RouteServer;
}

/**
 * A subnet. Its name says what Azure reserves it for: `GatewaySubnet` (the gateways: its route table steers
 * what they send into the VNet), `RouteServerSubnet` (the Route Server), any other name for VMs and appliances.
 */
export interface Subnet {
  name: string;
  prefix: string;
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

/** A route table resource and the subnets it is associated with (each subnet has at most one). */
export interface NamedRouteTable extends RouteTable {
  name: string;
  /** `vnet/subnet` for each associated subnet. */
  subnets: string[];
}

export type NextHopType = 'None' | 'VirtualAppliance' | 'VirtualNetworkGateway' | 'VnetLocal' | 'Internet';

export interface UserRoute {
  name: string;
  prefix: string;
  nextHopType: NextHopType;
  /**
   * Required for VirtualAppliance: an appliance instance's address, or an appliance's load balancer address,
   * in this VNet or a peered one.
   */
  nextHopAddress?: string;
}

/**
 * A network virtual appliance: one or more instances (a scale set, an HA pair) in one subnet, each its own
 * failure unit `nva:NAME` (one instance) or `nva:NAME/0`, `nva:NAME/1`...
 */
export interface Appliance {
  name: string;
  /** The subnet the instances' interfaces are in (IP forwarding on). */
  subnet: string;
  instances: ApplianceInstance[];
  /** An internal load balancer (HA ports) in front of the instances: a route to it spreads over the healthy ones. */
  loadBalancerAddress?: string;
  /** The appliance's own routing table; without it, it forwards with its subnet's effective routes. */
  routes?: UserRoute[];
  /** BGP with the VNet's Route Server. */
  bgp?: ApplianceBgp;
}

export interface ApplianceInstance {
  address: string;
  enabled?: boolean;
}

export interface ApplianceBgp {
  asn: number;
  /** Prefixes the appliance announces to the Route Server, next hop itself. */
  announces: string[];
  /** Per instance (in `instances` order): how often it prepends its ASN, e.g. [0, 2] for active/passive. */
  prependAsPath?: number[];
}

/** Azure Route Server (AS 65515): BGP with appliances, routes into the VNet and its gateway-transit spokes. */
export interface RouteServer {
  /** Its two BGP peer addresses, in the RouteServerSubnet. */
  peerAddresses: [string, string];
  /** allowBranchToBranchTraffic: exchange routes with the VNet's ExpressRoute and VPN gateways. Default false. */
  branchToBranch?: boolean;
  /** hubRoutingPreference, when branch-to-branch is on: which routes win for the same prefix. Default ExpressRoute. */
  routingPreference?: RoutingPreference;
  /** BGP connections to appliance instances, each a failure unit `rs-peer:NAME`. */
  peerings: RouteServerPeering[];
}

export type RoutingPreference = 'ExpressRoute' | 'VpnGateway' | 'ASPath';

export interface RouteServerPeering {
  name: string;
  /** The address of an appliance instance that runs BGP (bgpConnections' peerIp). */
  peerAddress: string;
  enabled?: boolean;
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
