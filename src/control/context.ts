import type { CompiledTopology, GraphNode } from '../model/compiled.js';
import { containsPrefix } from '../model/prefix.js';
import {
  ciscoSelector, erGatewaySelector, lanSelector, mseeSelector, routeServerSelector, vnetSelector, vpnGatewaySelector, type Selector,
} from './best-path.js';
import { EMPTY_AS_PATH, prependAsn } from './as-path.js';
import { DEFAULT_LOCAL_PREF, LOCAL_WEIGHT, type Route } from './route.js';

/** A route a speaker injects itself (an origination, a static route, an appliance's announcement at a Route Server). */
export interface InjectedRoute {
  node: number;
  route: Route;
  /** The edge whose loss withdraws the route: its own way out, or the one a gateway's origination depends on. */
  gate: number;
}

/** Per-topology indices the engine reuses for every prefix and every scenario. */
export interface ControlContext {
  topology: CompiledTopology;
  /** BGP sessions out of / into each node, as edge indices. */
  bgpOut: number[][];
  bgpIn: number[][];
  /** Per prefix: the routes speakers inject themselves, with the edge that gates them. */
  injected: InjectedRoute[][];
  /** Per prefix: appliance announcements a Route Server does not take, with why (shown by `whatif routes`). */
  refused: { node: number; route: Route; reason: string }[][];
  selectors: Selector[];
  /** Nodes whose table is derived from their neighbours' (subnets: VNets, appliances; LANs), in node order. */
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
  /**
   * Where a node sends traffic for a route whose next hop is another node (a Route Server keeps the next hop of
   * what it reflects): per node, the edge to that node, through its VNet's edges for an appliance.
   */
  edgeToward: Map<number, number>[];
}

const WHY_REFUSED = 'not taken: a Route Server takes no route as long as or longer than the address space it serves (route-injection-in-spokes)';

export function createControlContext(topology: CompiledTopology): ControlContext {
  const n = topology.nodes.length;
  const bgpOut: number[][] = Array.from({ length: n }, () => []);
  const bgpIn: number[][] = Array.from({ length: n }, () => []);
  topology.edges.forEach((edge, e) => {
    if (edge.learnedAs === undefined) return;
    bgpOut[edge.from]!.push(e);
    bgpIn[edge.to]!.push(e);
  });

  const injected: InjectedRoute[][] = topology.prefixes.map(() => []);
  const refused: { node: number; route: Route; reason: string }[][] = topology.prefixes.map(() => []);
  topology.nodes.forEach((node, index) => {
    const weight = node.kind === 'ce' ? LOCAL_WEIGHT : 0;
    for (const o of node.originates) {
      const route: Route = { source: 'local', out: o.edge, asPath: EMPTY_AS_PATH, localPref: DEFAULT_LOCAL_PREF, weight, origin: 0, med: 0 };
      injected[o.prefix]!.push({ node: index, route, gate: o.gate ?? o.edge });
    }
    for (const s of node.statics) {
      const route: Route = { source: 'static', out: s.edge, asPath: EMPTY_AS_PATH, localPref: DEFAULT_LOCAL_PREF, weight: 0, origin: 0, med: 0 };
      injected[s.prefix]!.push({ node: index, route, gate: s.edge });
    }
    for (const a of node.routeServer?.announcements ?? []) {
      const asPath = a.asPath.reduceRight((tail, asn) => prependAsn(tail, asn), EMPTY_AS_PATH);
      const route: Route = { source: 'appliance', out: a.edge, asPath, localPref: DEFAULT_LOCAL_PREF, weight: 0, origin: 0, med: 0 };
      if (servesInside(topology, node, a.prefix)) refused[a.prefix]!.push({ node: index, route, reason: WHY_REFUSED });
      else injected[a.prefix]!.push({ node: index, route, gate: a.edge });
    }
  });

  const selectors = topology.nodes.map((node): Selector => {
    switch (node.kind) {
      case 'ce': return ciscoSelector(node.maximumPaths);
      case 'msee': return mseeSelector;
      case 'ergw': return erGatewaySelector(node.maximumPaths);
      case 'vpngw': return vpnGatewaySelector;
      case 'lan': return lanSelector;
      case 'route-server': return routeServerSelector(node.routeServer!.routingPreference);
      default: return vnetSelector(node.vnet!.bgpPreference);
    }
  });
  const derived = topology.nodes.flatMap((node, i) => (node.vnet || node.kind === 'lan' ? [i] : []));
  const lanEdges: number[][] = Array.from({ length: n }, () => []);
  topology.edges.forEach((edge, e) => {
    if (edge.kind === 'internal' && topology.nodes[edge.from]!.kind === 'lan') lanEdges[edge.from]!.push(e);
  });
  // What each derived table reads: a LAN its CE routers; a subnet its gateways, its Route Server, peerings and UDR edges.
  const readersOfNode: number[][] = Array.from({ length: n }, () => []);
  const readersOfEdge: (number[] | undefined)[] = new Array(topology.edges.length);
  for (const reader of derived) {
    const node = topology.nodes[reader]!;
    const table = node.vnet;
    const reads = node.kind === 'lan' ? lanEdges[reader]! : table ? [...table.gatewayEdges, ...table.routeServerEdges] : [];
    for (const e of reads) readersOfNode[topology.edges[e]!.to]!.push(reader);
    const uses = table ? [...table.gatewayEdges, ...table.routeServerEdges, ...table.peeringEdges, ...table.userRoutes.flatMap((r) => r.edges)] : [];
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
  return {
    topology, bgpOut, bgpIn, injected, refused, selectors, derived, lanEdges, readersOfNode, readersOfEdge, vnetsContaining, peeringTo,
    erGatewayBeside, edgeToward: edgesToward(topology),
  };
}

/** Whether `prefix` lies inside (or is) an address space a Route Server serves. */
function servesInside(topology: CompiledTopology, routeServer: GraphNode, prefix: number): boolean {
  const p = topology.prefixes[prefix]!;
  return routeServer.routeServer!.servedSpace.some((s) => containsPrefix(topology.prefixes[s]!, p));
}

/**
 * Per node, the edge to each node it can hand traffic to directly: the other gateway of its VNet (they share the
 * GatewaySubnet), and an appliance instance over its VNet's edge into it (appliance edges leave the VNet's node).
 */
function edgesToward(topology: CompiledTopology): Map<number, number>[] {
  const toward = topology.nodes.map(() => new Map<number, number>());
  topology.edges.forEach((edge, e) => {
    if (edge.kind === 'internal' || edge.kind === 'appliance') toward[edge.from]!.set(edge.to, e);
  });
  topology.nodes.forEach((node, i) => {
    if (node.kind !== 'ergw' && node.kind !== 'vpngw') return;
    const vnet = topology.sites[node.site]!.node;
    for (const [to, e] of toward[vnet]!) if (topology.edges[e]!.kind === 'appliance' && !toward[i]!.has(to)) toward[i]!.set(to, e);
  });
  return toward;
}
