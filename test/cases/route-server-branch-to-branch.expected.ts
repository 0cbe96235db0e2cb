/**
 * Transit between ExpressRoute and site-to-site VPN through Azure Route Server, from Microsoft Learn's "Azure
 * Route Server support for ExpressRoute and Azure VPN" (azure/route-server/expressroute-vpn-support): "by
 * default Azure Route Server doesn't propagate the routes it receives from the NVA and virtual network gateway
 * between each other. Once you enable branch-to-branch in Route Server, the virtual network gateway and the NVA
 * exchange their routes ... You can also replace the SDWAN appliance with Azure VPN gateway. Since Azure VPN
 * and ExpressRoute gateways are fully managed, you only need to enable the route exchange for the two
 * on-premises networks to talk to each other." The VPN gateway "must be configured in active-active mode and
 * have the ASN set to 65515". The Route Server FAQ: transit "between ExpressRoute and ... Site-to-Site (S2S) VPN
 * gateway connections, if the Branch-to-Branch setting is enabled". The same topology with branch-to-branch off
 * is route-server-no-branch-to-branch.
 *
 * Derivation. The gateways and the Route Server are all AS 65515: their sessions add no AS hop (iBGP), and the
 * Route Server keeps the next hop, so a gateway sends what it learned from the Route Server to the other gateway
 * (routing-model.md, "Route Server").
 * - hub/ergw learns 10.40.0.0/24 [12076 65040] from er1/msee; hub/vpngw learns 10.50.0.0/24 [65050] over both
 *   tunnels (ECMP). Each hands its own connections' routes to hub/routeserver, which hands each to the other
 *   gateway: hub/ergw installs 10.50.0.0/24 [65050] next hop hub/vpngw, hub/vpngw 10.40.0.0/24
 *   [12076 65040] next hop hub/ergw, both as route-server routes.
 * - hub/ergw advertises its Route Server routes to the circuit as its own VNet's (prepending 65515; the MSEE
 *   prepends 12076): dc-ce gets 10.50.0.0/24 [12076 65515 65050]. hub/vpngw advertises them to its BGP peers
 *   (not the default route, not the VNet's own space, vpn-gateway-vpn-faq): branch-ce gets 10.40.0.0/24
 *   [65515 12076 65040] over both tunnels, and load-shares (maximum-paths 2, identical AS paths).
 * - dc -> branch: dc-ce -> er1/msee -> hub/ergw -> hub/vpngw -> both tunnels -> branch-ce -> branch:
 *   [er-link, er-conn, vpn:hub-branch/0] and [.../1]. branch -> dc over either tunnel, then hub/vpngw ->
 *   hub/ergw -> er1/msee -> dc-ce: the reverse of those, symmetric.
 * - The hub's own routes are as without a Route Server: 10.40.0.0/24 from hub/ergw (er), 10.50.0.0/24 from
 *   hub/vpngw (vpn).
 * - vpn:hub-branch/0 down: one tunnel left, both ways: symmetric.
 * - er-link:er1-primary down: dc's prefix is gone everywhere, and dc-ce loses the branch: no route either way.
 */
import type { CaseExpectation } from '../case-types.js';

const DC = '10.40.0.0/24';
const BRANCH = '10.50.0.0/24';
const ER_IN = ['er-link:er1-primary', 'er-conn:er1-hub'];

export default {
  topology: 'route-server-branch-to-branch.json',
  rule: 'Route Server branch-to-branch (expressroute-vpn-support): the ExpressRoute and VPN gateways exchange their routes, so on-premises sites on ExpressRoute and on VPN reach each other',
  scenarios: [
    {
      failed: [],
      why: 'dc (ExpressRoute) and branch (VPN) reach each other through the hub\'s two gateways',
      routes: [
        { node: 'hub/routeserver', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65040] }] },
        { node: 'hub/routeserver', prefix: BRANCH, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65050] }] },
        { node: 'hub/ergw', prefix: BRANCH, best: [{ source: 'route-server', nextHop: 'hub/vpngw', asPath: [65050] }] },
        { node: 'hub/vpngw', prefix: DC, best: [{ source: 'route-server', nextHop: 'hub/ergw', asPath: [12076, 65040] }] },
        { node: 'dc-ce', prefix: BRANCH, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515, 65050] }] },
        {
          node: 'branch-ce', prefix: DC,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515, 12076, 65040] }, { source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515, 12076, 65040] }],
        },
        { node: 'hub', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65040] }] },
        { node: 'hub', prefix: BRANCH, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65050] }] },
      ],
      pairs: [
        { src: 'dc', dst: 'branch', outcome: 'DELIVERED', paths: [[...ER_IN, 'vpn:hub-branch/0'], [...ER_IN, 'vpn:hub-branch/1']], symmetric: true, asymmetry: 'symmetric' },
        {
          src: 'branch', dst: 'dc', outcome: 'DELIVERED',
          paths: [['vpn:hub-branch/0', 'er-conn:er1-hub', 'er-link:er1-primary'], ['vpn:hub-branch/1', 'er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true,
        },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true },
        { src: 'hub', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-branch/0'], ['vpn:hub-branch/1']], symmetric: true },
      ],
    },
    {
      failed: ['vpn:hub-branch/0'],
      why: 'One tunnel left: the transit takes it both ways',
      pairs: [
        { src: 'dc', dst: 'branch', outcome: 'DELIVERED', paths: [[...ER_IN, 'vpn:hub-branch/1']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub/vpngw', 'branch-ce', 'branch'], symmetric: true },
        { src: 'branch', dst: 'dc', outcome: 'DELIVERED', paths: [['vpn:hub-branch/1', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['branch-ce', 'hub/vpngw', 'hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'The circuit\'s only link is down: the datacenter is cut off from both',
      absent: [{ node: 'branch-ce', prefix: DC, because: 'hub/ergw no longer learns it, so the Route Server has nothing to hand on' }],
      pairs: [
        { src: 'dc', dst: 'branch', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'branch', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-branch/0'], ['vpn:hub-branch/1']], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
