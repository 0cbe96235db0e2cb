import { DELIVER, DROP } from '../model/compiled.js';
import { containsPrefix } from '../model/prefix.js';
import type { ControlContext } from './context.js';
import { DEFAULT_LOCAL_PREF, type Route } from './route.js';

/**
 * Candidates of the nodes that do not speak BGP, built from their neighbours' converged routes:
 * a VNet's effective routes (and an appliance's, which are its VNet's without user-defined routes),
 * and an on-prem LAN's IGP view of its CE routers.
 */
export function derivedCandidates(
  ctx: ControlContext, node: number, prefix: number, best: readonly (readonly Route[] | undefined)[], down: Uint8Array,
): Route[] {
  const n = ctx.topology.nodes[node]!;
  return n.kind === 'lan' ? lanCandidates(ctx, node, prefix, best) : vnetCandidates(ctx, node, prefix, best, down);
}

function plain(source: Route['source'], out: number, from?: Route): Route {
  return { source, out, asPath: from?.asPath ?? [], localPref: from?.localPref ?? DEFAULT_LOCAL_PREF, weight: from?.weight ?? 0, origin: 0, med: 0 };
}

function vnetCandidates(
  ctx: ControlContext, node: number, prefix: number, best: readonly (readonly Route[] | undefined)[], down: Uint8Array,
): Route[] {
  const { topology } = ctx;
  const table = topology.nodes[node]!.vnet!;
  const p = topology.prefixes[prefix]!;
  const inside = (spaces: number[]): boolean => spaces.some((s) => containsPrefix(topology.prefixes[s]!, p));
  const candidates: Route[] = [];

  for (const udr of table.userRoutes) {
    if (udr.prefix !== prefix) continue;
    // Azure keeps a user-defined route whose next hop is gone; the traffic is dropped.
    candidates.push(plain('udr', udr.edge < 0 || down[udr.edge] ? DROP : udr.edge));
  }
  if (inside(table.addressSpace)) candidates.push(plain('system', DELIVER));
  for (const e of table.peeringEdges) {
    if (down[e]) continue;
    const peer = topology.nodes[topology.edges[e]!.to]!;
    if (inside(peer.vnet!.addressSpace)) candidates.push(plain('peering', e));
  }
  if (!table.disableBgpRoutePropagation) {
    for (const e of table.gatewayEdges) {
      if (down[e]) continue;
      const gateway = topology.edges[e]!.to;
      const learned = best[gateway]?.[0];
      // A gateway's own originations are the VNet's system routes, not BGP routes.
      if (!learned || learned.source === 'local') continue;
      candidates.push(plain(topology.nodes[gateway]!.kind === 'ergw' ? 'er' : 'vpn', e, learned));
    }
  }
  return candidates;
}

function lanCandidates(ctx: ControlContext, node: number, prefix: number, best: readonly (readonly Route[] | undefined)[]): Route[] {
  const { topology } = ctx;
  const site = topology.sites[topology.nodes[node]!.site]!;
  const p = topology.prefixes[prefix]!;
  if (site.prefixes.some((s) => containsPrefix(topology.prefixes[s]!, p))) return [plain('local', DELIVER)];
  const candidates: Route[] = [];
  for (const e of ctx.lanEdges[node]!) {
    const ce = topology.edges[e]!.to;
    const route = best[ce]?.[0];
    // Redistributed into the IGP at equal cost; a CE's route back into this LAN is not a way out of it.
    if (route && route.out !== (e ^ 1)) candidates.push(plain('igp', e));
  }
  return candidates;
}
