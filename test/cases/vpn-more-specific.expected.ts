/**
 * Longest prefix match comes before "ExpressRoute over VPN" (azure-routing-rules.md section 3.1 and 3.3:
 * "advertise more specific routes over the VPN connection").
 * dc-ce originates 10.100.0.0/16 and 10.100.5.0/24; its prefix-lists send the /16 only to er1/msee and the /24
 * only to hub/vpngw. So the hub has 10.100.0.0/16 only as `er` and 10.100.5.0/24 only as `vpn`: no same-prefix
 * contest at all, the VPN /24 simply matches the test address 10.100.5.10 longer.
 * Return: dc-ce has the hub's prefix as [12076 65515] from er1 (lp 200) and [65515] from hub/vpngw (lp 100):
 * ER wins by local-preference, so hub<->dc is asymmetric (out on VPN, back on ER) - the price of steering
 * with more specifics on one side only.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.90.0.0/24';
const AGG = '10.100.0.0/16';
const MORE = '10.100.5.0/24';

export default {
  topology: 'vpn-more-specific.json',
  rule: 'Section 3.1/3.3: longest prefix match first - a more specific prefix over VPN beats a shorter one over ExpressRoute',
  scenarios: [
    {
      failed: [],
      why: 'hub -> 10.100.5.10 leaves on the VPN (the /24), while anything else in 10.100.0.0/16 would take ER; the return is on ER (lp 200): asymmetric',
      routes: [
        { node: 'hub', prefix: AGG, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65100] }] },
        { node: 'hub', prefix: MORE, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65100] }] },
        { node: 'hub/vpngw', prefix: MORE, best: [{ source: 'vpn', nextHop: 'dc-ce', asPath: [65100] }] },
        { node: 'hub/ergw', prefix: AGG, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65100] }] },
        {
          node: 'dc-ce', prefix: HUB,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
      ],
      absent: [
        { node: 'hub/vpngw', prefix: AGG, because: 'dc-ce\'s prefix-list toward the VPN gateway permits only the /24' },
        { node: 'hub/ergw', prefix: MORE, because: 'dc-ce\'s prefix-list toward the MSEE permits only the /16' },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['vpn:hub-dc']], hops: ['hub/vpngw', 'dc-ce', 'dc'], symmetric: false },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: false },
      ],
    },
    {
      failed: ['vpn:hub-dc'],
      why: 'Without the /24 the same address falls to the ER /16: hub->dc moves to ER and the pair is symmetric again',
      routes: [
        { node: 'hub', prefix: AGG, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65100] }] },
      ],
      absent: [
        { node: 'hub', prefix: MORE, because: 'the /24 was learned only over the tunnel' },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        // Path unchanged, symmetry changes.
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'Without ER the return moves to the tunnel; the /24 keeps hub->dc on VPN (addresses outside the /24 would lose their /16 route)',
      routes: [
        { node: 'dc-ce', prefix: HUB, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100 }] },
        { node: 'hub', prefix: MORE, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65100] }] },
      ],
      absent: [
        { node: 'hub', prefix: AGG, because: 'the /16 is advertised only over ER' },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['vpn:hub-dc']], hops: ['hub/vpngw', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-dc']], hops: ['dc-ce', 'hub/vpngw', 'hub'], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
