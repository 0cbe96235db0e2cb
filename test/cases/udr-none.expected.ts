/**
 * User-defined route > BGP > system for the same prefix (azure-routing-rules.md section 3.2; routing-model.md
 * "VNet effective routes" and "Forwarding": `udr` None -> dropped, NULL_ROUTED).
 * The spoke has two candidates for 10.140.0.0/24: the BGP route learned by hub/ergw ([12076 65140], through
 * gateway transit) and its UDR with next hop None. The UDR wins: spoke -> dc is dropped in the spoke.
 * The UDR is local to the spoke's route table: hub -> dc still goes over ER, and hub/ergw still advertises the
 * spoke's space, so dc -> spoke is delivered (one-way).
 */
import type { CaseExpectation } from '../case-types.js';

const SPOKE = '10.131.0.0/24';
const DC = '10.140.0.0/24';

export default {
  topology: 'udr-none.json',
  rule: 'Section 3.2 (same prefix: user-defined route > BGP > system); a None next hop drops the traffic',
  scenarios: [
    {
      failed: [],
      why: 'spoke->dc is NULL_ROUTED by the UDR, which beats the BGP route; hub->dc and dc->spoke still delivered',
      routes: [
        {
          node: 'spoke', prefix: DC,
          best: [{ source: 'udr', nextHop: null }],
          losers: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65140], reason: 'user-defined route preferred' }],
        },
        { node: 'hub', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65140] }] },
        { node: 'dc-ce', prefix: SPOKE, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515] }] },
      ],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'peering:hub-spoke']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'spoke'], symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub'], symmetric: true },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['hub'], symmetric: true },
        { src: 'hub', dst: 'spoke', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['spoke'], symmetric: true },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'With no BGP route at all the UDR still drops spoke->dc (it does not depend on BGP); everything else to/from dc has no route',
      routes: [
        { node: 'spoke', prefix: DC, best: [{ source: 'udr', nextHop: null }] },
      ],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'dc', dst: 'hub', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
