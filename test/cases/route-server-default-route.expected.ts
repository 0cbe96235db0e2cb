/**
 * Azure Route Server with appliances announcing a default route to the spokes, after Microsoft Learn's
 * "Default route injection in spoke virtual networks" (azure/route-server/route-injection-in-spokes), the Route
 * Server FAQ (azure/route-server/route-server-faq) and "Troubleshoot Azure Route Server issues"
 * (azure/route-server/troubleshoot-route-server):
 * - "The NVA advertises network prefixes to the Route Server, which injects them so they appear in the
 *   effective routes of any virtual machine deployed in the hub VNet or spoke VNets that are peered with the hub
 *   VNet with the setting Use the remote virtual network's gateway or Route Server".
 * - "If the route has the same AS path length, Azure Route Server will program multiple copies of the route,
 *   each with a different next hop, to the VMs ... the VM hosts will do Equal-Cost Multi-Path (ECMP) routing."
 * - The default route "draws" spoke-to-spoke traffic (private addresses) to the appliance (route-injection-in-
 *   spokes, "Inspecting private traffic through the NVA"): with its own 0.0.0.0/0, a subnet loses the reserved
 *   ranges' None routes (virtual-networks-udr-overview, routing example).
 * - "When your NVA advertises the default route, Azure Route Server programs it for all the virtual machines
 *   (VMs) in the virtual network including the NVA itself ... you need to configure a user-defined route (UDR)
 *   ... 0.0.0.0/0 Internet ... to the subnet where the NVA is hosted": nva-internet does that here (without it,
 *   the route-server-nva-loop case).
 *
 * Derivation. hub/routeserver takes 0.0.0.0/0 [65010] from hub/nva/0 and hub/nva/1 (0.0.0.0/0 is not inside
 * any address space it serves) and keeps both: equal AS paths, ECMP. Every subnet it serves (the hub's, the
 * spokes' over their gateway-transit peerings) gets both, next hop the instance; the BGP route beats Azure's
 * default 0.0.0.0/0 (UDR > BGP > system).
 * - spoke1 -> spoke2: no peering between them, and 10.0.0.0/8's None route is gone; 0.0.0.0/0 -> both
 *   instances, whose subnet has the hub's peering route to spoke2. Two paths, [peering:hub-spoke1, nva:nva/N,
 *   peering:hub-spoke2]; the way back mirrors them: symmetric.
 * - to far (no peering anywhere): the same 0.0.0.0/0 to the instances, where nva-internet's 0.0.0.0/0 (a UDR,
 *   beating the injected route) sends it to the Internet: EXITS_NETWORK. far itself has only Azure's default
 *   routes: 10.0.0.0/8 None, no route.
 * - nva:nva/0 down: its BGP session goes with it, the Route Server withdraws that copy: only nva/1 remains.
 * - both Route Server peerings down: no injected route; the default 0.0.0.0/0 is the Internet again and the
 *   reserved 10.0.0.0/8 None route is back: spoke1 -> spoke2 has no route.
 */
import type { CaseExpectation } from '../case-types.js';

const DEFAULT = '0.0.0.0/0';
const VIA = (n: number): string[] => ['peering:hub-spoke1', `nva:nva/${n}`, 'peering:hub-spoke2'];

export default {
  topology: 'route-server-default-route.json',
  rule: 'Route Server (route-injection-in-spokes, route-server-faq): appliance routes programmed into the hub and gateway-transit spokes, ECMP over equal AS paths; the appliance subnet\'s own default to the Internet',
  scenarios: [
    {
      failed: [],
      why: 'Both instances\' default route reaches the spokes (ECMP); spoke-to-spoke goes through them; what only the default route covers leaves to the Internet at the appliance',
      routes: [
        {
          node: 'hub/routeserver', prefix: DEFAULT,
          best: [{ source: 'appliance', nextHop: 'hub/nva/0', asPath: [65010] }, { source: 'appliance', nextHop: 'hub/nva/1', asPath: [65010] }],
        },
        {
          node: 'spoke1', prefix: DEFAULT,
          best: [{ source: 'route-server', nextHop: 'hub/nva/0', asPath: [65010] }, { source: 'route-server', nextHop: 'hub/nva/1', asPath: [65010] }],
          losers: [{ source: 'default', nextHop: 'Internet', reason: 'a BGP route replaces Azure\'s default route' }],
        },
        { node: 'spoke1', prefix: '10.0.0.0/8', best: [], losers: [{ source: 'default', nextHop: null, reason: 'removed by Azure' }] },
        { node: 'hub', prefix: DEFAULT, best: [{ source: 'route-server', nextHop: 'hub/nva/0' }, { source: 'route-server', nextHop: 'hub/nva/1' }] },
        {
          node: 'hub/nva/0', prefix: DEFAULT,
          best: [{ source: 'udr', nextHop: 'Internet' }],
          losers: [{ source: 'route-server', nextHop: 'hub/nva/0', reason: 'user-defined route preferred' }],
        },
        { node: 'far', prefix: '10.0.0.0/8', best: [{ source: 'default', nextHop: null }] },
      ],
      pairs: [
        { src: 'spoke1', dst: 'spoke2', outcome: 'DELIVERED', paths: [VIA(0), VIA(1)], symmetric: true },
        { src: 'spoke2', dst: 'spoke1', outcome: 'DELIVERED', paths: [[...VIA(0)].reverse(), [...VIA(1)].reverse()], symmetric: true },
        { src: 'spoke1', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke1']], hops: ['hub'], symmetric: true },
        { src: 'spoke1', dst: 'far', outcome: 'EXITS_NETWORK', symmetric: null },
        { src: 'hub', dst: 'far', outcome: 'EXITS_NETWORK', symmetric: null },
        { src: 'far', dst: 'spoke1', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
    {
      failed: ['nva:nva/0'],
      why: 'The failed instance\'s BGP session drops its copy of the default route: the spokes keep the other',
      routes: [
        { node: 'hub/routeserver', prefix: DEFAULT, best: [{ source: 'appliance', nextHop: 'hub/nva/1' }] },
        { node: 'spoke1', prefix: DEFAULT, best: [{ source: 'route-server', nextHop: 'hub/nva/1' }] },
      ],
      pairs: [
        { src: 'spoke1', dst: 'spoke2', outcome: 'DELIVERED', paths: [VIA(1)], hops: ['hub/nva/1', 'spoke2'], symmetric: true },
      ],
    },
    {
      failed: ['rs-peer:nva-0', 'rs-peer:nva-1'],
      why: 'No peering left: no injected route, Azure\'s default routes are back and spoke-to-spoke has no route',
      routes: [
        { node: 'spoke1', prefix: DEFAULT, best: [{ source: 'default', nextHop: 'Internet' }] },
        { node: 'spoke1', prefix: '10.0.0.0/8', best: [{ source: 'default', nextHop: null }] },
      ],
      absent: [{ node: 'hub/routeserver', prefix: DEFAULT, because: 'its only sources, the two peerings, are down' }],
      pairs: [
        { src: 'spoke1', dst: 'spoke2', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke1', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke1']], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
