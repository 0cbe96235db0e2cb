import type { Appliance } from '../../model/topology.js';
import type { AzureEstate, Nic } from '../azure/estate.js';
import { idKey, lastSegment } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { VnetPlacement } from './vnet-sites.js';

/** Node names a VNet's parts take (`hub/ergw`): an appliance named after a VM of that name gets a suffix. */
const TAKEN = new Set(['ergw', 'vpngw', 'routeserver', 'gatewaysubnet']);

/** An appliance instance of the import, found by its VNet and address. */
export interface ImportedInstance {
  appliance: Appliance;
  placement: VnetPlacement;
}

/**
 * Network virtual appliances from the interfaces that are one: those with IP forwarding on (Azure requires it
 * of "any network interface attached to a virtual machine that forwards network traffic to an address other
 * than its own", virtual-networks-udr-overview), those a route names as its VirtualAppliance next hop, those a
 * Route Server peers with. The interfaces of one scale set (or of one VM) in one subnet are one appliance, each
 * an instance; a VM forwarding in two subnets is two appliances, said so. Keyed `VNet key|address`.
 */
export function importAppliances(
  estate: AzureEstate, placements: Map<string, VnetPlacement>, wanted: ReadonlySet<string>, names: Names, origins: Origins, findings: Findings,
): Map<string, ImportedInstance> {
  const subnetHome = new Map<string, { placement: VnetPlacement; subnet: string }>();
  for (const p of placements.values()) for (const s of p.vnet.subnets) subnetHome.set(idKey(s.id), { placement: p, subnet: s.name });
  const groups = new Map<string, { nic: Nic; address: string; placement: VnetPlacement; subnet: string }[]>();
  for (const nic of [...estate.nics].sort((a, b) => a.resource.key.localeCompare(b.resource.key))) {
    for (const ip of nic.ips) {
      const home = subnetHome.get(idKey(ip.subnetId));
      if (!home || (!nic.ipForwarding && !wanted.has(ip.address))) continue;
      const key = `${ownerOf(nic)}|${idKey(ip.subnetId)}`;
      groups.set(key, [...(groups.get(key) ?? []), { nic, address: ip.address, ...home }]);
    }
  }
  const found = new Map<string, ImportedInstance>();
  const subnetsOfOwner = new Map<string, Set<string>>();
  for (const [key, members] of groups) {
    const [owner] = key.split('|') as [string];
    subnetsOfOwner.set(owner, (subnetsOfOwner.get(owner) ?? new Set()).add(members[0]!.subnet));
    const { placement, subnet } = members[0]!;
    let base = lastSegment(owner);
    if (TAKEN.has(base.toLowerCase()) || base.startsWith('nva-')) base = `${base}-appliance`;
    const appliance = origins.set<Appliance>(
      { name: names.claim('nva', base), subnet, instances: members.map((m) => ({ address: m.address })) },
      at(members[0]!.nic.resource),
    );
    placement.site.appliances = [...(placement.site.appliances ?? []), appliance];
    for (const m of members) found.set(`${placement.vnet.resource.key}|${m.address}`, { appliance, placement });
  }
  for (const [owner, subnets] of subnetsOfOwner) {
    if (subnets.size > 1) findings.assume(`${lastSegment(owner)} forwards in subnets ${[...subnets].join(', ')}: imported as one appliance per subnet`);
  }
  return found;
}

/** What an interface belongs to: its scale set, else its VM, else itself. */
function ownerOf(nic: Nic): string {
  const scaleSet = /^(.*\/virtualmachinescalesets\/[^/]+)\//i.exec(nic.resource.id)?.[1];
  if (scaleSet !== undefined) return idKey(scaleSet);
  if (nic.vmId !== undefined) return idKey(nic.vmId);
  return idKey(nic.resource.id);
}
