import { addressProblem, formatAddress, parseAddress, parsePrefix } from '../../model/prefix.js';
import type { Nic } from '../azure/estate.js';
import { idKey } from '../azure/fields.js';
import type { Findings } from '../findings.js';
import { isServiceSubnet } from './service-subnets.js';
import type { VnetPlacement } from './vnet-sites.js';

/** Azure reserves the first four addresses of every subnet (network, gateway, two for DNS): a VM gets the fifth. */
const FIRST_VM_OFFSET = 4;

/**
 * One test address per subnet that has network interfaces: the lowest of their addresses (the model routes per
 * VNet, so more addresses in one subnet would only repeat the same verdicts). A VNet without interfaces in the
 * export gets the first address Azure gives a VM in its first VM subnet.
 */
export function testAddresses(placements: Map<string, VnetPlacement>, nics: readonly Nic[], findings: Findings): Map<VnetPlacement, string[]> {
  const homes = new Map<string, VnetPlacement>();
  for (const p of placements.values()) for (const s of p.vnet.subnets) homes.set(idKey(s.id), p);
  const lowest = new Map<string, { address: number; nic: string }>();
  for (const nic of nics) {
    for (const ip of nic.ips) {
      const key = idKey(ip.subnetId);
      if (!homes.has(key) || addressProblem(ip.address) !== undefined) continue;
      const address = parseAddress(ip.address);
      if (address < (lowest.get(key)?.address ?? Infinity)) lowest.set(key, { address, nic: nic.resource.name });
    }
  }
  return new Map([...placements.values()].map((p) => [p, forVnet(p, lowest, findings)]));
}

function forVnet(p: VnetPlacement, lowest: Map<string, { address: number; nic: string }>, findings: Findings): string[] {
  const found = p.vnet.subnets.flatMap((s) => lowest.get(idKey(s.id)) ?? []);
  if (found.length > 0) {
    const list = found.map((f) => `${formatAddress(f.address)} (network interface ${f.nic})`).join(', ');
    findings.assume(`${p.site.id}: test address${found.length > 1 ? 'es' : ''} ${list}, the lowest network interface address of each subnet that has one`);
    return found.map((f) => formatAddress(f.address));
  }
  const subnet = p.vnet.subnets.find((s) => !isServiceSubnet(s) && s.prefixes.length > 0);
  const prefix = parsePrefix(subnet?.prefixes[0] ?? p.vnet.addressSpace[0]!);
  const address = formatAddress(prefix.net + FIRST_VM_OFFSET);
  const where = subnet ? `subnet ${subnet.name}` : 'its address space (no VM subnet in the export)';
  findings.assume(`${p.site.id}: no network interface in the export; test address ${address}, the first address Azure gives a VM in ${where}`);
  return [address];
}
