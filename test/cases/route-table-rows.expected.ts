/**
 * Route tables as Azure shows them (azure-routing-rules.md 2 and 3; the VPN gateway FAQ; the virtual network
 * traffic routing overview). dc-ce announces, besides its own 10.67.0.0/24:
 * - 10.64.0.0/24, exactly the hub's address space: "advertising the same prefixes as any one of your virtual
 *   network address prefixes will be blocked or filtered" (VPN gateway FAQ). hub/vpngw has only its own
 *   origination for it, and the hub only its system route.
 * - 10.64.0.0/16, a superset, which the FAQ allows: hub/vpngw installs it, the hub too (its own /24 stays more
 *   specific inside it).
 * - 10.66.5.0/24, inside the peered shared VNet's 10.66.0.0/16: the hub lists the BGP route under its own
 *   prefix, not preferred, because "system routes for traffic related to virtual network peerings are preferred
 *   routes, even if BGP routes are more specific"; the peering route stays listed under 10.66.0.0/16 only.
 * Forwarding follows: hub -> dc over the tunnel. dc -> hub finds no route: dc-ce prefers its own network
 * statements for 10.64.0.0/24 and /16 (weight 32768 beats the learned [65515]), which point into the LAN, and
 * the LAN does not hold them.
 */
import type { CaseExpectation } from '../case-types.js';

export default {
  topology: 'route-table-rows.json',
  rule: 'Route tables as Azure shows them: a VPN gateway blocks its VNet\'s exact prefix; BGP routes under a peered range are listed under their own prefix and lose to the peering route',
  scenarios: [
    {
      failed: [],
      why: 'The exact hub prefix is blocked, the superset accepted, the more specific route under the peered range listed and not preferred',
      routes: [
        { node: 'hub/vpngw', prefix: '10.64.0.0/24', best: [{ source: 'local', nextHop: 'hub', asPath: [] }] },
        { node: 'hub/vpngw', prefix: '10.64.0.0/16', best: [{ source: 'vpn', nextHop: 'dc-ce', asPath: [65064], weight: 32768 }] },
        { node: 'hub', prefix: '10.64.0.0/24', best: [{ source: 'system', nextHop: null }] },
        { node: 'hub', prefix: '10.64.0.0/16', best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65064] }] },
        { node: 'hub', prefix: '10.66.0.0/16', best: [{ source: 'peering', nextHop: 'shared' }] },
        {
          node: 'hub', prefix: '10.66.5.0/24', best: [],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65064], reason: 'the peering route for 10.66.0.0/16 is preferred, even though this vpn route is more specific' }],
        },
      ],
      absent: [
        { node: 'hub', prefix: '10.66.5.0/24', because: 'no peering route of that prefix: Azure\'s peering route covers the whole 10.66.0.0/16' },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['vpn:hub-dc']], hops: ['hub/vpngw', 'dc-ce', 'dc'] },
        { src: 'hub', dst: 'shared', outcome: 'DELIVERED', paths: [['peering:hub-shared']] },
        { src: 'dc', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
