/**
 * S2S connection without BGP (azure-routing-rules.md section 2: "static prefixes of its local network gateway,
 * both ways"; routing-model.md "VPN gateway: static local network prefixes").
 * - hub/vpngw holds the office LAN 10.120.0.0/24 as `static` (next hop: the office CE), from the connection's
 *   localNetworkPrefixes. The hub VNet and the gateway-transit spoke see it as a route via the VPN gateway
 *   (source `vpn`, next hop hub/vpngw - see the note to the lead: the model names no VNet-level `static` source).
 * - office-ce holds the hub's 10.110.0.0/24 as `static` into the tunnel (peerStaticRoutes), nothing else:
 *   no BGP session, so the spoke's space, which hub/vpngw would originate over BGP, never reaches it.
 * Result: hub<->office both ways over the vpn unit; spoke->office works, office->spoke has no route.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.110.0.0/24';
const SPOKE = '10.111.0.0/24';
const OFFICE = '10.120.0.0/24';

export default {
  topology: 'static-vpn.json',
  rule: 'Section 2 (S2S connection without BGP): static local network prefixes on the Azure side, static routes on the CE, both ways',
  scenarios: [
    {
      failed: [],
      why: 'hub<->office over the static tunnel; spoke->office too (gateway transit), but office->spoke has no route (the CE\'s static routes cover only the hub)',
      routes: [
        { node: 'hub/vpngw', prefix: OFFICE, best: [{ source: 'static', nextHop: 'office-ce' }] },
        { node: 'hub', prefix: OFFICE, best: [{ source: 'vpn', nextHop: 'hub/vpngw' }] },
        { node: 'spoke', prefix: OFFICE, best: [{ source: 'vpn', nextHop: 'hub/vpngw' }] },
        { node: 'office-ce', prefix: HUB, best: [{ source: 'static', nextHop: 'hub/vpngw' }] },
        { node: 'office-ce', prefix: OFFICE, best: [{ source: 'local', nextHop: 'office', weight: 32768 }] },
        { node: 'office', prefix: HUB, best: [{ source: 'igp', nextHop: 'office-ce' }] },
      ],
      absent: [
        { node: 'office-ce', prefix: SPOKE, because: 'no BGP on the connection, and the CE\'s static routes (peerStaticRoutes) list only the hub' },
        { node: 'office', prefix: SPOKE, because: 'office-ce has no route to redistribute' },
      ],
      pairs: [
        { src: 'hub', dst: 'office', outcome: 'DELIVERED', paths: [['vpn:hub-office']], hops: ['hub/vpngw', 'office-ce', 'office'], symmetric: true },
        { src: 'office', dst: 'hub', outcome: 'DELIVERED', paths: [['vpn:hub-office']], hops: ['office-ce', 'hub/vpngw', 'hub'], symmetric: true },
        { src: 'spoke', dst: 'office', outcome: 'DELIVERED', paths: [['peering:hub-spoke', 'vpn:hub-office']], hops: ['hub/vpngw', 'office-ce', 'office'], symmetric: null },
        { src: 'office', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'spoke', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['spoke'], symmetric: true },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['hub'], symmetric: true },
      ],
    },
    {
      failed: ['vpn:hub-office'],
      why: 'The tunnel is the only link: the static routes on both sides go with it',
      absent: [
        { node: 'hub', prefix: OFFICE, because: 'a static connection\'s prefixes exist only while the connection is up' },
        { node: 'office-ce', prefix: HUB, because: 'the static route points into the failed tunnel' },
      ],
      pairs: [
        { src: 'hub', dst: 'office', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'office', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke', dst: 'office', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
