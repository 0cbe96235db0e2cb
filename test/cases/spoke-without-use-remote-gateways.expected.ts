/**
 * Gateway transit needs both flags (azure-routing-rules.md section 4; routing-model.md "Export", "VNet effective
 * routes"). The hub allows gateway transit, but the spoke does not set Use remote gateways, so:
 * - hub/ergw originates only the hub's 10.20.0.0/24 (a spoke's space is advertised only when the spoke uses
 *   this VNet's gateways): er1/msee and dc-ce never learn 10.21.0.0/24.
 * - the spoke takes no BGP routes from the hub's gateways: it has its system route and the peering route to
 *   the hub, nothing for 10.30.0.0/24.
 * - hub <-> spoke is plain peering and works.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.20.0.0/24';
const SPOKE = '10.21.0.0/24';
const DC = '10.30.0.0/24';

export default {
  topology: 'spoke-without-use-remote-gateways.json',
  rule: 'Section 4 (peering / gateway transit): without Use remote gateways on the spoke side, the spoke neither uses nor is advertised by the hub\'s ER gateway',
  scenarios: [
    {
      failed: [],
      why: 'spoke<->hub over the peering; spoke->dc has no route and dc has no route to the spoke',
      routes: [
        { node: 'spoke', prefix: HUB, best: [{ source: 'peering', nextHop: 'hub' }] },
        { node: 'hub', prefix: SPOKE, best: [{ source: 'peering', nextHop: 'spoke' }] },
        // hub/ergw learned dc from er1 ([12076 65030]); the hub uses it, the spoke does not.
        { node: 'hub', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65030] }] },
        { node: 'hub/ergw', prefix: HUB, best: [{ source: 'local', nextHop: 'hub', asPath: [] }] },
        { node: 'er1/msee', prefix: HUB, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [65515] }] },
        { node: 'dc-ce', prefix: HUB, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 100 }] },
      ],
      absent: [
        { node: 'spoke', prefix: DC, because: 'the spoke does not use remote gateways: it takes no BGP routes from hub/ergw' },
        { node: 'hub/ergw', prefix: SPOKE, because: 'the ER gateway originates a peered VNet\'s space only when that VNet uses its gateways' },
        { node: 'er1/msee', prefix: SPOKE, because: 'hub/ergw does not advertise the spoke' },
        { node: 'dc-ce', prefix: SPOKE, because: 'hub/ergw does not advertise the spoke' },
        { node: 'dc', prefix: SPOKE, because: 'dc-ce has no route to redistribute' },
      ],
      pairs: [
        { src: 'hub', dst: 'spoke', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['spoke'], symmetric: true },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['hub'], symmetric: true },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        // Neither direction has a route: the rule under test.
        { src: 'spoke', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
    {
      failed: ['peering:hub-spoke'],
      why: 'The peering is the spoke\'s only link: spoke<->hub lost, hub<->dc untouched',
      pairs: [
        { src: 'hub', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'spoke', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
