/**
 * Asymmetry of the `link` class, the kind an architect calls normal (azure-routing-rules.md sections 2, 5, 6;
 * the ExpressRoute high-availability guidance: both BGP sessions of a circuit up). dc-ce announces 10.70.0.0/24
 * over both links with the same AS path [65060]: the MSEE (shortest AS path, then every equal route) keeps
 * both, so the hub reaches dc over both links. dc-ce hears the hub's 10.60.0.0/24 as [12076 65515] on both
 * sessions; its inbound weight 100 on the primary session wins the second step of Cisco's order, and without
 * maximum-paths it installs that one: dc returns over the primary link only.
 * Both directions cross ExpressRoute and the same circuit: only the links differ, so the pair is `link`
 * asymmetric, which the default threshold (`circuit`) does not flag. Losing either link leaves one link both ways.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.60.0.0/24';
const DC = '10.70.0.0/24';
const CONN = 'er-conn:dc-er-hub';
const PRIMARY = 'er-link:dc-er-primary';
const SECONDARY = 'er-link:dc-er-secondary';

export default {
  topology: 'er-two-links-preferred.json',
  rule: 'Asymmetry classes: the same circuit both ways over different links is `link` asymmetric (not flagged by default)',
  scenarios: [
    {
      failed: [],
      why: 'The MSEE spreads hub -> dc over both links; dc-ce returns over the primary (weight 100): same circuit, different links',
      routes: [
        {
          node: 'dc-er/msee', prefix: DC,
          best: [{ source: 'er', nextHop: 'dc-ce', asPath: [65060] }, { source: 'er', nextHop: 'dc-ce', asPath: [65060] }],
        },
        {
          node: 'dc-ce', prefix: HUB,
          best: [{ source: 'er', nextHop: 'dc-er/msee', asPath: [12076, 65515], weight: 100 }],
          losers: [{ source: 'er', nextHop: 'dc-er/msee', asPath: [12076, 65515], weight: 0, reason: 'weight 0 < 100' }],
        },
      ],
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [[CONN, PRIMARY], [CONN, SECONDARY]], symmetric: false, asymmetry: 'link' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [[PRIMARY, CONN]], symmetric: false, asymmetry: 'link' },
      ],
    },
    {
      failed: [SECONDARY],
      why: 'One link left: both directions over the primary, symmetric',
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [[CONN, PRIMARY]], symmetric: true, asymmetry: 'symmetric' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [[PRIMARY, CONN]], symmetric: true, asymmetry: 'symmetric' },
      ],
    },
    {
      failed: [PRIMARY],
      why: 'The preferred link gone: dc-ce has only the secondary session, both directions over it',
      pairs: [
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [[CONN, SECONDARY]], symmetric: true, asymmetry: 'symmetric' },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [[SECONDARY, CONN]], symmetric: true, asymmetry: 'symmetric' },
      ],
    },
  ],
} satisfies CaseExpectation;
