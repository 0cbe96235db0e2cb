import { MSEE_ASN } from '../../model/azure-asns.js';
import { containsAddress, formatAddress, parsePrefix, prefixProblem } from '../../model/prefix.js';
import type { ErCircuit, ErConnection, ErLink, GlobalReach } from '../../model/topology.js';
import type { AzureEstate, Circuit, PrivatePeering } from '../azure/estate.js';
import { idKey, parentId } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { BgpSession, CeRouterSource } from './ce-routers.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { PolicyJob } from './policy-job.js';
import type { VnetPlacement } from './vnet-sites.js';

const ROLES = ['primary', 'secondary'] as const;

interface Claim {
  router: CeRouterSource;
  session: BgpSession;
}

export interface CircuitsBuilt {
  circuits: ErCircuit[];
  globalReach: GlobalReach[];
  jobs: PolicyJob[];
}

/**
 * ExpressRoute circuits with their links and VNet connections. Each link of the private peering is a /30: the
 * CE takes its first usable address and the MSEE the second, so a CE whose BGP neighbour is the MSEE's address
 * is that link's CE. A link no configuration peers over is imported as disabled (attached to the other link's
 * CE); a circuit no configuration peers with has no links. Connections come from ExpressRoute connection
 * resources (`peer` = the circuit), Global Reach from the private peering's circuit connections.
 */
export function buildCircuits(
  estate: AzureEstate,
  placements: Map<string, VnetPlacement>,
  routers: readonly CeRouterSource[],
  names: Names,
  origins: Origins,
  findings: Findings,
): CircuitsBuilt {
  const jobs: PolicyJob[] = [];
  const circuits = [...estate.circuits].sort((a, b) => a.resource.name.localeCompare(b.resource.name));
  const byKey = new Map<string, { circuit: Circuit; built: ErCircuit }>();
  for (const circuit of circuits) {
    const name = names.claim('circuit', circuit.resource.name);
    const bandwidth = circuit.bandwidthMbps !== undefined ? { bandwidthMbps: circuit.bandwidthMbps } : {};
    const built: ErCircuit = origins.set({ name, ...sku(circuit, findings), ...bandwidth, links: [], connections: [] }, at(circuit.resource));
    built.links = links(circuit, name, routers, jobs, names, origins, findings);
    byKey.set(circuit.resource.key, { circuit, built });
  }
  connect(estate, placements, byKey, names, origins, findings);
  return { circuits: [...byKey.values()].map((c) => c.built), globalReach: globalReach(byKey, names, origins, findings), jobs };
}

function sku(circuit: Circuit, findings: Findings): Pick<ErCircuit, 'sku'> {
  const tier = circuit.tier?.toLowerCase();
  if (tier === 'standard') return { sku: 'Standard' };
  if (tier === 'premium') return { sku: 'Premium' };
  findings.assume(`circuit ${circuit.resource.name}: SKU tier ${circuit.tier ?? '(none in the export)'} is read as Standard (the format knows Standard and Premium)`);
  return { sku: 'Standard' };
}

function links(circuit: Circuit, name: string, routers: readonly CeRouterSource[], jobs: PolicyJob[], names: Names, origins: Origins, findings: Findings): ErLink[] {
  const peering = circuit.privatePeering;
  if (!peering) {
    findings.note(at(circuit.resource), 'not-mapped', 'the circuit has no AzurePrivatePeering: no link to on-premises is imported');
    return [];
  }
  const slots = ROLES.flatMap((role) => {
    const subnetText = peering[role];
    const subnet = subnetText === undefined ? undefined : linkSubnet(subnetText, role, circuit, findings);
    if (subnet === undefined) return [];
    const msee = subnet.net + 2;
    noteStrays(routers, subnet, msee, role, circuit, findings);
    const claims = routers.flatMap((router) => router.sessions.filter((s) => s.neighbor.address === msee).map((session) => ({ router, session })));
    if (claims.length > 1) {
      findings.note(at(circuit.resource), 'not-mapped', `${role} link: ${claims.map((c) => c.router.id).join(' and ')} all peer with the MSEE at ${formatAddress(msee)}; ${claims[0]!.router.id} is imported`);
    }
    const link: ErLink = { name: names.claim('er-link', `${name}-${role}`), role, ce: claims[0]?.router.id ?? '', ceAddress: formatAddress(subnet.net + 1), mseeAddress: formatAddress(msee) };
    return [{ link, claim: claims[0] }];
  });
  const ce = slots.find((slot) => slot.claim)?.claim?.router.id;
  if (ce === undefined) {
    findings.assume(`circuit ${name}: no CE configuration peers with its MSEE (${ROLES.map((r) => peering[r] ?? '-').join(', ')}), so it has no links: on-premises sites behind it are unknown`);
    return [];
  }
  for (const { link, claim } of slots) {
    if (claim === undefined) {
      Object.assign(link, { ce, enabled: false });
      origins.set(link, at(circuit.resource));
      findings.assume(`er-link ${link.name} is imported as disabled, attached to ${ce}: no CE configuration peers with the MSEE at ${link.mseeAddress}`);
      continue;
    }
    const down = linkDown(claim, peering);
    if (down !== undefined) {
      link.enabled = false;
      findings.assume(`er-link ${link.name} is imported as disabled: ${down} (${claim.router.file} line ${claim.session.neighbor.line})`);
    }
    jobs.push({ router: claim.router, session: claim.session, apply: (policy) => { link.cePolicy = policy; } });
    origins.set(link, { file: claim.router.file, line: claim.session.neighbor.line });
  }
  return slots.map((slot) => slot.link);
}

/** A link subnet is a /30 (Azure's rule for IPv4 private peering). */
function linkSubnet(text: string, role: string, circuit: Circuit, findings: Findings): { net: number; len: number } | undefined {
  const problem = prefixProblem(text) ?? (parsePrefix(text).len === 30 ? undefined : 'it is not a /30');
  if (problem === undefined) return parsePrefix(text);
  findings.problem(at(circuit.resource), `${role}PeerAddressPrefix "${text}" is not a link subnet: ${problem}`, 'private peering links are /30 subnets: check the export');
  return undefined;
}

/** A CE neighbour inside the /30 but not at the MSEE's address is a configuration mistake worth saying. */
function noteStrays(routers: readonly CeRouterSource[], subnet: { net: number; len: number }, msee: number, role: string, circuit: Circuit, findings: Findings): void {
  for (const router of routers) {
    for (const s of router.sessions) {
      if (s.neighbor.address === msee || !containsAddress(subnet, s.neighbor.address)) continue;
      findings.note({ file: router.file, line: s.neighbor.line }, 'not-mapped',
        `neighbor ${formatAddress(s.neighbor.address)} is in circuit ${circuit.resource.name}'s ${role} subnet but is not the MSEE's address ${formatAddress(msee)} (the second usable): not matched`);
    }
  }
}

function linkDown(claim: Claim, peering: PrivatePeering): string | undefined {
  if (claim.session.down !== undefined) return claim.session.down;
  if (peering.state?.toLowerCase() === 'disabled') return 'the private peering is Disabled';
  if (claim.session.remoteAs !== MSEE_ASN) return `remote-as ${claim.session.remoteAs}, but the MSEE's ASN is ${MSEE_ASN}`;
  if (peering.peerAsn !== undefined && peering.peerAsn !== claim.router.bgp.asn) {
    return `the peering's peer ASN is ${peering.peerAsn}, the router's ${claim.router.bgp.asn}`;
  }
  return undefined;
}

/** ExpressRoute connections: an ER gateway's VNet on a circuit, with its routing weight. */
function connect(
  estate: AzureEstate,
  placements: Map<string, VnetPlacement>,
  circuits: Map<string, { circuit: Circuit; built: ErCircuit }>,
  names: Names,
  origins: Origins,
  findings: Findings,
): void {
  const gateways = new Map(estate.gateways.map((g) => [g.resource.key, g]));
  const ers = estate.connections.filter((c) => c.connectionType.toLowerCase() === 'expressroute');
  for (const c of ers.sort((a, b) => a.resource.name.localeCompare(b.resource.name))) {
    const gw = gateways.get(idKey(c.gateway1Id));
    const circuit = c.circuitId === undefined ? undefined : circuits.get(idKey(c.circuitId));
    if (!gw || !circuit) {
      const missing = !gw ? `its gateway ${c.gateway1Id}` : `its circuit ${c.circuitId ?? '(no peer.id)'}`;
      findings.problem(at(c.resource), `${missing} is not in the export`, 'export it too: widen the query or add the file');
      continue;
    }
    if (gw.gatewayType.toLowerCase() !== 'expressroute') {
      findings.problem(at(c.resource), `its gateway ${gw.resource.name} is a ${gw.gatewayType} gateway, not an ExpressRoute one`, 'check the export');
      continue;
    }
    const vnet = placements.get(idKey(gw.vnetId));
    if (!vnet || vnet.erGateway !== gw) continue; // a gateway without its VNet is reported where it is placed
    const conn: ErConnection = { name: names.claim('er-conn', c.resource.name), vnet: vnet.site.id, ...(c.routingWeight > 0 && { weight: c.routingWeight }) };
    circuit.built.connections.push(origins.set(conn, at(c.resource)));
  }
}

/** Global Reach: one unit per pair of circuits, whichever side the connection was created on. */
function globalReach(circuits: Map<string, { circuit: Circuit; built: ErCircuit }>, names: Names, origins: Origins, findings: Findings): GlobalReach[] {
  const result: GlobalReach[] = [];
  const pairs = new Set<string>();
  for (const { circuit, built } of circuits.values()) {
    for (const gr of circuit.privatePeering?.globalReach ?? []) {
      const peerId = gr.peerPeeringId === undefined ? undefined : parentId(gr.peerPeeringId);
      const other = peerId === undefined ? undefined : circuits.get(idKey(peerId));
      if (!other) {
        findings.note(at(circuit.resource), 'not-mapped', `Global Reach connection ${gr.name}: the other circuit ${peerId ?? '(none named)'} is not in the export`);
        continue;
      }
      const pair = [built.name, other.built.name].sort();
      if (pairs.has(pair.join('\n'))) continue;
      pairs.add(pair.join('\n'));
      result.push(origins.set({ name: names.claim('global-reach', gr.name), circuits: [built.name, other.built.name] }, at(circuit.resource)));
    }
  }
  return result;
}
