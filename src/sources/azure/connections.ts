import type { Findings } from '../findings.js';
import type { Connection } from './estate.js';
import { flag, number, refId, settings, text } from './fields.js';
import type { AzureResource } from './read-export.js';
import { at } from './source.js';

/**
 * A Microsoft.Network/connections resource: IPsec (a VPN gateway to a local network gateway), Vnet2Vnet (one
 * side of a VNet-to-VNet tunnel: each side is its own resource) or ExpressRoute (an ER gateway to a circuit,
 * named by `peer`).
 */
export function readConnection(r: AzureResource, findings: Findings): Connection | undefined {
  const s = settings(r.raw);
  const connectionType = text(s, 'connectionType');
  const gateway1Id = refId(s, 'virtualNetworkGateway1');
  if (connectionType === undefined || gateway1Id === undefined) {
    const missing = connectionType === undefined ? 'connectionType' : 'virtualNetworkGateway1.id';
    findings.problem(at(r), `the connection has no ${missing}`, 'export whole resources, properties included');
    return undefined;
  }
  return {
    resource: r,
    connectionType,
    gateway1Id,
    gateway2Id: refId(s, 'virtualNetworkGateway2'),
    localGatewayId: refId(s, 'localNetworkGateway2'),
    circuitId: refId(s, 'peer'),
    routingWeight: number(s, 'routingWeight') ?? 0,
    enableBgp: flag(s, 'enableBgp') ?? false,
  };
}
