/**
 * An active-active VPN gateway (Microsoft's recommended S2S setup; the S2S-backup-for-ExpressRoute article shows
 * its two BGP peers, 10.17.11.76 and .77): a connection runs a tunnel per instance, `vpn:hub-dc/0` and
 * `vpn:hub-dc/1`, each a failure unit. dc-ce announces 10.72.0.0/24 as [65062] over both sessions: the gateway
 * keeps both (shortest AS path, then every equal route, section 2), so the hub reaches dc over both tunnels.
 * dc-ce hears the hub's 10.62.0.0/24 as [65515] over both; every step of Cisco's order ties (weight,
 * local-preference, AS path, origin, MED, both eBGP, the gateway's router id) down to the neighbour address:
 * 10.62.0.76 < 10.62.0.77, so it returns over tunnel 0. Same transport, same connection, different tunnels:
 * `link` asymmetry, as with an ExpressRoute circuit's two links.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.62.0.0/24';
const DC = '10.72.0.0/24';
const T0 = 'vpn:hub-dc/0';
const T1 = 'vpn:hub-dc/1';

export default {
  topology: 'vpn-active-active.json',
  rule: 'Active-active VPN gateways: a tunnel and a failure unit per instance; tunnels of one connection differ at the `link` level',
  scenarios: [
    {
      failed: [],
      why: 'The gateway spreads hub -> dc over both tunnels; dc-ce returns over the tunnel to the lower neighbour address',
      routes: [
        { node: 'hub/vpngw', prefix: DC, best: [{ source: 'vpn', nextHop: 'dc-ce', asPath: [65062] }, { source: 'vpn', nextHop: 'dc-ce', asPath: [65062] }] },
        {
          node: 'dc-ce', prefix: HUB,
          best: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515] }],
          losers: [{ source: 'vpn', nextHop: 'hub/vpngw', asPath: [65515], reason: 'higher neighbour address (10.62.0.77 > 10.62.0.76)' }],
        },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [[T0], [T1]], symmetric: false, asymmetry: 'link' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [[T0]], hops: ['dc-ce', 'hub/vpngw', 'hub'], symmetric: false, asymmetry: 'link' },
      ],
    },
    {
      failed: [T0],
      why: 'The tunnel to instance 0 down: both directions over tunnel 1',
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [[T1]], symmetric: true, asymmetry: 'symmetric' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [[T1]], symmetric: true, asymmetry: 'symmetric' },
      ],
    },
    {
      failed: [T0, T1],
      why: 'Both tunnels down: no route either way',
      absent: [{ node: 'hub', prefix: DC, because: 'the gateway learns nothing over a tunnel that is down' }],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null, asymmetry: null },
        { src: 'dc', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null, asymmetry: null },
      ],
    },
  ],
} satisfies CaseExpectation;
