import { prefixProblem } from '../../model/prefix.js';
import type { Findings } from '../findings.js';
import type { PeeringSide, Subnet, Vnet } from './estate.js';
import { flag, object, objects, refId, settings, text, texts, type JsonObject } from './fields.js';
import type { AzureResource } from './read-export.js';
import { at } from './source.js';

/**
 * A Microsoft.Network/virtualNetworks resource: its IPv4 address space, its subnets (with the route table each
 * names) and its side of each peering. IPv6 prefixes are noted and left out: the model routes IPv4.
 */
export function readVnet(r: AzureResource, findings: Findings): Vnet | undefined {
  const s = settings(r.raw);
  const space = ipv4Prefixes(texts(object(s, 'addressSpace') ?? {}, 'addressPrefixes'), r, 'address space', findings);
  if (space.length === 0) {
    findings.problem(at(r), 'the virtual network has no IPv4 address space (addressSpace.addressPrefixes)', 'export whole resources, properties included');
    return undefined;
  }
  const subnets = objects(s, 'subnets').map((o) => readSubnet(o, r, findings));
  const peerings = objects(s, 'virtualNetworkPeerings').flatMap((o) => readPeering(o, r, findings) ?? []);
  return { resource: r, location: text(r.raw, 'location'), addressSpace: space, subnets, peerings };
}

function readSubnet(o: JsonObject, vnet: AzureResource, findings: Findings): Subnet {
  const s = settings(o);
  const name = text(o, 'name') ?? '';
  const listed = [text(s, 'addressPrefix'), ...texts(s, 'addressPrefixes')].filter((p): p is string => p !== undefined);
  return {
    id: text(o, 'id') ?? `${vnet.id}/subnets/${name}`,
    name,
    prefixes: ipv4Prefixes([...new Set(listed)], vnet, `subnet ${name}`, findings),
    routeTableId: refId(s, 'routeTable'),
  };
}

function readPeering(o: JsonObject, vnet: AzureResource, findings: Findings): PeeringSide | undefined {
  const s = settings(o);
  const name = text(o, 'name') ?? '';
  const remoteVnetId = refId(s, 'remoteVirtualNetwork');
  if (remoteVnetId === undefined) {
    findings.problem(at(vnet), `peering ${name} names no remote virtual network (remoteVirtualNetwork.id)`, 'export whole resources, properties included');
    return undefined;
  }
  return {
    name,
    remoteVnetId,
    allowGatewayTransit: flag(s, 'allowGatewayTransit') ?? false,
    useRemoteGateways: flag(s, 'useRemoteGateways') ?? false,
    allowVirtualNetworkAccess: flag(s, 'allowVirtualNetworkAccess') ?? true,
    state: text(s, 'peeringState'),
  };
}

function ipv4Prefixes(list: string[], r: AzureResource, what: string, findings: Findings): string[] {
  return list.filter((p) => {
    if (p.includes(':')) {
      findings.note(at(r), 'not-mapped', `IPv6 prefix ${p} of the ${what} left out: the model routes IPv4`);
      return false;
    }
    const problem = prefixProblem(p);
    if (problem !== undefined) findings.problem(at(r), `${what} prefix "${p}" is not valid: ${problem}`, 'check the export');
    return problem === undefined;
  });
}
