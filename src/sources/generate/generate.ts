import { AZURE_GATEWAY_ASN } from '../../model/azure-asns.js';
/**
 * `whatif generate`: deterministic synthetic hybrid Azure estates, for benchmarks and demos.
 *
 * Shape: one hub VNet per region (ER + VPN gateway) with gateway-transit spokes; on-prem sites on their own ER
 * circuit (primary + secondary link) with an S2S BGP VPN backup to their home hub; circuits linked to several
 * hubs; a few remote VNets (ER gateway only) sharing circuits; VPN-only branch VNets; Global Reach pairs.
 * Every second region's hub is a firewall hub: an HA pair of firewall instances behind a load balancer, a
 * GatewaySubnet route table sending each spoke's traffic from the gateways to it, and the spokes' subnets
 * sending everything to it with gateway route propagation off (Azure Firewall's hybrid-network tutorial).
 * Imperfections found in real estates are sprinkled in on purpose: a few sites without the CE local-preference
 * policy and a few single-link circuits.
 *
 * Pure: the same preset and seed always give the same topology (a seeded mulberry32, no clock, no Math.random).
 */

import type {
  CeRouter,
  ErCircuit,
  ErLink,
  GlobalReach,
  NamedRouteTable,
  NeighborPolicy,
  OnPremSite,
  Peering,
  Topology,
  VnetSite,
  VpnConnection,
} from '../../model/topology.js';
import { formatAddress } from '../../model/prefix.js';
import { mulberry32 } from './seeded-random.js';

export type GeneratePreset = 'S' | 'M' | 'L' | 'XL';

export const GENERATE_PRESETS: readonly GeneratePreset[] = ['S', 'M', 'L', 'XL'];

export interface GenerateOptions {
  preset: GeneratePreset;
  /** Any integer; default 1. */
  seed?: number;
}

/** How many of each building block a preset holds. Tuned so that sites and failure units land near the targets. */
interface PresetShape {
  regions: number;
  onPremSites: number;
  /** The first sites are data centres: two CEs, and a circuit linked to every hub. */
  coreSites: number;
  spokes: number;
  branchVnets: number;
  remoteVnets: number;
  globalReachPairs: number;
  /** Sites whose CE misses the inbound local-preference 200 (the asymmetric-routing finding). */
  sitesWithoutLocalPref: number;
  /** Circuits with only one working link (the SLA finding): half without a secondary, half with it disabled. */
  singleLinkCircuits: number;
}

// Targets (sites / failure units): S ~20 / -, M ~100 / ~150, L ~500 / ~600, XL ~2,000 / -.
// A spoke or branch adds one site and one unit; an on-prem site adds ~4.5 units (links, connections, VPN).
const PRESETS: Record<GeneratePreset, PresetShape> = {
  S: {
    regions: 2, onPremSites: 6, coreSites: 1, spokes: 9, branchVnets: 2, remoteVnets: 1,
    globalReachPairs: 1, sitesWithoutLocalPref: 1, singleLinkCircuits: 1,
  },
  M: {
    regions: 3, onPremSites: 14, coreSites: 2, spokes: 76, branchVnets: 4, remoteVnets: 3,
    globalReachPairs: 3, sitesWithoutLocalPref: 2, singleLinkCircuits: 2,
  },
  L: {
    regions: 6, onPremSites: 26, coreSites: 2, spokes: 452, branchVnets: 10, remoteVnets: 6,
    globalReachPairs: 5, sitesWithoutLocalPref: 3, singleLinkCircuits: 3,
  },
  XL: {
    regions: 10, onPremSites: 100, coreSites: 3, spokes: 1862, branchVnets: 20, remoteVnets: 8,
    globalReachPairs: 12, sitesWithoutLocalPref: 8, singleLinkCircuits: 8,
  },
};

/** Azure regions, paired by geography: a Standard circuit only links VNets in its own geography. */
const AZURE_REGIONS: readonly { name: string; geo: string }[] = [
  { name: 'westeurope', geo: 'europe' },
  { name: 'northeurope', geo: 'europe' },
  { name: 'eastus2', geo: 'us' },
  { name: 'centralus', geo: 'us' },
  { name: 'uksouth', geo: 'uk' },
  { name: 'ukwest', geo: 'uk' },
  { name: 'southeastasia', geo: 'asia' },
  { name: 'eastasia', geo: 'asia' },
  { name: 'australiaeast', geo: 'australia' },
  { name: 'australiasoutheast', geo: 'australia' },
  { name: 'japaneast', geo: 'japan' },
  { name: 'japanwest', geo: 'japan' },
];

// Azure limits the design respects (azure-routing-rules.md section 7).
const STANDARD_VNET_LINKS = 10;
/** Premium allows 20 to 100 links by bandwidth; the generator stays under the smallest. */
const PREMIUM_VNET_LINKS = 20;

/** CE ASNs: 64600 + site number (2-byte private), below the branch range; some sites use 4-byte private ASNs. */
const CE_ASN_BASE = 64600;
const CE_ASN4_BASE = 4_200_000_000;
/** Branch VPN gateways: 65100 + branch number, distinct from the hubs' 65515 and from every CE. */
const BRANCH_ASN_BASE = 65100;

const MAX_VNETS_PER_REGION = 252; // 10.<r>.4.0/24 .. 10.<r>.255.0/24
const MAX_ONPREM_SITES = 256; // /20 chunks of 172.16.0.0/12

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    const uint32 = mulberry32(seed);
    this.next = () => uint32() / 4294967296;
  }
  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** `count` distinct items, in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + this.below(copy.length - i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
}

interface Region {
  /** 1-based: the second octet of the region's 10.<r>.0.0/16. */
  index: number;
  id: string;
  azureName: string;
  geo: string;
  hub: string;
  /** Next free /24 (third octet) for a spoke, branch or remote VNet. */
  nextBlock: number;
  /** A firewall hub: the address its spokes' and its GatewaySubnet's routes send traffic to. */
  firewall: string | undefined;
  /** The region's spokes, by id and address space. */
  spokes: { id: string; prefix: string }[];
}

/** Every second region's hub (r2, r4, ...) is a firewall hub; no random draw, so the rest of an estate is as before. */
const FIREWALL_EVERY = 2;

/** Where an ER gateway's per-connection tunnel endpoints are allocated from. */
interface GatewayPool {
  prefix: string; // first three octets
  next: number;
  last: number;
}

interface Circuit {
  circuit: ErCircuit;
  site: string;
  region: Region;
  globalReach: number;
}

/** Mutable state shared by the building blocks while one topology is assembled. */
interface Builder {
  rng: Rng;
  shape: PresetShape;
  regions: Region[];
  vnetRegion: Map<string, Region>;
  gatewayPools: Map<string, GatewayPool>;
  vnets: VnetSite[];
  onPrem: OnPremSite[];
  peerings: Peering[];
  vpnConnections: VpnConnection[];
  circuits: Circuit[];
  globalReach: GlobalReach[];
  branchCount: number;
}

export function generateTopology(options: GenerateOptions): Topology {
  const shape = PRESETS[options.preset];
  if (shape === undefined) throw new Error(`unknown preset "${String(options.preset)}" (use S, M, L or XL)`);
  const seed = Math.trunc(options.seed ?? 1);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${String(options.seed)}`);
  checkCapacity(shape);

  const b: Builder = {
    // Mix the preset into the state so S and M with one seed do not share their first draws.
    rng: new Rng((seed ^ Math.imul(GENERATE_PRESETS.indexOf(options.preset) + 1, 0x9e3779b9)) >>> 0),
    shape,
    regions: [],
    vnetRegion: new Map(),
    gatewayPools: new Map(),
    vnets: [],
    onPrem: [],
    peerings: [],
    vpnConnections: [],
    circuits: [],
    globalReach: [],
    branchCount: 0,
  };

  for (let r = 1; r <= shape.regions; r++) b.regions.push(addRegion(b, r));
  // Spread VNets evenly so that no region outgrows its /16.
  spread(shape.spokes, b.regions, (region, n) => addSpoke(b, region, n));
  spread(shape.branchVnets, b.regions, (region, n) => addBranch(b, region, n));
  const remotes: string[] = [];
  spread(shape.remoteVnets, b.regions, (region, n) => remotes.push(addRemote(b, region, n)));

  addOnPremSites(b);
  for (const remote of remotes) linkRemote(b, remote);
  const routeTables = b.regions.flatMap(firewallRouteTables);
  addGlobalReachPairs(b);
  const circuitGeo = new Map(b.circuits.map((c) => [c.circuit.name, c.region.geo]));
  for (const c of b.circuits) c.circuit.sku = needsPremium(b, c, circuitGeo) ? 'Premium' : 'Standard';

  // Sites grouped by region (hub, spokes, branches, remotes), then on-prem: readable matrix order.
  // The sort is stable: within a region, VNets keep their creation order.
  const vnets = [...b.vnets].sort((x, y) => regionOf(b, x.id).index - regionOf(b, y.id).index);
  return {
    name: `synthetic-${options.preset.toLowerCase()}-seed-${seed}`,
    description:
      `Synthetic hybrid Azure estate generated by \`whatif generate --preset ${options.preset} --seed ${seed}\`: ` +
      `${count(shape.regions, 'region')} with a hub and gateway-transit spokes (${count(shape.spokes, 'spoke')}), ` +
      `${count(shape.onPremSites, 'on-premises site')} on their own ExpressRoute circuits with S2S VPN backup, ` +
      `${count(shape.remoteVnets, 'remote VNet')}, ${count(shape.branchVnets, 'VPN branch VNet')} and ` +
      `${count(shape.globalReachPairs, 'Global Reach pair')}. Not a real network.`,
    assumptions: assumptions(options.preset, seed, b),
    sites: [...vnets, ...b.onPrem],
    peerings: b.peerings,
    vpnConnections: b.vpnConnections,
    erCircuits: b.circuits.map((c) => c.circuit),
    globalReach: b.globalReach,
    ...(routeTables.length > 0 && { routeTables }),
  };
}

function assumptions(preset: GeneratePreset, seed: number, b: Builder): string[] {
  const geos = [...new Set(b.regions.map((r) => `${r.azureName} (${r.geo})`))].join(', ');
  return [
    `Synthetic: generated deterministically from preset ${preset} and seed ${seed}; no element comes from a real estate.`,
    `Regions r1..r${b.regions.length} stand for ${geos}; regions of one geography are a pair.`,
    'Addressing: region r owns 10.r.0.0/16 (hub 10.r.0.0/22 with its GatewaySubnet in 10.r.3.0/24, other VNets one /24 each); ' +
      'on-premises site n owns the n-th /20 of 172.16.0.0/12; ER links use /30s from 192.168.0.0/16.',
    `ASNs: hub gateways ${AZURE_GATEWAY_ASN}; site n's CE routers 64600+n (a few sites use 4-byte private ASNs 4200000000+n); ` +
      `branch VPN gateways ${BRANCH_ASN_BASE}+n.`,
    'CE routers set local-preference 200 on routes from the MSEE and send only their site prefixes (exact prefix-list) ' +
      `on every session, except ${count(b.shape.sitesWithoutLocalPref, 'site')} without the local-preference policy, as found in real estates.`,
    `${count(b.shape.singleLinkCircuits, 'circuit')} on a single link (secondary missing or administratively disabled).`,
    `A circuit is Premium when it links a VNet or a Global Reach peer outside its geography, or more than ${STANDARD_VNET_LINKS} ` +
      `links (VNets + Global Reach); Premium circuits stay within ${PREMIUM_VNET_LINKS} links, the smallest Premium allowance.`,
    'The first sites are data centres whose circuits link every hub; other circuits link their home hub and sometimes ' +
      'the paired region or a hub in another geography.',
    `Firewall hubs (every ${FIREWALL_EVERY === 2 ? 'second' : `${FIREWALL_EVERY}th`} region: ${b.regions.filter((r) => r.firewall).map((r) => r.hub).join(', ') || 'none'}): ` +
      'an HA pair of firewall instances (10.r.1.5, 10.r.1.6) behind a load balancer (10.r.1.4) in the AzureFirewallSubnet; ' +
      'the GatewaySubnet routes each spoke\'s range to the load balancer, the spokes route 0.0.0.0/0 to it with gateway route propagation off.',
  ];
}

function checkCapacity(shape: PresetShape): void {
  if (shape.regions > AZURE_REGIONS.length) throw new Error(`at most ${AZURE_REGIONS.length} regions`);
  if (shape.onPremSites > MAX_ONPREM_SITES) throw new Error(`at most ${MAX_ONPREM_SITES} on-premises sites`);
  const perRegion = Math.ceil(shape.spokes / shape.regions) + Math.ceil(shape.branchVnets / shape.regions) +
    Math.ceil(shape.remoteVnets / shape.regions);
  if (perRegion > MAX_VNETS_PER_REGION) throw new Error(`at most ${MAX_VNETS_PER_REGION} VNets per region`);
}

/** Deals `count` items round-robin over the regions; `n` is the item's 1-based number within its region. */
function spread(count: number, regions: Region[], add: (region: Region, n: number) => void): void {
  const perRegion = new Map<Region, number>();
  for (let i = 0; i < count; i++) {
    const region = regions[i % regions.length] as Region;
    const n = (perRegion.get(region) ?? 0) + 1;
    perRegion.set(region, n);
    add(region, n);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function regionOf(b: Builder, vnet: string): Region {
  const region = b.vnetRegion.get(vnet);
  if (region === undefined) throw new Error(`no region for ${vnet}`);
  return region;
}

function nextVnetBlock(region: Region): string {
  if (region.nextBlock > 255) throw new Error(`region ${region.id} has no free /24 left`);
  return `10.${region.index}.${region.nextBlock++}`;
}

/** Next free ER gateway tunnel endpoint of a VNet: one per circuit connection. */
function nextGatewayAddress(b: Builder, vnet: string): string {
  const pool = b.gatewayPools.get(vnet);
  if (pool === undefined) throw new Error(`${vnet} has no ER gateway`);
  if (pool.next > pool.last) throw new Error(`${vnet} has no free gateway address left`);
  return `${pool.prefix}.${pool.next++}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Azure side

/** A region and its hub: the only VNet with both gateways; spokes reach on-prem through it. */
function addRegion(b: Builder, index: number): Region {
  const azure = AZURE_REGIONS[index - 1];
  if (azure === undefined) throw new Error(`no Azure region #${index}`);
  const id = `r${index}`;
  const firewall = index % FIREWALL_EVERY === 0 ? `10.${index}.1.4` : undefined;
  const region: Region = { index, id, azureName: azure.name, geo: azure.geo, hub: `${id}-hub`, nextBlock: 4, firewall, spokes: [] };
  const gw = `10.${index}.3`; // GatewaySubnet
  b.vnets.push({
    kind: 'vnet',
    id: region.hub,
    role: `hub (${azure.name})`,
    addressSpace: [`10.${index}.0.0/22`],
    testAddresses: [`10.${index}.0.4`],
    erGateway: { address: `${gw}.4` },
    vpnGateway: { asn: AZURE_GATEWAY_ASN, bgpAddress: `${gw}.254`, address: `${gw}.5` },
    ...(firewall !== undefined && {
      subnets: [
        { name: 'vms', prefix: `10.${index}.0.0/24` },
        { name: 'AzureFirewallSubnet', prefix: `10.${index}.1.0/26` },
        { name: 'GatewaySubnet', prefix: `${gw}.0/24` },
      ],
      appliances: [{
        name: `${region.hub}-fw`,
        subnet: 'AzureFirewallSubnet',
        instances: [{ address: `10.${index}.1.5` }, { address: `10.${index}.1.6` }],
        loadBalancerAddress: firewall,
      }],
    }),
  });
  b.vnetRegion.set(region.hub, region);
  b.gatewayPools.set(region.hub, { prefix: gw, next: 10, last: 250 });
  return region;
}

/** A spoke uses the hub's gateways (gateway transit), so the hub advertises it to ER and VPN. */
function addSpoke(b: Builder, region: Region, n: number): void {
  const id = `${region.id}-spoke-${pad(n, 3)}`;
  const block = nextVnetBlock(region);
  b.vnets.push({
    kind: 'vnet',
    id,
    role: 'spoke',
    addressSpace: [`${block}.0/24`],
    testAddresses: [`${block}.4`],
    ...(region.firewall !== undefined && { subnets: [{ name: 'workload', prefix: `${block}.0/24` }] }),
  });
  region.spokes.push({ id, prefix: `${block}.0/24` });
  b.vnetRegion.set(id, region);
  b.peerings.push({
    name: `${region.hub}-${id}`,
    sides: [
      { vnet: region.hub, allowGatewayTransit: true },
      { vnet: id, useRemoteGateways: true },
    ],
  });
}

/** A VPN-only branch VNet: its own gateway ASN, BGP VNet-to-VNet connection to its region's hub. */
function addBranch(b: Builder, region: Region, n: number): void {
  const id = `${region.id}-branch-${pad(n, 2)}`;
  const block = nextVnetBlock(region);
  b.branchCount++;
  b.vnets.push({
    kind: 'vnet',
    id,
    role: 'branch',
    addressSpace: [`${block}.0/24`],
    testAddresses: [`${block}.4`],
    vpnGateway: { asn: BRANCH_ASN_BASE + b.branchCount, bgpAddress: `${block}.254`, address: `${block}.228` },
  });
  b.vnetRegion.set(id, region);
  b.vpnConnections.push({ name: `${region.hub}-${id}`, gateway: region.hub, peer: { vnet: id }, bgp: true });
}

/** A remote VNet: ER gateway only, not peered to the hub; it shares on-prem circuits (linked later). */
function addRemote(b: Builder, region: Region, n: number): string {
  const id = `${region.id}-remote-${pad(n, 2)}`;
  const block = nextVnetBlock(region);
  b.vnets.push({
    kind: 'vnet',
    id,
    role: 'remote',
    addressSpace: [`${block}.0/24`],
    testAddresses: [`${block}.4`],
    erGateway: { address: `${block}.228` },
  });
  b.vnetRegion.set(id, region);
  b.gatewayPools.set(id, { prefix: block, next: 229, last: 253 });
  return id;
}

/**
 * A firewall hub's route tables: on its GatewaySubnet a route per spoke (exactly the spoke's range: a shorter one
 * would lose to the spoke's longer peering route), and on its spokes' subnets 0.0.0.0/0 with propagation off.
 */
function firewallRouteTables(region: Region): NamedRouteTable[] {
  const firewall = region.firewall;
  if (firewall === undefined || region.spokes.length === 0) return [];
  const via = { nextHopType: 'VirtualAppliance' as const, nextHopAddress: firewall };
  return [
    {
      name: `${region.hub}-gateway-subnet`,
      subnets: [`${region.hub}/GatewaySubnet`],
      routes: region.spokes.map((s) => ({ name: `to-${s.id}`, prefix: s.prefix, ...via })),
    },
    {
      name: `${region.id}-spokes`,
      subnets: region.spokes.map((s) => `${s.id}/workload`),
      disableBgpRoutePropagation: true,
      routes: [{ name: 'to-firewall', prefix: '0.0.0.0/0', ...via }],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// On-premises side

interface SiteTraits {
  core: boolean;
  localPref: boolean;
  /** 'dual': both links up; 'absent': no secondary; 'disabled': secondary administratively down. */
  links: 'dual' | 'absent' | 'disabled';
}

/** Decides which sites carry the imperfections first, so every preset shows each of them. */
function addOnPremSites(b: Builder): void {
  const { onPremSites, coreSites, sitesWithoutLocalPref, singleLinkCircuits } = b.shape;
  const ordinary = Array.from({ length: onPremSites - coreSites }, (_, i) => coreSites + 1 + i);
  const flawed = b.rng.sample(ordinary, sitesWithoutLocalPref + singleLinkCircuits);
  const noLocalPref = new Set(flawed.slice(0, sitesWithoutLocalPref));
  const singleLink = flawed.slice(sitesWithoutLocalPref);
  const absent = new Set(singleLink.filter((_, i) => i % 2 === 0));
  const disabled = new Set(singleLink.filter((_, i) => i % 2 === 1));

  for (let n = 1; n <= onPremSites; n++) {
    const core = n <= coreSites;
    // Data centres sit in the first regions; other sites pick a home region at random.
    const region = core ? (b.regions[(n - 1) % b.regions.length] as Region) : b.rng.pick(b.regions);
    const links = absent.has(n) ? 'absent' : disabled.has(n) ? 'disabled' : 'dual';
    addOnPremSite(b, n, region, { core, localPref: !noLocalPref.has(n), links });
  }
}

/** An on-prem site: LAN, one or two CE routers, its ER circuit and the S2S VPN backup to its home hub. */
function addOnPremSite(b: Builder, n: number, region: Region, traits: SiteTraits): void {
  const id = `site-${pad(n, 3)}`;
  // Site n owns the n-th /20 of 172.16.0.0/12: a /21 LAN, sometimes a second /22.
  const base = 0xac100000 + (n - 1) * 4096; // 172.16.0.0
  const at = (offset: number): string => formatAddress(base + offset);
  const prefixes = [`${at(0)}/21`];
  if (traits.core || b.rng.chance(0.3)) prefixes.push(`${at(2048)}/22`);

  const asn = n < 500 && !b.rng.chance(0.15) ? CE_ASN_BASE + n : CE_ASN4_BASE + n;
  // Two CEs for data centres and for most dual-link sites; single-link sites have one.
  const ceCount = traits.core || (traits.links === 'dual' && b.rng.chance(0.6)) ? 2 : 1;
  const routers: CeRouter[] = [];
  for (let k = 1; k <= ceCount; k++) {
    const ce: CeRouter = {
      id: `${id}-ce${k}`,
      asn,
      routerId: at(252 + k),
      address: at(1 + k),
      networks: [...prefixes],
    };
    // One CE holding both links load-shares over them.
    if (ceCount === 1 && traits.links === 'dual') ce.maximumPaths = 2;
    routers.push(ce);
  }
  b.onPrem.push({
    kind: 'onprem',
    id,
    role: traits.core ? 'data centre' : 'site',
    prefixes,
    testAddresses: [at(10)],
    address: at(1),
    routers,
  });

  const ce1 = routers[0] as CeRouter;
  const ce2 = routers[1] ?? ce1;
  addCircuit(b, id, region, prefixes, ce1, ce2, traits);
  b.vpnConnections.push({
    name: `${region.hub}-${id}`,
    gateway: region.hub,
    peer: { ce: ce1.id, address: at(125), policy: { outbound: { prefixList: [...prefixes] } } },
    bgp: true,
  });
}

/** The site's circuit: links to its CEs, connections to its home hub and, for some, other hubs. */
function addCircuit(
  b: Builder, site: string, region: Region, prefixes: string[], ce1: CeRouter, ce2: CeRouter, traits: SiteTraits,
): void {
  const name = `er-${site}`;
  const index = b.circuits.length;
  // Without the local-preference 200 the CE prefers the VPN copy of Azure routes (shorter AS path).
  const policy = (): NeighborPolicy => ({
    ...(traits.localPref ? { inbound: { localPreference: 200 } } : {}),
    outbound: { prefixList: [...prefixes] },
  });
  const p2p = (offset: number): string => formatAddress(0xc0a80000 + index * 8 + offset); // 192.168.0.0
  const links: ErLink[] = [
    { name: `${name}-primary`, role: 'primary', ce: ce1.id, ceAddress: p2p(1), mseeAddress: p2p(2), cePolicy: policy() },
  ];
  if (traits.links !== 'absent') {
    const secondary: ErLink = {
      name: `${name}-secondary`, role: 'secondary', ce: ce2.id, ceAddress: p2p(5), mseeAddress: p2p(6), cePolicy: policy(),
    };
    if (traits.links === 'disabled') secondary.enabled = false;
    links.push(secondary);
  }
  // The SKU is settled once every connection and Global Reach pair is known (needsPremium).
  const circuit: Circuit = { circuit: { name, sku: 'Standard', links, connections: [] }, site, region, globalReach: 0 };
  b.circuits.push(circuit);

  for (const hub of circuitHubs(b, region, traits.core)) connectCircuit(b, circuit, hub);
}

/** Home hub always; data centres reach every hub; others sometimes the paired region or a distant one. */
function circuitHubs(b: Builder, home: Region, core: boolean): string[] {
  if (core) return [home.hub, ...b.regions.filter((r) => r !== home).map((r) => r.hub)];
  const hubs = [home.hub];
  const pair = b.regions.find((r) => r !== home && r.geo === home.geo);
  if (pair !== undefined && b.rng.chance(0.35)) hubs.push(pair.hub);
  const distant = b.regions.filter((r) => r.geo !== home.geo);
  if (distant.length > 0 && b.rng.chance(0.15)) hubs.push(b.rng.pick(distant).hub);
  return hubs;
}

function vnetLinks(c: Circuit): number {
  return c.circuit.connections.length + c.globalReach;
}

function connectCircuit(b: Builder, c: Circuit, vnet: string): void {
  if (vnetLinks(c) >= PREMIUM_VNET_LINKS) throw new Error(`${c.circuit.name} would exceed ${PREMIUM_VNET_LINKS} links`);
  c.circuit.connections.push({
    name: `${c.circuit.name}-${vnet}`,
    vnet,
    gatewayAddress: nextGatewayAddress(b, vnet),
  });
}

/** A remote VNet shares two circuits, from its own geography when there are. */
function linkRemote(b: Builder, remote: string): void {
  const geo = regionOf(b, remote).geo;
  const room = b.circuits.filter((c) => vnetLinks(c) < STANDARD_VNET_LINKS);
  const local = room.filter((c) => c.region.geo === geo);
  const chosen = b.rng.sample(local.length >= 2 ? local : room, 2);
  for (const c of chosen) connectCircuit(b, c, remote);
}

/** Global Reach joins two sites' on-prem networks; pairs are distinct and keep within the link limit. */
function addGlobalReachPairs(b: Builder): void {
  const seen = new Set<string>();
  for (let attempt = 0; b.globalReach.length < b.shape.globalReachPairs && attempt < 1000; attempt++) {
    const [x, y] = b.rng.sample(b.circuits, 2);
    if (x === undefined || y === undefined) return;
    const [first, second] = x.circuit.name < y.circuit.name ? [x, y] : [y, x];
    const key = `${first.circuit.name}|${second.circuit.name}`;
    if (seen.has(key) || vnetLinks(first) >= PREMIUM_VNET_LINKS || vnetLinks(second) >= PREMIUM_VNET_LINKS) continue;
    seen.add(key);
    first.globalReach++;
    second.globalReach++;
    b.globalReach.push({
      name: `gr-${first.site}-${second.site}`,
      circuits: [first.circuit.name, second.circuit.name],
    });
  }
}

/** Premium: a VNet or Global Reach peer outside the circuit's geography, or more links than Standard allows. */
function needsPremium(b: Builder, c: Circuit, circuitGeo: Map<string, string>): boolean {
  if (vnetLinks(c) > STANDARD_VNET_LINKS) return true;
  if (c.circuit.connections.some((conn) => regionOf(b, conn.vnet).geo !== c.region.geo)) return true;
  return b.globalReach.some(
    (gr) => gr.circuits.includes(c.circuit.name) && gr.circuits.some((name) => circuitGeo.get(name) !== c.region.geo),
  );
}
