import type { Findings } from '../findings.js';
import type { Gateway, LocalGateway } from './estate.js';
import { flag, number, object, objects, parentId, refId, settings, text, texts } from './fields.js';
import type { AzureResource } from './read-export.js';
import { at } from './source.js';

/**
 * A Microsoft.Network/virtualNetworkGateways resource. Its VNet is the one whose GatewaySubnet its IP
 * configuration names. BGP addresses come per instance from bgpSettings.bgpPeeringAddresses (default, then
 * custom APIPA addresses), or from the comma-separated bgpSettings.bgpPeeringAddress of older API versions.
 */
export function readGateway(r: AzureResource, findings: Findings): Gateway | undefined {
  const s = settings(r.raw);
  const gatewayType = text(s, 'gatewayType');
  const subnetId = objects(s, 'ipConfigurations').map((c) => refId(settings(c), 'subnet')).find((id) => id !== undefined);
  if (gatewayType === undefined || subnetId === undefined) {
    const missing = gatewayType === undefined ? 'gatewayType' : 'an IP configuration naming its subnet (ipConfigurations[].subnet.id)';
    findings.problem(at(r), `the gateway has no ${missing}`, 'export whole resources, properties included');
    return undefined;
  }
  const bgp = object(s, 'bgpSettings') ?? {};
  let bgpInstances = objects(bgp, 'bgpPeeringAddresses')
    .map((i) => [...texts(i, 'defaultBgpIpAddresses'), ...texts(i, 'customBgpIpAddresses')])
    .filter((addresses) => addresses.length > 0);
  if (bgpInstances.length === 0) {
    bgpInstances = (text(bgp, 'bgpPeeringAddress') ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '').map((a) => [a]);
  }
  return { resource: r, gatewayType, vnetId: parentId(subnetId), asn: number(bgp, 'asn'), bgpInstances, activeActive: flag(s, 'activeActive') ?? false };
}

/** A Microsoft.Network/localNetworkGateways resource: the on-premises end of a site-to-site connection. */
export function readLocalGateway(r: AzureResource): LocalGateway {
  const s = settings(r.raw);
  const bgp = object(s, 'bgpSettings');
  return {
    resource: r,
    gatewayIpAddress: text(s, 'gatewayIpAddress'),
    addressPrefixes: texts(object(s, 'localNetworkAddressSpace') ?? {}, 'addressPrefixes'),
    bgp: bgp && { asn: number(bgp, 'asn'), address: text(bgp, 'bgpPeeringAddress') },
  };
}
