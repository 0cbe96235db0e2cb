import type { Circuit, GlobalReachConnection, PrivatePeering } from './estate.js';
import { number, object, objects, refId, settings, text, type JsonObject } from './fields.js';
import type { AzureResource } from './read-export.js';

const PRIVATE = 'azureprivatepeering';

/**
 * A Microsoft.Network/expressRouteCircuits resource: its SKU tier, its bandwidth and its Azure private peering (the one the
 * model routes over): peer ASN, the primary and secondary link subnets, state, and its Global Reach
 * connections to other circuits' private peerings.
 */
export function readCircuit(r: AzureResource): Circuit {
  const s = settings(r.raw);
  const sku = object(r.raw, 'sku') ?? object(s, 'sku');
  const peering = objects(s, 'peerings').find((p) => {
    const type = text(settings(p), 'peeringType') ?? text(p, 'name');
    return type?.toLowerCase() === PRIVATE;
  });
  const provider = object(s, 'serviceProviderProperties');
  const gbps = number(s, 'bandwidthInGbps');
  return {
    resource: r, tier: sku && text(sku, 'tier'), privatePeering: peering && readPrivatePeering(peering),
    bandwidthMbps: (provider && number(provider, 'bandwidthInMbps')) ?? (gbps !== undefined ? gbps * 1000 : undefined),
  };
}

function readPrivatePeering(o: JsonObject): PrivatePeering {
  const s = settings(o);
  return {
    state: text(s, 'state'),
    peerAsn: number(s, 'peerASN'),
    primary: text(s, 'primaryPeerAddressPrefix'),
    secondary: text(s, 'secondaryPeerAddressPrefix'),
    globalReach: objects(s, 'connections').map(readGlobalReach),
  };
}

function readGlobalReach(o: JsonObject): GlobalReachConnection {
  return { name: text(o, 'name') ?? '', peerPeeringId: refId(settings(o), 'peerExpressRouteCircuitPeering') };
}
