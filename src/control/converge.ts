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
  /** False when the BGP state kept changing (oscillation or no fixpoint within the round limit). */
  readonly converged: boolean;
  /** With `explain`: every node's candidates ranked, losers with their reason. */
  readonly rankings?: ReadonlyMap<number, Ranking>;
}

/** Rounds after which states start being remembered to spot a cycle; convergence here takes a few rounds. */
const WATCH_AFTER_ROUNDS = 32;
const MAX_ROUNDS = 1000;

/**
 * BGP for one prefix, by synchronous rounds: every speaker whose best route changed advertises it to its
 * neighbours; receivers re-run best-path selection; repeat until nothing changes. A state seen twice means
 * the policies oscillate: the prefix is reported as not converged instead of looping forever.
 * `down` marks edges of failed or disabled units.
 */
export function convergePrefix(ctx: ControlContext, prefix: number, down: Uint8Array, explain = false): PrefixState {
  const { topology } = ctx;
  const ribIn = new Map<number, Route>();
  const local = new Map<number, Route[]>();
  for (const { node, route } of ctx.injected[prefix]!) {
    if (route.out >= 0 && down[route.out]) continue;
    const list = local.get(node);
    if (list) list.push(route);
    else local.set(node, [route]);
  }
  const candidatesOf = (node: number): Route[] => {
    const list = [...(local.get(node) ?? [])];
    for (const e of ctx.bgpIn[node]!) {
      const route = ribIn.get(e);
      if (route) list.push(route);
    }
    return list;
  };
  const best: (readonly Route[] | undefined)[] = new Array(topology.nodes.length);
  const select = (node: number): Route[] => rank(candidatesOf(node), ctx.selectors[node]!, ctx).best;

  let exporters = [...local.keys()].sort((a, b) => a - b);
  for (const node of exporters) best[node] = select(node);

  const seen = new Set<string>();
  let converged = true;
  for (let round = 0; exporters.length > 0; round++) {
    const changes: [number, Route | undefined][] = [];
    for (const node of exporters) {
      const chosen = best[node]?.[0];
      for (const e of ctx.bgpOut[node]!) {
        if (down[e]) continue;
        const advertised = chosen && advertiseAndReceive(ctx, e, chosen, prefix);
        if (!sameRoute(advertised, ribIn.get(e))) changes.push([e, advertised]);
      }
    }
    const receivers = new Set<number>();
    for (const [e, route] of changes) {
      if (route) ribIn.set(e, route);
      else ribIn.delete(e);
      receivers.add(topology.edges[e]!.to);
    }
    exporters = [];
    for (const node of [...receivers].sort((a, b) => a - b)) {
      const next = select(node);
      if (sameRouteSet(next, best[node] ?? [])) continue;
      best[node] = next.length > 0 ? next : undefined;
      exporters.push(node);
    }
    if (round >= WATCH_AFTER_ROUNDS && exporters.length > 0) {
      const signature = stateSignature(best);
      if (seen.has(signature) || round >= MAX_ROUNDS) {
        converged = false;
        break;
      }
      seen.add(signature);
    }
  }

  for (const node of ctx.derived) {
    const candidates = derivedCandidates(ctx, node, prefix, best, down);
    if (candidates.length > 0) best[node] = rank(candidates, ctx.selectors[node]!, ctx).best;
  }

  if (!explain) return { prefix, best, converged };
  const rankings = new Map<number, Ranking>();
  topology.nodes.forEach((_, node) => {
    const candidates = ctx.derived.includes(node) ? derivedCandidates(ctx, node, prefix, best, down) : candidatesOf(node);
    if (candidates.length > 0) rankings.set(node, rank(candidates, ctx.selectors[node]!, ctx, true));
  });
  return { prefix, best, converged, rankings };
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
