/**
 * A Route Server's routing preference, from Microsoft Learn's "Azure Route Server routing preference"
 * (azure/route-server/routing-preference): "When branch-to-branch is enabled and Route Server learns multiple
 * routes across site-to-site (S2S) VPN, ExpressRoute and SD-WAN NVAs, for the same on-premises destination
 * route prefix, users can now configure connection preferences ... VPN/SD-WAN: Prefer routes learned through
 * VPN/SD-WAN connections over routes learned through ExpressRoute." The VNet's own routes follow it: with a
 * Route Server deployed, it is the control plane between the gateways and the VNet ("When you deploy Azure
 * Route Server to a virtual network, we need to update the control plane between the gateways and the virtual
 * network", troubleshoot-route-server). Without branch-to-branch the preference decides nothing, and the VNet
 * keeps ExpressRoute over VPN (azure-routing-rules.md 3.3).
 *
 * Derivation. dc-ce announces 10.80.0.0/24 over the circuit and over both tunnels. hub/ergw holds it as
 * [12076 65080] (er), hub/vpngw as [65080] over each tunnel (vpn, ECMP); each hands its own to
 * hub/routeserver, which prefers the VPN one (VpnGateway). The Route Server reflects that one to hub/ergw,
 * which keeps its own circuit's route (a gateway's own connections first); hub/vpngw gets nothing back (its own
 * route). The hub's table ranks by the same preference: the VPN route over the ExpressRoute one.
 * - hub -> dc: hub/vpngw, then both tunnels. dc -> hub: dc-ce sets no local preference, so the shorter AS path
 *   wins: [65515] over the tunnels (ECMP, maximum-paths 2) against [12076 65515] over the circuit. Symmetric.
 * - Both tunnels down: only the ExpressRoute route is left, everywhere: both ways over the circuit.
 */
import type { CaseExpectation } from '../case-types.js';

const DC = '10.80.0.0/24';
const PREFERRED = 'VPN and appliance routes preferred over ExpressRoute (routing preference VpnGateway)';

export default {
  topology: 'route-server-routing-preference.json',
  rule: 'Route Server routing preference (route-server routing-preference): with branch-to-branch, VpnGateway puts VPN routes before ExpressRoute ones, in the Route Server and in its VNet',
  scenarios: [
    {
      failed: [],
      why: 'The same prefix over ExpressRoute and VPN: the hub takes the VPN one, as its Route Server prefers',
      routes: [
        {
          node: 'hub/routeserver', prefix: DC,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65080] }],
          losers: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65080], reason: PREFERRED }],
        },
        {
          node: 'hub/ergw', prefix: DC,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65080] }],
          losers: [{ source: 'route-server', nextHop: 'hub/vpngw', asPath: [65080], reason: 'own connections preferred over Route Server routes' }],
        },
        {
          node: 'hub', prefix: DC,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65080] }],
          losers: [{ source: 'er', nextHop: 'hub/ergw', reason: PREFERRED }],
        },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['vpn:hub-dc/0'], ['vpn:hub-dc/1']], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-dc/0'], ['vpn:hub-dc/1']], symmetric: true },
      ],
    },
    {
      failed: ['vpn:hub-dc/0', 'vpn:hub-dc/1'],
      why: 'Without the tunnels the ExpressRoute route is the only one left',
      routes: [
        { node: 'hub/routeserver', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65080] }] },
        { node: 'hub/vpngw', prefix: DC, best: [{ source: 'route-server', nextHop: 'hub/ergw', asPath: [12076, 65080] }] },
        { node: 'hub', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw' }] },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
