/**
 * An appliance failure that blackholes traffic because a user-defined route still points at the failed
 * instance, beside one that a load balancer survives. Microsoft Learn's "Virtual network traffic routing"
 * (azure/virtual-network/virtual-networks-udr-overview), on the next hop of a Virtual appliance route:
 * - it can be "the private IP address of a network interface attached to a virtual machine", or "the private IP
 *   address of an Azure internal load balancer. A load balancer is often used as part of a high availability
 *   strategy for network virtual appliances";
 * - a route outlives its appliance: "if you see None listed as the Next hop IP address with a Next hop type of
 *   ... Virtual appliance, it may be because the device isn't running": traffic to it is lost (NULL_ROUTED).
 * Route Server's "Next Hop IP support" page (azure/route-server/next-hop-ip) on instances behind a load
 * balancer: "Traffic that reaches the load balancer is sent to both NVA instances ... Active-active NVA
 * connectivity may result in asymmetric routing."
 *
 * Derivation. Peering is not transitive (section 4), so each spoke reaches the other only through its UDR.
 * - spoke-a -> spoke-b: to fw/0 (10.70.1.4), crossing the peering and the instance; fw/0's subnet has a peering
 *   route to spoke-b: [peering:hub-a, nva:fw/0, peering:hub-b].
 * - spoke-b -> spoke-a: to the load balancer, so over both instances (ECMP): two paths, through fw/0 and fw/1.
 *   Forward reversed is one path, back two: asymmetric, through other appliance instances (circuit class).
 * - nva:fw/0 down: spoke-a's route still names 10.70.1.4: dropped. The load balancer leaves only fw/1:
 *   spoke-b -> spoke-a over fw/1.
 * - nva:fw/1 down: spoke-b -> spoke-a only over fw/0, the way spoke-a's traffic comes: symmetric.
 * - both down: the load balancer has no instance left: dropped too.
 */
import type { CaseExpectation } from '../case-types.js';

const A_TO_B_FW0 = ['peering:hub-a', 'nva:fw/0', 'peering:hub-b'];
const B_TO_A_FW0 = ['peering:hub-b', 'nva:fw/0', 'peering:hub-a'];
const B_TO_A_FW1 = ['peering:hub-b', 'nva:fw/1', 'peering:hub-a'];

export default {
  topology: 'appliance-failure-blackhole.json',
  rule: 'A user-defined route outlives its appliance (virtual-networks-udr-overview): a route to a failed instance drops the traffic; a route to the instances\' load balancer spreads over those up',
  scenarios: [
    {
      failed: [],
      why: 'spoke-a goes through fw/0, spoke-b through the load balancer over both instances: asymmetric between instances',
      routes: [
        { node: 'spoke-a', prefix: '10.72.0.0/16', best: [{ source: 'udr', nextHop: 'hub/fw/0' }] },
        { node: 'spoke-b', prefix: '10.71.0.0/16', best: [{ source: 'udr', nextHop: 'hub/fw/0' }, { source: 'udr', nextHop: 'hub/fw/1' }] },
        { node: 'hub/fw/1', prefix: '10.71.0.0/16', best: [{ source: 'peering', nextHop: 'spoke-a' }] },
      ],
      pairs: [
        { src: 'spoke-a', dst: 'spoke-b', outcome: 'DELIVERED', paths: [A_TO_B_FW0], hops: ['hub/fw/0', 'spoke-b'], symmetric: false, asymmetry: 'circuit' },
        { src: 'spoke-b', dst: 'spoke-a', outcome: 'DELIVERED', paths: [B_TO_A_FW0, B_TO_A_FW1], symmetric: false },
        { src: 'spoke-a', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-a']], symmetric: true },
      ],
    },
    {
      failed: ['nva:fw/0'],
      why: 'spoke-a\'s route still points at the failed fw/0: blackholed; the load balancer moves spoke-b\'s traffic to fw/1',
      routes: [
        { node: 'spoke-a', prefix: '10.72.0.0/16', best: [{ source: 'udr', nextHop: null }] },
        { node: 'spoke-b', prefix: '10.71.0.0/16', best: [{ source: 'udr', nextHop: 'hub/fw/1' }] },
      ],
      pairs: [
        { src: 'spoke-a', dst: 'spoke-b', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'spoke-b', dst: 'spoke-a', outcome: 'DELIVERED', paths: [B_TO_A_FW1], hops: ['hub/fw/1', 'spoke-a'], symmetric: null },
      ],
    },
    {
      failed: ['nva:fw/1'],
      why: 'Only fw/0 is left behind the load balancer: both directions cross it, symmetric',
      pairs: [
        { src: 'spoke-a', dst: 'spoke-b', outcome: 'DELIVERED', paths: [A_TO_B_FW0], symmetric: true, asymmetry: 'symmetric' },
        { src: 'spoke-b', dst: 'spoke-a', outcome: 'DELIVERED', paths: [B_TO_A_FW0], symmetric: true },
      ],
    },
    {
      failed: ['nva:fw/0', 'nva:fw/1'],
      why: 'No instance left: both routes drop',
      pairs: [
        { src: 'spoke-a', dst: 'spoke-b', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'spoke-b', dst: 'spoke-a', outcome: 'NULL_ROUTED', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
