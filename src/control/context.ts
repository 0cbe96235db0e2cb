import type { CompiledTopology } from '../model/compiled.js';
import { containsPrefix } from '../model/prefix.js';
import { ciscoSelector, erGatewaySelector, lanSelector, mseeSelector, vnetSelector, vpnGatewaySelector, type Selector } from './best-path.js';
import { EMPTY_AS_PATH } from './as-path.js';
import { DEFAULT_LOCAL_PREF, LOCAL_WEIGHT, type Route } from './route.js';

/** Per-topology indices the engine reuses for every prefix and every scenario. */
export interface ControlContext {
  topology: CompiledTopology;
  /** BGP sessions out of / into each node, as edge indices. */
  bgpOut: number[][];
  bgpIn: number[][];
  /** Per prefix: the routes speakers inject themselves (originations and statics), with the edge that gates them. */
  injected: { node: number; route: Route }[][];
  selectors: Selector[];
  /** Nodes whose table is derived from their neighbours' (VNets, NVAs, LANs), in node order. */
  derived: number[];
  /** Per LAN node: the internal edges to its CE routers. */
  lanEdges: number[][];
  /** Per node: the derived nodes that read its routes. Per edge: the derived nodes whose table uses it. */
  readersOfNode: number[][];
  readersOfEdge: (number[] | undefined)[];
  /** Per prefix: the VNet nodes whose address space contains it (its system and peering routes). */
  vnetsContaining: number[][];
  /** Per VNet or NVA node: its peering edges by the peered VNet's node. */
  peeringTo: Map<number, number>[];
  /** Per VPN gateway: the edge to the ER gateway of the same VNet, -1 where there is none. */
  erGatewayBeside: Int32Array;
}

const BGP_EDGE_KINDS = new Set(['er-link', 'er-conn', 'global-reach', 'vpn-bgp']);

export function createControlContext(topology: CompiledTopology): ControlContext {
  const n = topology.nodes.length;
  const bgpOut: number[][] = Array.from({ length: n }, () => []);
  const bgpIn: number[][] = Array.from({ length: n }, () => []);
  topology.edges.forEach((edge, e) => {
    if (!BGP_EDGE_KINDS.has(edge.kind)) return;
    bgpOut[edge.from]!.push(e);
    bgpIn[edge.to]!.push(e);
  });

  const injected: { node: number; route: Route }[][] = topology.prefixes.map(() => []);
  topology.nodes.forEach((node, index) => {
    const weight = node.kind === 'ce' ? LOCAL_WEIGHT : 0;
    for (const o of node.originates) {
      injected[o.prefix]!.push({ node: index, route: { source: 'local', out: o.edge, asPath: EMPTY_AS_PATH, localPref: DEFAULT_LOCAL_PREF, weight, origin: 0, med: 0 } });
    }
    for (const s of node.statics) {
      injected[s.prefix]!.push({ node: index, route: { source: 'static', out: s.edge, asPath: EMPTY_AS_PATH, localPref: DEFAULT_LOCAL_PREF, weight: 0, origin: 0, med: 0 } });
    }
  });

  const selectors = topology.nodes.map((node): Selector => {
    switch (node.kind) {
      case 'ce': return ciscoSelector(node.maximumPaths);
      case 'msee': return mseeSelector;
      case 'ergw': return erGatewaySelector;
      case 'vpngw': return vpnGatewaySelector;
      case 'lan': return lanSelector;
      default: return vnetSelector;
    }
  });
  const isDerived = (kind: string): boolean => kind === 'vnet' || kind === 'nva' || kind === 'lan';
  const derived = topology.nodes.flatMap((node, i) => (isDerived(node.kind) ? [i] : []));
  const lanEdges: number[][] = Array.from({ length: n }, () => []);
  topology.edges.forEach((edge, e) => {
    if (edge.kind === 'internal' && topology.nodes[edge.from]!.kind === 'lan') lanEdges[edge.from]!.push(e);
  });
  // What each derived table reads: a LAN its CE routers; a VNet (or NVA) its gateways, peerings and UDR edges.
  const readersOfNode: number[][] = Array.from({ length: n }, () => []);
  const readersOfEdge: (number[] | undefined)[] = new Array(topology.edges.length);
  for (const reader of derived) {
    const node = topology.nodes[reader]!;
    const table = node.vnet;
    const reads = node.kind === 'lan' ? lanEdges[reader]! : table ? table.gatewayEdges : [];
    for (const e of reads) readersOfNode[topology.edges[e]!.to]!.push(reader);
    const uses = table ? [...table.gatewayEdges, ...table.peeringEdges, ...table.userRoutes.flatMap((r) => (r.edge >= 0 ? [r.edge] : []))] : [];
    for (const e of uses) (readersOfEdge[e] ??= []).push(reader);
  }
  const vnetsContaining: number[][] = topology.prefixes.map((p) => topology.sites.flatMap((site) => (
    site.kind === 'vnet' && site.prefixes.some((s) => containsPrefix(topology.prefixes[s]!, p)) ? [site.node] : []
  )));
  const peeringTo = topology.nodes.map((node) => new Map((node.vnet?.peeringEdges ?? []).map((e) => [topology.edges[e]!.to, e])));
  const erGatewayBeside = new Int32Array(n).fill(-1);
  topology.edges.forEach((edge, e) => {
    if (edge.kind === 'internal' && topology.nodes[edge.from]!.kind === 'vpngw' && topology.nodes[edge.to]!.kind === 'ergw') erGatewayBeside[edge.from] = e;
  });
  return { topology, bgpOut, bgpIn, injected, selectors, derived, lanEdges, readersOfNode, readersOfEdge, vnetsContaining, peeringTo, erGatewayBeside };
}
