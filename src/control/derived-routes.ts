import { DELIVER, DROP } from '../model/compiled.js';
import { containsPrefix } from '../model/prefix.js';
import { EMPTY_AS_PATH } from './as-path.js';
import type { ControlContext } from './context.js';
import { DEFAULT_LOCAL_PREF, ROUTE_SOURCES, type Route } from './route.js';

/** A node's installed routes for the prefix at hand, as the convergence so far has them. */
type BestOf = (node: number) => readonly Route[] | undefined;

/**
 * Candidates of the nodes that do not speak BGP, built from their neighbours' converged routes:
 * a VNet's effective routes (and an appliance's, which are its VNet's without user-defined routes),
 * and an on-prem LAN's IGP view of its CE routers.
 */
export function derivedCandidates(
  ctx: ControlContext, node: number, prefix: number, best: BestOf, down: Uint8Array,
): Route[] {
  const n = ctx.topology.nodes[node]!;
  return n.kind === 'lan' ? lanCandidates(ctx, node, prefix, best) : vnetCandidates(ctx, node, prefix, best, down);
}

/**
 * The route a derived table installs: its source and way out, with the AS path and attributes of the learned
 * route it stems from (shown by `whatif routes`). Every VNet learning the same route over the same edge gets
 * the same object: routes are immutable, and an estate's tables repeat a few thousand of them millions of
 * times, which the baseline's packing and memory both notice.
 */
function plain(source: Route['source'], out: number, from?: Route): Route {
  const byWay = from ? (learnedFrom.get(from) ?? setAndGet(learnedFrom, from, new Map())) : ownRoutes;
  // out is an edge, DELIVER or DROP (>= -2); the source a small code.
  const key = (out + 2) * ROUTE_SOURCES.length + ROUTE_SOURCES.indexOf(source);
  let route = byWay.get(key);
  if (!route) {
    route = { source, out, asPath: from?.asPath ?? EMPTY_AS_PATH, localPref: from?.localPref ?? DEFAULT_LOCAL_PREF, weight: from?.weight ?? 0, origin: 0, med: 0 };
    byWay.set(key, route);
  }
  return route;
}

const learnedFrom = new WeakMap<Route, Map<number, Route>>();
const ownRoutes = new Map<number, Route>();

function setAndGet<K extends object, V>(map: WeakMap<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}

function vnetCandidates(ctx: ControlContext, node: number, prefix: number, best: BestOf, down: Uint8Array): Route[] {
  const { topology } = ctx;
  const table = topology.nodes[node]!.vnet!;
  const containing = ctx.vnetsContaining[prefix]!;
  const candidates: Route[] = [];

  for (const udr of table.userRoutes) {
    if (udr.prefix !== prefix) continue;
    // Azure keeps a user-defined route whose next hop is gone; the traffic is dropped.
    candidates.push(plain('udr', udr.edge < 0 || down[udr.edge] ? DROP : udr.edge));
  }
  for (const vnet of containing) {
    if (vnet === table.vnetNode) {
      candidates.push(plain('system', DELIVER));
      continue;
    }
    const e = ctx.peeringTo[node]!.get(vnet);
    if (e !== undefined && !down[e]) candidates.push(plain('peering', e));
  }
  if (!table.disableBgpRoutePropagation) {
    for (const e of table.gatewayEdges) {
      if (down[e]) continue;
      const gateway = topology.edges[e]!.to;
      const learned = best(gateway)?.[0];
      // A gateway's own originations are the VNet's system routes, not BGP routes.
      if (!learned || learned.source === 'local') continue;
      candidates.push(plain(topology.nodes[gateway]!.kind === 'ergw' ? 'er' : 'vpn', e, learned));
    }
  }
  return candidates;
}

function lanCandidates(ctx: ControlContext, node: number, prefix: number, best: BestOf): Route[] {
  const { topology } = ctx;
  const site = topology.sites[topology.nodes[node]!.site]!;
  const p = topology.prefixes[prefix]!;
  if (site.prefixes.some((s) => containsPrefix(topology.prefixes[s]!, p))) return [plain('local', DELIVER)];
  const candidates: Route[] = [];
  for (const e of ctx.lanEdges[node]!) {
    const ce = topology.edges[e]!.to;
    const route = best(ce)?.[0];
    // Redistributed into the IGP at equal cost; a CE's route back into this LAN is not a way out of it.
    if (route && route.out !== (e ^ 1)) candidates.push(plain('igp', e));
  }
  return candidates;
}
