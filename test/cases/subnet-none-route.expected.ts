/**
 * A subnet with a None route, and Azure's own None routes, after Microsoft Learn's "Virtual network traffic
 * routing" (azure/virtual-network/virtual-networks-udr-overview):
 * - "Azure routes outbound traffic from a subnet based on the routes in a subnet's route table": the None route
 *   of drop-dc is on hub/vms only. The router appliance sits in hub/routers, which has no table, so traffic
 *   leaving the router keeps the ExpressRoute route to the datacenter.
 * - "None: Specify when you want to drop traffic to an address prefix": hub -> dc is dropped in the hub
 *   (NULL_ROUTED). For the same prefix a user-defined route beats the BGP route ("1. User-defined route
 *   2. BGP route 3. System route").
 * - Default routes: "10.0.0.0/8 ... None" in every subnet. Nothing routes hub <-> lab (no peering, no BGP
 *   route), so the reserved range's default None route takes the traffic: NO_ROUTE, as before default routes
 *   were listed (routing-model.md, "Forwarding": a reserved range's default route means no route).
 *
 * Derivation. hub/ergw learns 10.140.0.0/24 [12076 65140] and originates the hub and, over gateway transit, the
 * spoke. The spoke (no subnets: its routeTable is its subnet's) sends 10.140.0.0/24 to 10.60.1.4, the router's
 * instance in the peered hub: the edge crosses the peering, then the instance. The router's table: the ER route
 * via hub/ergw. dc -> spoke: hub/ergw hands the spoke's traffic straight over the peering (no GatewaySubnet
 * table): the return skips the router, so the pair is asymmetric, one way through the appliance instance: the
 * circuit class (analysis/asymmetry.ts). When nva:router fails, the spoke's route keeps pointing at it: dropped.
 */
import type { CaseExpectation } from '../case-types.js';

const DC = '10.140.0.0/24';

export default {
  topology: 'subnet-none-route.json',
  rule: 'A route table applies to traffic leaving its subnet (virtual-networks-udr-overview): a None route on one subnet drops only that subnet\'s traffic; default None routes of reserved ranges are no route',
  scenarios: [
    {
      failed: [],
      why: 'hub -> dc is dropped by the VM subnet\'s None route; the spoke reaches dc through the router in another hub subnet; nothing reaches the lab',
      routes: [
        {
          node: 'hub', prefix: DC,
          best: [{ source: 'udr', nextHop: null }],
          losers: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65140], reason: 'user-defined route preferred' }],
        },
        { node: 'hub', prefix: '10.0.0.0/8', best: [{ source: 'default', nextHop: null }] },
        { node: 'hub', prefix: '0.0.0.0/0', best: [{ source: 'default', nextHop: 'Internet' }] },
        { node: 'hub/router', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65140] }] },
        { node: 'spoke', prefix: DC, best: [{ source: 'udr', nextHop: 'hub/router' }], losers: [{ source: 'er', nextHop: 'hub/ergw', reason: 'user-defined route preferred' }] },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: null },
        {
          src: 'spoke', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'nva:router', 'er-conn:er1-hub', 'er-link:er1-primary']],
          hops: ['hub/router', 'hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: false, asymmetry: 'circuit',
        },
        { src: 'dc', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'spoke'], symmetric: false },
        { src: 'hub', dst: 'lab', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'lab', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], symmetric: true },
      ],
    },
    {
      failed: ['nva:router'],
      why: 'The router is down and the spoke\'s route still points at it: spoke -> dc is dropped',
      routes: [{ node: 'spoke', prefix: DC, best: [{ source: 'udr', nextHop: null }] }],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke']], symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
