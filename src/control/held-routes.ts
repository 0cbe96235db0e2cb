import type { ControlContext } from './context.js';
import { DEFAULT_LOCAL_PREF, type Route } from './route.js';

/** The weight Azure's VPN gateways show on the ExpressRoute routes they hold (32768 for VPN-learned ones). */
export const ER_HELD_WEIGHT = 32769;

const WHY_HELD = 'held from the VNet\'s ExpressRoute gateway: a VPN gateway does not carry ExpressRoute routes (no transit between ExpressRoute and VPN)';

/**
 * Routes a node holds without selecting them: shown by `whatif routes`, never installed, advertised or
 * forwarded by. A Route Server holds the appliance announcements it does not take (context.ts). A VPN gateway
 * holds the ExpressRoute routes of its VNet's ER gateway, as Azure shows in its learned routes (AS path
 * `12076 <CE ASN>`, weight 32769; "Using S2S VPN as a backup for ExpressRoute private peering"), yet advertises
 * only VPN-learned routes and its VNets over VPN (azure-routing-rules.md 2).
 */
export function heldRoutes(
  ctx: ControlContext, node: number, prefix: number, best: (node: number) => readonly Route[] | undefined,
): { route: Route; reason: string }[] {
  const refused = ctx.refused[prefix]!.filter((r) => r.node === node);
  const edge = ctx.erGatewayBeside[node]!;
  // With branch-to-branch the ExpressRoute routes reach the VPN gateway from the Route Server, as routes it uses.
  if (edge < 0 || ctx.bgpIn[node]!.some((e) => ctx.topology.edges[e]!.kind === 'rs-gateway')) return refused;
  const learned = best(ctx.topology.edges[edge]!.to) ?? [];
  return [...refused, ...learned.filter((r) => r.source === 'er').map((r) => ({
    route: { ...r, out: edge, localPref: DEFAULT_LOCAL_PREF, weight: ER_HELD_WEIGHT },
    reason: WHY_HELD,
  }))];
}
