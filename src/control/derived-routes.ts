import { DELIVER, DROP, INTERNET, LOWEST_ACTION, UNROUTABLE, type CompiledUserRoute, type VnetRouting } from '../model/compiled.js';
import { containsPrefix } from '../model/prefix.js';
import { EMPTY_AS_PATH } from './as-path.js';
import type { ControlContext } from './context.js';
import { DEFAULT_LOCAL_PREF, ROUTE_SOURCES, type Route } from './route.js';

/** A node's installed routes for the prefix at hand, as the convergence so far has them. */
type BestOf = (node: number) => readonly Route[] | undefined;

/**
 * Candidates of the nodes that do not speak BGP, built from their neighbours' converged routes:
 * a subnet's effective routes (a VNet's, a GatewaySubnet's, an appliance's), and an on-prem LAN's IGP view of
 * its CE routers.
 */
export function derivedCandidates(
  ctx: ControlContext, node: number, prefix: number, best: BestOf, down: Uint8Array,
): Route[] {
  const n = ctx.topology.nodes[node]!;
  return n.kind === 'lan' ? lanCandidates(ctx, node, prefix, best) : subnetCandidates(ctx, node, prefix, best, down);
}

/**
 * The route a derived table installs: its source and way out, with the AS path and attributes of the learned
 * route it stems from (shown by `whatif routes`). Every VNet learning the same route over the same edge gets
 * the same object: routes are immutable, and an estate's tables repeat a few thousand of them millions of
 * times, which the baseline's packing and memory both notice.
 */
function plain(source: Route['source'], out: number, from?: Route): Route {
  const byWay = from ? (learnedFrom.get(from) ?? setAndGet(learnedFrom, from, new Map())) : ownRoutes;
  // out is an edge or an action (>= LOWEST_ACTION); the source a small code.
  const key = (out - LOWEST_ACTION) * ROUTE_SOURCES.length + ROUTE_SOURCES.indexOf(source);
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

function subnetCandidates(ctx: ControlContext, node: number, prefix: number, best: BestOf, down: Uint8Array): Route[] {
  const table = ctx.topology.nodes[node]!.vnet!;
  const candidates: Route[] = [];
  for (const udr of table.userRoutes) if (udr.prefix === prefix) candidates.push(...userRoutes(udr, down));
  if (!table.systemRoutes) return candidates;
  systemCandidates(ctx, node, table, prefix, down, candidates);
  if (!table.disableBgpRoutePropagation) bgpCandidates(ctx, table, best, down, candidates);
  return candidates;
}

/**
 * A user-defined route, by its next hop type. Azure keeps a route whose appliance or gateway is gone; the traffic
 * is dropped. Behind a load balancer, traffic spreads over the instances that are up.
 */
function userRoutes(udr: CompiledUserRoute, down: Uint8Array): Route[] {
  switch (udr.nextHopType) {
    case 'None': return [plain('udr', DROP)];
    case 'VnetLocal': return [plain('udr', DELIVER)];
    case 'Internet': return [plain('udr', INTERNET)];
    default: {
      const up = udr.edges.filter((e) => !down[e]);
      return up.length === 0 ? [plain('udr', DROP)] : up.map((e) => plain('udr', e));
    }
  }
}

/**
 * System routes (the VNet's address space, its peers') and Azure's default routes: 0.0.0.0/0 to the Internet,
 * and None for a reserved range unless the VNet's address space covers it ("Azure removes the route for the
 * prefix", virtual-networks-udr-overview).
 */
function systemCandidates(ctx: ControlContext, node: number, table: VnetRouting, prefix: number, down: Uint8Array, candidates: Route[]): void {
  const containing = ctx.vnetsContaining[prefix]!;
  for (const vnet of containing) {
    if (vnet === table.vnetNode) {
      candidates.push(plain('system', DELIVER));
      continue;
    }
    const e = ctx.peeringTo[node]!.get(vnet);
    if (e !== undefined && !down[e]) candidates.push(plain('peering', e));
  }
  const { defaults } = ctx.topology;
  if (prefix === defaults.internet) candidates.push(plain('default', INTERNET));
  else if (defaults.reserved.includes(prefix) && !containing.includes(table.vnetNode)) candidates.push(plain('default', UNROUTABLE));
}

/**
 * BGP routes: the learned routes (not originations, not what a Route Server reflected to them) of the gateways
 * the table uses, and the appliance routes its Route Server programs, next hop the appliance.
 */
function bgpCandidates(ctx: ControlContext, table: VnetRouting, best: BestOf, down: Uint8Array, candidates: Route[]): void {
  const { topology } = ctx;
  for (const e of table.gatewayEdges) {
    if (down[e]) continue;
    const gateway = topology.edges[e]!.to;
    const learned = best(gateway)?.[0];
    // A gateway's own originations are the VNet's system routes, not BGP routes.
    if (!learned || learned.source === 'local' || learned.source === 'route-server') continue;
    candidates.push(plain(topology.nodes[gateway]!.kind === 'ergw' ? 'er' : 'vpn', e, learned));
  }
  for (const e of table.routeServerEdges) {
    if (down[e]) continue;
    for (const learned of best(topology.edges[e]!.to) ?? []) {
      if (learned.source !== 'appliance') continue;
      const out = ctx.edgeToward[table.vnetNode]!.get(topology.edges[learned.out]!.to);
      if (out !== undefined && !down[out]) candidates.push(plain('route-server', out, learned));
    }
  }
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
