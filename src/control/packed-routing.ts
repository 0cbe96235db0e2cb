import { EMPTY_AS_PATH, prependAsn } from './as-path.js';
import type { ControlContext } from './context.js';
import type { RoutingBase } from './converge.js';
import { ROUTE_SOURCES, type Route } from './route.js';
import { RouteInterner } from './route-interner.js';
import type { RoutingState } from './routing-state.js';

/**
 * The baseline's converged routing state as flat typed arrays: computed once by the coordinator and shared
 * with every worker (a SharedArrayBuffer each), which reads it without copying. Routes are interned (a route
 * names no prefix, so one route serves every prefix an AS originates), ECMP lists too; per (prefix, node) one
 * list id, per (prefix, BGP session) one route id.
 */
export interface PackedRoutingArrays {
  prefixCount: number;
  nodeCount: number;
  /** Per route: source (index into ROUTE_SOURCES), out edge, AS path id, local-preference, weight, origin, MED. */
  routeSource: Uint8Array;
  routeOut: Int32Array;
  routeAsPath: Int32Array;
  routeLocalPref: Int32Array;
  routeWeight: Int32Array;
  routeOrigin: Uint8Array;
  routeMed: Int32Array;
  /** AS path `i` is asns[asPathStart[i] .. asPathStart[i + 1]). */
  asPathStart: Int32Array;
  asns: Uint32Array;
  /** ECMP list `i` is the routes listRoutes[listStart[i] .. listStart[i + 1]), best first. */
  listStart: Int32Array;
  listRoutes: Int32Array;
  /** bestList[prefix * nodeCount + node]: the node's installed list, -1 for none. */
  bestList: Int32Array;
  /** Per edge: its column in ribRoute (BGP sessions only), -1 otherwise. ribRoute[prefix * sessions + column]. */
  ribColumn: Int32Array;
  ribRoute: Int32Array;
  converged: Uint8Array;
  /** The prefixes each unit carries an installed route for: unitPrefixes[unitStart[u] .. unitStart[u + 1]). */
  unitStart: Int32Array;
  unitPrefixes: Int32Array;
}

/** Read access to the packed baseline, as the warm starts and the FIB read it. */
export class PackedRouting implements RoutingBase {
  private readonly routes: Route[];
  private readonly lists: (readonly Route[])[];
  private readonly sessions: number;
  readonly notConverged: readonly number[];

  constructor(readonly arrays: PackedRoutingArrays) {
    const a = arrays;
    const asPaths = Array.from({ length: a.asPathStart.length - 1 }, (_, i) => (
      [...a.asns.subarray(a.asPathStart[i]!, a.asPathStart[i + 1]!)].reduceRight((tail, asn) => prependAsn(tail, asn), EMPTY_AS_PATH)
    ));
    this.routes = Array.from(a.routeSource, (source, r): Route => ({
      source: ROUTE_SOURCES[source]!, out: a.routeOut[r]!, asPath: asPaths[a.routeAsPath[r]!]!,
      localPref: a.routeLocalPref[r]!, weight: a.routeWeight[r]!, origin: a.routeOrigin[r]!, med: a.routeMed[r]!,
    }));
    this.lists = Array.from({ length: a.listStart.length - 1 }, (_, i) => [...a.listRoutes.subarray(a.listStart[i]!, a.listStart[i + 1]!)].map((r) => this.routes[r]!));
    this.sessions = a.prefixCount === 0 ? 0 : a.ribRoute.length / a.prefixCount;
    this.notConverged = Array.from({ length: a.prefixCount }, (_, p) => p).filter((p) => !a.converged[p]);
  }

  best(prefix: number, node: number): readonly Route[] | undefined {
    const list = this.arrays.bestList[prefix * this.arrays.nodeCount + node]!;
    return list < 0 ? undefined : this.lists[list];
  }

  /** The same as best(): what the baseline's FIB reads. */
  installed(prefix: number, node: number): readonly Route[] | undefined {
    return this.best(prefix, node);
  }

  ribIn(prefix: number, edge: number): Route | undefined {
    const column = this.arrays.ribColumn[edge]!;
    if (column < 0) return undefined;
    const route = this.arrays.ribRoute[prefix * this.sessions + column]!;
    return route < 0 ? undefined : this.routes[route];
  }

  converged(prefix: number): boolean {
    return this.arrays.converged[prefix] === 1;
  }

  /**
   * The prefixes a scenario must recompute: those a failed unit carries an installed route for, and those that
   * did not converge. Sorted.
   */
  affectedPrefixes(failed: readonly number[]): number[] {
    const { unitStart, unitPrefixes } = this.arrays;
    const affected = new Set<number>(this.notConverged);
    for (const u of failed) for (let i = unitStart[u]!; i < unitStart[u + 1]!; i++) affected.add(unitPrefixes[i]!);
    return [...affected].sort((a, b) => a - b);
  }

  /** Packs a cold, complete state of every prefix (the baseline). */
  static pack(ctx: ControlContext, state: RoutingState): PackedRouting {
    return new PackedRouting(packArrays(ctx, state));
  }
}

function packArrays(ctx: ControlContext, state: RoutingState): PackedRoutingArrays {
  const { topology } = ctx;
  const prefixCount = topology.prefixes.length;
  const nodeCount = topology.nodes.length;
  const interned = new RouteInterner();
  const ribColumn = new Int32Array(topology.edges.length).fill(-1);
  let sessions = 0;
  for (const edges of ctx.bgpIn) for (const e of edges) ribColumn[e] = sessions++;
  const bestList = new Int32Array(prefixCount * nodeCount).fill(-1);
  const ribRoute = new Int32Array(prefixCount * sessions).fill(-1);
  const converged = new Uint8Array(prefixCount);
  const unitPrefixes: number[][] = topology.units.map(() => []);
  for (let p = 0; p < prefixCount; p++) {
    const prefix = state.prefixes.get(p);
    if (!prefix?.complete) throw new Error(`Cannot pack routing state: prefix ${p} was not computed cold`);
    converged[p] = prefix.converged ? 1 : 0;
    const units = new Set<number>();
    for (const [node, routes] of prefix.best) {
      if (!routes) continue;
      bestList[p * nodeCount + node] = interned.list(routes);
      for (const r of routes) if (r.out >= 0) for (const u of topology.edges[r.out]!.units) units.add(u);
    }
    // An installed origination whose gate is another edge (through a GatewaySubnet) falls with the gate's units.
    for (const { node, route, gate } of ctx.injected[p]!) {
      if (gate === route.out || !prefix.best.get(node)?.includes(route)) continue;
      for (const u of topology.edges[gate]!.units) units.add(u);
    }
    for (const unit of units) unitPrefixes[unit]!.push(p);
    for (const [edge, r] of prefix.ribIn) if (r && ribColumn[edge]! >= 0) ribRoute[p * sessions + ribColumn[edge]!] = interned.route(r);
  }
  const unitStart = new Int32Array(topology.units.length + 1);
  unitPrefixes.forEach((list, u) => { unitStart[u + 1] = unitStart[u]! + list.length; });

  return {
    prefixCount, nodeCount,
    routeSource: Uint8Array.from(interned.source), routeOut: interned.out.done(), routeAsPath: interned.asPath.done(),
    routeLocalPref: interned.localPref.done(), routeWeight: interned.weight.done(), routeOrigin: Uint8Array.from(interned.origin),
    routeMed: interned.med.done(), asPathStart: interned.asPathStart.done(), asns: Uint32Array.from(interned.asns),
    listStart: interned.listStart.done(), listRoutes: interned.listRoutes.done(),
    bestList, ribColumn, ribRoute, converged,
    unitStart, unitPrefixes: Int32Array.from(unitPrefixes.flat()),
  };
}
