import { childPath, pathSegments } from '../issue.js';
import { containsAddress, type Prefix } from '../prefix.js';
import { ipParser, type IpParser } from './ip.js';
import { isObject, type LooseCe, type LooseOnPrem, type LooseTopology, type LooseVnet } from './loose.js';
import { Vocabulary, type Speller } from './spelling.js';

/**
 * What the semantic checks share: the well-formed parts of the file, indexed. Sites and CE routers by id, each
 * with the path it was found at and the valid prefixes of its address space, circuits by name and VNets by
 * their peers, and the ids whose own shape is broken (references to them are not judged).
 */

export interface PrefixAt {
  prefix: Prefix;
  text: string;
  path: string;
}

export interface SiteInfo {
  id: string;
  path: string;
  /** The valid prefixes of its address space. */
  space: PrefixAt[];
  /** Whether every prefix of its address space is valid (so "outside the space" can be judged). */
  spaceComplete: boolean;
}

export interface VnetInfo extends SiteInfo {
  kind: 'vnet';
  site: LooseVnet;
}

interface OnPremInfo extends SiteInfo {
  kind: 'onprem';
  site: LooseOnPrem;
  routers: CeInfo[];
}

export interface CeInfo {
  kind: 'ce';
  id: string;
  path: string;
  ce: LooseCe;
  site: OnPremInfo;
}

type NodeInfo = VnetInfo | OnPremInfo | CeInfo;

export interface Model {
  t: LooseTopology;
  /** Parses the file's addresses and prefixes, once each. */
  ip: IpParser;
  /** VNets and on-premises sites in file order. */
  sites: (VnetInfo | OnPremInfo)[];
  vnets: VnetInfo[];
  onprems: OnPremInfo[];
  ces: CeInfo[];
  /** Sites and CE routers by id; the first definition wins (duplicates are reported). */
  nodes: Map<string, NodeInfo>;
  /** Circuit name -> its path; the first definition wins. */
  circuits: Map<string, string>;
  /** What a reference to a missing VNet, CE router or circuit may have meant (see references.ts). */
  vocabulary: { vnets: Vocabulary; ces: Vocabulary; circuits: Vocabulary };
  /** Ids of the VNets with a gateway of each kind, in file order. */
  withGateway: { vpnGateway: string[]; erGateway: string[] };
  speller: Speller;
  /** Ids of sites and routers with structural problems: references to them are not judged. */
  uncertain: Set<string>;
  /** VNet id -> the VNets it is peered with (over any peering in the file). */
  peers: Map<string, Set<string>>;
  /** Paths whose values were removed as structurally wrong (so "absent" can be told from "wrong"). */
  tainted: ReadonlySet<string>;
  /** `vnet/subnet` -> the name of the route table associated with it (the first one; two are reported). */
  routeTableOfSubnet: Map<string, string>;
}

interface BuildOptions {
  /** Paths of structural problems, under which objects are uncertain. */
  touched: readonly string[];
  /** Values removed as structurally wrong. */
  tainted: ReadonlySet<string>;
  speller: Speller;
}

export function buildModel(t: LooseTopology, { touched, tainted, speller }: BuildOptions): Model {
  const m: Model = {
    t,
    ip: ipParser(),
    sites: [],
    vnets: [],
    onprems: [],
    ces: [],
    nodes: new Map(),
    circuits: new Map(),
    uncertain: new Set(),
    peers: new Map(),
    tainted,
    vocabulary: { vnets: new Vocabulary([]), ces: new Vocabulary([]), circuits: new Vocabulary([]) },
    withGateway: { vpnGateway: [], erGateway: [] },
    speller,
    routeTableOfSubnet: new Map(),
  };
  // An object is touched when a problem lies at it or under it: at one of these paths.
  const touchedOrAbove = withAncestors(touched);
  const isTouched = (path: string): boolean => touchedOrAbove.has(path);
  for (const [site, path] of each(t.sites, '$.sites')) {
    if (site.kind === undefined) markUnknownSite(m, site);
    if (typeof site.id !== 'string') continue;
    if (isTouched(path)) m.uncertain.add(site.id);
    if (site.kind === 'vnet') {
      const info: VnetInfo = { kind: 'vnet', site, ...siteSpace(m, site.id, path, site.addressSpace, 'addressSpace') };
      m.vnets.push(info);
      m.sites.push(info);
      addNode(m, info);
    } else if (site.kind === 'onprem') {
      const space = siteSpace(m, site.id, path, site.prefixes, 'prefixes');
      const info: OnPremInfo = { kind: 'onprem', site, routers: [], ...space };
      m.onprems.push(info);
      m.sites.push(info);
      addNode(m, info);
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) {
        if (typeof ce.id !== 'string') continue;
        if (isTouched(cePath)) m.uncertain.add(ce.id);
        const ceInfo: CeInfo = { kind: 'ce', id: ce.id, path: cePath, ce, site: info };
        info.routers.push(ceInfo);
        m.ces.push(ceInfo);
        addNode(m, ceInfo);
      }
    }
  }
  for (const [circuit, path] of each(t.erCircuits, '$.erCircuits')) {
    if (typeof circuit.name === 'string' && !m.circuits.has(circuit.name)) m.circuits.set(circuit.name, path);
  }
  for (const [peering] of each(t.peerings, '$.peerings')) {
    const [a, b] = peering.sides ?? [];
    if (a?.vnet === undefined || b?.vnet === undefined) continue;
    addPeer(m, a.vnet, b.vnet);
    addPeer(m, b.vnet, a.vnet);
  }
  for (const [table] of each(t.routeTables, '$.routeTables')) {
    for (const [ref] of each(table.subnets, '')) {
      if (table.name !== undefined && !m.routeTableOfSubnet.has(ref)) m.routeTableOfSubnet.set(ref, table.name);
    }
  }
  m.vocabulary = {
    vnets: new Vocabulary(m.vnets.map((v) => v.id)),
    ces: new Vocabulary(m.ces.map((c) => c.id)),
    circuits: new Vocabulary([...m.circuits.keys()]),
  };
  for (const need of ['vpnGateway', 'erGateway'] as const) {
    m.withGateway[need] = m.vnets.filter((v) => v.site[need] !== undefined).map((v) => v.id);
  }
  return m;
}

/** Present items of a list with their paths (absent items were structurally bad). */
export function each<T>(list: readonly (T | undefined)[] | undefined, path: string): [T, string][] {
  const out: [T, string][] = [];
  list?.forEach((item, i) => {
    if (item !== undefined) out.push([item, childPath(path, i)]);
  });
  return out;
}

export function inSpace(space: readonly PrefixAt[], addr: number): boolean {
  return space.some((p) => containsAddress(p.prefix, addr));
}

export function isPeered(m: Model, a: string, b: string): boolean {
  return m.peers.get(a)?.has(b) ?? false;
}

/** The VNets peered with `v` (over any peering in the file: enabled or not, the design intends it). */
export function peersOf(m: Model, v: VnetInfo): VnetInfo[] {
  const ids = [...(m.peers.get(v.id) ?? [])].filter((id) => id !== v.id);
  return ids.map((id) => m.nodes.get(id)).filter((n): n is VnetInfo => n?.kind === 'vnet');
}

/** A site of unknown kind still defines its ids: references to them are not judged. */
function markUnknownSite(m: Model, site: Record<string, unknown>): void {
  if (typeof site.id === 'string') m.uncertain.add(site.id);
  if (!Array.isArray(site.routers)) return;
  for (const ce of site.routers) {
    if (isObject(ce) && typeof ce.id === 'string') m.uncertain.add(ce.id);
  }
}

function addPeer(m: Model, a: string, b: string): void {
  const set = m.peers.get(a) ?? new Set<string>();
  set.add(b);
  m.peers.set(a, set);
}

function addNode(m: Model, info: NodeInfo): void {
  if (!m.nodes.has(info.id)) m.nodes.set(info.id, info);
}

function siteSpace(
  m: Model,
  id: string,
  path: string,
  list: (string | undefined)[] | undefined,
  field: string,
): SiteInfo {
  const space: PrefixAt[] = [];
  for (const [text, p] of each(list, `${path}.${field}`)) {
    const prefix = m.ip.validPrefix(text);
    if (prefix) space.push({ prefix, text, path: p });
  }
  return { id, path, space, spaceComplete: list !== undefined && space.length === list.length };
}

/** The paths, and every path above them. */
function withAncestors(paths: readonly string[]): Set<string> {
  const all = new Set<string>();
  for (const path of paths) {
    let at = '$';
    all.add(at);
    for (const segment of pathSegments(path)) {
      at = childPath(at, segment);
      all.add(at);
    }
  }
  return all;
}
