import type { Nic, RouteTable } from './estate.js';
import { flag, objects, refId, settings, text } from './fields.js';
import type { AzureResource } from './read-export.js';

/** A Microsoft.Network/routeTables resource: its user-defined routes and the subnets it lists. */
export function readRouteTable(r: AzureResource): RouteTable {
  const s = settings(r.raw);
  return {
    resource: r,
    disableBgpRoutePropagation: flag(s, 'disableBgpRoutePropagation') ?? false,
    routes: objects(s, 'routes').map((o) => {
      const rs = settings(o);
      return {
        name: text(o, 'name') ?? '',
        prefix: text(rs, 'addressPrefix'),
        nextHopType: text(rs, 'nextHopType'),
        nextHopIpAddress: text(rs, 'nextHopIpAddress'),
      };
    }),
    subnetIds: objects(s, 'subnets').flatMap((o) => text(o, 'id') ?? []),
  };
}

/**
 * A Microsoft.Network/networkInterfaces resource: the private IPv4 address of each IP configuration with its
 * subnet. Configurations that hold a prefix (172.20.2.16/28) rather than an address, or IPv6, are left out.
 */
export function readNic(r: AzureResource): Nic {
  const ips = objects(settings(r.raw), 'ipConfigurations').flatMap((o) => {
    const s = settings(o);
    const address = text(s, 'privateIPAddress');
    const subnetId = refId(s, 'subnet');
    if (address === undefined || subnetId === undefined || address.includes('/') || address.includes(':')) return [];
    return [{ address, subnetId }];
  });
  return { resource: r, ips };
}
