import type { RouteServer } from './estate.js';
import { number, object, objects, refId, settings, text, texts, flag } from './fields.js';
import type { AzureResource } from './read-export.js';

/**
 * A Microsoft.Network/virtualHubs resource, when it is a Route Server: a hub of a Virtual WAN names its
 * `virtualWan`, a Route Server does not (it is deployed into a VNet's RouteServerSubnet, which its IP
 * configuration names). Fields as the REST API names them (virtualRouterIps, virtualRouterAsn,
 * allowBranchToBranchTraffic, hubRoutingPreference); its `bgpConnections` (peerIp, peerAsn) and
 * `ipConfigurations` are child resources, embedded here by read-estate.ts when exported on their own.
 * Undefined for a Virtual WAN hub.
 */
export function readRouteServer(r: AzureResource): RouteServer | undefined {
  const s = settings(r.raw);
  if (object(s, 'virtualWan') !== undefined) return undefined;
  return {
    resource: r,
    subnetId: objects(s, 'ipConfigurations').map((c) => refId(settings(c), 'subnet')).find((id) => id !== undefined),
    routerIps: texts(s, 'virtualRouterIps'),
    asn: number(s, 'virtualRouterAsn'),
    branchToBranch: flag(s, 'allowBranchToBranchTraffic') ?? false,
    routingPreference: text(s, 'hubRoutingPreference'),
    peers: objects(s, 'bgpConnections').map((c) => {
      const p = settings(c);
      return { name: text(c, 'name') ?? '', peerIp: text(p, 'peerIp'), peerAsn: number(p, 'peerAsn'), resource: text(c, 'id') ?? r.id };
    }),
  };
}
