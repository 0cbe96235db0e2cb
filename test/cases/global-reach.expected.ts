/**
 * Global Reach (azure-routing-rules.md section 2; routing-model.md "Export"):
 * - MSEE -> Global Reach peer: only routes learned from this circuit's CEs, without a prepend: both MSEEs are AS 12076,
 *   so Global Reach is a session inside one AS. So erb/msee gets A from era and C from erc; era/msee and erc/msee get B.
 * - GR routes go to the circuit's CEs (siteb-ce learns A and C), but never on to another GR peer (erb does
 *   not pass A to erc, nor C to era): a<->c has no route although a-b and b-c are joined (not transitive).
 * - MSEE -> ER gateways: only CE and gateway routes, not GR routes: hub/ergw (on erb) learns B, never A or C.
 *   And MSEE -> GR peer carries no gateway routes: sitea and sitec never learn the hub.
 * AS paths: siteb-ce originates B; erb/msee holds [65002]; era/msee receives it over GR as [65002]
 * (no prepend inside AS 12076); sitea-ce receives it from era/msee as [12076 65002], as on-prem sees any
 * route over ExpressRoute.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.60.0.0/24';
const A = '10.61.0.0/24';
const B = '10.62.0.0/24';
const C = '10.63.0.0/24';

export default {
  topology: 'global-reach.json',
  rule: 'Section 2 (Global Reach): joins the on-prem routes of two circuits; not transitive; VNets see no on-prem routes of other circuits through it',
  scenarios: [
    {
      failed: [],
      why: 'a<->b and b<->c over Global Reach; a<->c no route (not transitive); hub (on erb) reaches only siteb',
      routes: [
        { node: 'erb/msee', prefix: B, best: [{ source: 'er', nextHop: 'siteb-ce', asPath: [65002] }] },
        { node: 'era/msee', prefix: B, best: [{ source: 'global-reach', nextHop: 'erb/msee', asPath: [65002] }] },
        { node: 'erc/msee', prefix: B, best: [{ source: 'global-reach', nextHop: 'erb/msee', asPath: [65002] }] },
        { node: 'erb/msee', prefix: A, best: [{ source: 'global-reach', nextHop: 'era/msee', asPath: [65001] }] },
        { node: 'erb/msee', prefix: C, best: [{ source: 'global-reach', nextHop: 'erc/msee', asPath: [65003] }] },
        { node: 'sitea-ce', prefix: B, best: [{ source: 'er', nextHop: 'era/msee', asPath: [12076, 65002] }] },
        { node: 'siteb-ce', prefix: A, best: [{ source: 'er', nextHop: 'erb/msee', asPath: [12076, 65001] }] },
        { node: 'siteb-ce', prefix: C, best: [{ source: 'er', nextHop: 'erb/msee', asPath: [12076, 65003] }] },
        { node: 'siteb-ce', prefix: HUB, best: [{ source: 'er', nextHop: 'erb/msee', asPath: [12076, 65515] }] },
        { node: 'hub', prefix: B, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65002] }] },
        { node: 'sitea', prefix: B, best: [{ source: 'igp', nextHop: 'sitea-ce' }] },
      ],
      absent: [
        { node: 'era/msee', prefix: C, because: 'erb/msee sends a Global Reach peer only routes from its own CEs: C came to erb over Global Reach' },
        { node: 'erc/msee', prefix: A, because: 'Global Reach is not transitive' },
        { node: 'sitea-ce', prefix: C, because: 'Global Reach is not transitive' },
        { node: 'sitec-ce', prefix: A, because: 'Global Reach is not transitive' },
        { node: 'hub/ergw', prefix: A, because: 'an MSEE gives ER gateways CE and gateway routes, never Global Reach routes' },
        { node: 'hub/ergw', prefix: C, because: 'an MSEE gives ER gateways CE and gateway routes, never Global Reach routes' },
        { node: 'hub', prefix: A, because: 'VNets see no on-prem routes of other circuits via Global Reach' },
        { node: 'sitea-ce', prefix: HUB, because: 'Global Reach carries only the peer circuit\'s CE routes, not its gateway routes' },
        { node: 'sitec', prefix: HUB, because: 'Global Reach carries only the peer circuit\'s CE routes' },
      ],
      pairs: [
        { src: 'hub', dst: 'sitea', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'siteb', outcome: 'DELIVERED', paths: [['er-conn:erb-hub', 'er-link:erb-primary']], hops: ['hub/ergw', 'erb/msee', 'siteb-ce', 'siteb'], symmetric: true },
        { src: 'hub', dst: 'sitec', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'sitea', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        // sitea LAN -> sitea-ce -> era/msee -> (GR) erb/msee -> siteb-ce -> siteb.
        { src: 'sitea', dst: 'siteb', outcome: 'DELIVERED', paths: [['er-link:era-primary', 'global-reach:gr-ab', 'er-link:erb-primary']], hops: ['sitea-ce', 'era/msee', 'erb/msee', 'siteb-ce', 'siteb'], symmetric: true },
        { src: 'sitea', dst: 'sitec', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'siteb', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:erb-primary', 'er-conn:erb-hub']], hops: ['siteb-ce', 'erb/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'siteb', dst: 'sitea', outcome: 'DELIVERED', paths: [['er-link:erb-primary', 'global-reach:gr-ab', 'er-link:era-primary']], hops: ['siteb-ce', 'erb/msee', 'era/msee', 'sitea-ce', 'sitea'], symmetric: true },
        { src: 'siteb', dst: 'sitec', outcome: 'DELIVERED', paths: [['er-link:erb-primary', 'global-reach:gr-bc', 'er-link:erc-primary']], hops: ['siteb-ce', 'erb/msee', 'erc/msee', 'sitec-ce', 'sitec'], symmetric: true },
        { src: 'sitec', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'sitec', dst: 'sitea', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'sitec', dst: 'siteb', outcome: 'DELIVERED', paths: [['er-link:erc-primary', 'global-reach:gr-bc', 'er-link:erb-primary']], hops: ['sitec-ce', 'erc/msee', 'erb/msee', 'siteb-ce', 'siteb'], symmetric: true },
      ],
    },
    {
      failed: ['global-reach:gr-ab'],
      why: 'The A-B Global Reach goes: sitea<->siteb lost; siteb<->sitec and hub<->siteb untouched; sitea is now isolated',
      absent: [
        { node: 'era/msee', prefix: B, because: 'B reached era only over gr-ab' },
        { node: 'siteb-ce', prefix: A, because: 'A reached erb only over gr-ab' },
      ],
      pairs: [
        { src: 'sitea', dst: 'siteb', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'siteb', dst: 'sitea', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'siteb', dst: 'sitec', outcome: 'DELIVERED', paths: [['er-link:erb-primary', 'global-reach:gr-bc', 'er-link:erc-primary']], hops: ['siteb-ce', 'erb/msee', 'erc/msee', 'sitec-ce', 'sitec'], symmetric: true },
        { src: 'hub', dst: 'siteb', outcome: 'DELIVERED', paths: [['er-conn:erb-hub', 'er-link:erb-primary']], hops: ['hub/ergw', 'erb/msee', 'siteb-ce', 'siteb'], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
