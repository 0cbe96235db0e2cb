import type { Prefix } from './prefix.js';
import type { NeighborPolicy } from './topology.js';

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
  /** Every prefix that appears anywhere in the file, deduplicated. */
  prefixes: Prefix[];
  /** The file's unavailability overrides, by kind or unit id (Topology.unavailability). */
  unavailability: Record<string, number>;
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
  /** The VNet whose gateways this VNet uses: its own id when it has gateways, its hub's over a gateway-transit peering. */
  hub?: string;
}

export type NodeKind = 'vnet' | 'nva' | 'ergw' | 'vpngw' | 'msee' | 'ce' | 'lan';

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
  /** CE `maximum-paths`; gateways and MSEEs use their own fixed limits. */
  maximumPaths: number;
  /** Prefix indices this node originates into BGP (gateways: VNet + transit spokes; CE: networks). */
  originates: Origination[];
  /** Static routes (static VPN connections), as prefix index and the edge they point into. */
  statics: { prefix: number; edge: number }[];
  /** VNet and NVA nodes: their routing table settings. */
  vnet?: VnetRouting;
  /** ER circuit of an MSEE. */
  circuit?: { keepGatewayAsn: boolean; sku: 'Standard' | 'Premium'; bandwidthMbps?: number };
}

export interface Origination {
  prefix: number;
  /** The edge traffic for the prefix leaves by: into the own VNet, or over a peering into a transit spoke. */
  edge: number;
}

export interface VnetRouting {
  /** The VNet node this table belongs to (an NVA uses its VNet's table, without user-defined routes). */
  vnetNode: number;
  addressSpace: number[];
  disableBgpRoutePropagation: boolean;
  /** Edges to gateways whose routes this VNet uses: own gateways (internal) or a hub's (over the peering). */
  gatewayEdges: number[];
  /** Peering edges to peered VNets (system routes for their address space). */
  peeringEdges: number[];
  userRoutes: CompiledUserRoute[];
}

export interface CompiledUserRoute {
  name: string;
  prefix: number;
  nextHopType: 'None' | 'VirtualAppliance' | 'VirtualNetworkGateway';
  /** The edge to the appliance or gateway; -1 for None. */
  edge: number;
}

export type EdgeKind =
  | 'internal'
  | 'peering'
  | 'gateway-transit'
  | 'er-link'
  | 'er-conn'
  | 'global-reach'
  | 'vpn-bgp'
  | 'vpn-static';

export interface Edge {
  from: number;
  to: number;
  kind: EdgeKind;
  /** Failure unit index; -1 for internal adjacencies that cannot fail. */
  unit: number;
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

export type UnitKind = 'peering' | 'vpn' | 'er-link' | 'er-conn' | 'global-reach';

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
   * circuit); null for a peering, which stays inside Azure.
   */
  circuit: string | null;
}

export const DELIVER = -1;
export const DROP = -2;
