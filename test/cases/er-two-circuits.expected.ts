/**
 * Asymmetry of the `circuit` class: ExpressRoute both ways, but over different circuits (different peering
 * locations, providers, firewalls in between: what an architect fears). hub/ergw hears dc's 10.71.0.0/24 as
 * [12076 65061] from both circuits' MSEEs; the connection weight (100 on a-hub, 0 on b-hub) decides before the
 * AS path (azure-routing-rules.md 3.4), so the hub sends over a. dc-ce hears the hub's 10.61.0.0/24 as
 * [12076 65515] from both; local-preference 200 on b's session wins (section 6), so dc returns over b.
 * Losing a's connection moves the hub onto b: symmetric again.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.61.0.0/24';
const DC = '10.71.0.0/24';

export default {
  topology: 'er-two-circuits.json',
  rule: 'Asymmetry classes: ExpressRoute both ways over different circuits is `circuit` asymmetric (flagged by default)',
  scenarios: [
    {
      failed: [],
      why: 'Azure sends over circuit a (connection weight 100), the CE returns over circuit b (local-preference 200)',
      routes: [
        {
          node: 'hub/ergw', prefix: DC,
          best: [{ source: 'er', nextHop: 'a/msee', asPath: [12076, 65061], weight: 100 }],
          losers: [{ source: 'er', nextHop: 'b/msee', asPath: [12076, 65061], weight: 0, reason: 'connection weight 0 < 100' }],
        },
        {
          node: 'dc-ce', prefix: HUB,
          best: [{ source: 'er', nextHop: 'b/msee', asPath: [12076, 65515], localPref: 200 }],
          losers: [{ source: 'er', nextHop: 'a/msee', asPath: [12076, 65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:a-hub', 'er-link:a-primary']], symmetric: false, asymmetry: 'circuit' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:b-primary', 'er-conn:b-hub']], symmetric: false, asymmetry: 'circuit' },
      ],
    },
    {
      failed: ['er-conn:a-hub'],
      why: 'Circuit a no longer reaches the hub: both directions over b',
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:b-hub', 'er-link:b-primary']], symmetric: true, asymmetry: 'symmetric' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:b-primary', 'er-conn:b-hub']], symmetric: true, asymmetry: 'symmetric' },
      ],
    },
  ],
} satisfies CaseExpectation;
