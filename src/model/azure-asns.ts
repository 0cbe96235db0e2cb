/**
 * The ASNs Azure fixes (azure-routing-rules.md section 1): in one place, so the rules that depend on them read
 * by name.
 */

/** Every Azure ExpressRoute gateway, and a VPN gateway unless configured otherwise. */
export const AZURE_GATEWAY_ASN = 65515;

/** The Microsoft Enterprise Edge routers (MSEE) of every ExpressRoute circuit. */
export const MSEE_ASN = 12076;

/** Azure Route Server, and a VPN gateway that exchanges routes with it (route-server troubleshooting; expressroute-vpn-support). */
export const ROUTE_SERVER_ASN = AZURE_GATEWAY_ASN;
