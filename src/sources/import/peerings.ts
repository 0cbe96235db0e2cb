import type { Peering } from '../../model/topology.js';
import type { PeeringSide } from '../azure/estate.js';
import { idKey } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { VnetPlacement } from './vnet-sites.js';

/**
 * A peering exists once per side, each side in its own VNet with its own flags: the two sides are paired by
 * their remoteVirtualNetwork ids. A peering carries traffic only when both sides are Connected; one whose other
 * side is missing (Initiated) or Disconnected is imported as disabled. A side whose remote VNet is not in the
 * export is noted.
 */
export function buildPeerings(placements: Map<string, VnetPlacement>, names: Names, origins: Origins, findings: Findings): Peering[] {
  const sides = new Map<string, { placement: VnetPlacement; side: PeeringSide }>();
  for (const placement of placements.values()) {
    for (const side of placement.vnet.peerings) {
      const remote = placements.get(idKey(side.remoteVnetId));
      if (!remote) {
        findings.note(at(placement.vnet.resource), 'not-mapped', `peering ${side.name}: its remote VNet ${side.remoteVnetId} is not in the export`);
        continue;
      }
      sides.set(`${placement.vnet.resource.key}\n${remote.vnet.resource.key}`, { placement, side });
    }
  }
  const peerings: Peering[] = [];
  const done = new Set<string>();
  for (const [key, a] of [...sides].sort(([x], [y]) => x.localeCompare(y))) {
    if (done.has(key)) continue;
    const [local, remote] = key.split('\n') as [string, string];
    const reverseKey = `${remote}\n${local}`;
    done.add(key).add(reverseKey);
    const b = sides.get(reverseKey);
    const remotePlacement = placements.get(remote)!;
    const name = names.claim('peering', [a.placement.site.id, remotePlacement.site.id].sort().join('-'));
    const peering: Peering = {
      name,
      sides: [sideOf(a.placement, a.side), b ? sideOf(b.placement, b.side) : { vnet: remotePlacement.site.id }],
    };
    const connected = b !== undefined && isConnected(a.side) && isConnected(b.side);
    if (!connected) {
      peering.enabled = false;
      const why = b === undefined ? `${remotePlacement.site.id} has no peering back to ${a.placement.site.id}` : `peering state ${a.side.state ?? '?'} / ${b.side.state ?? '?'}`;
      findings.assume(`peering ${name} is imported as disabled: ${why} (a peering carries traffic once both sides are Connected)`);
    }
    for (const s of [a, b]) {
      if (s && !s.side.allowVirtualNetworkAccess) {
        findings.note(at(s.placement.vnet.resource), 'not-expressible', `peering ${s.side.name} blocks access to the remote VNet (allowVirtualNetworkAccess false): whatif models routes, not this filter, so ${name} carries traffic`);
      }
    }
    peerings.push(origins.set(peering, at(a.placement.vnet.resource)));
  }
  return peerings;
}

function sideOf(placement: VnetPlacement, side: PeeringSide): Peering['sides'][number] {
  return {
    vnet: placement.site.id,
    ...(side.allowGatewayTransit && { allowGatewayTransit: true }),
    ...(side.useRemoteGateways && { useRemoteGateways: true }),
  };
}

/** A side without a state (an export that leaves it out) is taken as connected. */
function isConnected(side: PeeringSide): boolean {
  return side.state === undefined || side.state.toLowerCase() === 'connected';
}
