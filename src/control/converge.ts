import type { ControlContext } from './context.js';
import { rank, type Ranking } from './best-path.js';
import { derivedCandidates } from './derived-routes.js';
import { sameRoute, sameRouteSet, type Route } from './route.js';
import { advertise, receive } from './sessions.js';

/** The converged routing state of one prefix: installed routes per node. */
export interface PrefixState {
  readonly prefix: number;
  /** Per node: the installed routes (best first, then its ECMP equals); undefined where the node has none. */
  readonly best: readonly (readonly Route[] | undefined)[];
  /** What each BGP session (by edge) carries at the fixpoint: where a failure scenario starts from. */
  readonly ribIn: RibIn;
  /** False when the BGP state kept changing (oscillation or no fixpoint within the round limit). */
  readonly converged: boolean;
  /** Warm start only: the nodes whose installed routes differ from the starting state's, sorted. */
  readonly changedNodes?: readonly number[];
  /** With `explain`: every node's candidates ranked, losers with their reason. */
  readonly rankings?: ReadonlyMap<number, Ranking>;
}

export interface ConvergeOptions {
  explain?: boolean;
  /**
   * Warm start: a converged state of the same prefix with fewer edges down (the baseline). Sessions that went
   * down are withdrawn and only what changes is propagated. Best-path choices here depend only on the
   * candidates (ties fall to edge order, never to arrival order), so the fixpoint is the one a cold start
   * reaches; `--no-incremental` runs cold and tests compare the two.
   */
  from?: PrefixState;
}

/**
 * Routes received per session (edge). A warm start reads through to the state it starts from and writes only
 * its changes, instead of copying thousands of entries for every prefix of every scenario.
 */
export class RibIn {
  private readonly own = new Map<number, Route | null>();

  constructor(private readonly base?: RibIn) {}

  get(edge: number): Route | undefined {
    const mine = this.own.get(edge);
    if (mine !== undefined) return mine ?? undefined;
    return this.base?.get(edge);
  }

  set(edge: number, route: Route | undefined): void {
    this.own.set(edge, route ?? null);
  }
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
 * Then the tables of the nodes that do not speak BGP (VNets, LANs) are derived from their neighbours'.
 * `scenario` lists the edges of failed or disabled units.
 */
export function convergePrefix(ctx: ControlContext, prefix: number, scenario: DownEdges, options: ConvergeOptions = {}): PrefixState {
  const down = scenario.flags;
  const { topology } = ctx;
  const { from } = options;
  const local = localRoutes(ctx, prefix, down);
  const ribIn = new RibIn(from?.ribIn);
  const best: (readonly Route[] | undefined)[] = from ? [...from.best] : new Array(topology.nodes.length);
  const candidatesOf = (node: number): Route[] => {
    const list = [...(local.get(node) ?? [])];
    for (const e of ctx.bgpIn[node]!) {
      const route = ribIn.get(e);
      if (route) list.push(route);
    }
    return list;
  };
  const select = (node: number): Route[] => rank(candidatesOf(node), ctx.selectors[node]!, ctx).best;

  // The speakers whose candidates differ from the starting state: all originators on a cold start; on a warm
  // one, the receivers of withdrawn sessions and the speakers whose own originations lost their edge.
  const touched = new Set<number>(from ? [] : local.keys());
  if (from) {
    for (const e of scenario.list) {
      if (!from.ribIn.get(e)) continue;
      ribIn.set(e, undefined);
      touched.add(topology.edges[e]!.to);
    }
    for (const { node, route } of ctx.injected[prefix]!) if (route.out >= 0 && down[route.out]) touched.add(node);
  }
  const changed = new Set<number>();
  let exporters: number[] = [];
  for (const node of [...touched].sort((a, b) => a - b)) {
    if (reselect(node)) exporters.push(node);
  }
  function reselect(node: number): boolean {
    const next = select(node);
    if (sameRouteSet(next, best[node] ?? [])) return false;
    best[node] = next.length > 0 ? next : undefined;
    changed.add(node);
    return true;
  }

  const seen = new Set<string>();
  let converged = true;
  for (let round = 0; exporters.length > 0; round++) {
    const updates: [number, Route | undefined][] = [];
    for (const node of exporters) {
      const chosen = best[node]?.[0];
      for (const e of ctx.bgpOut[node]!) {
        if (down[e]) continue;
        const advertised = chosen && advertiseAndReceive(ctx, e, chosen, prefix);
        if (!sameRoute(advertised, ribIn.get(e))) updates.push([e, advertised]);
      }
    }
    const receivers = new Set<number>();
    for (const [e, route] of updates) {
      ribIn.set(e, route);
      receivers.add(topology.edges[e]!.to);
    }
    exporters = [...receivers].sort((a, b) => a - b).filter(reselect);
    if (round >= WATCH_AFTER_ROUNDS && exporters.length > 0) {
      const signature = stateSignature(best);
      if (seen.has(signature) || round >= MAX_ROUNDS) {
        converged = false;
        break;
      }
      seen.add(signature);
    }
  }

  for (const node of from ? derivedToUpdate(ctx, changed, scenario) : ctx.derived) {
    const candidates = derivedCandidates(ctx, node, prefix, best, down);
    const next = candidates.length > 0 ? rank(candidates, ctx.selectors[node]!, ctx).best : undefined;
    if (from && !sameRouteSet(next ?? [], best[node] ?? [])) changed.add(node);
    best[node] = next;
  }
  // A speaker that changed and changed back still counts: compare with the start to report only real changes.
  const changedNodes = from ? [...changed].filter((n) => !sameRouteSet(best[n] ?? [], from.best[n] ?? [])).sort((a, b) => a - b) : undefined;

  if (!options.explain) return { prefix, best, ribIn, converged, changedNodes };
  const rankings = new Map<number, Ranking>();
  const derived = new Set(ctx.derived);
  topology.nodes.forEach((_, node) => {
    const candidates = derived.has(node) ? derivedCandidates(ctx, node, prefix, best, down) : candidatesOf(node);
    if (candidates.length > 0) rankings.set(node, rank(candidates, ctx.selectors[node]!, ctx, true));
  });
  return { prefix, best, ribIn, converged, changedNodes, rankings };
}

/** The routes speakers inject themselves for this prefix (originations, statics) whose edge is up. */
function localRoutes(ctx: ControlContext, prefix: number, down: Uint8Array): Map<number, Route[]> {
  const local = new Map<number, Route[]>();
  for (const { node, route } of ctx.injected[prefix]!) {
    if (route.out >= 0 && down[route.out]) continue;
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
  return advertised && receive(ctx.topology, edge, advertised);
}

function stateSignature(best: readonly (readonly Route[] | undefined)[]): string {
  const parts: string[] = [];
  best.forEach((routes, node) => {
    if (routes) parts.push(`${node}:${routes.map((r) => `${r.out}/${r.asPath.join('.')}`).join(',')}`);
  });
  return parts.join(' ');
}
