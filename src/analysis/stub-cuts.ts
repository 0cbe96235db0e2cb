import type { CompiledTopology } from '../model/compiled.js';
import type { ControlContext } from '../control/context.js';
import type { ForwardingBaseline } from '../forward/forwarding-baseline.js';

/** A stub larger than this is not looked for: stubs are a spoke, a branch, a site with its routers. */
const MOST_STUB_NODES = 16;

/**
 * The units whose failure cuts a stub off from the rest of the network: a part of one site (a spoke VNet, a
 * branch VNet with its gateway, an on-premises LAN with its router) whose every way out is over the unit.
 *
 * Such a unit adds nothing to any combination it is part of. With it down the stub's site reaches nothing and
 * nothing reaches it, exactly as with the unit down alone. And the stub never carries anyone else's traffic or
 * routes: it is one site, it has at most one BGP session out (a speaker never sends a route back to where it
 * came from, so nothing it learns leaves it), every prefix it originates or that routes into it covers only its
 * own test addresses, and no table outside it reads its routes. So every other pair fares in the combination as
 * in the combination without the unit. A combination with such a unit loses and makes asymmetric nothing that
 * a part of it does not: it is never irreducible, and is skipped.
 */
export function stubCuttingUnits(topology: CompiledTopology, control: ControlContext, forwarding: ForwardingBaseline): boolean[] {
  const adjacent: { node: number; edge: number }[][] = topology.nodes.map(() => []);
  topology.edges.forEach((edge, e) => {
    if (edge.units.some((u) => !topology.units[u]!.enabled)) return;
    adjacent[edge.from]!.push({ node: edge.to, edge: e });
  });
  return topology.units.map((unit, u) => unit.enabled && topology.edges.some((edge) => (
    edge.units.includes(u) && isStub(topology, control, forwarding, adjacent, u, stubBeyond(topology, adjacent, u, edge.from))
  )));
}

/** The nodes reachable from `start` without crossing the unit, or undefined when that is not a small part of one site. */
function stubBeyond(topology: CompiledTopology, adjacent: readonly { node: number; edge: number }[][], unit: number, start: number): Set<number> | undefined {
  const part = new Set([start]);
  const site = topology.nodes[start]!.site;
  if (site < 0) return undefined;
  const queue = [start];
  while (queue.length > 0) {
    for (const { node, edge } of adjacent[queue.pop()!]!) {
      if (topology.edges[edge]!.units.includes(unit) || part.has(node)) continue;
      if (topology.nodes[node]!.site !== site || part.size >= MOST_STUB_NODES) return undefined;
      part.add(node);
      queue.push(node);
    }
  }
  return part;
}

function isStub(
  topology: CompiledTopology, control: ControlContext, forwarding: ForwardingBaseline,
  adjacent: readonly { node: number; edge: number }[][], unit: number, part: Set<number> | undefined,
): boolean {
  if (!part) return false;
  const site = topology.nodes[[...part][0]!]!.site;
  // The site itself must be cut off (its traffic is measured from its node), and nothing in the stub may be an
  // appliance or a Route Server: others' traffic and routes go through those.
  if (!part.has(topology.sites[site]!.node) || [...part].some((n) => topology.nodes[n]!.kind === 'nva' || topology.nodes[n]!.kind === 'route-server')) return false;
  const crossing = [...part].flatMap((n) => adjacent[n]!.filter((a) => !part.has(a.node)).map((a) => a.edge));
  // Everything out of the stub goes down with the unit; the unit joins the stub to something else.
  if (crossing.length === 0 || crossing.some((e) => !topology.edges[e]!.units.includes(unit))) return false;
  const sessions = crossing.filter((e) => control.bgpOut[topology.edges[e]!.from]!.includes(e));
  if (sessions.length > 1) return false;
  for (const n of part) {
    if (control.readersOfNode[n]!.some((r) => !part.has(r))) return false;
    // A static route inside the stub would be advertised over its session: the stub would route for others.
    if (sessions.length > 0 && topology.nodes[n]!.statics.length > 0) return false;
  }
  for (const e of crossing.flatMap((out) => [out, out ^ 1])) {
    for (const r of control.readersOfEdge[e] ?? []) {
      if (part.has(r)) continue;
      // Only a peering is read from outside, for the address space of the VNet behind it.
      const table = topology.nodes[r]!.vnet!;
      if (!table.peeringEdges.includes(e) || table.gatewayEdges.includes(e) || table.routeServerEdges.includes(e) || table.userRoutes.some((udr) => udr.edges.includes(e))) return false;
    }
  }
  // The prefixes that lead into the stub: its site's, its originations, routes into it from outside.
  const owned = new Set(topology.sites[site]!.prefixes);
  for (const n of part) for (const o of topology.nodes[n]!.originates) owned.add(o.prefix);
  for (const e of crossing) {
    const into = e ^ 1;
    const outside = topology.nodes[topology.edges[e]!.to]!;
    for (const o of outside.originates) if (o.edge === into) owned.add(o.prefix);
    for (const s of outside.statics) if (s.edge === into) owned.add(s.prefix);
  }
  topology.prefixes.forEach((_, p) => {
    if (control.vnetsContaining[p]!.some((v) => part.has(v))) owned.add(p);
  });
  return [...owned].every((p) => forwarding.probesByPrefix[p]!.every((q) => forwarding.probes[q]!.site === site));
}
