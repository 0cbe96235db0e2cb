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
 * subnet, whether it forwards (an appliance's), and its VM. Configurations that hold a prefix (172.20.2.16/28)
 * rather than an address, or IPv6, are left out.
 */
export function readNic(r: AzureResource): Nic {
  const s = settings(r.raw);
  const ips = objects(s, 'ipConfigurations').flatMap((o) => {
    const c = settings(o);
    const address = text(c, 'privateIPAddress');
    const subnetId = refId(c, 'subnet');
    if (address === undefined || subnetId === undefined || address.includes('/') || address.includes(':')) return [];
    return [{ address, subnetId }];
  });
  return { resource: r, ips, ipForwarding: flag(s, 'enableIPForwarding') ?? false, vmId: refId(s, 'virtualMachine') };
}
