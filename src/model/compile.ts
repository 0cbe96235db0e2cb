import type { CompiledSite, CompiledTopology, VnetRouting } from './compiled.js';
import { AZURE_GATEWAY_ASN, MSEE_ASN } from './azure-asns.js';
import { INTERNET_PREFIX, RESERVED_PREFIXES } from './azure-defaults.js';
import { GraphBuilder } from './graph-builder.js';
import { HubGraph } from './hub-graph.js';
import { parseAddress, parsePrefix, containsAddress } from './prefix.js';
import { subnetTables, type VnetEdges } from './subnet-tables.js';
import { tablesBySubnet } from './subnets.js';
import type { ErLink, OnPremSite, Site, Topology, VnetSite, VpnConnection } from './topology.js';

/** Most circuits an ER gateway spreads traffic over (azure-routing-rules.md 3.4). */
const ER_GATEWAY_ECMP = 4;

/**
 * Turns a validated topology into indexed nodes, directed edges and prefixes (see compiled.ts).
 * Assumes validateTopology() accepted the file: references resolve, flags are consistent.
 * The parts of a hub beyond its gateways (hub-graph.ts) and the subnets' tables (subnet-tables.ts) join each
 * step after the classic parts, so a file without them compiles to the graph it always did.
 */
export function compileTopology(topology: Topology): CompiledTopology {
  const b = new GraphBuilder();
  const { nodes, edges, prefixes } = b;
  const prefixOf = (text: string): number => b.prefixOf(text);
  const address = (text: string | undefined): number | null => (text === undefined ? null : parseAddress(text));
  const node = (name: string): number => b.node(name);
  const addNode = b.addNode.bind(b);
  const addEdgePair = b.addEdgePair.bind(b);

  const peerings = topology.peerings ?? [];
  const vpns = topology.vpnConnections ?? [];
  const circuits = topology.erCircuits ?? [];
  const globalReach = topology.globalReach ?? [];
  const tables = tablesBySubnet(topology);

  // Sites and the nodes inside them, in file order.
  const sites: CompiledSite[] = [];
  const vnets = new Map<string, VnetSite>();
  topology.sites.forEach((site, siteIndex) => {
    if (site.kind === 'vnet') {
      vnets.set(site.id, site);
      const vnetNode = addNode(site.id, 'vnet', siteIndex, 0);
      if (site.erGateway) addNode(`${site.id}/ergw`, 'ergw', siteIndex, AZURE_GATEWAY_ASN, { address: address(site.erGateway.address), maximumPaths: ER_GATEWAY_ECMP });
      if (site.vpnGateway) {
        addNode(`${site.id}/vpngw`, 'vpngw', siteIndex, site.vpnGateway.asn ?? AZURE_GATEWAY_ASN, {
          address: address(site.vpnGateway.address ?? site.vpnGateway.bgpAddress ?? instancesOf(site)[0]),
        });
      }
      sites.push({
        id: site.id, kind: 'vnet', node: vnetNode, prefixes: site.addressSpace.map(prefixOf), testAddresses: site.testAddresses.map(parseAddress),
        ...described(site), ...(site.erGateway || site.vpnGateway || site.routeServer ? { hub: site.id } : {}),
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

  // Failure units, in enumeration order: peerings, VPN connections, ER links, ER connections, Global Reach,
  // then appliance instances and Route Server peerings.
  const addUnit = b.addUnit.bind(b);
  const peeringUnits = peerings.map((p) => addUnit('peering', p.name, [p.sides[0].vnet, p.sides[1].vnet], p.enabled ?? true, null));
  const vpnTunnels = vpns.map((v) => tunnelsOf(v).map((tunnel, t, all) => ({
    ...tunnel,
    unit: addUnit('vpn', all.length > 1 ? `${v.name}/${t}` : v.name, [`${v.gateway}/vpngw`, 'ce' in v.peer ? v.peer.ce : `${v.peer.vnet}/vpngw`], v.enabled ?? true, `vpn:${v.name}`),
  })));
  const linkUnits = circuits.map((c) => c.links.map((l) => addUnit('er-link', l.name, [l.ce, `${c.name}/msee`], l.enabled ?? true, `er:${c.name}`)));
  const connUnits = circuits.map((c) => c.connections.map((k) => addUnit('er-conn', k.name, [`${c.name}/msee`, `${k.vnet}/ergw`], k.enabled ?? true, `er:${c.name}`)));
  const reachUnits = globalReach.map((g) => addUnit('global-reach', g.name, [`${g.circuits[0]}/msee`, `${g.circuits[1]}/msee`], g.enabled ?? true, `global-reach:${g.name}`));
  const hubs = new HubGraph(b, topology, peerings.map((peering, i) => ({ peering, unit: peeringUnits[i]! })));
  hubs.addNodes(tables);
  hubs.addUnits();

  // Inside each site: a VNet and its gateways, a LAN and its CE routers.
  const ownGatewayEdge = new Map<number, number>(); // gateway node -> edge gateway -> own VNet
  const vnetToGateway = new Map<number, number[]>(); // VNet node -> edges VNet -> own gateways
  const lanToCe = new Map<number, number>(); // CE node -> edge CE -> LAN
  for (const site of topology.sites) {
    if (site.kind === 'vnet') {
      const v = node(site.id);
      const out: number[] = [];
      for (const suffix of ['ergw', 'vpngw']) {
        const gw = b.findNode(`${site.id}/${suffix}`);
        if (gw === undefined) continue;
        const e = addEdgePair(v, gw, 'internal');
        out.push(e);
        ownGatewayEdge.set(gw, e + 1);
      }
      vnetToGateway.set(v, out);
      // A VNet's two gateways share its GatewaySubnet: the VPN gateway sees the ER gateway's routes (held-routes.ts).
      const er = b.findNode(`${site.id}/ergw`);
      const vpn = b.findNode(`${site.id}/vpngw`);
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
  const servingHub = new Map<string, string>(); // spoke VNet id -> the VNet whose gateways or Route Server it uses
  peerings.forEach((p, i) => {
    const unit = peeringUnits[i]!;
    const [a, c] = p.sides;
    const e = addEdgePair(node(a.vnet), node(c.vnet), 'peering', { units: [unit], latencyMs: p.latencyMs });
    pushTo(peeringEdges, node(a.vnet), e);
    pushTo(peeringEdges, node(c.vnet), e + 1);
    for (const [spoke, hub] of [[a, c], [c, a]] as const) {
      if (!spoke.useRemoteGateways || !hub.allowGatewayTransit) continue;
      sites[topology.sites.findIndex((s) => s.id === spoke.vnet)]!.hub = hub.vnet;
      servingHub.set(spoke.vnet, hub.vnet);
      for (const suffix of ['ergw', 'vpngw']) {
        const gw = b.findNode(`${hub.vnet}/${suffix}`);
        if (gw === undefined) continue;
        const t = addEdgePair(node(spoke.vnet), gw, 'gateway-transit', { units: [unit], latencyMs: p.latencyMs });
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
        units: [linkUnits[c]![l]!], aAddress: link.ceAddress, bAddress: link.mseeAddress, aPolicy: link.cePolicy, latencyMs: link.latencyMs,
      });
    });
    circuit.connections.forEach((conn, k) => {
      addEdgePair(msee, node(`${conn.vnet}/ergw`), 'er-conn', {
        units: [connUnits[c]![k]!], bAddress: conn.gatewayAddress, weightAtB: conn.weight ?? 0, latencyMs: conn.latencyMs,
      });
    });
  });
  globalReach.forEach((g, i) => {
    addEdgePair(node(`${g.circuits[0]}/msee`), node(`${g.circuits[1]}/msee`), 'global-reach', { units: [reachUnits[i]!], latencyMs: g.latencyMs });
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
          units: [tunnel.unit], aAddress: v.peer.address, bAddress: tunnel.local, aPolicy: v.peer.policy, latencyMs: v.latencyMs,
        });
        if (!bgp) {
          for (const p of v.localNetworkPrefixes ?? []) nodes[gw]!.statics.push({ prefix: prefixOf(p), edge: e + 1 });
          for (const p of v.peerStaticRoutes ?? gatewaySite.addressSpace) nodes[node(v.peer.ce)]!.statics.push({ prefix: prefixOf(p), edge: e });
        }
      } else {
        const peerGw = node(`${v.peer.vnet}/vpngw`);
        const e = addEdgePair(gw, peerGw, bgp ? 'vpn-bgp' : 'vpn-static', {
          units: [tunnel.unit], aAddress: tunnel.local, bAddress: tunnel.remote, latencyMs: v.latencyMs,
        });
        if (!bgp) {
          const peerSite = vnets.get(v.peer.vnet)!;
          for (const p of v.localNetworkPrefixes ?? peerSite.addressSpace) nodes[gw]!.statics.push({ prefix: prefixOf(p), edge: e });
          for (const p of v.peerStaticRoutes ?? gatewaySite.addressSpace) nodes[peerGw]!.statics.push({ prefix: prefixOf(p), edge: e + 1 });
        }
      }
    }
  });
  const { gatewayIntoSubnet, routeServerEdges } = hubs.addEdges();

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

  // What each BGP speaker originates. A gateway whose GatewaySubnet has a route table sends the traffic for
  // it through that table; the origination still stands or falls with its own edge (a spoke's peering).
  for (const [gw, toVnet] of ownGatewayEdge) {
    const site = topology.sites[nodes[gw]!.site] as VnetSite;
    const intoSubnet = gatewayIntoSubnet.get(gw);
    const originate = (prefix: number, edge: number): void => {
      nodes[gw]!.originates.push(intoSubnet === undefined ? { prefix, edge } : { prefix, edge: intoSubnet, gate: edge });
    };
    for (const p of site.addressSpace) originate(prefixOf(p), toVnet);
    for (const { spoke, edge } of transitSpokes.get(gw) ?? []) {
      for (const p of vnets.get(spoke)!.addressSpace) originate(prefixOf(p), edge);
    }
  }
  for (const site of topology.sites) {
    if (site.kind !== 'onprem') continue;
    for (const ce of (site as OnPremSite).routers) {
      const n = node(ce.id);
      for (const p of ce.networks) nodes[n]!.originates.push({ prefix: prefixOf(p), edge: lanToCe.get(n)! });
    }
  }
  hubs.finishRouteServers((hub) => [...servingHub].filter(([, h]) => h === hub).map(([spoke]) => spoke));

  // Routing tables of every subnet that matters; user-defined routes to an appliance the file does not declare
  // add an NVA node in the appliance's VNet.
  const applianceNodes = new Map<string, number>();
  for (const site of topology.sites) {
    if (site.kind !== 'vnet') continue;
    const v = node(site.id);
    const serving = vnets.get(servingHub.get(site.id) ?? site.id)?.routeServer;
    const shared: VnetEdges = {
      vnetNode: v,
      addressSpace: site.addressSpace.map(prefixOf),
      gatewayEdges: [...(vnetToGateway.get(v) ?? []), ...(transitEdges.get(v) ?? [])],
      routeServerEdges: routeServerEdges.has(v) ? [routeServerEdges.get(v)!] : [],
      peeringEdges: peeringEdges.get(v) ?? [],
      bgpPreference: serving?.branchToBranch ? serving.routingPreference ?? 'ExpressRoute' : 'ExpressRoute',
    };
    subnetTables(b, hubs, site, shared, tables, undeclaredAppliance);
  }
  // An undeclared appliance forwards with its VNet's routes minus user-defined ones (its own node).
  for (const n of applianceNodes.values()) {
    const host: VnetRouting = nodes[sites[nodes[n]!.site]!.node]!.vnet!;
    nodes[n]!.vnet = { ...host, userRoutes: [] };
  }

  function undeclaredAppliance(site: VnetSite, text: string): number {
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
    return addEdgePair(v, nva, unit < 0 ? 'internal' : 'peering', { units: unit < 0 ? [] : [unit], bAddress: text });
  }

  // Azure's default routes exist in every subnet: their prefixes come last, after everything the file names.
  const defaults = { internet: prefixOf(INTERNET_PREFIX), reserved: RESERVED_PREFIXES.map(prefixOf) };
  return { name: topology.name, sites, nodes, edges, units: b.units, prefixes, defaults, unavailability: { ...topology.unavailability } };
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
