import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import type { RoutingState } from './routing-state.js';
import type { Route } from './route.js';

/** One row of `whatif routes`: like Azure's effective routes / a gateway's learned routes, plus why. */
export interface RouteRow {
  node: string;
  prefix: string;
  source: Route['source'];
  /** The node the route points to; null when it delivers locally or drops. */
  nextHop: string | null;
  asPath: number[];
  localPref: number;
  weight: number;
  best: boolean;
  /** Why a candidate is not best; null for installed routes. */
  reason: string | null;
}

/** The routing table of one node from an explained state (computeRoutingState(..., explain = true)). */
export function routeTable(topology: CompiledTopology, state: RoutingState, node: number): RouteRow[] {
  const name = topology.nodes[node]!.name;
  const rows: RouteRow[] = [];
  const order = [...state.prefixes.keys()].sort((a, b) => {
    const pa = topology.prefixes[a]!;
    const pb = topology.prefixes[b]!;
    return pa.net - pb.net || pa.len - pb.len;
  });
  for (const p of order) {
    const ranking = state.prefixes.get(p)!.rankings?.get(node);
    if (!ranking) continue;
    const row = (route: Route, best: boolean, reason: string | null): RouteRow => ({
      node: name,
      prefix: formatPrefix(topology.prefixes[p]!),
      source: route.source,
      nextHop: route.out >= 0 ? topology.nodes[topology.edges[route.out]!.to]!.name : null,
      asPath: [...route.asPath],
      localPref: route.localPref,
      weight: route.weight,
      best,
      reason,
    });
    for (const route of ranking.best) rows.push(row(route, true, null));
    for (const loser of ranking.losers) rows.push(row(loser.route, false, loser.reason));
  }
  return rows;
}

