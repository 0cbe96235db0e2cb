import type { CompiledTopology } from '../model/compiled.js';
import type { ControlContext } from '../control/context.js';
import type { PackedRouting } from '../control/packed-routing.js';
import { sameRoute, sameRouteSet } from '../control/route.js';
import type { Fib } from '../forward/fib.js';
import type { ForwardingBaseline } from '../forward/forwarding-baseline.js';
import { markUpstream } from '../forward/scenario-verdicts.js';
import type { Engine, ScenarioResult } from './engine.js';

/**
 * What a computed failure scenario reached, relative to the baseline: the routing equations whose inputs it
 * changed, the forwarding decisions it changed and the nodes its packets then visit, and the pairs of sites
 * whose verdicts it touched. Two scenarios whose footprints do not meet combine into the union of their
 * effects (composition.ts), so the combination needs no simulation.
 *
 * Routing items, per prefix: a node's installed routes as the node index, what a BGP session carries as
 * nodeCount + edge. An item is in the footprint when one of its inputs changed (a session: its sender's routes
 * or its edge going down; a speaker: a session into it or the edge of one of its own originations; a VNet or
 * LAN table: the gateway or CE routes it reads, or an edge it reads going down).
 */
export interface Footprint {
  /** False when a recomputed prefix did not converge: such a scenario composes with nothing. */
  converged: boolean;
  /** Touched prefixes, ascending; the items of prefixes[i] are items[itemStart[i] .. itemStart[i + 1]), ascending. */
  prefixes: Int32Array;
  itemStart: Int32Array;
  items: Int32Array;
  /**
   * Probes toward which some node's decision may change, ascending. Per probe: those nodes (writes); the sites
   * (their nodes) whose packets in the baseline pass one of them, so whose way may change (moved); and every
   * node the scenario's packets from those sites visit (reads). Each range ascending.
   */
  probes: Int32Array;
  writeStart: Int32Array;
  writes: Int32Array;
  movedStart: Int32Array;
  moved: Int32Array;
  readStart: Int32Array;
  reads: Int32Array;
  /** Unordered pairs of sites, a * siteCount + b with a < b, a verdict of which changed toward some probe; ascending. */
  pairs: Float64Array;
}

/** The footprint of a computed scenario, incrementally or not (the same either way). */
export function scenarioFootprint(engine: Engine, result: ScenarioResult): Footprint {
  const { topology, control, baseline } = engine;
  const changes = routingChanges(topology, baseline.routing, result);
  const routing = routingItems(control, baseline.routing, result.failed, changes);
  const { probes, writes } = probeWrites(baseline.forwarding, changes);
  const moved = probes.map((q, i) => movedSites(topology, baseline.forwarding, q, writes[i]!));
  const reads = probes.map((q, i) => visitedFrom(topology, result.fib, baseline.forwarding.probes[q]!.covering, moved[i]!));
  const siteCount = topology.sites.length;
  const pairs = new Set<number>();
  for (const key of result.touched) {
    const src = Math.floor(key / siteCount);
    const dst = key % siteCount;
    pairs.add(Math.min(src, dst) * siteCount + Math.max(src, dst));
  }
  let converged = true;
  for (const [p, state] of result.state.prefixes) converged &&= state.converged && baseline.routing.converged(p);
  return {
    converged,
    ...flatten(routing, 'itemStart', 'items'),
    probes: Int32Array.from(probes),
    ...ranges(writes, 'writeStart', 'writes'),
    ...ranges(moved, 'movedStart', 'moved'),
    ...ranges(reads, 'readStart', 'reads'),
    pairs: Float64Array.from(pairs).sort(),
  };
}

/** Per recomputed prefix: the nodes whose installed routes differ from the baseline's, and the sessions whose content does. */
type RoutingChanges = Map<number, { nodes: number[]; sessions: number[] }>;

/**
 * What differs from the baseline, prefix by prefix. A warm start lists it; a cold one (`--no-incremental`)
 * holds every node and session, compared here with the baseline's.
 */
function routingChanges(topology: CompiledTopology, base: PackedRouting, result: ScenarioResult): RoutingChanges {
  const changes: RoutingChanges = new Map();
  for (const [prefix, state] of result.state.prefixes) {
    if (!state.complete) {
      changes.set(prefix, { nodes: [...(state.changedNodes ?? [])], sessions: [...state.ribIn.keys()].sort((a, b) => a - b) });
      continue;
    }
    const nodes = topology.nodes.flatMap((_, n) => (sameRouteSet(state.best.get(n) ?? undefined, base.best(prefix, n)) ? [] : [n]));
    const sessions = topology.edges.flatMap((_, e) => (sameRoute(state.ribIn.get(e) ?? undefined, base.ribIn(prefix, e)) ? [] : [e]));
    changes.set(prefix, { nodes, sessions });
  }
  return changes;
}

/** Per prefix, the routing items whose inputs the scenario changed. */
function routingItems(ctx: ControlContext, base: PackedRouting, failed: readonly number[], changes: RoutingChanges): Map<number, Set<number>> {
  const { topology } = ctx;
  const nodeCount = topology.nodes.length;
  const items = new Map<number, Set<number>>();
  const add = (prefix: number, item: number): void => {
    let set = items.get(prefix);
    if (!set) items.set(prefix, (set = new Set()));
    set.add(item);
  };
  for (const [prefix, { nodes, sessions }] of changes) {
    for (const node of nodes) {
      add(prefix, node);
      for (const e of ctx.bgpOut[node]!) add(prefix, nodeCount + e);
      for (const reader of ctx.readersOfNode[node]!) add(prefix, reader);
    }
    for (const edge of sessions) {
      add(prefix, nodeCount + edge);
      add(prefix, topology.edges[edge]!.to);
    }
  }
  // An edge going down changes the inputs of what reads it, whether or not an installed route changed: a
  // session's non-best route is gone, a table loses a candidate. Prefixes not recomputed count too.
  for (const e of failedEdges(topology, failed)) {
    const edge = topology.edges[e]!;
    for (let p = 0; p < topology.prefixes.length; p++) {
      if (base.ribIn(p, e)) {
        add(p, nodeCount + e);
        add(p, edge.to);
      }
    }
    for (let p = 0; p < topology.prefixes.length; p++) {
      for (const { node, gate } of ctx.injected[p]!) if (gate === e) add(p, node);
    }
    for (const reader of ctx.readersOfEdge[e] ?? []) {
      for (const p of prefixesReadOver(ctx, base, reader, e)) add(p, reader);
    }
  }
  return items;
}

/** The edges a failed unit takes down (one that crosses a disabled unit is down in the baseline too: no change). */
function failedEdges(topology: CompiledTopology, failed: readonly number[]): number[] {
  const units = new Set(failed);
  return topology.edges.flatMap((edge, e) => (
    edge.units.some((u) => units.has(u)) && edge.units.every((u) => topology.units[u]!.enabled) ? [e] : []
  ));
}

/** The prefixes for which a subnet (or appliance) table takes a candidate over `edge` (derived-routes.ts). */
function prefixesReadOver(ctx: ControlContext, base: PackedRouting, reader: number, edge: number): number[] {
  const { topology } = ctx;
  const table = topology.nodes[reader]!.vnet!;
  const prefixes = new Set<number>();
  if (table.gatewayEdges.includes(edge) || table.routeServerEdges.includes(edge)) {
    // What the gateway learned, or the appliance routes the Route Server programs.
    const speaker = topology.edges[edge]!.to;
    for (let p = 0; p < topology.prefixes.length; p++) {
      const learned = base.best(p, speaker)?.[0];
      if (learned && learned.source !== 'local') prefixes.add(p);
    }
  }
  if (table.peeringEdges.includes(edge)) {
    const peer = topology.edges[edge]!.to;
    for (let p = 0; p < topology.prefixes.length; p++) if (ctx.vnetsContaining[p]!.includes(peer)) prefixes.add(p);
  }
  for (const udr of table.userRoutes) if (udr.edges.includes(edge)) prefixes.add(udr.prefix);
  return [...prefixes];
}

/** Per probe covered by a prefix whose installed routes changed somewhere: the nodes where they changed. */
function probeWrites(base: ForwardingBaseline, changes: RoutingChanges): { probes: number[]; writes: number[][] } {
  const byProbe = new Map<number, Set<number>>();
  for (const [prefix, { nodes }] of changes) {
    if (nodes.length === 0) continue;
    for (const q of base.probesByPrefix[prefix]!) {
      let set = byProbe.get(q);
      if (!set) byProbe.set(q, (set = new Set()));
      for (const n of nodes) set.add(n);
    }
  }
  const probes = [...byProbe.keys()].sort((a, b) => a - b);
  return { probes, writes: probes.map((q) => [...byProbe.get(q)!].sort((a, b) => a - b)) };
}

/**
 * The site nodes upstream of `written` toward the probe in the baseline (a packet from any other site never
 * meets a changed decision, so its way is the baseline's); every site when the probe's forwarding has a loop.
 */
function movedSites(topology: CompiledTopology, base: ForwardingBaseline, probe: number, written: readonly number[]): number[] {
  if (base.isCyclic(probe)) return topology.sites.map((s) => s.node).sort((a, b) => a - b);
  const upstream = markUpstream(base, probe, written, new Uint8Array(topology.nodes.length));
  return upstream.filter((n) => base.siteAt[n]! >= 0).sort((a, b) => a - b);
}

/** Every node a packet toward an address covered by `covering` visits from `starts`, over the scenario's routes; ascending. */
function visitedFrom(topology: CompiledTopology, fib: Fib, covering: Int32Array, starts: readonly number[]): number[] {
  const seen = new Uint8Array(topology.nodes.length);
  const stack = [...starts];
  for (const n of stack) seen[n] = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const prefix = fib.match(node, covering);
    if (prefix < 0) continue;
    for (const route of fib.routes(prefix, node)) {
      if (route.out < 0) continue;
      const to = topology.edges[route.out]!.to;
      if (!seen[to]) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  }
  const visited: number[] = [];
  seen.forEach((v, n) => { if (v) visited.push(n); });
  return visited;
}

function flatten<S extends string, I extends string>(sets: Map<number, Set<number>>, start: S, items: I): { prefixes: Int32Array } & Record<S | I, Int32Array> {
  const prefixes = [...sets.keys()].sort((a, b) => a - b);
  const lists = prefixes.map((p) => [...sets.get(p)!].sort((a, b) => a - b));
  return { prefixes: Int32Array.from(prefixes), ...ranges(lists, start, items) };
}

function ranges<S extends string, I extends string>(lists: readonly (readonly number[])[], start: S, items: I): Record<S | I, Int32Array> {
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => { starts[i + 1] = starts[i]! + list.length; });
  const flat = new Int32Array(starts[lists.length]!);
  lists.forEach((list, i) => flat.set(list, starts[i]!));
  return { [start]: starts, [items]: flat } as Record<S | I, Int32Array>;
}
