/**
 * route-server-branch-to-branch with branch-to-branch off: "by default Azure Route Server doesn't propagate the
 * routes it receives from the NVA and virtual network gateway between each other" (Microsoft Learn, "Azure Route
 * Server support for ExpressRoute and Azure VPN", azure/route-server/expressroute-vpn-support). Without the
 * exchange, the classic rule holds: "Transit routing is not supported" between ExpressRoute and site-to-site VPN
 * (azure-routing-rules.md section 2).
 *
 * Derivation. No session joins hub/routeserver and the gateways. hub/ergw advertises only its VNet to the
 * circuit, hub/vpngw its VNet and VPN-learned routes to the branch: dc-ce never learns 10.50.0.0/24, branch-ce
 * never 10.40.0.0/24, and neither gateway has a route to the other's site (hub/vpngw only holds the ExpressRoute
 * copy of 10.40.0.0/24, without using it). The hub itself reaches both, each over its own gateway.
 */
import type { CaseExpectation } from '../case-types.js';

export default {
  topology: 'route-server-no-branch-to-branch.json',
  rule: 'Without branch-to-branch, Route Server exchanges nothing with the gateways (expressroute-vpn-support): no transit between ExpressRoute and VPN',
  scenarios: [
    {
      failed: [],
      why: 'dc and branch cannot reach each other; the hub reaches both',
      routes: [
        { node: 'hub/vpngw', prefix: '10.40.0.0/24', best: [], losers: [{ source: 'er', nextHop: 'hub/ergw', weight: 32769, reason: 'does not carry ExpressRoute routes' }] },
      ],
      absent: [
        { node: 'hub/ergw', prefix: '10.50.0.0/24', because: 'no exchange with the Route Server, and an ER gateway never takes VPN routes' },
        { node: 'dc-ce', prefix: '10.50.0.0/24', because: 'hub/ergw advertises only its VNet to the circuit' },
        { node: 'branch-ce', prefix: '10.40.0.0/24', because: 'hub/vpngw carries no ExpressRoute routes' },
        { node: 'hub/routeserver', prefix: '10.40.0.0/24', because: 'branch-to-branch is off: the gateways send it nothing' },
      ],
      pairs: [
        { src: 'dc', dst: 'branch', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'branch', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true },
        { src: 'hub', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-branch/0'], ['vpn:hub-branch/1']], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
