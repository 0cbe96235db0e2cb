import { readFileSync } from 'node:fs';
import { containsAddress, parseAddress, parsePrefix } from '../../src/model/prefix.js';
import type { ErCircuit, Topology } from '../../src/model/topology.js';

/**
 * How the seed's names (scenarios/azure-interop.json, used by test/cases/seed.expected.ts) translate to an
 * imported topology's, found without using any name: a seed site is the imported site that holds its test
 * address; a circuit is the one that connects the same sites; a link is the circuit's link of the same role; a
 * CE is the one on the corresponding link or VPN connection; a unit is the one between the same endpoints.
 */
export interface SeedMapping {
  site(id: string): string;
  /** Any node name of the seed: a site, `hub/ergw`, `er1/msee`, a CE id. */
  node(name: string): string;
  unit(id: string): string;
}

export const SEED_TOPOLOGY = JSON.parse(readFileSync(new URL('../../scenarios/azure-interop.json', import.meta.url), 'utf8')) as Topology;

export function seedMapping(imported: Topology, seed: Topology = SEED_TOPOLOGY): SeedMapping {
  const sites = new Map<string, string>();
  for (const s of seed.sites) {
    const address = parseAddress(s.testAddresses[0]!);
    const home = imported.sites.find((t) => (t.kind === 'vnet' ? t.addressSpace : t.prefixes).some((p) => containsAddress(parsePrefix(p), address)));
    if (!home) throw new Error(`no imported site holds ${s.id}'s test address ${s.testAddresses[0]}`);
    sites.set(s.id, home.id);
  }
  const site = (id: string) => sites.get(id) ?? fail(`unknown seed site ${id}`);
  const siteOfCe = (t: Topology, ce: string) => t.sites.find((s) => s.kind === 'onprem' && s.routers.some((r) => r.id === ce))!.id;

  // Circuits by what they join: the (mapped) VNets of their connections and sites of their links' CEs.
  const signature = (t: Topology, c: ErCircuit, mapSite: (id: string) => string) =>
    [...c.connections.map((k) => mapSite(k.vnet)), '|', ...c.links.map((l) => mapSite(siteOfCe(t, l.ce)))].sort().join(',');
  const circuits = new Map<string, ErCircuit>();
  for (const c of seed.erCircuits ?? []) {
    const match = (imported.erCircuits ?? []).find((i) => signature(imported, i, (x) => x) === signature(seed, c, site));
    circuits.set(c.name, match ?? fail(`no imported circuit joins what ${c.name} joins`));
  }

  const ces = new Map<string, string>();
  const claimCe = (seedCe: string, importedCe: string) => {
    if ((ces.get(seedCe) ?? importedCe) !== importedCe) fail(`${seedCe} maps to both ${ces.get(seedCe)} and ${importedCe}`);
    ces.set(seedCe, importedCe);
  };
  const units = new Map<string, string>();
  for (const c of seed.erCircuits ?? []) {
    const ic = circuits.get(c.name)!;
    units.set(`circuit:${c.name}`, ic.name);
    for (const l of c.links) {
      const il = ic.links.find((x) => x.role === l.role) ?? fail(`${ic.name} has no ${l.role} link`);
      units.set(`er-link:${l.name}`, `er-link:${il.name}`);
      claimCe(l.ce, il.ce);
    }
    for (const k of c.connections) {
      const ik = ic.connections.find((x) => x.vnet === site(k.vnet)) ?? fail(`${ic.name} has no connection to ${site(k.vnet)}`);
      units.set(`er-conn:${k.name}`, `er-conn:${ik.name}`);
    }
  }
  const vpnEnds = (t: Topology, v: NonNullable<Topology['vpnConnections']>[number], mapSite: (id: string) => string) =>
    [mapSite(v.gateway), mapSite('vnet' in v.peer ? v.peer.vnet : siteOfCe(t, v.peer.ce))].sort().join(',');
  for (const v of seed.vpnConnections ?? []) {
    const iv = (imported.vpnConnections ?? []).find((x) => vpnEnds(imported, x, (id) => id) === vpnEnds(seed, v, site)) ?? fail(`no imported VPN connection for ${v.name}`);
    units.set(`vpn:${v.name}`, `vpn:${iv.name}`);
    if ('ce' in v.peer && 'ce' in iv.peer) claimCe(v.peer.ce, iv.peer.ce);
  }
  for (const p of seed.peerings ?? []) {
    const ends = p.sides.map((s) => site(s.vnet)).sort().join(',');
    const ip = (imported.peerings ?? []).find((x) => x.sides.map((s) => s.vnet).sort().join(',') === ends) ?? fail(`no imported peering for ${p.name}`);
    units.set(`peering:${p.name}`, `peering:${ip.name}`);
  }

  return {
    site,
    unit: (id) => units.get(id) ?? fail(`unknown seed unit ${id}`),
    node: (name) => {
      const [head, tail] = name.split('/') as [string, string | undefined];
      if (tail === 'msee') return `${units.get(`circuit:${head}`) ?? fail(`unknown circuit ${head}`)}/msee`;
      if (tail !== undefined) return `${site(head)}/${tail}`;
      return sites.get(head) ?? ces.get(head) ?? fail(`unknown seed node ${name}`);
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}
