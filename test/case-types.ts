/**
 * Hand-derived expectations for a topology: what the rules say the engine must compute.
 * Every value here is derived by reasoning from docs/routing-model.md and azure-routing-rules.md,
 * never pasted from engine output. test/cases.test.ts runs each file against the engine.
 */

export type RouteSource =
  | 'system' | 'peering' | 'udr' | 'er' | 'vpn' | 'static' | 'local' | 'igp' | 'global-reach' | 'default' | 'route-server' | 'appliance';

export interface ExpectedRoute {
  source: RouteSource;
  /** Node name the route points to, `Internet` for next hop Internet, or null when the node delivers locally / drops. */
  nextHop?: string | null;
  asPath?: number[];
  localPref?: number;
  weight?: number;
}

export interface ExpectedLoser extends ExpectedRoute {
  /** Substring of the reason the route lost (vocabulary in docs/routing-model.md / the lead's spec). */
  reason: string;
}

export interface RouteExpectation {
  /** Site id (VNet effective routes, on-prem LAN) or node name (`hub/ergw`, `er1/msee`, a CE id). */
  node: string;
  prefix: string;
  /** The installed route(s): several when ECMP. Compared as a set; fields left out are not checked. */
  best: ExpectedRoute[];
  /** Candidates that lost, with why. */
  losers?: ExpectedLoser[];
}

export interface AbsentRoute {
  node: string;
  prefix: string;
  /** Why the rules say it is absent (documentation for the reader). */
  because: string;
}

export interface PairExpectation {
  src: string;
  dst: string;
  outcome: 'DELIVERED' | 'NO_ROUTE' | 'NULL_ROUTED' | 'LOOP' | 'EXITS_NETWORK';
  /** Every ECMP path as the ordered failure-unit ids it crosses; compared as a set. Omit when not delivered. */
  paths?: string[][];
  /**
   * Node names after the source, ending where the packet is delivered (the destination site, or the subnet or
   * appliance that delivers it) or where it loops; only for single-path pairs.
   */
  hops?: string[];
  /** Symmetry of the unordered pair {src, dst}: null unless both directions are delivered. */
  symmetric?: boolean | null;
  /**
   * How different the two directions are (analysis/asymmetry.ts): `symmetric`, or `link` (other links of the same
   * circuits), `circuit` (other circuits or VPN connections), `transport` (ExpressRoute one way, VPN the other);
   * null unless both directions are delivered.
   */
  asymmetry?: 'symmetric' | 'link' | 'circuit' | 'transport' | null;
}

export interface ScenarioExpectation {
  /** Failed unit ids; [] is the baseline. */
  failed: string[];
  /** One line: what this scenario demonstrates. */
  why: string;
  routes?: RouteExpectation[];
  absent?: AbsentRoute[];
  pairs?: PairExpectation[];
  /** For prefixes whose BGP state oscillates: the scenario is reported as not converged. */
  notConverged?: { prefixes: string[] };
}

export interface CaseExpectation {
  /** File name under test/cases/. */
  topology: string;
  /** The rule of azure-routing-rules.md this case exercises, with its section. */
  rule: string;
  scenarios: ScenarioExpectation[];
}
