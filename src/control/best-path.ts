import type { CompiledTopology } from '../model/compiled.js';
import type { RoutingPreference } from '../model/topology.js';
import { formatAddress } from '../model/prefix.js';
import type { Route } from './route.js';

/**
 * Best-path selection as a table of named steps, in order. A step's `why` is the reason a candidate loses at
 * that step, so `whatif routes` can say exactly why a route is not best. Steps marked `multipath` decide
 * preference; equal candidates after them are equal-cost (ECMP). The steps after that only break ties.
 */
export interface Step {
  /** Negative when `a` is better, positive when `b` is better. */
  compare(a: Route, b: Route, ctx: SelectionContext): number;
  /** Why `loser` lost to `winner` at this step. */
  why(loser: Route, winner: Route, ctx: SelectionContext): string;
  multipath: boolean;
}

export interface SelectionContext {
  topology: CompiledTopology;
}

export interface Ranking {
  /** Installed routes: the best first, then its ECMP equals. */
  best: Route[];
  /** Every other candidate with the reason it lost. */
  losers: { route: Route; reason: string }[];
}

export interface Selector {
  steps: readonly Step[];
  /** Most routes installed for ECMP. */
  maxPaths: number;
  /** Extra condition for ECMP beyond equal steps (Cisco: an identical AS path). */
  multipathAlso?: (a: Route, best: Route) => boolean;
}

/** Ranks candidates; ties left by every step fall to the lower `out` edge (a stable stand-in for arrival order). */
export function rank(candidates: readonly Route[], selector: Selector, ctx: SelectionContext, explain = false): Ranking {
  if (candidates.length === 0) return { best: [], losers: [] };
  const sorted = candidates.length === 1 ? [candidates[0]!] : [...candidates].sort((a, b) => compareAll(a, b, selector, ctx));
  const winner = sorted[0]!;
  const best: Route[] = [winner];
  const losers: { route: Route; reason: string }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const route = sorted[i]!;
    const equalCost = selector.steps.every((s) => !s.multipath || s.compare(route, winner, ctx) === 0)
      && (selector.multipathAlso?.(route, winner) ?? true);
    if (equalCost && best.length < selector.maxPaths) {
      best.push(route);
    } else if (explain) {
      losers.push({ route, reason: equalCost && selector.maxPaths > 1 ? `beyond ${selector.maxPaths} ECMP paths` : reasonFor(route, winner, selector, ctx) });
    }
  }
  return { best, losers };
}

function compareAll(a: Route, b: Route, selector: Selector, ctx: SelectionContext): number {
  for (const step of selector.steps) {
    const result = step.compare(a, b, ctx);
    if (result !== 0) return result;
  }
  return a.out - b.out;
}

function reasonFor(loser: Route, winner: Route, selector: Selector, ctx: SelectionContext): string {
  for (const step of selector.steps) {
    if (step.compare(loser, winner, ctx) > 0) return step.why(loser, winner, ctx);
  }
  return 'tie broken by session order';
}

// --- the steps, shared by the speakers below ---

const preferSource = (source: Route['source'], why: string | ((loser: Route) => string)): Step => ({
  compare: (a, b) => Number(b.source === source) - Number(a.source === source),
  why: typeof why === 'string' ? () => why : why,
  multipath: true,
});

const avoidSources = (sources: readonly Route['source'][], why: string): Step => ({
  compare: (a, b) => Number(sources.includes(a.source)) - Number(sources.includes(b.source)),
  why: () => why,
  multipath: true,
});

const highestWeight = (label: string): Step => ({
  compare: (a, b) => b.weight - a.weight,
  why: (l, w) => `${label} ${l.weight} < ${w.weight}`,
  multipath: true,
});

const highestLocalPref: Step = {
  compare: (a, b) => b.localPref - a.localPref,
  why: (l, w) => `local-preference ${l.localPref} < ${w.localPref}`,
  multipath: true,
};

const locallyOriginated: Step = {
  compare: (a, b) => Number(b.source === 'local') - Number(a.source === 'local'),
  why: () => 'not locally originated',
  multipath: true,
};

const shortestAsPath: Step = {
  compare: (a, b) => a.asPath.length - b.asPath.length,
  why: (l, w) => `longer AS path (${l.asPath.length} > ${w.asPath.length})`,
  multipath: true,
};

const ORIGINS = ['IGP', 'EGP', 'incomplete'];
const lowestOrigin: Step = {
  compare: (a, b) => a.origin - b.origin,
  why: (l, w) => `origin ${ORIGINS[l.origin]} worse than ${ORIGINS[w.origin]}`,
  multipath: true,
};

/** MED is compared only between routes from the same neighbouring AS (Cisco's default). */
const lowestMed: Step = {
  compare: (a, b) => (a.asPath[0] === b.asPath[0] ? a.med - b.med : 0),
  why: (l, w) => `MED ${l.med} > ${w.med}`,
  multipath: true,
};

const neighbourOf = (route: Route, ctx: SelectionContext): number => ctx.topology.edges[route.out]?.to ?? -1;

const lowestRouterId: Step = {
  compare: (a, b, ctx) => routerIdOf(a, ctx) - routerIdOf(b, ctx),
  why: (l, w, ctx) => `higher router id (${formatAddress(routerIdOf(l, ctx))} > ${formatAddress(routerIdOf(w, ctx))})`,
  multipath: false,
};

function routerIdOf(route: Route, ctx: SelectionContext): number {
  const n = neighbourOf(route, ctx);
  return n < 0 ? 0 : ctx.topology.nodes[n]!.routerId;
}

const lowestNeighbourAddress: Step = {
  compare: (a, b, ctx) => neighbourAddressOf(a, ctx) - neighbourAddressOf(b, ctx),
  why: (l, w, ctx) => `higher neighbour address (${formatAddress(neighbourAddressOf(l, ctx))} > ${formatAddress(neighbourAddressOf(w, ctx))})`,
  multipath: false,
};

/** The neighbour's address on the session; routes without one (local, static) sort first. */
function neighbourAddressOf(route: Route, ctx: SelectionContext): number {
  return ctx.topology.edges[route.out]?.toAddress ?? 0;
}

/** Cisco IOS best-path order (azure-routing-rules.md section 6). All sessions here are eBGP. */
export function ciscoSelector(maximumPaths: number): Selector {
  return {
    steps: [
      preferSource('static', 'static route preferred over BGP'),
      highestWeight('weight'),
      highestLocalPref,
      locallyOriginated,
      shortestAsPath,
      lowestOrigin,
      lowestMed,
      lowestRouterId,
      lowestNeighbourAddress,
    ],
    maxPaths: maximumPaths,
    // eBGP multipath needs the same AS path, not only the same length.
    multipathAlso: (a, best) => a.asPath.length === best.asPath.length && a.asPath.every((asn, i) => asn === best.asPath[i]),
  };
}

/** The MSEE pair: shortest AS path, then load-balancing over every equal route (both links of a circuit). */
export const mseeSelector: Selector = { steps: [shortestAsPath], maxPaths: Infinity };

/**
 * A gateway's own connections before what a Route Server reflects to it (branch-to-branch): the routes it learns
 * itself are the ones it hands on (assumption: the documents do not rank them; a gateway preferring a reflected
 * copy of a route would send its own sites' traffic away from them).
 */
const ownConnectionsFirst = avoidSources(['route-server'], 'the gateway\'s own connections preferred over Route Server routes');

/** An ER gateway: connection weight, then AS path, then ECMP over `maxPaths` circuits (4; 1 beside a Route Server). */
export function erGatewaySelector(maxPaths: number): Selector {
  return { steps: [locallyOriginated, ownConnectionsFirst, highestWeight('connection weight'), shortestAsPath], maxPaths };
}

/** A VPN gateway: static local network prefixes over BGP, then AS path, then ECMP. */
export const vpnGatewaySelector: Selector = {
  steps: [locallyOriginated, preferSource('static', 'static route preferred over BGP'), ownConnectionsFirst, shortestAsPath],
  maxPaths: Infinity,
};

const SOURCE_NAMES: Partial<Record<Route['source'], string>> = { vpn: 'VPN', 'route-server': 'Route Server', appliance: 'appliance' };
const expressRouteFirst = preferSource('er', (l) => `ExpressRoute preferred over ${SOURCE_NAMES[l.source] ?? l.source}`);
const vpnFirst = avoidSources(['er'], 'VPN and appliance routes preferred over ExpressRoute (routing preference VpnGateway)');

/**
 * BGP routes for one prefix ranked by a hub's routing preference (route-server/hub-routing-preference):
 * ExpressRoute first (the default), VPN and appliances first, or the shortest AS path whatever the source (ties:
 * ExpressRoute, as Virtual WAN's hubs break them, about-virtual-hub-routing-preference). VPN and appliance routes
 * rank by AS path: "routing preference doesn't allow users to set preference between routes learned over VPN and
 * NVA connections".
 */
const PREFERENCE_STEPS: Record<RoutingPreference, readonly Step[]> = {
  ExpressRoute: [expressRouteFirst, shortestAsPath],
  VpnGateway: [vpnFirst, shortestAsPath],
  ASPath: [shortestAsPath, expressRouteFirst],
};

/** A Route Server: its routing preference, then ECMP over every equal route (each appliance its own next hop). */
export function routeServerSelector(preference: RoutingPreference): Selector {
  return ROUTE_SERVER_SELECTORS[preference];
}

const ROUTE_SERVER_SELECTORS = byPreference((steps) => ({ steps, maxPaths: Infinity }));

/**
 * A subnet's effective routes for one prefix: user-defined route > system routes for the VNet and its peerings
 * (they win even over more specific BGP routes) > BGP, ranked by the serving Route Server's preference
 * (ExpressRoute over VPN whatever the AS path, without one) > Azure's default routes.
 */
export function vnetSelector(preference: RoutingPreference): Selector {
  return VNET_SELECTORS[preference];
}

const VNET_SELECTORS = byPreference((bgp) => ({
  steps: [
    preferSource('udr', 'user-defined route preferred'),
    preferSource('system', 'system route for the VNet address space preferred'),
    preferSource('peering', 'peering route preferred'),
    avoidSources(['default'], 'a BGP route replaces Azure\'s default route'),
    ...bgp,
  ],
  maxPaths: Infinity,
}));

function byPreference(selector: (bgpSteps: readonly Step[]) => Selector): Record<RoutingPreference, Selector> {
  return {
    ExpressRoute: selector(PREFERENCE_STEPS.ExpressRoute),
    VpnGateway: selector(PREFERENCE_STEPS.VpnGateway),
    ASPath: selector(PREFERENCE_STEPS.ASPath),
  };
}

/** An on-prem LAN: its own prefixes, then equal-cost IGP routes to every CE that has a route. */
export const lanSelector: Selector = {
  steps: [preferSource('local', 'LAN prefix preferred')],
  maxPaths: Infinity,
};
