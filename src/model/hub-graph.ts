import { ROUTE_SERVER_ASN } from './azure-asns.js';
import type { GraphBuilder } from './graph-builder.js';
import { parseAddress } from './prefix.js';
import { GATEWAY_SUBNET, subnetRef } from './subnets.js';
import type { Appliance, NamedRouteTable, Peering, Topology, VnetSite } from './topology.js';

/** One instance of an appliance: a node of its own and a failure unit of its own. */
export interface ApplianceInstanceNode {
  node: number;
  unit: number;
  vnet: string;
  appliance: Appliance;
  instance: number;
  address: number;
}

/** A peering as compile.ts numbered it: its failure unit. */
export interface PeeringUnit {
  peering: Peering;
  unit: number;
}

/**
 * The parts of a hub besides its gateways, compiled into the graph: appliance instances (nodes and `nva:` units),
 * the Route Server (a BGP speaker in no data path; `rs-peer:` units for its peerings) and a GatewaySubnet with a
 * route table (a node whose table steers what the gateways send into the VNet). compile.ts calls each step after
 * the same step of the classic parts, so a topology without these compiles exactly as before.
 */
export class HubGraph {
  /** VNet id -> its GatewaySubnet node, where the GatewaySubnet has a route table and the VNet a gateway. */
  readonly gatewaySubnet = new Map<string, number>();
  /** VNet id -> its Route Server node. */
  readonly routeServer = new Map<string, number>();
  readonly instances: ApplianceInstanceNode[] = [];
  private readonly byAddress = new Map<string, ApplianceInstanceNode>();
  private readonly byLoadBalancer = new Map<string, ApplianceInstanceNode[]>();
  private readonly applianceEdges = new Map<string, number>();
  private readonly peerUnits: number[][] = [];

  constructor(private readonly b: GraphBuilder, private readonly topology: Topology, private readonly peerings: readonly PeeringUnit[]) {}

  addNodes(tables: ReadonlyMap<string, NamedRouteTable>): void {
    this.topology.sites.forEach((site, siteIndex) => {
      if (site.kind !== 'vnet') return;
      if (tables.has(subnetRef(site.id, GATEWAY_SUBNET)) && (site.erGateway || site.vpnGateway)) {
        this.gatewaySubnet.set(site.id, this.b.addNode(`${site.id}/${GATEWAY_SUBNET}`, 'subnet', siteIndex, 0));
      }
      for (const appliance of site.appliances ?? []) {
        appliance.instances.forEach((instance, i) => {
          const address = parseAddress(instance.address);
          const node = this.b.addNode(instanceName(site.id, appliance, i), 'nva', siteIndex, appliance.bgp?.asn ?? 0, { address });
          const entry: ApplianceInstanceNode = { node, unit: -1, vnet: site.id, appliance, instance: i, address };
          this.instances.push(entry);
          this.byAddress.set(`${site.id}|${address}`, entry);
          if (appliance.loadBalancerAddress !== undefined) {
            const key = `${site.id}|${parseAddress(appliance.loadBalancerAddress)}`;
            this.byLoadBalancer.set(key, [...(this.byLoadBalancer.get(key) ?? []), entry]);
          }
        });
      }
      if (site.routeServer) {
        const node = this.b.addNode(`${site.id}/routeserver`, 'route-server', siteIndex, ROUTE_SERVER_ASN, {
          address: parseAddress(site.routeServer.peerAddresses[0]),
        });
        this.routeServer.set(site.id, node);
      }
    });
  }

  /** `nva:` units, one per instance, then `rs-peer:` units, one per Route Server peering. */
  addUnits(): void {
    for (const entry of this.instances) {
      const many = entry.appliance.instances.length > 1;
      const name = many ? `${entry.appliance.name}/${entry.instance}` : entry.appliance.name;
      const enabled = entry.appliance.instances[entry.instance]!.enabled ?? true;
      entry.unit = this.b.addUnit('nva', name, [entry.vnet, this.b.nodes[entry.node]!.name], enabled, `nva:${name}`);
    }
    for (const site of this.vnets()) {
      this.peerUnits.push((site.routeServer?.peerings ?? []).map((p) => (
        this.b.addUnit('rs-peer', p.name, [`${site.id}/routeserver`, this.b.nodes[this.instanceAt(site.id, p.peerAddress)!.node]!.name], p.enabled ?? true, null)
      )));
    }
  }

  /**
   * The GatewaySubnet's way in (gateway -> GatewaySubnet node), the Route Server's sessions with its peers and,
   * with branch-to-branch, with the VNet's gateways (iBGP: all are AS 65515), and its reach into its VNet and the
   * gateway-transit spokes. Returns per VNet node the edges to the Route Server whose routes it takes.
   */
  addEdges(): { gatewayIntoSubnet: Map<number, number>; routeServerEdges: Map<number, number> } {
    const gatewayIntoSubnet = new Map<number, number>();
    const routeServerEdges = new Map<number, number>();
    this.vnets().forEach((site, v) => {
      const vnetNode = this.b.node(site.id);
      const subnet = this.gatewaySubnet.get(site.id);
      for (const suffix of ['ergw', 'vpngw']) {
        const gw = this.b.findNode(`${site.id}/${suffix}`);
        if (gw !== undefined && subnet !== undefined) gatewayIntoSubnet.set(gw, this.b.addEdgePair(gw, subnet, 'internal'));
      }
      const rs = this.routeServer.get(site.id);
      if (rs === undefined || !site.routeServer) return;
      routeServerEdges.set(vnetNode, this.b.addEdgePair(vnetNode, rs, 'internal'));
      site.routeServer.peerings.forEach((p, i) => {
        const peer = this.instanceAt(site.id, p.peerAddress)!;
        const session = this.b.addEdgePair(rs, peer.node, 'rs-peering', {
          units: [this.peerUnits[v]![i]!, peer.unit], aAddress: site.routeServer!.peerAddresses[0], bAddress: p.peerAddress,
        });
        this.announce(rs, session, peer);
      });
      if (site.routeServer.branchToBranch) {
        for (const [suffix, learnedAtA] of [['ergw', 'er'], ['vpngw', 'vpn']] as const) {
          const gw = this.b.findNode(`${site.id}/${suffix}`);
          if (gw !== undefined) this.b.addEdgePair(rs, gw, 'rs-gateway', { learnedAtB: 'route-server', learnedAtA, ibgp: true });
        }
      }
    });
    for (const { peering, unit } of this.peerings) {
      for (const [spoke, hub] of [[peering.sides[0], peering.sides[1]], [peering.sides[1], peering.sides[0]]] as const) {
        const rs = this.routeServer.get(hub.vnet);
        if (rs === undefined || !spoke.useRemoteGateways || !hub.allowGatewayTransit) continue;
        routeServerEdges.set(this.b.node(spoke.vnet), this.b.addEdgePair(this.b.node(spoke.vnet), rs, 'gateway-transit', { units: [unit] }));
      }
    }
    return { gatewayIntoSubnet, routeServerEdges };
  }

  /**
   * A Route Server's settings, the address spaces it serves (its VNet's and its gateway-transit spokes'), and the
   * way from each of those VNets to each appliance peer, the next hop of the routes it programs there.
   */
  finishRouteServers(spokesOf: (hub: string) => string[]): void {
    for (const site of this.vnets()) {
      const rs = this.routeServer.get(site.id);
      if (rs === undefined || !site.routeServer) continue;
      const served = [site.id, ...spokesOf(site.id)];
      for (const p of site.routeServer.peerings) {
        const peer = this.instanceAt(site.id, p.peerAddress)!;
        for (const vnet of served) this.applianceEdge(vnet, peer);
      }
      const byId = new Map(this.vnets().map((v) => [v.id, v]));
      const spaces = served.flatMap((id) => byId.get(id)!.addressSpace.map((p) => this.b.prefixOf(p)));
      const node = this.b.nodes[rs]!;
      node.routeServer = {
        branchToBranch: site.routeServer.branchToBranch ?? false,
        routingPreference: site.routeServer.routingPreference ?? 'ExpressRoute',
        servedSpace: [...new Set(spaces)],
        announcements: node.routeServer?.announcements ?? [],
      };
      // "After the route server is deployed, the multiple-path information is lost in the BGP exchange between
      // ExpressRoute and Azure Route Server": traffic from Azure takes one ExpressRoute connection
      // (troubleshoot-route-server).
      const ergw = this.b.findNode(`${site.id}/ergw`);
      if (ergw !== undefined) this.b.nodes[ergw]!.maximumPaths = 1;
    }
  }

  /** The instance with this address in the VNet, if one is declared. */
  instanceAt(vnet: string, address: string): ApplianceInstanceNode | undefined {
    return this.byAddress.get(`${vnet}|${parseAddress(address)}`);
  }

  /** The instances a VirtualAppliance next hop in `vnet` reaches: one by its address, or all behind a load balancer. */
  nextHop(vnet: string, address: string): ApplianceInstanceNode[] | undefined {
    const addr = parseAddress(address);
    const one = this.byAddress.get(`${vnet}|${addr}`);
    return one ? [one] : this.byLoadBalancer.get(`${vnet}|${addr}`);
  }

  /**
   * The edge from a VNet's node into an appliance instance: it crosses the peering first when the appliance is in
   * the other VNet, then the instance. One per pair, shared by every table of the VNet.
   */
  applianceEdge(fromVnet: string, peer: ApplianceInstanceNode): number {
    const from = this.b.node(fromVnet);
    const key = `${from}|${peer.node}`;
    let edge = this.applianceEdges.get(key);
    if (edge === undefined) {
      const peering = fromVnet === peer.vnet ? [] : [this.peeringUnit(fromVnet, peer.vnet)];
      edge = this.b.addEdgePair(from, peer.node, 'appliance', { units: [...peering, peer.unit], bAddress: this.addressText(peer) });
      this.applianceEdges.set(key, edge);
    }
    return edge;
  }

  private announce(rs: number, session: number, peer: ApplianceInstanceNode): void {
    const bgp = peer.appliance.bgp;
    if (!bgp) return;
    const node = this.b.nodes[rs]!;
    node.routeServer ??= { branchToBranch: false, routingPreference: 'ExpressRoute', servedSpace: [], announcements: [] };
    const asPath = Array.from({ length: 1 + (bgp.prependAsPath?.[peer.instance] ?? 0) }, () => bgp.asn);
    for (const p of bgp.announces) node.routeServer.announcements.push({ prefix: this.b.prefixOf(p), edge: session, asPath });
  }

  private peeringUnit(a: string, b: string): number {
    const found = this.peerings.find(({ peering }) => peering.sides.some((s) => s.vnet === a) && peering.sides.some((s) => s.vnet === b));
    if (!found) throw new Error(`Cannot compile topology: "${a}" and "${b}" are not peered`);
    return found.unit;
  }

  private addressText(peer: ApplianceInstanceNode): string {
    return peer.appliance.instances[peer.instance]!.address;
  }

  private vnets(): VnetSite[] {
    return this.topology.sites.filter((s): s is VnetSite => s.kind === 'vnet');
  }
}

function instanceName(vnet: string, appliance: Appliance, i: number): string {
  return appliance.instances.length > 1 ? `${vnet}/${appliance.name}/${i}` : `${vnet}/${appliance.name}`;
}
