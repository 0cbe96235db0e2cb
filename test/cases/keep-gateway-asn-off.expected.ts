/**
 * The per-circuit `keepGatewayAsn` option (azure-routing-rules.md section 2; routing-model.md "Export": "When the
 * circuit sets keepGatewayAsn: false, routes originated by an ER gateway are sent to CEs with the gateway's
 * 65515 removed").
 * With er1's MSEE sending remote's 10.17.30.0/24 to onprem1-ce as [12076] (not [12076 65515]), the CE's
 * re-advertisement over the tunnel (no outbound filter toward hub/vpngw, as in the seed) is [65021 12076]:
 * no 65515 in it, so hub/vpngw accepts it and passes it to the branch as [65515 65021 12076]. The branch now
 * reaches remote through a hairpin in the CE: branch/vpngw -> hub/vpngw -> onprem1-ce -> er1/msee ->
 * remote/ergw. Nothing carries the branch back to remote (VPN routes never enter ER; onprem1-ce's prefix-list
 * toward er1 permits only 10.2.30.0/25): one-way reachability.
 * Also: the hub's and spoke's own prefixes now come back to hub/vpngw as [65021 12076]; hub/vpngw keeps its
 * own origination (first rule) and does not export them (they overlap its VNet / transit spoke), and the VNets
 * keep their system / peering routes (preferred over BGP for their own address spaces).
 */
import type { CaseExpectation } from '../case-types.js';

const H = '10.10.30.0/24';
const R = '10.17.30.0/24';

export default {
  topology: 'keep-gateway-asn-off.json',
  rule: 'Section 2 (MSEE advertisement to on-prem, keepGatewayAsn): without 65515 in the on-prem view, a CE that re-advertises everything turns into an ER->VPN transit',
  scenarios: [
    {
      failed: [],
      why: 'branch now reaches remote through the onprem1 CE hairpin; remote still cannot reach branch',
      routes: [
        { node: 'onprem1-ce', prefix: R, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076], localPref: 200 }] },
        {
          node: 'onprem1-ce', prefix: H,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076], localPref: 200 }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        { node: 'hub/vpngw', prefix: R, best: [{ source: 'vpn', nextHop: 'onprem1-ce', asPath: [65021, 12076] }] },
        { node: 'branch', prefix: R, best: [{ source: 'vpn', nextHop: 'branch/vpngw', asPath: [65515, 65021, 12076] }] },
        // hub still prefers ER for remote (ExpressRoute over VPN, whatever the AS paths).
        {
          node: 'hub', prefix: R,
          best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65515] }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021, 12076], reason: 'ExpressRoute preferred over VPN' }],
        },
        { node: 'hub/vpngw', prefix: H, best: [{ source: 'local', nextHop: 'hub', asPath: [] }] },
        { node: 'hub', prefix: H, best: [{ source: 'system', nextHop: null }] },
      ],
      absent: [
        { node: 'remote', prefix: '10.11.30.64/26', because: 'VPN routes never enter ER, and onprem1-ce\'s prefix-list toward er1 permits only 10.2.30.0/25' },
        { node: 'branch', prefix: '10.1.31.0/25', because: 'onprem2 is on er2, which onprem1-ce never hears' },
      ],
      pairs: [
        {
          src: 'branch', dst: 'remote', outcome: 'DELIVERED',
          paths: [['vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-conn:er1-remote']],
          hops: ['branch/vpngw', 'hub/vpngw', 'onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'],
          symmetric: null,
        },
        { src: 'remote', dst: 'branch', outcome: 'NO_ROUTE', symmetric: null },
        // Unchanged from the seed.
        { src: 'hub', dst: 'remote', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-conn:er1-remote']], hops: ['hub/ergw', 'er1/msee', 'remote/ergw', 'remote'], symmetric: true },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['onprem1-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'branch', dst: 'onprem2', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
    {
      failed: ['er-conn:er1-hub'],
      why: 'The hub leaves ER1: unlike the seed, hub and spoke still reach remote one way, through hub/vpngw and the CE hairpin; remote cannot reach them',
      routes: [
        { node: 'hub', prefix: R, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021, 12076] }] },
        { node: 'spoke', prefix: R, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021, 12076] }] },
      ],
      absent: [
        { node: 'remote', prefix: H, because: 'er1/msee learned H only from hub/ergw; onprem1-ce\'s prefix-list toward er1 permits only 10.2.30.0/25' },
      ],
      pairs: [
        { src: 'hub', dst: 'remote', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'er-link:er1-primary', 'er-conn:er1-remote']], hops: ['hub/vpngw', 'onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'], symmetric: null },
        { src: 'spoke', dst: 'remote', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-conn:er1-remote']], hops: ['hub/vpngw', 'onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'], symmetric: null },
        { src: 'remote', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'remote', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
        // As in the seed's same failure: onprem1 <-> hub/spoke on the tunnel.
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['onprem1-ce', 'hub/vpngw', 'hub'], symmetric: true },
        // Still there: the hairpin does not use er1-hub.
        {
          src: 'branch', dst: 'remote', outcome: 'DELIVERED',
          paths: [['vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-conn:er1-remote']],
          hops: ['branch/vpngw', 'hub/vpngw', 'onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'],
          symmetric: null,
        },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'The hairpin needs the CE\'s ER1 link: branch->remote is lost again',
      absent: [
        { node: 'hub/vpngw', prefix: R, because: 'onprem1-ce no longer has a route to remote' },
      ],
      pairs: [
        { src: 'branch', dst: 'remote', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
