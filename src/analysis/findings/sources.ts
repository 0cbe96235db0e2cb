/** The Microsoft Learn pages the design findings cite. */
export const SOURCES = {
  expressRouteLimits: 'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#expressroute-limits',
  expressRoutePrefixLimits: 'https://learn.microsoft.com/azure/expressroute/expressroute-routing#route-aggregation-and-prefix-limits',
  expressRouteSla: 'https://learn.microsoft.com/azure/expressroute/expressroute-routing#ip-addresses-used-for-azure-private-peering',
  vpnPrefixLimit: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq#bgp',
  bgpAsns: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq#bgp',
} as const;
