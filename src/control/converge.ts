import type { ControlContext } from './context.js';
import { rank, type Ranking } from './best-path.js';
import { derivedCandidates } from './derived-routes.js';
import { heldRoutes } from './held-routes.js';
import { sameRoute, sameRouteSet, type Route } from './route.js';
import { advertise, receive } from './sessions.js';

/**
 * A converged state to read through to: the baseline, for a failure scenario's warm start. Cold starts have none.
 */
export interface RoutingBase {
  /** Installed routes of a node (best first, then its ECMP equals); undefined where it has none. */
  best(prefix: number, node: number): readonly Route[] | undefined;
  /** What a BGP session (by edge) carries. */
  ribIn(prefix: number, edge: number): Route | undefined;
  converged(prefix: number): boolean;
}

/**
 * The converged routing state of one prefix. A cold start sets every node (`complete`); a warm start only the
 * nodes and sessions that differ from the base it started from, so a failure that touches one VNet's table
 * costs that table, not a copy of every node's.
 */
export interface PrefixState {
  readonly prefix: number;
  /** True when `best` and `ribIn` hold everything (a cold start): nothing reads through to a base. */
  readonly complete: boolean;
  /** Installed routes per node; null where a node lost every route the base had. */
  readonly best: ReadonlyMap<number, readonly Route[] | null>;
  /** Session contents per edge; null where a session no longer carries what the base's did. */
  readonly ribIn: ReadonlyMap<number, Route | null>;
  /** False when the BGP state kept changing (oscillation or no fixpoint within the round limit). */
  readonly converged: boolean;
  /** Warm start only: the nodes whose installed routes differ from the base's, sorted. */
  readonly changedNodes?: readonly number[];
  /** With `explain`: every node's candidates ranked, losers with their reason. */
  readonly rankings?: ReadonlyMap<number, Ranking>;
}

export interface ConvergeOptions {
  explain?: boolean;
  /**
   * Warm start: a converged state with fewer edges down (the baseline). Sessions that went down are withdrawn
   * and only what changes is propagated. Best-path choices here depend only on the candidates (ties fall to
   * edge order, never to arrival order), so the fixpoint is the one a cold start reaches; `--no-incremental`
   * runs cold and tests compare the two.
   */
  base?: RoutingBase;
}

/** The edges that do not exist in a scenario (failed or disabled units), as flags and as a list. */
export interface DownEdges {
  flags: Uint8Array;
  list: readonly number[];
}

/** Rounds after which states start being remembered to spot a cycle; convergence here takes a few rounds. */
const WATCH_AFTER_ROUNDS = 32;
const MAX_ROUNDS = 1000;

/**
 * BGP for one prefix, by synchronous rounds: every speaker whose best route changed advertises it to its
 * neighbours; receivers re-run best-path selection; repeat until nothing changes. A state seen twice means
 * the policies oscillate: the prefix is reported as not converged instead of looping forever.
 * Then the tables of the nodes that do not speak BGP (subnets, appliances, LANs) are derived from their neighbours'.
 * `scenario` lists the edges of failed or disabled units.
 */
export function convergePrefix(ctx: ControlContext, prefix: number, scenario: DownEdges, options: ConvergeOptions = {}): PrefixState {
  const down = scenario.flags;
  const { topology } = ctx;
  // A base that did not converge is no fixpoint to start from: recompute cold.
  const base = options.base?.converged(prefix) ? options.base : undefined;
  const bestOwn = new Map<number, readonly Route[] | null>();
  const ribOwn = new Map<number, Route | null>();
  const bestOf = (node: number): readonly Route[] | undefined => {
    const own = bestOwn.get(node);
    return own !== undefined ? own ?? undefined : base?.best(prefix, node);
  };
  const ribOf = (edge: number): Route | undefined => {
    const own = ribOwn.get(edge);
    return own !== undefined ? own ?? undefined : base?.ribIn(prefix, edge);
  };
  const local = localRoutes(ctx, prefix, down);
  const candidatesOf = (node: number): Route[] => {
    const list = [...(local.get(node) ?? [])];
    for (const e of ctx.bgpIn[node]!) {
      const route = ribOf(e);
      if (route) list.push(route);
    }
    return list;
  };
  const setBest = (node: number, routes: readonly Route[] | undefined): void => {
    bestOwn.set(node, routes && routes.length > 0 ? routes : null);
  };

  // The speakers whose candidates differ from the starting state: all originators on a cold start; on a warm
  // one, the receivers of withdrawn sessions and the speakers whose own originations lost their edge.
  const touched = new Set<number>(base ? [] : local.keys());
  if (base) {
    for (const e of scenario.list) {
      if (!base.ribIn(prefix, e)) continue;
      ribOwn.set(e, null);
      touched.add(topology.edges[e]!.to);
    }
    for (const { node, gate } of ctx.injected[prefix]!) if (gate >= 0 && down[gate]) touched.add(node);
  }
  const changed = new Set<number>();
  const reselect = (node: number): boolean => {
    const next = rank(candidatesOf(node), ctx.selectors[node]!, ctx).best;
    if (sameRouteSet(next, bestOf(node) ?? [])) return false;
    setBest(node, next);
    changed.add(node);
    return true;
  };
  let exporters = [...touched].sort((a, b) => a - b).filter(reselect);

  const seen = new Set<string>();
  let converged = true;
  for (let round = 0; exporters.length > 0; round++) {
    const updates: [number, Route | undefined][] = [];
    for (const node of exporters) {
      const chosen = bestOf(node)?.[0];
      for (const e of ctx.bgpOut[node]!) {
        if (down[e]) continue;
        const advertised = chosen && advertiseAndReceive(ctx, e, chosen, prefix);
        if (!sameRoute(advertised, ribOf(e))) updates.push([e, advertised]);
      }
    }
    const receivers = new Set<number>();
    for (const [e, route] of updates) {
      ribOwn.set(e, route ?? null);
      receivers.add(topology.edges[e]!.to);
    }
    exporters = [...receivers].sort((a, b) => a - b).filter(reselect);
    if (round >= WATCH_AFTER_ROUNDS && exporters.length > 0) {
      const signature = stateSignature(topology.nodes.length, bestOf);
      if (seen.has(signature) || round >= MAX_ROUNDS) {
        converged = false;
        break;
      }
      seen.add(signature);
    }
  }

  for (const node of base ? derivedToUpdate(ctx, changed, scenario) : ctx.derived) {
    const candidates = derivedCandidates(ctx, node, prefix, bestOf, down);
    const next = candidates.length > 0 ? rank(candidates, ctx.selectors[node]!, ctx).best : undefined;
    if (!base && !next) continue;
    if (base && sameRouteSet(next ?? [], bestOf(node) ?? [])) continue;
    setBest(node, next);
    changed.add(node);
  }

  let changedNodes: number[] | undefined;
  if (base) {
    // A speaker that changed and changed back still counts as written: keep only real changes.
    changedNodes = [];
    for (const node of [...bestOwn.keys()].sort((a, b) => a - b)) {
      if (sameRouteSet(bestOwn.get(node) ?? [], base.best(prefix, node) ?? [])) bestOwn.delete(node);
      else changedNodes.push(node);
    }
    for (const [edge, route] of ribOwn) if (sameRoute(route ?? undefined, base.ribIn(prefix, edge))) ribOwn.delete(edge);
  } else {
    for (const [node, routes] of bestOwn) if (routes === null) bestOwn.delete(node);
    for (const [edge, route] of ribOwn) if (route === null) ribOwn.delete(edge);
  }
  const state = { prefix, complete: !base, best: bestOwn, ribIn: ribOwn, converged, ...(changedNodes ? { changedNodes } : {}) };
  if (!options.explain) return state;

  const rankings = new Map<number, Ranking>();
  const derived = new Set(ctx.derived);
  topology.nodes.forEach((_, node) => {
    const candidates = derived.has(node) ? derivedCandidates(ctx, node, prefix, bestOf, down) : candidatesOf(node);
    const held = heldRoutes(ctx, node, prefix, bestOf);
    if (candidates.length === 0 && held.length === 0) return;
    const ranking = rank(candidates, ctx.selectors[node]!, ctx, true);
    rankings.set(node, { best: ranking.best, losers: [...ranking.losers, ...held] });
  });
  return { ...state, rankings };
}

/** The routes speakers inject themselves for this prefix (originations, statics, announcements) whose gate is up. */
function localRoutes(ctx: ControlContext, prefix: number, down: Uint8Array): Map<number, Route[]> {
  const local = new Map<number, Route[]>();
  for (const { node, route, gate } of ctx.injected[prefix]!) {
    if (gate >= 0 && down[gate]) continue;
    const list = local.get(node);
    if (list) list.push(route);
    else local.set(node, [route]);
  }
  return local;
}

/** A derived table changes only when a neighbour it reads changed or one of its own edges went down. */
function derivedToUpdate(ctx: ControlContext, changed: ReadonlySet<number>, down: DownEdges): number[] {
  const nodes = new Set<number>();
  for (const n of changed) for (const d of ctx.readersOfNode[n]!) nodes.add(d);
  for (const e of down.list) for (const d of ctx.readersOfEdge[e] ?? []) nodes.add(d);
  return [...nodes].sort((a, b) => a - b);
}

function advertiseAndReceive(ctx: ControlContext, edge: number, chosen: Route, prefix: number): Route | undefined {
  const advertised = advertise(ctx.topology, edge, chosen, prefix);
  return advertised && receive(ctx, edge, advertised, prefix);
}

function stateSignature(nodeCount: number, bestOf: (node: number) => readonly Route[] | undefined): string {
  const parts: string[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const routes = bestOf(node);
    if (routes) parts.push(`${node}:${routes.map((r) => `${r.out}/${r.asPath.join('.')}`).join(',')}`);
  }
  return parts.join(' ');
}
