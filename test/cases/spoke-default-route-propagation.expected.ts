/**
 * A spoke's default route to the hub firewall, with and without gateway route propagation, after Microsoft
 * Learn's "Deploy and configure Azure Firewall in a hybrid network by using the Azure portal"
 * (azure/firewall/tutorial-hybrid-portal): "To route the spoke subnet traffic through the hub firewall, you can
 * use a user-defined route (UDR) that points to the firewall with the Virtual network gateway route propagation
 * option disabled. Disabling this option prevents route distribution to the spoke subnets, so learned routes
 * can't conflict with your UDR. If you want to keep Virtual network gateway route propagation enabled, make sure
 * that you define specific routes to the firewall to override routes that are published from on-premises over
 * Border Gateway Protocol (BGP)."
 *
 * Derivation (longest prefix match first, then UDR > BGP > system: virtual-networks-udr-overview, "How Azure
 * selects a route"; azure-routing-rules.md 3.1-3.2):
 * - spoke-off: no BGP route; 0.0.0.0/0 -> hub/azfw carries spoke-off -> dc, whose firewall subnet routes it over
 *   ER: [peering, nva:azfw, er-conn, er-link]. Back, the GatewaySubnet's ToSpokeOff UDR sends it to the firewall:
 *   the same units reversed, symmetric.
 * - spoke-on: propagation on, so hub/ergw's learned 192.168.0.0/24 [12076 65050] is in its table (gateway
 *   transit), and a /24 is longer than the /0: spoke-on -> dc bypasses the firewall, [peering, er-conn, er-link].
 *   Back, ToSpokeOn still sends dc -> spoke-on through the firewall: the directions cross different sets of
 *   units, asymmetric; same transport (ExpressRoute) both ways, but one way crosses the appliance instance and
 *   the other not: the circuit class (analysis/asymmetry.ts; a stateful firewall sees half the flow).
 * - spoke-on <-> spoke-off: peering is not transitive (section 4), so neither spoke has a route to the other;
 *   their reserved 10.0.0.0/8 None routes are gone (each table has its own 0.0.0.0/0), so 0.0.0.0/0 takes the
 *   traffic to the firewall, whose subnet has peering routes to both spokes: [peering, nva:azfw, peering], each
 *   way the reverse of the other, symmetric.
 * - nva:azfw down: what crossed the firewall is dropped (the UDRs remain); spoke-on -> dc, which never crossed it,
 *   is still delivered, and its return is dropped at the GatewaySubnet.
 */
import type { CaseExpectation } from '../case-types.js';

const DC = '192.168.0.0/24';
const ER = ['er-conn:er1-hub', 'er-link:er1-primary'];

export default {
  topology: 'spoke-default-route-propagation.json',
  rule: 'Gateway route propagation (virtual-networks-udr-overview, Azure Firewall hybrid tutorial): with it on, on-premises routes are longer than a spoke\'s 0.0.0.0/0 UDR and bypass the firewall',
  scenarios: [
    {
      failed: [],
      why: 'spoke-off <-> dc crosses the firewall both ways; spoke-on -> dc bypasses it while dc -> spoke-on crosses it (asymmetric); spoke to spoke goes through the firewall',
      routes: [
        { node: 'spoke-on', prefix: DC, best: [{ source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65050] }] },
        { node: 'spoke-on', prefix: '0.0.0.0/0', best: [{ source: 'udr', nextHop: 'hub/azfw' }] },
        { node: 'spoke-off', prefix: '0.0.0.0/0', best: [{ source: 'udr', nextHop: 'hub/azfw' }] },
        { node: 'hub/azfw', prefix: '10.6.0.0/16', best: [{ source: 'peering', nextHop: 'spoke-off' }] },
        { node: 'hub/azfw', prefix: '10.7.0.0/16', best: [{ source: 'peering', nextHop: 'spoke-on' }] },
      ],
      absent: [
        { node: 'spoke-off', prefix: DC, because: 'its table stops gateway route propagation' },
        { node: 'spoke-on', prefix: '10.6.0.0/16', because: 'peering is not transitive' },
      ],
      pairs: [
        { src: 'spoke-off', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke-off', 'nva:azfw', ...ER]], symmetric: true, asymmetry: 'symmetric' },
        { src: 'dc', dst: 'spoke-off', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'nva:azfw', 'peering:hub-spoke-off']], symmetric: true },
        { src: 'spoke-on', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke-on', ...ER]], hops: ['hub/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: false, asymmetry: 'circuit' },
        {
          src: 'dc', dst: 'spoke-on', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-hub', 'nva:azfw', 'peering:hub-spoke-on']],
          hops: ['dc-ce', 'er1/msee', 'hub/ergw', 'hub/GatewaySubnet', 'hub/azfw', 'spoke-on'], symmetric: false,
        },
        { src: 'spoke-on', dst: 'spoke-off', outcome: 'DELIVERED', paths: [['peering:hub-spoke-on', 'nva:azfw', 'peering:hub-spoke-off']], hops: ['hub/azfw', 'spoke-off'], symmetric: true },
        { src: 'spoke-off', dst: 'spoke-on', outcome: 'DELIVERED', paths: [['peering:hub-spoke-off', 'nva:azfw', 'peering:hub-spoke-on']], symmetric: true },
      ],
    },
    {
      failed: ['nva:azfw'],
      why: 'Without the firewall, only spoke-on -> dc, which never crossed it, still arrives',
      pairs: [
        { src: 'spoke-on', dst: 'dc', outcome: 'DELIVERED', paths: [['peering:hub-spoke-on', ...ER]], symmetric: null },
        { src: 'dc', dst: 'spoke-on', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'spoke-off', dst: 'dc', outcome: 'NULL_ROUTED', symmetric: null },
        { src: 'spoke-on', dst: 'spoke-off', outcome: 'NULL_ROUTED', symmetric: null },
      ],
    },
  ],
} satisfies CaseExpectation;
