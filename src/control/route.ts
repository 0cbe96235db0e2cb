/**
 * Where a route came from, as `whatif routes` shows it (Azure's "source" column, plus CE/MSEE origins):
 * `default` is one of the default routes Azure gives every subnet (0.0.0.0/0 to the Internet, None for the
 * reserved ranges); `route-server` a route a Route Server programmed (into a subnet) or reflected (to a gateway);
 * `appliance` a route an appliance announced to a Route Server.
 */
export const ROUTE_SOURCES = [
  'system', 'peering', 'udr', 'er', 'vpn', 'static', 'local', 'igp', 'global-reach', 'default', 'route-server', 'appliance',
] as const;

export type RouteSource = (typeof ROUTE_SOURCES)[number];

/**
 * One candidate route for one prefix at one node. The prefix is implicit: the engine works prefix by prefix.
 * `out` is the edge traffic leaves by (for a learned route, the reverse of the edge it arrived on),
 * or DELIVER / DROP (model/compiled.ts).
 */
export interface Route {
  readonly source: RouteSource;
  readonly out: number;
  readonly asPath: readonly number[];
  readonly localPref: number;
  readonly weight: number;
  /** BGP origin code: 0 IGP, 1 EGP, 2 incomplete. Everything originated here is IGP. */
  readonly origin: number;
  readonly med: number;
}

export const DEFAULT_LOCAL_PREF = 100;
/** Cisco's weight for locally originated routes. */
export const LOCAL_WEIGHT = 32768;

export function sameRoute(a: Route | undefined, b: Route | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.source === b.source && a.out === b.out && a.localPref === b.localPref && a.weight === b.weight
    && a.origin === b.origin && a.med === b.med && sameAsPath(a.asPath, b.asPath);
}

function sameAsPath(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameRouteSet(a: readonly Route[] | undefined, b: readonly Route[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((route, i) => sameRoute(route, b[i]));
}
