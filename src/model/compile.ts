import type {
  CompiledSite, CompiledTopology, CompiledUserRoute, Edge, EdgeKind, FailureUnit, GraphNode, NodeKind, UnitKind,
} from './compiled.js';
import { AZURE_GATEWAY_ASN, MSEE_ASN } from './azure-asns.js';
import { parseAddress, parsePrefix, formatPrefix, containsAddress, type Prefix } from './prefix.js';
import type { ErLink, NeighborPolicy, OnPremSite, Site, Topology, VnetSite, VpnConnection } from './topology.js';


interface EdgeOptions {
  unit?: number;
  /** Address of a's interface (the hop address of a when entered from b), and of b's. */
  aAddress?: string | undefined;
  bAddress?: string | undefined;
  /** a's outbound / inbound policy toward b (a CE's neighbour policy). */
  aPolicy?: NeighborPolicy | undefined;
  /** Weight the receiving ER gateway b gives routes from a. */
  weightAtB?: number | undefined;
  latencyMs?: number | undefined;
}

/**
 * Turns a validated topology into indexed nodes, directed edges and prefixes (see compiled.ts).
 * Assumes validateTopology() accepted the file: references resolve, flags are consistent.
 */
export function compileTopology(topology: Topology): CompiledTopology {
  const prefixes: Prefix[] = [];
  const prefixIndex = new Map<string, number>();
  const prefixOf = (text: string): number => {
    const key = formatPrefix(parsePrefix(text));
    let index = prefixIndex.get(key);
    if (index === undefined) {
      index = prefixes.length;
      prefixes.push(parsePrefix(text));
      prefixIndex.set(key, index);
    }
    return index;
  };
  const address = (text: string | undefined): number | null => (text === undefined ? null : parseAddress(text));

  const nodes: GraphNode[] = [];
  const nodeIndex = new Map<string, number>();
  const addNode = (name: string, kind: NodeKind, site: number, asn: number, extra: Partial<GraphNode> = {}): number => {
    nodeIndex.set(name, nodes.length);
    nodes.push({ name, kind, site, asn, routerId: 0, address: null, maximumPaths: 1, originates: [], statics: [], ...extra });
    return nodes.length - 1;
  };
  const node = (name: string): number => {
    const index = nodeIndex.get(name);
    if (index === undefined) throw new Error(`Cannot compile topology: unknown node "${name}"`);
    return index;
  };

  const peerings = topology.peerings ?? [];
  const vpns = topology.vpnConnections ?? [];
  const circuits = topology.erCircuits ?? [];
  const globalReach = topology.globalReach ?? [];

  // Sites and the nodes inside them, in file order.
  const sites: CompiledSite[] = [];
  const vnets = new Map<string, VnetSite>();
  topology.sites.forEach((site, siteIndex) => {
    if (site.kind === 'vnet') {
      vnets.set(site.id, site);
      const vnetNode = addNode(site.id, 'vnet', siteIndex, 0);
      if (site.erGateway) addNode(`${site.id}/ergw`, 'ergw', siteIndex, AZURE_GATEWAY_ASN, { address: address(site.erGateway.address) });
      if (site.vpnGateway) {
        addNode(`${site.id}/vpngw`, 'vpngw', siteIndex, site.vpnGateway.asn ?? AZURE_GATEWAY_ASN, {
          address: address(site.vpnGateway.address ?? site.vpnGateway.bgpAddress ?? instancesOf(site)[0]),
        });
      }
      sites.push({
        id: site.id, kind: 'vnet', node: vnetNode, prefixes: site.addressSpace.map(prefixOf), testAddresses: site.testAddresses.map(parseAddress),
        ...described(site), ...(site.erGateway || site.vpnGateway ? { hub: site.id } : {}),
      });
    } else {
      const lan = addNode(site.id, 'lan', siteIndex, 0, { address: address(site.address) });
      for (const ce of site.routers) {
        addNode(ce.id, 'ce', siteIndex, ce.asn, {
          routerId: parseAddress(ce.routerId), address: address(ce.address), maximumPaths: ce.maximumPaths ?? 1,
        });
      }
      sites.push({
        id: site.id, kind: 'onprem', node: lan, prefixes: site.prefixes.map(prefixOf), testAddresses: site.testAddresses.map(parseAddress), ...described(site),
      });
    }
  });
  for (const circuit of circuits) {
    addNode(`${circuit.name}/msee`, 'msee', -1, MSEE_ASN, {
      circuit: {
        keepGatewayAsn: circuit.keepGatewayAsn ?? true, sku: circuit.sku ?? 'Standard',
        ...(circuit.bandwidthMbps !== undefined ? { bandwidthMbps: circuit.bandwidthMbps } : {}),
      },
    });
  }

  // Failure units, in enumeration order: peerings, VPN connections, ER links, ER connections, Global Reach.
  const units: FailureUnit[] = [];
  const addUnit = (kind: UnitKind, name: string, endpoints: [string, string], enabled: boolean, circuit: string | null): number => {
    units.push({ id: `${kind}:${name}`, kind, name, endpoints, enabled, circuit });
    return units.length - 1;
  };
  const peeringUnits = peerings.map((p) => addUnit('peering', p.name, [p.sides[0].vnet, p.sides[1].vnet], p.enabled ?? true, null));
  const vpnTunnels = vpns.map((v) => tunnelsOf(v).map((tunnel, t, all) => ({
    ...tunnel,
    unit: addUnit('vpn', all.length > 1 ? `${v.name}/${t}` : v.name, [`${v.gateway}/vpngw`, 'ce' in v.peer ? v.peer.ce : `${v.peer.vnet}/vpngw`], v.enabled ?? true, `vpn:${v.name}`),
  })));
  const linkUnits = circuits.map((c) => c.links.map((l) => addUnit('er-link', l.name, [l.ce, `${c.name}/msee`], l.enabled ?? true, `er:${c.name}`)));
  const connUnits = circuits.map((c) => c.connections.map((k) => addUnit('er-conn', k.name, [`${c.name}/msee`, `${k.vnet}/ergw`], k.enabled ?? true, `er:${c.name}`)));
  const reachUnits = globalReach.map((g) => addUnit('global-reach', g.name, [`${g.circuits[0]}/msee`, `${g.circuits[1]}/msee`], g.enabled ?? true, `global-reach:${g.name}`));

  // Edges come in pairs: e is a -> b, e ^ 1 is b -> a.
  const edges: Edge[] = [];
  const addEdgePair = (a: number, b: number, kind: EdgeKind, options: EdgeOptions = {}): number => {
    const unit = options.unit ?? -1;
    const latencyMs = options.latencyMs ?? 0;
    const aAddress = address(options.aAddress);
    const bAddress = address(options.bAddress);
    const outbound = options.aPolicy?.outbound;
    const exportPolicy = outbound && { prefixList: outbound.prefixList?.map(prefixOf), prependAsPath: outbound.prependAsPath };
    edges.push({ from: a, to: b, kind, unit, fromAddress: aAddress, toAddress: bAddress, exportPolicy, weight: options.weightAtB ?? 0, latencyMs });
    edges.push({ from: b, to: a, kind, unit, fromAddress: bAddress, toAddress: aAddress, importPolicy: options.aPolicy?.inbound, weight: 0, latencyMs });
    return edges.length - 2;
  };

  // Inside each site: a VNet and its gateways, a LAN and its CE routers.
  const ownGatewayEdge = new Map<number, number>(); // gateway node -> edge gateway -> own VNet
  const vnetToGateway = new Map<number, number[]>(); // VNet node -> edges VNet -> own gateways
  const lanToCe = new Map<number, number>(); // CE node -> edge CE -> LAN
  for (const site of topology.sites) {
    if (site.kind === 'vnet') {
      const v = node(site.id);
      const out: number[] = [];
      for (const suffix of ['ergw', 'vpngw']) {
        const gw = nodeIndex.get(`${site.id}/${suffix}`);
        if (gw === undefined) continue;
        const e = addEdgePair(v, gw, 'internal');
        out.push(e);
        ownGatewayEdge.set(gw, e + 1);
      }
      vnetToGateway.set(v, out);
      // A VNet's two gateways share its GatewaySubnet: the VPN gateway sees the ER gateway's routes (held-routes.ts).
      const er = nodeIndex.get(`${site.id}/ergw`);
      const vpn = nodeIndex.get(`${site.id}/vpngw`);
      if (er !== undefined && vpn !== undefined) addEdgePair(vpn, er, 'internal');
    } else {
      const lan = node(site.id);
      for (const ce of site.routers) lanToCe.set(node(ce.id), addEdgePair(lan, node(ce.id), 'internal') + 1);
    }
  }

  // Peerings, and gateway transit over them.
  const peeringEdges = new Map<number, number[]>(); // VNet node -> peering edges out of it
  const transitEdges = new Map<number, number[]>(); // spoke VNet node -> edges to the hub's gateways
  const transitSpokes = new Map<number, { spoke: string; edge: number }[]>(); // hub gateway -> edges into spokes
  peerings.forEach((p, i) => {
    const unit = peeringUnits[i]!;
    const [a, b] = p.sides;
    const e = addEdgePair(node(a.vnet), node(b.vnet), 'peering', { unit, latencyMs: p.latencyMs });
    pushTo(peeringEdges, node(a.vnet), e);
    pushTo(peeringEdges, node(b.vnet), e + 1);
    for (const [spoke, hub] of [[a, b], [b, a]] as const) {
      if (!spoke.useRemoteGateways || !hub.allowGatewayTransit) continue;
      sites[topology.sites.findIndex((s) => s.id === spoke.vnet)]!.hub = hub.vnet;
      for (const suffix of ['ergw', 'vpngw']) {
        const gw = nodeIndex.get(`${hub.vnet}/${suffix}`);
        if (gw === undefined) continue;
        const t = addEdgePair(node(spoke.vnet), gw, 'gateway-transit', { unit, latencyMs: p.latencyMs });
        pushTo(transitEdges, node(spoke.vnet), t);
        pushTo(transitSpokes, gw, { spoke: spoke.vnet, edge: t + 1 });
      }
    }
  });

  // ExpressRoute: CE <-> MSEE links, MSEE <-> ER gateway connections.
  circuits.forEach((circuit, c) => {
    const msee = node(`${circuit.name}/msee`);
    circuit.links.forEach((link: ErLink, l) => {
      addEdgePair(node(link.ce), msee, 'er-link', {
        unit: linkUnits[c]![l]!, aAddress: link.ceAddress, bAddress: link.mseeAddress, aPolicy: link.cePolicy, latencyMs: link.latencyMs,
      });
    });
    circuit.connections.forEach((conn, k) => {
      addEdgePair(msee, node(`${conn.vnet}/ergw`), 'er-conn', {
        unit: connUnits[c]![k]!, bAddress: conn.gatewayAddress, weightAtB: conn.weight ?? 0, latencyMs: conn.latencyMs,
      });
    });
  });
  globalReach.forEach((g, i) => {
    addEdgePair(node(`${g.circuits[0]}/msee`), node(`${g.circuits[1]}/msee`), 'global-reach', { unit: reachUnits[i]!, latencyMs: g.latencyMs });
  });

  // S2S VPN connections, a tunnel per pair of gateway instances; static ones install static routes on both
  // ends (over every tunnel: equal-cost).
  vpns.forEach((v, i) => {
    const gw = node(`${v.gateway}/vpngw`);
    const bgp = v.bgp ?? true;
    const gatewaySite = vnets.get(v.gateway)!;
    for (const tunnel of vpnTunnels[i]!) {
      if ('ce' in v.peer) {
        const e = addEdgePair(node(v.peer.ce), gw, bgp ? 'vpn-bgp' : 'vpn-static', {
          unit: tunnel.unit, aAddress: v.peer.address, bAddress: tunnel.local, aPolicy: v.peer.policy, latencyMs: v.latencyMs,
        });
        if (!bgp) {
          for (const p of v.localNetworkPrefixes ?? []) nodes[gw]!.statics.push({ prefix: prefixOf(p), edge: e + 1 });
          for (const p of v.peerStaticRoutes ?? gatewaySite.addressSpace) nodes[node(v.peer.ce)]!.statics.push({ prefix: prefixOf(p), edge: e });
        }
      } else {
        const peerGw = node(`${v.peer.vnet}/vpngw`);
        const e = addEdgePair(gw, peerGw, bgp ? 'vpn-bgp' : 'vpn-static', {
          unit: tunnel.unit, aAddress: tunnel.local, bAddress: tunnel.remote, latencyMs: v.latencyMs,
        });
        if (!bgp) {
          const peerSite = vnets.get(v.peer.vnet)!;
          for (const p of v.localNetworkPrefixes ?? peerSite.addressSpace) nodes[gw]!.statics.push({ prefix: prefixOf(p), edge: e });
          for (const p of v.peerStaticRoutes ?? gatewaySite.addressSpace) nodes[peerGw]!.statics.push({ prefix: prefixOf(p), edge: e + 1 });
        }
      }
    }
  });

  /**
   * A connection's tunnels: one per instance of its gateway, times one per instance of a peer VNet's gateway
   * (a CE is one end). Each carries the hop addresses of its two ends where an active-active gateway gives
   * them per instance; an active-standby gateway's hop address is the node's own.
   */
  function tunnelsOf(v: VpnConnection): { local: string | undefined; remote: string | undefined }[] {
    const local = instancesOf(vnets.get(v.gateway)!);
    const remote = 'vnet' in v.peer ? instancesOf(vnets.get(v.peer.vnet)!) : [undefined];
    return local.flatMap((l) => remote.map((r) => ({ local: l, remote: r })));
  }

  // What each BGP speaker originates.
  for (const [gw, toVnet] of ownGatewayEdge) {
    const site = topology.sites[nodes[gw]!.site] as VnetSite;
    for (const p of site.addressSpace) nodes[gw]!.originates.push({ prefix: prefixOf(p), edge: toVnet });
    for (const { spoke, edge } of transitSpokes.get(gw) ?? []) {
      for (const p of vnets.get(spoke)!.addressSpace) nodes[gw]!.originates.push({ prefix: prefixOf(p), edge });
    }
  }
  for (const site of topology.sites) {
    if (site.kind !== 'onprem') continue;
    for (const ce of (site as OnPremSite).routers) {
      const n = node(ce.id);
      for (const p of ce.networks) nodes[n]!.originates.push({ prefix: prefixOf(p), edge: lanToCe.get(n)! });
    }
  }

  // VNet routing tables; user-defined routes to appliances add an NVA node in the appliance's VNet.
  const applianceNodes = new Map<string, number>();
  for (const site of topology.sites) {
    if (site.kind !== 'vnet') continue;
    const v = node(site.id);
    const gatewayEdges = [...(vnetToGateway.get(v) ?? []), ...(transitEdges.get(v) ?? [])];
    const userRoutes: CompiledUserRoute[] = (site.routeTable?.routes ?? []).map((route) => {
      let edge = -1;
      if (route.nextHopType === 'VirtualNetworkGateway') {
        edge = gatewayEdges.find((e) => nodes[edges[e]!.to]!.kind === 'vpngw') ?? -1;
      } else if (route.nextHopType === 'VirtualAppliance') {
        edge = applianceEdge(site, route.nextHopAddress!);
      }
      return { name: route.name, prefix: prefixOf(route.prefix), nextHopType: route.nextHopType, edge };
    });
    nodes[v]!.vnet = {
      vnetNode: v,
      addressSpace: site.addressSpace.map(prefixOf),
      disableBgpRoutePropagation: site.routeTable?.disableBgpRoutePropagation ?? false,
      gatewayEdges,
      peeringEdges: peeringEdges.get(v) ?? [],
      userRoutes,
    };
  }
  // An appliance forwards with its VNet's routes minus user-defined ones (a separate table: an NVA node).
  for (const n of applianceNodes.values()) {
    const host = nodes[sites[nodes[n]!.site]!.node]!;
    nodes[n]!.vnet = { ...host.vnet!, userRoutes: [] };
  }

  function applianceEdge(site: VnetSite, text: string): number {
    const addr = parseAddress(text);
    const v = node(site.id);
    const inVnet = (vnetId: string): boolean => vnets.get(vnetId)!.addressSpace.some((p) => containsAddress(parsePrefix(p), addr));
    let hostId = site.id;
    let unit = -1;
    if (!inVnet(site.id)) {
      const peering = peerings.findIndex((p) => p.sides.some((s) => s.vnet === site.id) && p.sides.some((s) => s.vnet !== site.id && inVnet(s.vnet)));
      if (peering < 0) return -1;
      hostId = peerings[peering]!.sides.find((s) => s.vnet !== site.id)!.vnet;
      unit = peeringUnits[peering]!;
    }
    const name = `${hostId}/nva-${text}`;
    let nva = applianceNodes.get(name);
    if (nva === undefined) {
      nva = addNode(name, 'nva', topology.sites.findIndex((s) => s.id === hostId), 0, { address: addr });
      applianceNodes.set(name, nva);
    }
    return addEdgePair(v, nva, unit < 0 ? 'internal' : 'peering', { unit: unit < 0 ? undefined : unit, bAddress: text });
  }

  return { name: topology.name, sites, nodes, edges, units, prefixes, unavailability: { ...topology.unavailability } };
}

/** A site's informational fields, where the file gives them. */
function described(site: Site): { role?: string; region?: string } {
  return { ...(site.role !== undefined ? { role: site.role } : {}), ...(site.region !== undefined ? { region: site.region } : {}) };
}

/** An active-active gateway's instance hop addresses (each instance's address, else its BGP address); one unnamed instance otherwise. */
function instancesOf(site: VnetSite): (string | undefined)[] {
  return site.vpnGateway?.instances?.map((i) => i.address ?? i.bgpAddress) ?? [undefined];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
