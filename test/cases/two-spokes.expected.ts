/**
 * Peering is not transitive (azure-routing-rules.md section 4; routing-model.md "VNet effective routes"):
 * spoke1 and spoke2 are each peered with the hub only, so neither has a route to the other. The hub's ER
 * gateway originates both spokes' spaces, but a spoke takes only the gateway's LEARNED routes (dc's prefix),
 * never its originations: spoke1 gets no route to spoke2 through the gateway either. And er1/msee does not
 * hand hub/ergw's own routes back to it (MSEE -> ER gateways: routes from CEs and from OTHER gateways).
 * Both spokes reach dc through hub/ergw (gateway transit), and dc reaches both.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.40.0.0/24';
const SPOKE1 = '10.41.0.0/24';
const SPOKE2 = '10.42.0.0/24';
const DC = '10.50.0.0/24';

export default {
  topology: 'two-spokes.json',
  rule: 'Section 4 (peering is non-transitive): spoke-to-spoke needs a UDR through the hub; gateway transit still serves both spokes',
  scenarios: [
    {
      failed: [],
      why: 'spoke1<->spoke2 has no route (peering not transitive); both spokes and the hub reach dc over ER through hub/ergw',
      routes: [
        { node: 'spoke1', prefix: HUB, best: [{ source: 'peering', nextHop: 'hub' }] },
        { node: 'spoke1', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65050] }] },
        { node: 'spoke2', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65050] }] },
        { node: 'hub', prefix: SPOKE1, best: [{ source: 'peering', nextHop: 'spoke1' }] },
        { node: 'hub', prefix: SPOKE2, best: [{ source: 'peering', nextHop: 'spoke2' }] },
        { node: 'hub/ergw', prefix: SPOKE1, best: [{ source: 'local', nextHop: 'spoke1', asPath: [] }] },
        { node: 'hub/ergw', prefix: SPOKE2, best: [{ source: 'local', nextHop: 'spoke2', asPath: [] }] },
        // Both spokes are advertised to on-prem with the gateway's ASN.
        { node: 'dc-ce', prefix: SPOKE1, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515] }] },
        { node: 'dc-ce', prefix: SPOKE2, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515] }] },
      ],
      absent: [
        { node: 'spoke1', prefix: SPOKE2, because: 'peering is not transitive, and the spoke takes only learned routes from hub/ergw (spoke2 is an origination of hub/ergw)' },
        { node: 'spoke2', prefix: SPOKE1, because: 'peering is not transitive' },
      ],
      pairs: [
        { src: 'hub', dst: 'spoke1', outcome: 'DELIVERED', paths: [['peering:hub-spoke1']], hops: ['spoke1'], symmetric: true },
        { src: 'hub', dst: 'spoke2', outcome: 'DELIVERED', paths: [['peering:hub-spoke2']], hops: ['spoke2'], symmetric: true },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'spoke1', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke1']], hops: ['hub'], symmetric: true },
        { src: 'spoke1', dst: 'spoke2', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke1', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke1', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'spoke2', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke2']], hops: ['hub'], symmetric: true },
        { src: 'spoke2', dst: 'spoke1', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke2', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke2', 'er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        // hub/ergw originates spoke1's space and hands the packet straight to spoke1 over the peering.
        { src: 'dc', dst: 'spoke1', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke1']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'spoke1'], symmetric: true },
        { src: 'dc', dst: 'spoke2', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke2']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'spoke2'], symmetric: true },
      ],
    },
    {
      failed: ['peering:hub-spoke1'],
      why: 'spoke1\'s peering goes: spoke1 loses hub and dc (hub/ergw stops advertising it); spoke2 is untouched',
      absent: [
        { node: 'dc-ce', prefix: SPOKE1, because: 'hub/ergw originates a spoke only over an up gateway-transit peering' },
        { node: 'spoke1', prefix: DC, because: 'Use remote gateways needs the peering up' },
      ],
      pairs: [
        { src: 'hub', dst: 'spoke1', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke1', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke1', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'dc', dst: 'spoke1', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'dc', dst: 'spoke2', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke2']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'spoke2'], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
