/**
 * A hub firewall that inspects spoke <-> on-premises traffic both ways, as Microsoft Learn's "Deploy and
 * configure Azure Firewall in a hybrid network by using the Azure portal" (azure/firewall/tutorial-hybrid-portal)
 * builds it:
 * - "Configure a UDR on the hub gateway subnet that points to the firewall IP address as the next hop to the
 *   spoke networks": UDR-Hub-Spoke on hub/GatewaySubnet, 10.6.0.0/16 -> 10.5.0.4.
 * - "To route the spoke subnet traffic through the hub firewall, you can use a user-defined route (UDR) that
 *   points to the firewall with the Virtual network gateway route propagation option disabled": UDR-DG on
 *   spoke/SN-Workload, 0.0.0.0/0 -> 10.5.0.4, disableBgpRoutePropagation.
 * - "No UDR is required on the Azure Firewall subnet, because it learns routes from BGP": hub/azfw forwards with
 *   its subnet's effective routes, which hold the ExpressRoute route to 192.168.0.0/24.
 * - "Traffic between directly peered virtual networks is routed directly, even if a UDR points to Azure Firewall
 *   as the default gateway": the peering routes (10.5.0.0/16 at the spoke, 10.6.0.0/16 at the hub) are longer
 *   than 0.0.0.0/0, so hub <-> spoke skips the firewall.
 *
 * Derivation. hub/ergw originates 10.5.0.0/16 and, over the gateway-transit peering, 10.6.0.0/16; dc-ce learns
 * both as [12076 65515]; hub/ergw learns 192.168.0.0/24 as [12076 65050].
 * - spoke -> dc (192.168.0.10): the spoke's table has no BGP route (propagation off, routing-model.md "VNet
 *   effective routes (per subnet)"), and its reserved 192.168.0.0/16 None route is gone because the table has its own
 *   0.0.0.0/0 (virtual-networks-udr-overview, routing example); so 0.0.0.0/0 -> hub/azfw, crossing the peering
 *   and the appliance. hub/azfw's subnet holds the ER route: hub/ergw -> er1/msee -> dc-ce -> dc.
 * - dc -> spoke: dc-ce -> er1/msee -> hub/ergw, whose origination of 10.6.0.0/16 leaves through the
 *   GatewaySubnet's table: its UDR beats the peering route for the same prefix (UDR > system, section 3.2), so
 *   hub/azfw, whose peering route delivers to the spoke. The units reversed are the forward ones: symmetric.
 * - hub <-> dc: the hub's VM subnet has no table: straight over ER. Coming back, the GatewaySubnet's system
 *   route for 10.5.0.0/16 delivers (the ToSpoke route does not cover it): the last hop is hub/GatewaySubnet.
 * - nva:azfw down: both UDRs keep pointing at 10.5.0.4 ("If you see None listed as the Next hop IP address with a
 *   Next hop type of ... Virtual appliance, it may be because the device isn't running", virtual-networks-udr-
 *   overview): the traffic is dropped, NULL_ROUTED, both ways; hub <-> dc is untouched.
 * - peering:hub-spoke down: hub/ergw stops originating the spoke (its gate is the transit peering), so dc-ce
 *   has no route to it; the spoke's UDR edge crosses the peering, so spoke -> dc is dropped.
 */
import type { CaseExpectation } from '../case-types.js';

const HUB = '10.5.0.0/16';
const SPOKE = '10.6.0.0/16';
const DC = '192.168.0.0/24';
const FORWARD = ['peering:hub-spoke', 'nva:azfw', 'er-conn:er1-hub', 'er-link:er1-primary'];

export default {
  topology: 'hub-firewall-gateway-subnet.json',
  rule: 'Subnet route tables (virtual-networks-udr-overview): a GatewaySubnet UDR and a spoke default route steer spoke <-> on-premises through a hub firewall (Azure Firewall hybrid tutorial)',
  scenarios: [
    {
      failed: [],
      why: 'spoke <-> dc crosses the firewall both ways (symmetric); hub <-> dc and hub <-> spoke do not',
      routes: [
        {
          node: 'spoke', prefix: '0.0.0.0/0',
          best: [{ source: 'udr', nextHop: 'hub/azfw' }],
          losers: [{ source: 'default', nextHop: 'Internet', reason: 'user-defined route preferred' }],
        },
        {
          node: 'spoke', prefix: '192.168.0.0/16', best: [],
          losers: [{ source: 'default', nextHop: null, reason: 'removed by Azure' }],
        },
        { node: 'spoke', prefix: HUB, best: [{ source: 'peering', nextHop: 'hub' }] },
        {
          node: 'hub/GatewaySubnet', prefix: SPOKE,
          best: [{ source: 'udr', nextHop: 'hub/azfw' }],
          losers: [{ source: 'peering', nextHop: 'spoke', reason: 'user-defined route preferred' }],
        },
        { node: 'hub/GatewaySubnet', prefix: HUB, best: [{ source: 'system', nextHop: null }] },
        { node: 'hub/azfw', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65050] }] },
        { node: 'hub/azfw', prefix: SPOKE, best: [{ source: 'peering', nextHop: 'spoke' }] },
        { node: 'hub/ergw', prefix: SPOKE, best: [{ source: 'local', nextHop: 'hub/GatewaySubnet', asPath: [] }] },
        { node: 'dc-ce', prefix: SPOKE, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515] }] },
      ],
      absent: [
        { node: 'spoke', prefix: DC, because: 'UDR-DG stops gateway route propagation' },
      ],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'DELIVERED', paths: [FORWARD], hops: ['hub/azfw', 'hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        {
          src: 'dc', dst: 'spoke', outcome: 'DELIVERED', paths: [[...FORWARD].reverse()],
          hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub/GatewaySubnet', 'hub/azfw', 'spoke'], symmetric: true,
        },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'hub', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub']], hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub/GatewaySubnet'], symmetric: true },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['hub'], symmetric: true },
        { src: 'hub', dst: 'spoke', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], hops: ['spoke'], symmetric: true },
      ],
    },
    {
      failed: ['nva:azfw'],
      why: 'The firewall is down but both UDRs still point at it: spoke <-> dc is dropped both ways; hub <-> dc stays',
      routes: [
        { node: 'spoke', prefix: '0.0.0.0/0', best: [{ source: 'udr', nextHop: null }] },
        { node: 'hub/GatewaySubnet', prefix: SPOKE, best: [{ source: 'udr', nextHop: null }] },
      ],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true },
        { src: 'spoke', dst: 'hub', outcome: 'DELIVERED', paths: [['peering:hub-spoke']], symmetric: true },
      ],
    },
    {
      failed: ['peering:hub-spoke'],
      why: 'Without the peering the gateway no longer advertises the spoke, and the spoke\'s UDR points across it',
      absent: [
        { node: 'dc-ce', prefix: SPOKE, because: 'hub/ergw originates a spoke only over an up gateway-transit peering' },
      ],
      pairs: [
        { src: 'spoke', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'dc', dst: 'spoke', outcome: 'NO_ROUTE', symmetric: null },
        { src: 'hub', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-hub', 'er-link:er1-primary']], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
