import { INTERNET, UNROUTABLE, type CompiledTopology, type VnetRouting } from '../model/compiled.js';
import { containsPrefix, formatPrefix } from '../model/prefix.js';
import { reservedRoutesRemoved } from './reserved-ranges.js';
import type { RoutingState } from './routing-state.js';
import type { Route } from './route.js';

/** One row of `whatif routes`: like Azure's effective routes / a gateway's learned routes, plus why. */
export interface RouteRow {
  node: string;
  prefix: string;
  source: Route['source'];
  /** The node the route points to; `Internet` for next hop Internet; null when it delivers locally or drops. */
  nextHop: string | null;
  asPath: number[];
  localPref: number;
  weight: number;
  best: boolean;
  /** Why a candidate is not best; null for installed routes. */
  reason: string | null;
}

/**
 * The routing table of one node from an explained state (computeRoutingState(..., explain = true)). A VNet's is
 * its effective routes as Azure lists them: system routes for its own address spaces, peering routes for its
 * peers', BGP and user-defined routes under their own prefixes, and Azure's default routes. (The engine decides
 * per prefix, so at a BGP prefix inside a peered range it holds the peering route too, as forwarding needs; that
 * is no row of its own.) A reserved range's None route is listed as removed where the table's own 0.0.0.0/0 has
 * taken its place.
 */
export function routeTable(topology: CompiledTopology, state: RoutingState, node: number): RouteRow[] {
  const name = topology.nodes[node]!.name;
  const table = topology.nodes[node]!.vnet;
  const rows: RouteRow[] = [];
  const order = [...state.prefixes.keys()].sort((a, b) => {
    const pa = topology.prefixes[a]!;
    const pb = topology.prefixes[b]!;
    return pa.net - pb.net || pa.len - pb.len;
  });
  const removed = reservedRoutesRemoved(topology, (prefix, n) => state.installed(prefix, n), node);
  for (const p of order) {
    const ranking = state.prefixes.get(p)!.rankings?.get(node);
    if (!ranking) continue;
    const row = (route: Route, best: boolean, reason: string | null): RouteRow => ({
      node: name,
      prefix: formatPrefix(topology.prefixes[p]!),
      source: route.source,
      nextHop: route.out >= 0 ? topology.nodes[topology.edges[route.out]!.to]!.name : route.out === INTERNET ? 'Internet' : null,
      asPath: [...route.asPath],
      localPref: route.localPref,
      weight: route.weight,
      best,
      reason,
    });
    const candidates = [...ranking.best.map((route) => ({ route, reason: null as string | null })), ...ranking.losers];
    if (!table) {
      for (const { route, reason } of candidates) rows.push(row(route, reason === null, reason));
      continue;
    }
    const winner = ranking.best[0];
    const covering = winner && !ownsPrefix(topology, table, winner, p) ? coveringRange(topology, table, winner, p) : undefined;
    for (const { route, reason } of candidates) {
      if (!ownsPrefix(topology, table, route, p)) continue;
      if (covering) rows.push(row(route, false, `the ${winner!.source} route for ${covering} is preferred, even though this ${route.source} route is more specific`));
      else if (removed && route.out === UNROUTABLE) rows.push(row(route, false, WHY_REMOVED));
      else rows.push(row(route, reason === null, reason));
    }
  }
  return rows;
}

const WHY_REMOVED = 'removed by Azure: the table has a 0.0.0.0/0 route of its own (user-defined or BGP)';

/** Whether a VNet's route for `prefix` is a route of that prefix: system and peering routes exist for whole address spaces only. */
function ownsPrefix(topology: CompiledTopology, table: VnetRouting, route: Route, prefix: number): boolean {
  if (route.source === 'system') return table.addressSpace.includes(prefix);
  if (route.source === 'peering') return topology.nodes[topology.edges[route.out]!.to]!.vnet!.addressSpace.includes(prefix);
  return true;
}

/** The address space a system or peering route covers `prefix` from. */
function coveringRange(topology: CompiledTopology, table: VnetRouting, route: Route, prefix: number): string | undefined {
  const spaces = route.source === 'system' ? table.addressSpace
    : route.source === 'peering' ? topology.nodes[topology.edges[route.out]!.to]!.vnet!.addressSpace : [];
  const range = spaces.find((s) => containsPrefix(topology.prefixes[s]!, topology.prefixes[prefix]!));
  return range === undefined ? undefined : formatPrefix(topology.prefixes[range]!);
}
