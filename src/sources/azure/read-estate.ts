import type { Findings } from '../findings.js';
import { readCircuit } from './circuits.js';
import { readConnection } from './connections.js';
import type { AzureEstate } from './estate.js';
import { field, idKey, isObject, objects, parentId, settings, text, type JsonObject } from './fields.js';
import { readGateway, readLocalGateway } from './gateways.js';
import type { AzureResource } from './read-export.js';
import { readNic, readRouteTable } from './route-tables.js';
import { readRouteServer } from './route-servers.js';
import { at } from './source.js';
import { readVnet } from './virtual-networks.js';

/** Child resource types exported on their own, and the collection of the parent that embeds them. */
const CHILDREN: Record<string, string> = {
  'microsoft.network/virtualnetworks/subnets': 'subnets',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'virtualNetworkPeerings',
  'microsoft.network/expressroutecircuits/peerings': 'peerings',
  'microsoft.network/expressroutecircuits/peerings/connections': 'connections',
  'microsoft.network/virtualhubs/bgpconnections': 'bgpConnections',
  'microsoft.network/virtualhubs/ipconfigurations': 'ipConfigurations',
};

/**
 * Reference fields the importer follows; any other reference (a subnet's network security group, a NIC's
 * public IP or VM) is counted as not followed.
 */
const FOLLOWED = new Set([
  'remotevirtualnetwork', 'subnet', 'subnets', 'virtualnetworkgateway1', 'virtualnetworkgateway2', 'localnetworkgateway2',
  'peer', 'routetable', 'expressroutecircuitpeering', 'peerexpressroutecircuitpeering', 'virtualmachine',
  'bgpconnections', 'ipconfigurations',
]);

/**
 * The estate in a set of exported resources. A resource exported twice (in two files, or as a Resource Graph
 * row and as az output) is read once, from where it appears first. Child resources exported on their own
 * (`az network vnet peering list`) join their parent as ARM embeds them; a child whose parent is not in the
 * export is noted. Resources of types the topology does not use are noted as skipped, one note per type.
 */
export function readEstate(all: readonly AzureResource[], findings: Findings): AzureEstate {
  const resources = distinct(all, findings);
  const children = resources.filter((r) => CHILDREN[r.type] !== undefined);
  const parents = resources.filter((r) => CHILDREN[r.type] === undefined);
  adoptChildren(parents, children, findings);

  const estate: AzureEstate = { vnets: [], gateways: [], connections: [], localGateways: [], circuits: [], routeTables: [], nics: [], routeServers: [] };
  const skipped = new Map<string, AzureResource[]>();
  const unfollowed = new Map<string, Map<string, number>>();
  for (const r of parents) {
    switch (r.type) {
      case 'microsoft.network/virtualnetworks':
        push(estate.vnets, readVnet(r, findings));
        break;
      case 'microsoft.network/virtualnetworkgateways':
        push(estate.gateways, readGateway(r, findings));
        break;
      case 'microsoft.network/connections':
        push(estate.connections, readConnection(r, findings));
        break;
      case 'microsoft.network/localnetworkgateways':
        estate.localGateways.push(readLocalGateway(r));
        break;
      case 'microsoft.network/expressroutecircuits':
        estate.circuits.push(readCircuit(r));
        break;
      case 'microsoft.network/routetables':
        estate.routeTables.push(readRouteTable(r));
        break;
      case 'microsoft.network/networkinterfaces':
        estate.nics.push(readNic(r));
        break;
      case 'microsoft.network/virtualhubs': {
        const routeServer = readRouteServer(r);
        if (routeServer === undefined) {
          findings.note(at(r), 'not-mapped', 'a Virtual WAN hub (it names its virtualWan): Virtual WAN is not modelled');
          continue;
        }
        estate.routeServers.push(routeServer);
        break;
      }
      default:
        skipped.set(r.type, [...(skipped.get(r.type) ?? []), r]);
        continue;
    }
    countUnfollowedReferences(r, unfollowed);
  }
  for (const list of skipped.values()) {
    for (const r of list) findings.note(at(r), 'skipped', `type ${String(r.raw.type)} is not used by the topology`);
  }
  for (const [file, counts] of unfollowed) {
    const list = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} (${n})`).join(', ');
    findings.note({ file }, 'not-mapped', `references not followed, by field: ${list}`);
  }
  return estate;
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

function distinct(all: readonly AzureResource[], findings: Findings): AzureResource[] {
  const first = new Map<string, AzureResource>();
  for (const r of all) {
    const earlier = first.get(r.key);
    if (earlier === undefined) first.set(r.key, r);
    else findings.note(at(r), 'not-mapped', `also exported in ${earlier.file}: read from there`);
  }
  return [...first.values()];
}

/** Children join the parent object (a top-level resource or one embedded in it) their id names. */
function adoptChildren(parents: readonly AzureResource[], children: AzureResource[], findings: Findings): void {
  const byId = new Map<string, JsonObject>();
  for (const p of parents) indexEmbedded(p.raw, byId);
  // Shallow types first: a peering exported on its own can then take its own Global Reach connections.
  children.sort((a, b) => a.type.split('/').length - b.type.split('/').length);
  for (const child of children) {
    const parent = byId.get(idKey(parentId(child.id)));
    if (parent === undefined) {
      findings.note(at(child), 'not-mapped', `its parent ${parentId(child.id)} is not in the export`);
      continue;
    }
    const collection = CHILDREN[child.type]!;
    const s = settings(parent);
    let list = field(s, collection);
    if (!Array.isArray(list)) {
      list = [];
      s[collection] = list;
    }
    const items = list as unknown[];
    if (!items.some((item) => isObject(item) && idKey(text(item, 'id') ?? '') === child.key)) items.push(child.raw);
    indexEmbedded(child.raw, byId);
  }
}

function indexEmbedded(o: JsonObject, byId: Map<string, JsonObject>): void {
  const id = text(o, 'id');
  if (id !== undefined) byId.set(idKey(id), o);
  for (const collection of new Set(Object.values(CHILDREN))) {
    for (const item of objects(settings(o), collection)) indexEmbedded(item, byId);
  }
}

/**
 * References are objects that carry an ARM id but no name (embedded sub-resources have one); those in fields
 * the importer does not follow are counted per file and field.
 */
function countUnfollowedReferences(r: AzureResource, counts: Map<string, Map<string, number>>): void {
  const perFile = counts.get(r.file) ?? new Map<string, number>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
      return;
    }
    if (!isObject(value)) return;
    const id = text(value, 'id');
    if (id?.startsWith('/subscriptions/') && text(value, 'name') === undefined && key !== '') {
      if (!FOLLOWED.has(key.toLowerCase())) perFile.set(key, (perFile.get(key) ?? 0) + 1);
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, k === 'properties' ? key : k);
  };
  walk(r.raw, '');
  if (perFile.size > 0) counts.set(r.file, perFile);
}
