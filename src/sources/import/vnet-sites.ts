import { AZURE_GATEWAY_ASN } from '../../model/azure-asns.js';
import { addressProblem } from '../../model/prefix.js';
import type { NamedRouteTable, VnetSite } from '../../model/topology.js';
import type { AzureEstate, Gateway, Vnet } from '../azure/estate.js';
import { idKey, parentId } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import { importAppliances } from './appliances.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import { importRouteServers, routeServerPeerIps } from './route-servers.js';
import { applianceNextHops, importRouteTables } from './route-tables.js';
import { testAddresses } from './test-addresses.js';

/** A VNet site with the export records it came from. */
export interface VnetPlacement {
  site: VnetSite;
  vnet: Vnet;
  vpnGateway: Gateway | undefined;
  erGateway: Gateway | undefined;
}


/**
 * One site per virtual network, keyed by idKey(VNet id): its address space, its gateways (placed by the VNet of
 * their GatewaySubnet), its appliances (appliances.ts), its Route Server (route-servers.ts), its test addresses
 * (test-addresses.ts: VM interfaces, not appliances'); and the route tables of their subnets (route-tables.ts).
 * A VNet lists its subnets when a table, an appliance or a Route Server is on one of them.
 */
export function vnetSites(estate: AzureEstate, names: Names, origins: Origins, findings: Findings): { placements: Map<string, VnetPlacement>; routeTables: NamedRouteTable[] } {
  const placements = new Map<string, VnetPlacement>();
  const vnets = [...estate.vnets].sort((a, b) => a.resource.name.localeCompare(b.resource.name) || a.resource.key.localeCompare(b.resource.key));
  for (const vnet of vnets) {
    const id = names.claim('node', vnet.resource.name);
    if (id !== vnet.resource.name) findings.assume(`VNet ${vnet.resource.id} is site ${id}: its name is taken by another site`);
    const region = vnet.location !== undefined ? { region: vnet.location } : {};
    const site = origins.set<VnetSite>({ kind: 'vnet', id, ...region, addressSpace: vnet.addressSpace, testAddresses: [] }, at(vnet.resource));
    placements.set(vnet.resource.key, { site, vnet, vpnGateway: undefined, erGateway: undefined });
  }
  for (const gw of estate.gateways) placeGateway(gw, placements, findings);
  const wanted = new Set([...applianceNextHops(estate.routeTables), ...routeServerPeerIps(estate.routeServers)]);
  const instances = importAppliances(estate, placements, wanted, names, origins, findings);
  const vmNics = estate.nics.map((nic) => ({ ...nic, ips: nic.ips.filter((ip) => !instances.has(`${idKey(parentId(ip.subnetId))}|${ip.address}`)) }));
  const addresses = testAddresses(placements, vmNics, findings);
  for (const p of placements.values()) p.site.testAddresses = addresses.get(p)!;
  importRouteServers(estate.routeServers, placements, instances, names, findings);
  const { tables, vnets: withTables } = importRouteTables(estate.routeTables, placements, names, origins, findings);
  for (const p of placements.values()) {
    if (!withTables.has(p) && p.site.appliances === undefined && p.site.routeServer === undefined) continue;
    p.site.subnets = p.vnet.subnets.flatMap((s) => {
      if (s.prefixes.length > 1) findings.note(at(p.vnet.resource), 'not-expressible', `subnet ${s.name} has ${s.prefixes.length} prefixes: only ${s.prefixes[0]} is imported`);
      return s.prefixes.length > 0 ? [{ name: s.name, prefix: s.prefixes[0]! }] : [];
    });
  }
  return { placements, routeTables: tables };
}

function placeGateway(gw: Gateway, placements: Map<string, VnetPlacement>, findings: Findings): void {
  const p = placements.get(idKey(gw.vnetId));
  if (!p) {
    findings.problem(at(gw.resource), `its virtual network ${gw.vnetId} is not in the export`, 'export the VNet too: widen the query or add the file');
    return;
  }
  const type = gw.gatewayType.toLowerCase();
  if (type !== 'vpn' && type !== 'expressroute') {
    findings.note(at(gw.resource), 'not-mapped', `gateway type ${gw.gatewayType} is not modelled`);
    return;
  }
  const slot = type === 'vpn' ? 'vpnGateway' : 'erGateway';
  if (p[slot]) {
    findings.note(at(gw.resource), 'not-mapped', `${p.site.id} already has a ${gw.gatewayType} gateway (${p[slot].resource.name}): a VNet has one of each`);
    return;
  }
  p[slot] = gw;
  if (type === 'expressroute') {
    p.site.erGateway = {};
    return;
  }
  if (gw.asn === undefined) findings.assume(`VPN gateway ${gw.resource.name} of ${p.site.id}: no bgpSettings.asn in the export, so Azure's default ${AZURE_GATEWAY_ASN}`);
  const addresses = gw.bgpInstances.map((i) => i.find((a) => addressProblem(a) === undefined));
  const asn = gw.asn ?? AZURE_GATEWAY_ASN;
  if (gw.activeActive && addresses.length === 2) {
    // Active-active: a tunnel (and a failure unit) per instance.
    p.site.vpnGateway = { asn, instances: [instance(addresses[0]), instance(addresses[1])] };
    return;
  }
  p.site.vpnGateway = { asn, ...(addresses[0] !== undefined && { bgpAddress: addresses[0] }) };
  if (gw.activeActive || addresses.length > 1) {
    findings.assume(
      `VPN gateway ${gw.resource.name} of ${p.site.id} is active-active but the export lists ${addresses.length} BGP instance(s) (${gw.bgpInstances.map((i) => i.join('/')).join(' and ') || 'none'}): ` +
        `imported as one instance${addresses[0] !== undefined ? `, ${addresses[0]}` : ''}`,
    );
  }
}

function instance(bgpAddress: string | undefined): { bgpAddress?: string } {
  return bgpAddress === undefined ? {} : { bgpAddress };
}

