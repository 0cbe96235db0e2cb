/**
 * BGP "bad gadget" (Griffin, Shepherd & Wilfong) built from Azure parts, checked against routing-model.md
 * "Convergence is a deterministic fixpoint (all speakers exchange in synchronous rounds). A prefix whose state
 * repeats without settling is reported as not converged".
 *
 * Nodes for the hub prefix P = 10.150.0.0/24 (i = 1..3, i+1 taken mod 3):
 *   G   = hub/ergw (65515), originates P, connected to er1, er2, er3.
 *   M_i = er<i>/msee (12076): gives P to C_i as D_i = [12076 65515] (lp 100, no inbound policy on the ER link).
 *   C_i = s<i>-ce (6500i). Prefix-lists: toward M_i and toward X_i only its LAN 10.16i.0.0/24; toward X_(i-1)
 *         no filter. Inbound local-preference 200 on the connection to X_i.
 *   X_i = v<i>/vpngw (6510i), BGP connections to C_i and C_(i+1). It hears P only from C_(i+1) (C_i filters P),
 *         and passes it to C_i.
 * So C_i ranks: anything from X_i (lp 200; i.e. via its clockwise neighbour C_(i+1)) > D_i (lp 100). A route
 * through two rings hops is possible (X ASNs differ; only one MSEE is crossed, so 12076 appears once);
 * a route through three carries C_i's own ASN and is dropped by C_i.
 * Why not MSEEs for the ring: every MSEE is 12076, so a route crossing two circuits is dropped at the second
 * MSEE (the Global Reach exception only covers MSEE<->MSEE): the ring has to use VPN gateways with distinct ASNs.
 *
 * Synchronous rounds from the originations (every speaker computes from its neighbours' previous-round best):
 *   r1  M_i = [65515]
 *   r2  C_i = D_i                                   X_i = -
 *   r3  C_i = D_i                                   X_i = [C_(i+1)] + D_(i+1)
 *   r4  C_i = R1_i = [X_i C_(i+1) 12076 65515] (lp 200 beats D_i)        X_i unchanged
 *   r5  C_i = R1_i                                  X_i = [C_(i+1)] + R1_(i+1)
 *   r6  C_i = R2_i = [X_i C_(i+1) X_(i+1) C_(i+2) 12076 65515]           X_i unchanged
 *   r7  C_i = R2_i                                  X_i = [C_(i+1)] + R2_(i+1)  (R2_(i+1) ends in C_(i+3) = C_i)
 *   r8  C_i: the X_i route now holds C_i's own ASN -> dropped; C_i = D_i   X_i unchanged
 *   r9  C_i = D_i                                   X_i = [C_(i+1)] + D_(i+1)   == the state of r3
 * The state of r9 repeats r3 (period 6) without ever settling. This does not hang on the round bookkeeping:
 * the topology and the start are symmetric under i -> i+1 and no step needs a tie-breaker (lp 200 vs 100;
 * X_i has one candidate), so synchronous states stay symmetric; and no symmetric state is stable (all D: each
 * takes its lp-200 R1; all R1: each takes R2; all R2: each R3 holds the receiver's ASN, so each falls back to D).
 * (Stable asymmetric solutions exist - e.g. C1 = D, C3 via C1, C2 via C3 - but synchronous rounds never reach
 * one: the classic result for bad gadgets.)
 *
 * Other prefixes converge: the CE LANs (each CE originates its own; e.g. 10.162.0.0/24 settles with s1-ce via
 * v1 and s3-ce via v3 -> s1-ce -> v1) and the transit VNets' prefixes. Breaking the ring (any vpn unit) makes P
 * converge: the failure scenario below.
 */
import type { CaseExpectation } from '../case-types.js';

const P = '10.150.0.0/24';
const L1 = '10.161.0.0/24';
const L2 = '10.162.0.0/24';

export default {
  topology: 'oscillation.json',
  rule: 'routing-model.md "Convergence": a prefix whose synchronous-round state repeats without settling is reported as not converged (CE local-preference policies forming a preference cycle, section 6)',
  scenarios: [
    {
      failed: [],
      why: 'Each CE prefers the hub route of its clockwise neighbour (lp 200) over its own ER route: the hub prefix cycles with period 6 and never converges',
      notConverged: { prefixes: [P] },
      routes: [
        // Converged prefixes are unaffected (prefixes are computed independently).
        { node: 'hub', prefix: L1, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65001] }] },
        // L2: s1-ce hears it only from v1 (lp 200); s3-ce hears it from v2 directly (lp 100) and round the ring
        // from v3 (s2 -> v1 -> s1 -> v3, lp 200): local-preference beats the shorter path.
        { node: 's1-ce', prefix: L2, best: [{ source: 'vpn', nextHop: 'v1/vpngw', asPath: [65101, 65002], localPref: 200 }] },
        {
          node: 's3-ce', prefix: L2,
          best: [{ source: 'vpn', nextHop: 'v3/vpngw', asPath: [65103, 65001, 65101, 65002], localPref: 200 }],
          losers: [{ source: 'vpn', nextHop: 'v2/vpngw', asPath: [65102, 65002], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        // v2/vpngw keeps s2's own route (shortest AS path) over the ring copy s3 sends it.
        { node: 'v2/vpngw', prefix: L2, best: [{ source: 'vpn', nextHop: 's2-ce', asPath: [65002] }] },
      ],
    },
    {
      failed: ['vpn:v1-s2'],
      why: 'Breaking the ring between s2 and v1 removes the cycle: s1 keeps its ER route, s3 goes via s1, s2 via s3 and s1 - converged, with long asymmetric detours',
      routes: [
        // X1 hears nothing any more: s1-ce has only its direct ER route.
        { node: 's1-ce', prefix: P, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100 }] },
        {
          node: 's3-ce', prefix: P,
          best: [{ source: 'vpn', nextHop: 'v3/vpngw', asPath: [65103, 65001, 12076, 65515], localPref: 200 }],
          losers: [{ source: 'er', nextHop: 'er3/msee', asPath: [12076, 65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        {
          node: 's2-ce', prefix: P,
          best: [{ source: 'vpn', nextHop: 'v2/vpngw', asPath: [65102, 65003, 65103, 65001, 12076, 65515], localPref: 200 }],
          losers: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
      ],
      pairs: [
        { src: 's1', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['s1-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'hub', dst: 's1', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 's1-ce', 's1'], symmetric: true },
        // s2-ce -> v2/vpngw (P from s3) -> s3-ce (P via v3) -> v3/vpngw (P from s1) -> s1-ce (ER) -> er1/msee -> hub/ergw.
        {
          src: 's2', dst: 'hub', outcome: 'DELIVERED',
          paths: [['vpn:v2-s2', 'vpn:v2-s3', 'vpn:v3-s3', 'vpn:v3-s1', 'er-link:er1-primary', 'er-conn:er1-hub']],
          hops: ['s2-ce', 'v2/vpngw', 's3-ce', 'v3/vpngw', 's1-ce', 'er1/msee', 'hub/ergw', 'hub'],
          symmetric: false,
        },
        // The hub reaches s2 directly over er2 (hub/ergw learned 10.162.0.0/24 only from er2).
        { src: 'hub', dst: 's2', outcome: 'DELIVERED', paths: [['er-conn:er2-hub', 'er-link:er2-primary']], hops: ['hub/ergw', 'er2/msee', 's2-ce', 's2'], symmetric: false },
        {
          src: 's3', dst: 'hub', outcome: 'DELIVERED',
          paths: [['vpn:v3-s3', 'vpn:v3-s1', 'er-link:er1-primary', 'er-conn:er1-hub']],
          hops: ['s3-ce', 'v3/vpngw', 's1-ce', 'er1/msee', 'hub/ergw', 'hub'],
          symmetric: false,
        },
        { src: 'hub', dst: 's3', outcome: 'DELIVERED', paths: [['er-conn:er3-hub', 'er-link:er3-primary']], hops: ['hub/ergw', 'er3/msee', 's3-ce', 's3'], symmetric: false },
      ],
    },
  ],
} satisfies CaseExpectation;
