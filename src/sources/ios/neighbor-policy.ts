import { formatAddress, formatPrefix, type Prefix } from '../../model/prefix.js';
import type { NeighborPolicy } from '../../model/topology.js';
import { prefixListPermits } from './prefix-list.js';
import { evaluateRouteMap } from './route-map.js';
import type { BgpNeighbor, PolicyRef, RouteMapEntry, RouterConfig } from './router-config.js';

export interface PolicyInput {
  config: RouterConfig;
  neighbor: BgpNeighbor;
  /**
   * Every prefix of the topology. The engine only ever routes these, so evaluating the router's filters on each
   * of them gives the exact policy the topology format can hold (an outbound prefix list of exact prefixes).
   */
  universe: readonly Prefix[];
  /** The prefixes of the router's own site: they never come back from a neighbour (the AS path holds its ASN). */
  ownPrefixes: readonly Prefix[];
}

export interface ConvertedPolicy {
  policy: NeighborPolicy | undefined;
  /** How the router's filters were read into the policy: provenance for the topology's assumptions. */
  assumptions: string[];
  /** What the configuration does that the format cannot hold: each says what was imported instead. */
  notExpressible: string[];
}

interface RouteOutcome {
  route: Prefix;
  permitted: boolean;
  entry: RouteMapEntry | undefined;
}

/**
 * The neighbour's IOS policy as the model's NeighborPolicy. Inbound, the model sets one local preference,
 * weight and prepend count on every route from the neighbour and filters nothing; outbound, it sends an exact
 * list of prefixes and prepends the router's ASN some number of times. A value is imported when every route the
 * configuration accepts gets it; what differs from route to route, or is filtered inbound, is reported.
 */
export function neighborPolicy(input: PolicyInput): ConvertedPolicy {
  const assumptions: string[] = [];
  const notExpressible: string[] = [];
  const inbound = inboundPolicy(input, assumptions, notExpressible);
  const outbound = outboundPolicy(input, assumptions, notExpressible);
  const policy = inbound || outbound ? { ...(inbound && { inbound }), ...(outbound && { outbound }) } : undefined;
  return { policy, assumptions, notExpressible };
}

function inboundPolicy(input: PolicyInput, assumptions: string[], notExpressible: string[]): NeighborPolicy['inbound'] {
  const { config, neighbor } = input;
  const own = new Set(input.ownPrefixes.map(formatPrefix));
  const routes = input.universe.filter((p) => !own.has(formatPrefix(p)));
  const outcomes = evaluate(config, routes, neighbor.prefixListIn, neighbor.routeMapIn);
  const who = `neighbor ${formatAddress(neighbor.address)}`;
  const denied = outcomes.filter((o) => !o.permitted).map((o) => formatPrefix(o.route));
  if (denied.length > 0) {
    notExpressible.push(`${who} ${policyNames(neighbor.prefixListIn, neighbor.routeMapIn)} in: denies ${denied.join(', ')}; ` +
      'the format has no inbound filter, so these routes are accepted');
  }
  const accepted = outcomes.filter((o) => o.permitted);
  const localPreference = uniform(accepted, (o) => o.entry?.setLocalPreference, `${who}: local-preference`, notExpressible);
  const weight = uniform(accepted, (o) => o.entry?.setWeight ?? neighbor.weight, `${who}: weight`, notExpressible);
  const prepend = uniform(accepted, (o) => prependText(o.entry), `${who}: as-path prepend (inbound)`, notExpressible);
  const prependAsPath = prepend === undefined ? undefined : prependCount(prepend, neighbor.remoteAs, `${who} in`, 'the neighbour\'s', notExpressible);
  if (neighbor.routeMapIn && accepted.length > 0) {
    assumptions.push(`${who}: route-map ${neighbor.routeMapIn.name} in (line ${neighbor.routeMapIn.line}) evaluated on the topology's prefixes`);
  }
  const result = { localPreference, weight, prependAsPath };
  return Object.values(result).some((v) => v !== undefined) ? dropUndefined(result) : undefined;
}

function outboundPolicy(input: PolicyInput, assumptions: string[], notExpressible: string[]): NeighborPolicy['outbound'] {
  const { config, neighbor } = input;
  const who = `neighbor ${formatAddress(neighbor.address)}`;
  const outcomes = evaluate(config, input.universe, neighbor.prefixListOut, neighbor.routeMapOut);
  const sent = outcomes.filter((o) => o.permitted);
  const ineffective = sent.filter((o) => o.entry?.setLocalPreference !== undefined || o.entry?.setWeight !== undefined);
  if (ineffective.length > 0) {
    notExpressible.push(`${who} route-map ${neighbor.routeMapOut?.name ?? ''} out: local-preference and weight have no effect toward an eBGP neighbour; not imported`);
  }
  let prefixList: string[] | undefined;
  if (sent.length < outcomes.length) {
    prefixList = sent.map((o) => formatPrefix(o.route));
    const names = policyNames(neighbor.prefixListOut, neighbor.routeMapOut);
    assumptions.push(`${who} ${names} out evaluated on the topology's ${outcomes.length} prefixes: it sends ${prefixList.length === 0 ? 'none of them' : prefixList.join(', ')}`);
  }
  const prepend = uniform(sent, (o) => prependText(o.entry), `${who}: as-path prepend (outbound)`, notExpressible);
  const prependAsPath = prepend === undefined ? undefined : prependCount(prepend, config.bgp?.asn, `${who} out`, 'the router\'s own', notExpressible);
  const result = { prefixList, prependAsPath };
  return Object.values(result).some((v) => v !== undefined) ? dropUndefined(result) : undefined;
}

function evaluate(config: RouterConfig, routes: readonly Prefix[], list: PolicyRef | undefined, map: PolicyRef | undefined): RouteOutcome[] {
  return routes.map((route) => {
    if (list && !prefixListPermits(config.prefixLists.get(list.name) ?? [], route)) return { route, permitted: false, entry: undefined };
    if (!map) return { route, permitted: true, entry: undefined };
    const verdict = evaluateRouteMap(config.routeMaps.get(map.name) ?? [], config.prefixLists, route);
    return verdict.permitted ? { route, permitted: true, entry: verdict.entry } : { route, permitted: false, entry: undefined };
  });
}

/**
 * The one value every route gets, or undefined. Routes that get different values cannot be expressed: that is
 * reported and nothing is imported for the attribute.
 */
function uniform<T>(outcomes: readonly RouteOutcome[], value: (o: RouteOutcome) => T | undefined, what: string, notExpressible: string[]): T | undefined {
  const groups = new Map<T | undefined, string[]>();
  for (const o of outcomes) {
    const v = value(o);
    groups.set(v, [...(groups.get(v) ?? []), formatPrefix(o.route)]);
  }
  if (groups.size <= 1) return groups.keys().next().value;
  const parts = [...groups].map(([v, routes]) => `${v === undefined ? 'unset' : String(v)} for ${routes.join(', ')}`);
  notExpressible.push(`${what} differs from route to route (${parts.join('; ')}); the format holds one value per neighbour, so none is imported`);
  return undefined;
}

/** A prepend as text, so that uniform() compares lists by value. */
function prependText(entry: RouteMapEntry | undefined): string | undefined {
  return entry?.prepend?.join(' ');
}

/** The model prepends one ASN (the neighbour's inbound, the router's own outbound) up to 10 times. */
function prependCount(text: string, expected: number | undefined, who: string, whose: string, notExpressible: string[]): number | undefined {
  const asns = text.split(' ').map(Number);
  if (asns.every((a) => a === expected) && asns.length <= 10) return asns.length;
  notExpressible.push(`${who}: set as-path prepend ${text} is not ${whose} ASN repeated at most 10 times; not imported`);
  return undefined;
}

function policyNames(list: PolicyRef | undefined, map: PolicyRef | undefined): string {
  const parts = [list && `prefix-list ${list.name} (line ${list.line})`, map && `route-map ${map.name} (line ${map.line})`];
  return parts.filter((p) => p !== undefined).join(' and ');
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
