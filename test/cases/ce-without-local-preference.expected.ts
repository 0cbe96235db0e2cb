/**
 * Why the seed's CE sets local-preference 200 on ER routes (azure-routing-rules.md section 6, and the interop
 * preface: "on-premises network configuration should also reciprocate by using ExpressRoute connectivity").
 * Without it, onprem1-ce (Cisco order: weight 0 = 0, local-preference 100 = 100, neither locally originated,
 * then AS path) prefers the VPN copy of the hub's and spoke's prefixes: [65515] (from hub/vpngw) beats
 * [12076 65515] (from er1/msee). Azure still sends on ER (ExpressRoute over VPN in the VNet), so hub/spoke ->
 * onprem1 goes out on ER and comes back on the tunnel: asymmetric.
 * Unchanged from the seed: remote's prefix exists only over ER (no contest), branch's only over VPN, and the
 * CE's re-advertisements to hub/vpngw are still dropped for carrying 65515.
 * ExpressRoute one way and VPN the other is the `transport` class of asymmetry: the one the interop preface
 * warns about, flagged at every threshold.
 */
import type { CaseExpectation } from '../case-types.js';

const H = '10.10.30.0/24';
const S = '10.11.30.0/26';
const O1 = '10.2.30.0/25';
const R = '10.17.30.0/24';

export default {
  topology: 'ce-without-local-preference.json',
  rule: 'Section 6 (CE best path, Cisco order): without local-preference the shorter VPN AS path wins on-prem while Azure prefers ER - asymmetric routing',
  scenarios: [
    {
      failed: [],
      why: 'onprem1-ce prefers the VPN copy of hub/spoke (AS path 1 < 2): onprem1->hub/spoke on the tunnel, hub/spoke->onprem1 on ER - asymmetric',
      routes: [
        {
          node: 'onprem1-ce', prefix: H,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100, weight: 0 }],
          losers: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100, reason: 'longer AS path (2 > 1)' }],
        },
        {
          node: 'onprem1-ce', prefix: S,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100 }],
          losers: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100, reason: 'longer AS path (2 > 1)' }],
        },
        // Only one copy of remote's prefix: ER, now with the default local-preference.
        { node: 'onprem1-ce', prefix: R, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100 }] },
        // Azure's side is unchanged: ER over VPN.
        {
          node: 'hub', prefix: O1,
          best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021] }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021], reason: 'ExpressRoute preferred over VPN' }],
        },
      ],
      pairs: [
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: false, asymmetry: 'transport' },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['onprem1-ce', 'hub/vpngw', 'hub'], symmetric: false, asymmetry: 'transport' },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: false, asymmetry: 'transport' },
        // hub/vpngw originates the spoke's space and hands the packet straight to the spoke.
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'peering:hub-spoke']], hops: ['onprem1-ce', 'hub/vpngw', 'spoke'], symmetric: false, asymmetry: 'transport' },
        // Pairs that do not depend on the policy stay as in the seed.
        { src: 'onprem1', dst: 'remote', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-remote']], hops: ['onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'], symmetric: true },
        { src: 'remote', dst: 'onprem1', outcome: 'DELIVERED', paths: [['er-conn:er1-remote', 'er-link:er1-primary']], hops: ['remote/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'vpn:hub-branch']], hops: ['onprem1-ce', 'hub/vpngw', 'branch/vpngw', 'branch'], symmetric: true },
        { src: 'branch', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-branch', 'vpn:hub-onprem1']], hops: ['branch/vpngw', 'hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'onprem2', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
    {
      failed: ['vpn:hub-onprem1'],
      why: 'Without the tunnel only the ER copy is left: onprem1->hub/spoke move to ER and both pairs become symmetric; branch<->onprem1 is lost',
      routes: [
        { node: 'onprem1-ce', prefix: H, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100 }] },
      ],
      pairs: [
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['onprem1-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke']], hops: ['onprem1-ce', 'er1/msee', 'hub/ergw', 'spoke'], symmetric: true },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'branch', dst: 'onprem1', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'onprem1', dst: 'branch', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'Without ER both directions use the tunnel: hub/spoke->onprem1 move to VPN and the pairs become symmetric; onprem1<->remote is lost',
      routes: [
        { node: 'hub', prefix: O1, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021] }] },
      ],
      pairs: [
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['onprem1-ce', 'hub/vpngw', 'hub'], symmetric: true },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'peering:hub-spoke']], hops: ['onprem1-ce', 'hub/vpngw', 'spoke'], symmetric: true },
        { src: 'onprem1', dst: 'remote', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'remote', dst: 'onprem1', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
