import type { Prefix } from './prefix.js';
import type { NeighborPolicy, NextHopType, RoutingPreference } from './topology.js';
import type { UnitKind } from './unit-kinds.js';

export type { UnitKind } from './unit-kinds.js';

/**
 * The compiled topology: everything the engine needs, as indexed arrays, built once per run and shipped to
 * each worker once. Node, edge, unit and prefix indices are stable for a given file.
 */
export interface CompiledTopology {
  name: string;
  sites: CompiledSite[];
  nodes: GraphNode[];
  /** Directed edges; edge `e ^ 1` is the reverse of edge `e`. */
  edges: Edge[];
  /** Failure units in `whatif links` (and enumeration) order, disabled ones included. */
  units: FailureUnit[];
  /** Every prefix that appears anywhere in the file, deduplicated, then Azure's default-route prefixes. */
  prefixes: Prefix[];
  /** The file's unavailability overrides, by kind or unit id (Topology.unavailability). */
  unavailability: Record<string, number>;
  /** The prefixes of the default routes Azure gives every subnet (virtual-networks-udr-overview, "Default"). */
  defaults: AzureDefaultPrefixes;
}

export interface AzureDefaultPrefixes {
  /** 0.0.0.0/0, next hop Internet. */
  internet: number;
  /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918) and 100.64.0.0/10 (RFC 6598), next hop None. */
  reserved: number[];
}

export type SiteKind = 'vnet' | 'onprem';

export interface CompiledSite {
  id: string;
  kind: SiteKind;
  /** The node that stands for the site: the VNet router or the on-prem LAN. */
  node: number;
  /** Address space (VNet) or LAN prefixes (on-prem), as indices into `prefixes`. */
  prefixes: number[];
  testAddresses: number[];
  /** As the file gives them, for grouping sites in reports. */
  role?: string;
  region?: string;
  /**
   * The VNet whose gateways (or Route Server) this VNet uses: its own id when it has them, its hub's over a
   * gateway-transit peering.
   */
  hub?: string;
}

/**
 * vnet: the site's subnet (the one its test addresses are in); subnet: a GatewaySubnet with a route table (what
 * the gateways send into the VNet goes by it); nva: an appliance instance; route-server: Azure Route Server.
 */
export type NodeKind = 'vnet' | 'subnet' | 'nva' | 'route-server' | 'ergw' | 'vpngw' | 'msee' | 'ce' | 'lan';

export interface GraphNode {
  name: string;
  kind: NodeKind;
  /** The site the node belongs to; -1 for an MSEE. */
  site: number;
  /** BGP ASN; 0 for nodes that do not speak BGP. */
  asn: number;
  /** CE router id (uint32); 0 elsewhere. */
  routerId: number;
  /** Hop address when nothing more specific is known; null when the topology gives none. */
  address: number | null;
  /** ECMP limit: a CE's `maximum-paths`; an ER gateway's circuits (4, or 1 beside a Route Server); MSEEs and VPN gateways have none. */
  maximumPaths: number;
  /** Prefix indices this node originates into BGP (gateways: VNet + transit spokes; CE: networks). */
  originates: Origination[];
  /** Static routes (static VPN connections), as prefix index and the edge they point into. */
  statics: { prefix: number; edge: number }[];
  /** VNet, subnet and NVA nodes: their routing table. */
  vnet?: VnetRouting;
  /** ER circuit of an MSEE. */
  circuit?: { keepGatewayAsn: boolean; sku: 'Standard' | 'Premium'; bandwidthMbps?: number };
  /** A Route Server's settings and what its appliance peers announce. */
  routeServer?: RouteServerRouting;
}

export interface Origination {
  prefix: number;
  /** The edge traffic for the prefix leaves by: into the own VNet, or over a peering into a transit spoke. */
  edge: number;
  /**
   * The edge whose failure withdraws the origination, when it is not `edge`: a gateway sends a spoke's traffic
   * through its GatewaySubnet's table, yet advertises the spoke only while the gateway-transit peering is up.
   */
  gate?: number;
}

export interface VnetRouting {
  /** The VNet whose edges (peerings, gateways, appliances) this table uses. */
  vnetNode: number;
  addressSpace: number[];
  /** Azure's system and default routes apply (a subnet's effective routes); false for an appliance's own table. */
  systemRoutes: boolean;
  disableBgpRoutePropagation: boolean;
  /** How BGP routes for one prefix rank: the serving Route Server's preference with branch-to-branch, else ExpressRoute. */
  bgpPreference: RoutingPreference;
  /** Edges to gateways whose routes this VNet uses: own gateways (internal) or a hub's (over the peering). */
  gatewayEdges: number[];
  /** Edges to the Route Server whose appliance routes this table takes: the VNet's own, or a hub's (over the peering). */
  routeServerEdges: number[];
  /** Peering edges to peered VNets (system routes for their address space). */
  peeringEdges: number[];
  userRoutes: CompiledUserRoute[];
}

export interface CompiledUserRoute {
  name: string;
  prefix: number;
  nextHopType: NextHopType;
  /** VirtualAppliance: the edges to the appliance instances (all of them behind a load balancer); VirtualNetworkGateway: to the VPN gateway. */
  edges: number[];
}

export interface RouteServerRouting {
  branchToBranch: boolean;
  routingPreference: RoutingPreference;
  /** The address spaces the Route Server serves (its VNet's and its gateway-transit spokes'), as prefix indices. */
  servedSpace: number[];
  /** What each appliance peer announces: the route arrives over `edge`, the BGP session to the instance. */
  announcements: { prefix: number; edge: number; asPath: number[] }[];
}

/**
 * appliance: traffic into an appliance instance (from a VNet, or a peered one); rs-peering: a Route Server's BGP
 * session with an appliance instance; rs-gateway: a Route Server's session with its VNet's gateway (branch-to-branch).
 */
export type EdgeKind =
  | 'internal'
  | 'peering'
  | 'gateway-transit'
  | 'er-link'
  | 'er-conn'
  | 'global-reach'
  | 'vpn-bgp'
  | 'vpn-static'
  | 'appliance'
  | 'rs-peering'
  | 'rs-gateway';

/** What a route received over a BGP session is, as the receiver lists it. */
export type LearnedAs = 'er' | 'vpn' | 'global-reach' | 'route-server';

export interface Edge {
  from: number;
  to: number;
  kind: EdgeKind;
  /** The failure units the edge crosses, in order (into a peered VNet's appliance: the peering, then the instance). */
  units: number[];
  /** A BGP session the engine runs: what routes received over it are. Absent on every other edge. */
  learnedAs?: LearnedAs;
  /** Both ends in one AS (a Route Server and its VNet's gateways, 65515): routes cross with no prepend and no loop check. */
  ibgp?: boolean;
  /** The sender's interface address on this link, if known. */
  fromAddress: number | null;
  /** The receiver's interface address on this link: the hop address of `to` when entered by this edge. */
  toAddress: number | null;
  /** Policy the sender applies on export over this edge (CE outbound); the prefix-list as prefix indices. */
  exportPolicy?: { prefixList?: number[]; prependAsPath?: number };
  /** Policy the receiver applies on import from this edge (CE inbound). */
  importPolicy?: NeighborPolicy['inbound'];
  /** ER connection routing weight, applied by the receiving ER gateway. */
  weight: number;
  latencyMs: number;
}

export interface FailureUnit {
  /** Stable id `kind:name`. */
  id: string;
  kind: UnitKind;
  name: string;
  /** The two node names the unit joins. */
  endpoints: [string, string];
  /** False when administratively disabled in the file: listed, never enumerated, always down. */
  enabled: boolean;
  /**
   * What the unit belongs to, for telling kinds of asymmetry apart: `er:CIRCUIT` for a circuit's links and
   * connections, `global-reach:NAME` for a Global Reach link, `vpn:CONNECTION` for every tunnel of a VPN
   * connection (an active-active gateway's two tunnels are one connection, as an ER circuit's two links are one
   * circuit), `nva:INSTANCE` for an appliance instance (a stateful one needs both directions through itself:
   * route-injection-in-spokes, "Traffic symmetry"); null for a peering or a Route Server peering.
   */
  circuit: string | null;
}

/** Where a route sends traffic when not over an edge: delivered at the node's site. */
export const DELIVER = -1;
/** Dropped by a None route someone configured (NULL_ROUTED). */
export const DROP = -2;
/** Next hop Internet: the traffic leaves Azure's network (EXITS_NETWORK). */
export const INTERNET = -3;
/** Azure's default None route of a reserved range: nothing routes there, so NO_ROUTE rather than a configured drop. */
export const UNROUTABLE = -4;
/** The lowest of the actions above: route keys offset `out` by it. */
export const LOWEST_ACTION = UNROUTABLE;
