/**
 * The seed network (scenarios/azure-interop.json): baseline and every single failure, derived by hand from
 * docs/routing-model.md and ../shared/reference/azure-routing-rules.md. Never pasted from engine output.
 *
 * Prefixes: hub H 10.10.30.0/24, spoke S 10.11.30.0/26, branch B 10.11.30.64/26, onprem1 O1 10.2.30.0/25,
 * onprem2 O2 10.1.31.0/25, remote R 10.17.30.0/24.
 * ASNs: hub/ergw, hub/vpngw, remote/ergw 65515; branch/vpngw 65516; MSEEs 12076; onprem1-ce 65021;
 * onprem2-ce1/ce2 65022.
 *
 * Per-prefix propagation in the baseline (the derivation every pair below rests on):
 * - H and S are originated by hub/ergw (S because spoke uses the hub's gateways over an up peering) and by
 *   hub/vpngw. hub/ergw -> er1/msee and er2/msee as [65515]. er1/msee -> remote/ergw [12076 65515] (ER gateways
 *   accept 65515 from an MSEE) and -> onprem1-ce [12076 65515] (lp 200 by the CE's inbound route-map).
 *   er2/msee -> onprem2-ce1, onprem2-ce2 [12076 65515]. hub/vpngw -> onprem1-ce [65515] (lp 100) and
 *   -> branch/vpngw [65515]. onprem1-ce prefers the ER copy (local-preference 200 > 100). Its outbound
 *   prefix-list toward er1 lets only O1 through; toward hub/vpngw it re-advertises H/S as [65021 12076 65515],
 *   which hub/vpngw drops (65515 in the path). onprem2 CEs have no outbound filter: they send H/S back to
 *   er2/msee as [65022 12076 65515], which the MSEE drops (12076 in the path).
 * - B: branch/vpngw -> hub/vpngw [65516] -> onprem1-ce [65515 65516]. Never into ER (VPN routes are not given
 *   to the ER gateway, and onprem1-ce's prefix-list toward the MSEE blocks it). hub and spoke: `vpn`.
 * - O1: onprem1-ce -> er1/msee [65021] -> hub/ergw and remote/ergw [12076 65021]; onprem1-ce -> hub/vpngw
 *   [65021] -> branch/vpngw [65515 65021]. hub and spoke prefer `er` (ExpressRoute over VPN, whatever the
 *   AS path: the VPN copy [65021] is shorter). er2 never carries O1 (hub/ergw does not re-advertise learned
 *   routes): onprem2 has no route.
 * - O2: onprem2-ce1 (er2-primary) and onprem2-ce2 (er2-secondary) -> er2/msee [65022] (ECMP over both links)
 *   -> hub/ergw [12076 65022]. Goes nowhere else (not into er1, not into VPN).
 * - R: remote/ergw -> er1/msee [65515] -> hub/ergw [12076 65515] and onprem1-ce [12076 65515] (lp 200).
 *   hub/ergw does not carry it into er2; hub/vpngw has no ER routes, and drops the CE's re-advertisement
 *   [65021 12076 65515] (65515): branch never sees R (the seed's ping from branch to remote fails).
 */
import type { CaseExpectation, PairExpectation } from '../case-types.js';

const H = '10.10.30.0/24';
const S = '10.11.30.0/26';
const B = '10.11.30.64/26';
const O1 = '10.2.30.0/25';
const O2 = '10.1.31.0/25';
const R = '10.17.30.0/24';

/** A pair with no route at the source (or on the way): never delivered, so never symmetric. */
function noRoute(src: string, dst: string): PairExpectation {
  return { src, dst, outcome: 'NO_ROUTE', symmetric: null };
}

export default {
  topology: '../../scenarios/azure-interop.json',
  rule: 'The whole seed (sections 1-6): ER preferred over VPN, ER gateways never transit between circuits, no ER<->VPN transit, VPN<->VPN transit, gateway transit to the spoke, ECMP over ER2\'s links, S2S VPN as the ER1 failover',
  scenarios: [
    {
      failed: [],
      why: 'Baseline: the data-plane seed\'s 22 reachable pairs and 8 unreachable ones, all symmetric',
      routes: [
        // --- hub: a route to every other site ---
        { node: 'hub', prefix: H, best: [{ source: 'system', nextHop: null }] },
        // spoke's space is a peering system route (hub/ergw and hub/vpngw originate S: originations are not
        // BGP candidates of the VNet).
        { node: 'hub', prefix: S, best: [{ source: 'peering', nextHop: 'spoke' }] },
        { node: 'hub', prefix: B, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65516] }] },
        // ER beats VPN whatever the AS paths: the VPN copy [65021] is shorter than [12076 65021] and still loses.
        {
          node: 'hub', prefix: O1,
          best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021] }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021], reason: 'ExpressRoute preferred over VPN' }],
        },
        { node: 'hub', prefix: O2, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65022] }] },
        // Two VNets on one circuit are one routing domain: hub/ergw accepts 65515 from the MSEE.
        { node: 'hub', prefix: R, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65515] }] },

        // --- spoke: the same view through the hub's gateways (next hop = the hub's gateway node) ---
        { node: 'spoke', prefix: S, best: [{ source: 'system', nextHop: null }] },
        { node: 'spoke', prefix: H, best: [{ source: 'peering', nextHop: 'hub' }] },
        { node: 'spoke', prefix: B, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65516] }] },
        {
          node: 'spoke', prefix: O1,
          best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021] }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021], reason: 'ExpressRoute preferred over VPN' }],
        },
        { node: 'spoke', prefix: O2, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65022] }] },
        { node: 'spoke', prefix: R, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65515] }] },

        // --- gateways ---
        { node: 'hub/ergw', prefix: H, best: [{ source: 'local', nextHop: 'hub', asPath: [] }] },
        // The spoke's space is originated by the hub's gateways, pointing straight at the spoke.
        { node: 'hub/ergw', prefix: S, best: [{ source: 'local', nextHop: 'spoke', asPath: [] }] },
        { node: 'hub/vpngw', prefix: S, best: [{ source: 'local', nextHop: 'spoke', asPath: [] }] },
        { node: 'hub/ergw', prefix: O1, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65021], weight: 0 }] },
        { node: 'hub/ergw', prefix: O2, best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65022], weight: 0 }] },
        // The VPN gateway also holds the ER gateway's copy (12076 65021, weight 32769 against 32768), as Azure lists
        // its learned routes ("Using S2S VPN as a backup for ExpressRoute private peering"), and never uses it.
        {
          node: 'hub/vpngw', prefix: O1,
          best: [{ source: 'vpn', nextHop: 'onprem1-ce', asPath: [65021], weight: 32768 }],
          losers: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021], weight: 32769, reason: 'does not carry ExpressRoute routes' }],
        },
        { node: 'hub/vpngw', prefix: B, best: [{ source: 'vpn', nextHop: 'branch/vpngw', asPath: [65516] }] },
        { node: 'branch/vpngw', prefix: O1, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515, 65021] }] },
        { node: 'remote/ergw', prefix: H, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], weight: 0 }] },

        // --- er1 MSEE: hub's and remote's prefixes as [65515], onprem1's as [65021] ---
        { node: 'er1/msee', prefix: H, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [65515] }] },
        { node: 'er1/msee', prefix: S, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [65515] }] },
        { node: 'er1/msee', prefix: R, best: [{ source: 'er', nextHop: 'remote/ergw', asPath: [65515] }] },
        { node: 'er1/msee', prefix: O1, best: [{ source: 'er', nextHop: 'onprem1-ce', asPath: [65021] }] },
        // er2 MSEE: ECMP over both links (both CEs originate O2 with equal AS paths).
        {
          node: 'er2/msee', prefix: O2,
          best: [
            { source: 'er', nextHop: 'onprem2-ce1', asPath: [65022] },
            { source: 'er', nextHop: 'onprem2-ce2', asPath: [65022] },
          ],
        },

        // --- onprem1-ce: ER preferred by local-preference 200 (the seed's prefer-ER-over-VPN route-map) ---
        {
          node: 'onprem1-ce', prefix: H,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200, weight: 0 }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        {
          node: 'onprem1-ce', prefix: S,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        // R only exists over ER (hub/vpngw has no ER-learned routes): no VPN copy to lose.
        { node: 'onprem1-ce', prefix: R, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }] },
        { node: 'onprem1-ce', prefix: B, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515, 65516], localPref: 100 }] },
        { node: 'onprem1-ce', prefix: O1, best: [{ source: 'local', nextHop: 'onprem1', asPath: [], weight: 32768 }] },

        // --- on-prem LANs ---
        { node: 'onprem1', prefix: O1, best: [{ source: 'local', nextHop: null }] },
        { node: 'onprem1', prefix: H, best: [{ source: 'igp', nextHop: 'onprem1-ce' }] },
        // onprem2's LAN reaches the hub by ECMP over both CEs (each has the hub's prefix from er2/msee).
        {
          node: 'onprem2', prefix: H,
          best: [{ source: 'igp', nextHop: 'onprem2-ce1' }, { source: 'igp', nextHop: 'onprem2-ce2' }],
        },
        {
          node: 'onprem2', prefix: S,
          best: [{ source: 'igp', nextHop: 'onprem2-ce1' }, { source: 'igp', nextHop: 'onprem2-ce2' }],
        },
        { node: 'onprem2-ce1', prefix: H, best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], localPref: 100 }] },

        // --- branch and remote ---
        { node: 'branch', prefix: H, best: [{ source: 'vpn', nextHop: 'branch/vpngw', asPath: [65515] }] },
        { node: 'branch', prefix: S, best: [{ source: 'vpn', nextHop: 'branch/vpngw', asPath: [65515] }] },
        { node: 'branch', prefix: O1, best: [{ source: 'vpn', nextHop: 'branch/vpngw', asPath: [65515, 65021] }] },
        { node: 'remote', prefix: H, best: [{ source: 'er', nextHop: 'remote/ergw', asPath: [12076, 65515] }] },
        { node: 'remote', prefix: O1, best: [{ source: 'er', nextHop: 'remote/ergw', asPath: [12076, 65021] }] },
      ],
      absent: [
        { node: 'branch', prefix: O2, because: 'O2 exists only on er2 and hub/ergw; the VPN gateway has no ER-learned routes (no ER<->VPN transit)' },
        { node: 'branch', prefix: R, because: 'hub/vpngw has no ER routes, and drops onprem1-ce\'s re-advertisement [65021 12076 65515] (its own 65515 is in the path)' },
        { node: 'hub/vpngw', prefix: R, because: 'the CE\'s re-advertisement [65021 12076 65515] carries 65515: AS-path loop check' },
        { node: 'branch/vpngw', prefix: O2, because: 'no ER<->VPN transit' },
        { node: 'onprem2', prefix: O1, because: 'ER gateways never carry routes from one circuit into another (ExpressRoute is not a transit router)' },
        { node: 'onprem2', prefix: B, because: 'VPN-learned routes are not advertised into ER' },
        { node: 'onprem2', prefix: R, because: 'R is learned by hub/ergw from er1; hub/ergw advertises only what it originates' },
        { node: 'onprem2-ce1', prefix: O1, because: 'hub/ergw does not re-advertise er1 routes into er2' },
        { node: 'er2/msee', prefix: R, because: 'hub/ergw advertises only its VNet and gateway-transit spokes' },
        { node: 'onprem1', prefix: O2, because: 'er1 never carries O2 (no transit between circuits through hub/ergw)' },
        { node: 'onprem1-ce', prefix: O2, because: 'no transit between circuits; no ER<->VPN transit' },
        { node: 'remote', prefix: B, because: 'VPN routes are not advertised into ER, and onprem1-ce\'s prefix-list toward er1 permits only 10.2.30.0/25' },
        { node: 'remote', prefix: O2, because: 'no transit between circuits' },
        { node: 'er1/msee', prefix: B, because: 'onprem1-ce\'s outbound prefix-list toward the MSEE permits only 10.2.30.0/25' },
      ],
      pairs: [
        // --- from hub ---
        { src: 'hub', dst: 'spoke', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['spoke'], symmetric: true },
        // hub -> hub/vpngw (B via VPN) -> branch/vpngw (originates B) -> branch. Traceroute: 10.10.30.142, *, 10.11.30.68.
        { src: 'hub', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-branch']], hops: ['hub/vpngw', 'branch/vpngw', 'branch'], symmetric: true },
        // ER over VPN: hub/ergw -> er1/msee -> onprem1-ce (network -> LAN). Traceroute: 10.10.30.132, *, *, 10.2.30.10.
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        // er2/msee load-balances over both links/CEs: two paths, so no hops.
        {
          src: 'hub', dst: 'onprem2', outcome: 'DELIVERED',
          paths: [['er-conn:er2-hub', 'er-link:er2-primary'], ['er-conn:er2-hub', 'er-link:er2-secondary']],
          symmetric: true,
        },
        // VNet to VNet over one circuit: hub/ergw -> er1/msee -> remote/ergw. Traceroute: 10.10.30.132, *, 10.17.30.4.
        { src: 'hub', dst: 'remote', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-conn:er1-remote']], hops: ['hub/ergw', 'er1/msee', 'remote/ergw', 'remote'], symmetric: true },

        // --- from spoke: the hub's view through the peering, straight to the hub's gateway nodes ---
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['hub'], symmetric: true },
        { src: 'spoke', dst: 'branch', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-branch']], hops: ['hub/vpngw', 'branch/vpngw', 'branch'], symmetric: true },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        {
          src: 'spoke', dst: 'onprem2', outcome: 'DELIVERED',
          paths: [
            ['peering:hub-spoke', 'er-conn:er2-hub', 'er-link:er2-primary'],
            ['peering:hub-spoke', 'er-conn:er2-hub', 'er-link:er2-secondary'],
          ],
          symmetric: true,
        },
        { src: 'spoke', dst: 'remote', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er1-hub', 'er-conn:er1-remote']], hops: ['hub/ergw', 'er1/msee', 'remote/ergw', 'remote'], symmetric: true },

        // --- from branch: VPN<->VPN transit through hub/vpngw; nothing behind ER ---
        { src: 'branch', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-branch']], hops: ['branch/vpngw', 'hub/vpngw', 'hub'], symmetric: true },
        // hub/vpngw originates S and hands the packet straight to the spoke over the peering.
        { src: 'branch', dst: 'spoke', outcome: 'DELIVERED', paths: [['vpn:hub-branch', 'peering:hub-spoke']], hops: ['branch/vpngw', 'hub/vpngw', 'spoke'], symmetric: true },
        // Transit at hub/vpngw by its own routes: into onprem1's tunnel (hop 10.2.30.125), not ER.
        { src: 'branch', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-branch', 'vpn:hub-onprem1']], hops: ['branch/vpngw', 'hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        noRoute('branch', 'onprem2'),
        noRoute('branch', 'remote'),

        // --- from onprem1 ---
        // onprem1-ce's best H is the ER copy (lp 200). Traceroute: 10.2.30.3, 192.168.30.0, 192.168.30.18, *, 10.10.30.4.
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['onprem1-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke']], hops: ['onprem1-ce', 'er1/msee', 'hub/ergw', 'spoke'], symmetric: true },
        // B is only known over VPN. Traceroute: 10.2.30.3, 192.168.30.0, 10.11.30.68.
        { src: 'onprem1', dst: 'branch', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'vpn:hub-branch']], hops: ['onprem1-ce', 'hub/vpngw', 'branch/vpngw', 'branch'], symmetric: true },
        noRoute('onprem1', 'onprem2'),
        { src: 'onprem1', dst: 'remote', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-remote']], hops: ['onprem1-ce', 'er1/msee', 'remote/ergw', 'remote'], symmetric: true },

        // --- from onprem2: ECMP over both CEs at the LAN ---
        {
          src: 'onprem2', dst: 'hub', outcome: 'DELIVERED',
          paths: [['er-link:er2-primary', 'er-conn:er2-hub'], ['er-link:er2-secondary', 'er-conn:er2-hub']],
          symmetric: true,
        },
        {
          src: 'onprem2', dst: 'spoke', outcome: 'DELIVERED',
          paths: [
            ['er-link:er2-primary', 'er-conn:er2-hub', 'peering:hub-spoke'],
            ['er-link:er2-secondary', 'er-conn:er2-hub', 'peering:hub-spoke'],
          ],
          symmetric: true,
        },
        noRoute('onprem2', 'branch'),
        noRoute('onprem2', 'onprem1'),
        noRoute('onprem2', 'remote'),

        // --- from remote ---
        { src: 'remote', dst: 'hub', outcome: 'DELIVERED', paths: [['er-conn:er1-remote', 'er-conn:er1-hub']], hops: ['remote/ergw', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'remote', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-conn:er1-remote', 'er-conn:er1-hub', 'peering:hub-spoke']], hops: ['remote/ergw', 'er1/msee', 'hub/ergw', 'spoke'], symmetric: true },
        noRoute('remote', 'branch'),
        { src: 'remote', dst: 'onprem1', outcome: 'DELIVERED', paths: [['er-conn:er1-remote', 'er-link:er1-primary']], hops: ['remote/ergw', 'er1/msee', 'onprem1-ce', 'onprem1'], symmetric: true },
        noRoute('remote', 'onprem2'),
      ],
    },

    // ===================== single failures, in `whatif links` order (er-link:er1-secondary is disabled) ===========

    {
      failed: ['peering:hub-spoke'],
      why: 'The spoke loses its peering: no peering routes, no use of the hub\'s gateways, and the gateways stop originating its space - cut off from all five others',
      routes: [
        { node: 'spoke', prefix: S, best: [{ source: 'system', nextHop: null }] },
      ],
      absent: [
        { node: 'spoke', prefix: H, because: 'the peering route needs the peering up' },
        { node: 'spoke', prefix: O1, because: 'Use remote gateways works only over an up peering' },
        { node: 'hub', prefix: S, because: 'peering down: no peering system route, and nobody else originates S' },
        { node: 'hub/ergw', prefix: S, because: 'the ER gateway advertises a spoke only over an up gateway-transit peering' },
        { node: 'er1/msee', prefix: S, because: 'hub/ergw no longer originates S' },
        { node: 'branch', prefix: S, because: 'hub/vpngw no longer originates S' },
      ],
      pairs: [
        noRoute('spoke', 'hub'),
        noRoute('spoke', 'branch'),
        noRoute('spoke', 'onprem1'),
        noRoute('spoke', 'onprem2'),
        noRoute('spoke', 'remote'),
        noRoute('hub', 'spoke'),
        noRoute('branch', 'spoke'),
        noRoute('onprem1', 'spoke'),
        noRoute('onprem2', 'spoke'),
        noRoute('remote', 'spoke'),
      ],
    },

    {
      failed: ['vpn:hub-branch'],
      why: 'The branch tunnel is its only link: branch loses hub, spoke and onprem1, and they lose it',
      absent: [
        { node: 'hub', prefix: B, because: 'B was learned only over the hub-branch tunnel' },
        { node: 'onprem1-ce', prefix: B, because: 'hub/vpngw no longer has B to pass on' },
        { node: 'branch', prefix: H, because: 'branch/vpngw has no BGP neighbour left' },
      ],
      pairs: [
        noRoute('hub', 'branch'),
        noRoute('spoke', 'branch'),
        noRoute('onprem1', 'branch'),
        noRoute('branch', 'hub'),
        noRoute('branch', 'spoke'),
        noRoute('branch', 'onprem1'),
      ],
    },

    {
      failed: ['vpn:hub-onprem1'],
      why: 'The onprem1 backup tunnel goes: hub/spoke<->onprem1 stay on ER (unchanged), but the VPN-only branch<->onprem1 transit is lost',
      routes: [
        // Only the losing VPN copy disappears.
        { node: 'hub', prefix: O1, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021] }] },
        { node: 'onprem1-ce', prefix: H, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }] },
      ],
      absent: [
        { node: 'hub/vpngw', prefix: O1, because: 'learned only over the hub-onprem1 tunnel; the ER copy it holds is never installed' },
        { node: 'branch', prefix: O1, because: 'hub/vpngw has no O1 to pass on' },
        { node: 'onprem1-ce', prefix: B, because: 'B reached onprem1-ce only over the tunnel' },
      ],
      pairs: [
        noRoute('branch', 'onprem1'),
        noRoute('onprem1', 'branch'),
      ],
    },

    {
      failed: ['er-link:er1-primary'],
      why: 'The seed\'s failover test: ER1 has no other link (secondary disabled), so onprem1<->hub/spoke move to the S2S VPN and onprem1<->remote (reachable only over ER1) is lost',
      routes: [
        // Only the VPN copy is left: hub's best route to onprem1 is now `vpn`.
        { node: 'hub', prefix: O1, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021] }] },
        { node: 'spoke', prefix: O1, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021] }] },
        // The lp-200 ER copy is gone: the VPN copy (lp 100) is the only one.
        { node: 'onprem1-ce', prefix: H, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100 }] },
      ],
      absent: [
        { node: 'hub/ergw', prefix: O1, because: 'er1/msee lost its only session with onprem1-ce' },
        { node: 'remote', prefix: O1, because: 'O1 reached remote only through er1/msee' },
        { node: 'onprem1-ce', prefix: R, because: 'R exists only on er1; hub/vpngw never has ER routes' },
      ],
      pairs: [
        // Traceroute after the failure: 10.2.30.3, 192.168.30.0, 10.10.30.4 (the tunnel).
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['onprem1-ce', 'hub/vpngw', 'hub'], symmetric: true },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'peering:hub-spoke']], hops: ['onprem1-ce', 'hub/vpngw', 'spoke'], symmetric: true },
        noRoute('onprem1', 'remote'),
        noRoute('remote', 'onprem1'),
      ],
    },

    {
      failed: ['er-link:er2-primary'],
      why: 'ER2 loses one of its two links: onprem2 stays reachable through onprem2-ce2 alone (ECMP collapses to one path)',
      routes: [
        { node: 'er2/msee', prefix: O2, best: [{ source: 'er', nextHop: 'onprem2-ce2', asPath: [65022] }] },
        // onprem2-ce1 has no BGP session left: the LAN sends everything to ce2.
        { node: 'onprem2', prefix: H, best: [{ source: 'igp', nextHop: 'onprem2-ce2' }] },
      ],
      absent: [
        { node: 'onprem2-ce1', prefix: H, because: 'its only BGP session (to er2/msee over er2-primary) is down' },
      ],
      pairs: [
        { src: 'hub', dst: 'onprem2', outcome: 'DELIVERED', paths: [['er-conn:er2-hub', 'er-link:er2-secondary']], hops: ['hub/ergw', 'er2/msee', 'onprem2-ce2', 'onprem2'], symmetric: true },
        { src: 'spoke', dst: 'onprem2', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er2-hub', 'er-link:er2-secondary']], hops: ['hub/ergw', 'er2/msee', 'onprem2-ce2', 'onprem2'], symmetric: true },
        { src: 'onprem2', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er2-secondary', 'er-conn:er2-hub']], hops: ['onprem2-ce2', 'er2/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'onprem2', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er2-secondary', 'er-conn:er2-hub', 'peering:hub-spoke']], hops: ['onprem2-ce2', 'er2/msee', 'hub/ergw', 'spoke'], symmetric: true },
      ],
    },

    {
      failed: ['er-link:er2-secondary'],
      why: 'ER2 loses its other link: onprem2 stays reachable through onprem2-ce1 alone',
      routes: [
        { node: 'er2/msee', prefix: O2, best: [{ source: 'er', nextHop: 'onprem2-ce1', asPath: [65022] }] },
        { node: 'onprem2', prefix: H, best: [{ source: 'igp', nextHop: 'onprem2-ce1' }] },
      ],
      absent: [
        { node: 'onprem2-ce2', prefix: H, because: 'its only BGP session (to er2/msee over er2-secondary) is down' },
      ],
      pairs: [
        { src: 'hub', dst: 'onprem2', outcome: 'DELIVERED', paths: [['er-conn:er2-hub', 'er-link:er2-primary']], hops: ['hub/ergw', 'er2/msee', 'onprem2-ce1', 'onprem2'], symmetric: true },
        { src: 'spoke', dst: 'onprem2', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'er-conn:er2-hub', 'er-link:er2-primary']], hops: ['hub/ergw', 'er2/msee', 'onprem2-ce1', 'onprem2'], symmetric: true },
        { src: 'onprem2', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er2-primary', 'er-conn:er2-hub']], hops: ['onprem2-ce1', 'er2/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'onprem2', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er2-primary', 'er-conn:er2-hub', 'peering:hub-spoke']], hops: ['onprem2-ce1', 'er2/msee', 'hub/ergw', 'spoke'], symmetric: true },
      ],
    },

    {
      failed: ['er-conn:er1-hub'],
      why: 'The hub\'s gateway leaves ER1: hub/spoke<->onprem1 fail over to the VPN, hub/spoke<->remote are lost (remote is only on ER1 and the VPN gateway has no ER routes), onprem1<->remote survives on ER1',
      routes: [
        { node: 'hub', prefix: O1, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021] }] },
        // er1/msee no longer has H: the lp-200 copy is gone, the tunnel copy is the only one.
        { node: 'onprem1-ce', prefix: H, best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], localPref: 100 }] },
        // onprem1 and remote still meet on er1.
        { node: 'onprem1-ce', prefix: R, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }] },
        { node: 'remote', prefix: O1, best: [{ source: 'er', nextHop: 'remote/ergw', asPath: [12076, 65021] }] },
      ],
      absent: [
        { node: 'hub', prefix: R, because: 'hub/ergw learned R only from er1; hub/vpngw drops onprem1-ce\'s re-advertisement [65021 12076 65515] (65515)' },
        { node: 'remote', prefix: H, because: 'er1/msee learned H only from hub/ergw; onprem1-ce\'s prefix-list toward er1 permits only 10.2.30.0/25' },
        { node: 'hub/ergw', prefix: O1, because: 'O1 came from er1 only' },
      ],
      pairs: [
        { src: 'hub', dst: 'onprem1', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1']], hops: ['onprem1-ce', 'hub/vpngw', 'hub'], symmetric: true },
        { src: 'spoke', dst: 'onprem1', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-onprem1']], hops: ['hub/vpngw', 'onprem1-ce', 'onprem1'], symmetric: true },
        { src: 'onprem1', dst: 'spoke', outcome: 'DELIVERED', paths: [['vpn:hub-onprem1', 'peering:hub-spoke']], hops: ['onprem1-ce', 'hub/vpngw', 'spoke'], symmetric: true },
        noRoute('hub', 'remote'),
        noRoute('spoke', 'remote'),
        noRoute('remote', 'hub'),
        noRoute('remote', 'spoke'),
      ],
    },

    {
      failed: ['er-conn:er1-remote'],
      why: 'remote\'s only connection: remote is cut off from hub, spoke and onprem1',
      absent: [
        { node: 'remote', prefix: H, because: 'remote/ergw has no BGP neighbour left' },
        { node: 'hub', prefix: R, because: 'er1/msee no longer has R' },
        { node: 'onprem1-ce', prefix: R, because: 'er1/msee no longer has R' },
      ],
      pairs: [
        noRoute('hub', 'remote'),
        noRoute('spoke', 'remote'),
        noRoute('onprem1', 'remote'),
        noRoute('remote', 'hub'),
        noRoute('remote', 'spoke'),
        noRoute('remote', 'onprem1'),
      ],
    },

    {
      failed: ['er-conn:er2-hub'],
      why: 'ER2\'s only VNet connection: onprem2 loses hub and spoke (its only reachable sites), no backup path',
      absent: [
        { node: 'hub', prefix: O2, because: 'O2 exists only on er2' },
        { node: 'onprem2-ce1', prefix: H, because: 'er2/msee no longer has H' },
        { node: 'onprem2', prefix: H, because: 'no CE of the site has a route' },
      ],
      pairs: [
        noRoute('hub', 'onprem2'),
        noRoute('spoke', 'onprem2'),
        noRoute('onprem2', 'hub'),
        noRoute('onprem2', 'spoke'),
      ],
    },
  ],
} satisfies CaseExpectation;

/** Per enabled failure unit: directed pairs lost (delivered in the baseline, not now) and rerouted (delivered
 * in both, path set changed). Derived above; no single failure makes a pair asymmetric in the seed. */
export const seedSingleFailureSummary: { unit: string; lost: [string, string][]; rerouted: [string, string][] }[] = [
  {
    unit: 'peering:hub-spoke',
    lost: [
      ['spoke', 'hub'], ['spoke', 'branch'], ['spoke', 'onprem1'], ['spoke', 'onprem2'], ['spoke', 'remote'],
      ['hub', 'spoke'], ['branch', 'spoke'], ['onprem1', 'spoke'], ['onprem2', 'spoke'], ['remote', 'spoke'],
    ],
    rerouted: [],
  },
  {
    unit: 'vpn:hub-branch',
    lost: [['hub', 'branch'], ['spoke', 'branch'], ['onprem1', 'branch'], ['branch', 'hub'], ['branch', 'spoke'], ['branch', 'onprem1']],
    rerouted: [],
  },
  {
    unit: 'vpn:hub-onprem1',
    lost: [['branch', 'onprem1'], ['onprem1', 'branch']],
    rerouted: [],
  },
  {
    unit: 'er-link:er1-primary',
    lost: [['onprem1', 'remote'], ['remote', 'onprem1']],
    rerouted: [['hub', 'onprem1'], ['onprem1', 'hub'], ['spoke', 'onprem1'], ['onprem1', 'spoke']],
  },
  {
    unit: 'er-link:er2-primary',
    lost: [],
    rerouted: [['hub', 'onprem2'], ['spoke', 'onprem2'], ['onprem2', 'hub'], ['onprem2', 'spoke']],
  },
  {
    unit: 'er-link:er2-secondary',
    lost: [],
    rerouted: [['hub', 'onprem2'], ['spoke', 'onprem2'], ['onprem2', 'hub'], ['onprem2', 'spoke']],
  },
  {
    unit: 'er-conn:er1-hub',
    lost: [['hub', 'remote'], ['spoke', 'remote'], ['remote', 'hub'], ['remote', 'spoke']],
    rerouted: [['hub', 'onprem1'], ['onprem1', 'hub'], ['spoke', 'onprem1'], ['onprem1', 'spoke']],
  },
  {
    unit: 'er-conn:er1-remote',
    lost: [['hub', 'remote'], ['spoke', 'remote'], ['onprem1', 'remote'], ['remote', 'hub'], ['remote', 'spoke'], ['remote', 'onprem1']],
    rerouted: [],
  },
  {
    unit: 'er-conn:er2-hub',
    lost: [['hub', 'onprem2'], ['spoke', 'onprem2'], ['onprem2', 'hub'], ['onprem2', 'spoke']],
    rerouted: [],
  },
];

/**
 * Each pair of sites connected both ways in the baseline, in site order, with its minimal cut sets (the sets of
 * enabled units whose failure together cuts it, one way or both, while no smaller part of the set does),
 * smallest first, then in `whatif links` order. Derived from the design above:
 * - spoke hangs on peering:hub-spoke; branch on vpn:hub-branch; remote on er-conn:er1-remote (its only way
 *   out, to circuit er1);
 * - onprem1 reaches the hub over er1 (er-link:er1-primary, the secondary being disabled, then er-conn:er1-hub)
 *   with vpn:hub-onprem1 as backup; it reaches remote over er1 only, and branch over its VPN only (the hub's
 *   VPN gateway passes routes between its VPN connections, never ExpressRoute ones to VPN);
 * - onprem2 reaches the hub over er2, whose two links are both up, then er-conn:er2-hub;
 * - hub and remote reach each other through circuit er1 (both connected to it).
 * Pairs not connected in the baseline (branch with onprem2 and remote, onprem2 with onprem1 and remote) have
 * nothing to cut. No pair has three independent ways, so no minimal cut has three units.
 */
export const seedMinimalCuts: [string, string, string[][]][] = [
  ['hub', 'spoke', [['peering:hub-spoke']]],
  ['hub', 'branch', [['vpn:hub-branch']]],
  ['hub', 'onprem1', [['vpn:hub-onprem1', 'er-link:er1-primary'], ['vpn:hub-onprem1', 'er-conn:er1-hub']]],
  ['hub', 'onprem2', [['er-conn:er2-hub'], ['er-link:er2-primary', 'er-link:er2-secondary']]],
  ['hub', 'remote', [['er-conn:er1-hub'], ['er-conn:er1-remote']]],
  ['spoke', 'branch', [['peering:hub-spoke'], ['vpn:hub-branch']]],
  ['spoke', 'onprem1', [['peering:hub-spoke'], ['vpn:hub-onprem1', 'er-link:er1-primary'], ['vpn:hub-onprem1', 'er-conn:er1-hub']]],
  ['spoke', 'onprem2', [['peering:hub-spoke'], ['er-conn:er2-hub'], ['er-link:er2-primary', 'er-link:er2-secondary']]],
  ['spoke', 'remote', [['peering:hub-spoke'], ['er-conn:er1-hub'], ['er-conn:er1-remote']]],
  ['branch', 'onprem1', [['vpn:hub-branch'], ['vpn:hub-onprem1']]],
  ['onprem1', 'remote', [['er-link:er1-primary'], ['er-conn:er1-remote']]],
];
