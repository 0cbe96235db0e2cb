/**
 * A forwarding loop through an appliance, from Microsoft Learn's "Troubleshoot Azure Route Server issues"
 * (azure/route-server/troubleshoot-route-server), "Why does my network virtual appliance (NVA) lose internet
 * connectivity after it advertises the default route (0.0.0.0/0) to Azure Route Server?": "Azure Route Server
 * programs it for all the virtual machines (VMs) in the virtual network including the NVA itself ... Otherwise,
 * the NVA host machine keeps sending the internet-bound traffic including the one sent by the NVA back to the
 * NVA itself." This is route-server-default-route without the UDR on the appliance's subnet, and with one
 * instance.
 *
 * Derivation. hub/routeserver takes 0.0.0.0/0 [65010] from hub/nva and programs it into every subnet it serves,
 * the appliance's own included (no table there stops propagation); it beats Azure's default 0.0.0.0/0.
 * - spoke1 -> far: nothing but 0.0.0.0/0 covers 10.200.0.4 (the reserved 10.0.0.0/8 None route is gone), so
 *   hub/nva; there the same route sends it to hub/nva again: the walk meets a node already on the way, LOOP,
 *   hops hub/nva, hub/nva.
 * - spoke1 -> spoke2 still works: at the appliance the hub's peering route to spoke2 is longer than 0.0.0.0/0.
 * - nva:nva down: the route is withdrawn; spoke1 -> far falls back on the reserved None route: no route.
 */
import type { CaseExpectation } from '../case-types.js';

export default {
  topology: 'route-server-nva-loop.json',
  rule: 'Route Server programs an appliance\'s default route into the appliance\'s own subnet too (troubleshoot-route-server): without a UDR there, what only the default route covers loops through the appliance',
  scenarios: [
    {
      failed: [],
      why: 'The appliance sends what only its own default route covers back to itself: LOOP',
      routes: [
        { node: 'hub/nva', prefix: '0.0.0.0/0', best: [{ source: 'route-server', nextHop: 'hub/nva', asPath: [65010] }] },
      ],
      pairs: [
        { src: 'spoke1', dst: 'far', outcome: 'LOOP', hops: ['hub/nva', 'hub/nva'], symmetric: null },
        { src: 'hub', dst: 'far', outcome: 'LOOP', hops: ['hub/nva', 'hub/nva'], symmetric: null },
        { src: 'spoke1', dst: 'spoke2', outcome: 'DELIVERED', paths: [['peering:hub-spoke1', 'nva:nva', 'peering:hub-spoke2']], hops: ['hub/nva', 'spoke2'], symmetric: true },
      ],
    },
    {
      failed: ['nva:nva'],
      why: 'The appliance fails: its route is withdrawn and the reserved range\'s None route is back',
      pairs: [
        { src: 'spoke1', dst: 'far', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke1', dst: 'spoke2', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
