import type { Edge, EdgeKind, FailureUnit, GraphNode, LearnedAs, NodeKind, UnitKind } from './compiled.js';
import { formatPrefix, parseAddress, parsePrefix, type Prefix } from './prefix.js';
import type { NeighborPolicy } from './topology.js';

export interface EdgeOptions {
  /** The failure units the edge crosses, in order; none for adjacencies that cannot fail. */
  units?: number[];
  /** Address of a's interface (the hop address of a when entered from b), and of b's. */
  aAddress?: string | undefined;
  bAddress?: string | undefined;
  /** a's outbound / inbound policy toward b (a CE's neighbour policy). */
  aPolicy?: NeighborPolicy | undefined;
  /** Weight the receiving ER gateway b gives routes from a. */
  weightAtB?: number | undefined;
  latencyMs?: number | undefined;
  /** A BGP session: what b lists routes from a as, and a those from b (SESSIONS gives the usual ones by kind). */
  learnedAtB?: LearnedAs;
  learnedAtA?: LearnedAs;
  ibgp?: boolean;
}

/** The BGP sessions of each kind of link, and what a route received over one is (the same both ways). */
const SESSIONS: Partial<Record<EdgeKind, LearnedAs>> = {
  'er-link': 'er',
  'er-conn': 'er',
  'global-reach': 'global-reach',
  'vpn-bgp': 'vpn',
};

/**
 * The compiled topology as it is assembled: prefixes deduplicated to indices, nodes by name, failure units in
 * enumeration order, edges in pairs (e is a -> b, e ^ 1 is b -> a). compile.ts drives it; the parts of a hub
 * (appliances, Route Server, subnet tables) are added by their own modules through it.
 */
export class GraphBuilder {
  readonly prefixes: Prefix[] = [];
  readonly nodes: GraphNode[] = [];
  readonly units: FailureUnit[] = [];
  readonly edges: Edge[] = [];
  private readonly prefixIndex = new Map<string, number>();
  private readonly nodeIndex = new Map<string, number>();

  prefixOf(text: string): number {
    const parsed = parsePrefix(text);
    const key = formatPrefix(parsed);
    let index = this.prefixIndex.get(key);
    if (index === undefined) {
      index = this.prefixes.length;
      this.prefixes.push(parsed);
      this.prefixIndex.set(key, index);
    }
    return index;
  }

  addNode(name: string, kind: NodeKind, site: number, asn: number, extra: Partial<GraphNode> = {}): number {
    this.nodeIndex.set(name, this.nodes.length);
    this.nodes.push({ name, kind, site, asn, routerId: 0, address: null, maximumPaths: 1, originates: [], statics: [], ...extra });
    return this.nodes.length - 1;
  }

  node(name: string): number {
    const index = this.nodeIndex.get(name);
    if (index === undefined) throw new Error(`Cannot compile topology: unknown node "${name}"`);
    return index;
  }

  findNode(name: string): number | undefined {
    return this.nodeIndex.get(name);
  }

  addUnit(kind: UnitKind, name: string, endpoints: [string, string], enabled: boolean, circuit: string | null): number {
    this.units.push({ id: `${kind}:${name}`, kind, name, endpoints, enabled, circuit });
    return this.units.length - 1;
  }

  addEdgePair(a: number, b: number, kind: EdgeKind, options: EdgeOptions = {}): number {
    const units = options.units ?? [];
    const latencyMs = options.latencyMs ?? 0;
    const aAddress = address(options.aAddress);
    const bAddress = address(options.bAddress);
    const outbound = options.aPolicy?.outbound;
    const exportPolicy = outbound && { prefixList: outbound.prefixList?.map((p) => this.prefixOf(p)), prependAsPath: outbound.prependAsPath };
    const learnedAtB = options.learnedAtB ?? SESSIONS[kind];
    const learnedAtA = options.learnedAtA ?? SESSIONS[kind];
    const ibgp = options.ibgp ? { ibgp: true } : {};
    this.edges.push({
      from: a, to: b, kind, units, ...(learnedAtB && { learnedAs: learnedAtB }), ...ibgp,
      fromAddress: aAddress, toAddress: bAddress, exportPolicy, weight: options.weightAtB ?? 0, latencyMs,
    });
    this.edges.push({
      from: b, to: a, kind, units: [...units].reverse(), ...(learnedAtA && { learnedAs: learnedAtA }), ...ibgp,
      fromAddress: bAddress, toAddress: aAddress, importPolicy: options.aPolicy?.inbound, weight: 0, latencyMs,
    });
    return this.edges.length - 2;
  }
}

function address(text: string | undefined): number | null {
  return text === undefined ? null : parseAddress(text);
}
