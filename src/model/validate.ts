import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../scenarios/topology.schema.json' with { type: 'json' };
import { childPath, error, hasErrors, warning, type Issue } from './issue.js';
import {
  addressProblem,
  containsAddress,
  containsPrefix,
  formatPrefix,
  overlaps,
  parseAddress,
  parsePrefix,
  prefixProblem,
  type Prefix,
} from './prefix.js';
import type { CeRouter, OnPremSite, Topology, VnetSite } from './topology.js';

/**
 * Topology validation: a structural pass (ajv against scenarios/topology.schema.json), then semantic checks
 * (addresses, ids, references, overlaps, gateway transit, ASNs, routes) on the parts that passed it.
 * Every problem is reported, never only the first.
 */

export type ValidationResult =
  | { ok: true; topology: Topology; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export function validateTopology(value: unknown): ValidationResult {
  const structural = structuralCheck(value);
  // Nothing to remove from a well-formed file: skip the copy.
  const tainted = structural.tainted;
  const clean = (tainted.size > 0 ? sanitize(value, '$', tainted) : value) as LooseTopology | undefined;
  const semantic = isObject(clean) ? semanticIssues(buildModel(clean, structural)) : [];
  const issues = sortIssues([...structural.issues, ...semantic], value);
  prefixMemo.clear();
  addressMemo.clear();
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, topology: value as Topology, warnings: issues };
}

// ---------------------------------------------------------------------------------------------------------------
// Structural pass

/** A type whose every field may be missing: what is left of a topology once structurally bad values are removed. */
type Loose<T> = T extends readonly (infer U)[]
  ? (Loose<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;
type LooseTopology = Loose<Topology>;
type LooseVnet = Loose<VnetSite>;
type LooseOnPrem = Loose<OnPremSite>;
type LooseCe = Loose<CeRouter>;

interface StructuralResult {
  issues: Issue[];
  /** Paths whose value is wrong: removed before the semantic checks. */
  tainted: Set<string>;
  /** Paths of every problem except unknown fields: objects under them are not judged by reference checks. */
  touched: string[];
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // verbose: errors carry the failing schema and data, which the hints are built from.
  compiled ??= new Ajv({ allErrors: true, verbose: true }).compile(schema);
  return compiled;
}

function structuralCheck(value: unknown): StructuralResult {
  const validate = schemaValidator();
  const result: StructuralResult = { issues: [], tainted: new Set(), touched: [] };
  if (validate(value)) return result;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const issue = ajvIssue(e, value);
    if (!issue) continue;
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.issues.push(issue);
    if (e.keyword !== 'additionalProperties') result.touched.push(issue.path);
    // A missing field or an unknown one leaves the values that are there intact.
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'required') result.tainted.add(issue.path);
  }
  return result;
}

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  type?: string;
}

/** Turns one ajv error into an issue with a JSON path and a hint; undefined for errors that only echo others. */
function ajvIssue(e: ErrorObject, root: unknown): Issue | undefined {
  const path = pointerToPath(e.instancePath, root);
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      // "must match then schema": the branch's own errors say what is wrong.
      return undefined;
    case 'required': {
      const field = String(params.missingProperty);
      return error(
        childPath(path, field),
        `required field "${field}" is missing`,
        `add it: ${sentence(parent.properties?.[field]?.description)}`,
      );
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const close = closest(field, allowed);
      const guess = close.length > 0 ? ` (did you mean ${quoteList(close)}?)` : '';
      return error(
        childPath(path, field),
        `unknown field "${field}"`,
        `remove it, or check the spelling${guess}; allowed: ${allowed.join(', ')}`,
      );
    }
    case 'type':
      return error(
        path,
        `must be ${withArticle(String(params.type))}, not ${describeValue(e.data)}`,
        sentence(parent.description),
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return error(path, `${JSON.stringify(e.data)} is not allowed`, `use one of ${allowed.join(', ')}`);
    }
    case 'const':
      return error(path, `${JSON.stringify(e.data)} is not allowed`, `use ${JSON.stringify(params.allowedValue)}`);
    case 'minimum':
    case 'maximum':
      return error(
        path,
        `${String(e.data)} is too ${e.keyword === 'minimum' ? 'small' : 'large'}`,
        `use ${rangeText(parent)}`,
      );
    case 'minLength':
      return error(path, 'must not be empty', sentence(parent.description));
    case 'pattern':
      return idPatternIssue(path, String(e.data));
    case 'minItems':
    case 'maxItems':
      return error(path, itemCountText(parent, e.data), sentence(parent.description));
    default:
      return error(path, e.message ?? 'is not valid', sentence(parent.description));
  }
}

function idPatternIssue(path: string, id: string): Issue {
  const bad = id.includes(',') ? ',' : '/';
  return error(
    path,
    `id "${id}" contains "${bad}"`,
    'ids appear in comma-separated --fail lists and in node names such as hub/ergw: use neither "," nor "/"',
  );
}

function rangeText(s: SchemaNode): string {
  const what = s.type === 'integer' ? 'an integer' : 'a number';
  if (s.minimum !== undefined && s.maximum !== undefined) return `${what} from ${s.minimum} to ${s.maximum}`;
  if (s.minimum !== undefined) return `${what} of at least ${s.minimum}`;
  return `${what} of at most ${s.maximum}`;
}

function itemCountText(s: SchemaNode, data: unknown): string {
  const count = Array.isArray(data) ? data.length : 0;
  if (s.minItems !== undefined && s.minItems === s.maxItems) {
    return `must have exactly ${s.minItems} items, not ${count}`;
  }
  if (s.minItems !== undefined && count < s.minItems) {
    return `must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`;
  }
  return `must have at most ${s.maxItems} items, not ${count}`;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (Number.isInteger(v)) return `the integer ${String(v)}`;
  return withArticle(typeof v);
}

/** A schema description as a hint: lower-case start and no final period. */
function sentence(description: string | undefined): string {
  if (!description) return '';
  const text = description.replace(/\.$/, '');
  // "The two VNets..." -> "the two VNets...", but "VNet", "BGP" or "IPv4" keep their capitals.
  return /^[A-Z][a-z]*\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** JSON Pointer (ajv's instancePath) to a JSON path; the data tells array indexes from object keys. */
function pointerToPath(pointer: string, root: unknown): string {
  if (pointer === '') return '$';
  let path = '$';
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path = childPath(path, Number(segment));
      node = node[Number(segment)];
    } else {
      path = childPath(path, segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return path;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A copy of `value` without the values at tainted paths, so that semantic checks only see well-formed data. */
function sanitize(value: unknown, path: string, tainted: ReadonlySet<string>): unknown {
  if (tainted.has(path)) return undefined;
  if (Array.isArray(value)) return value.map((v, i) => sanitize(v, childPath(path, i), tainted));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, childPath(path, k), tainted)]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Ordering

/** Errors first, then warnings, each in document order (an issue about a missing field sorts at its object). */
function sortIssues(issues: Issue[], root: unknown): Issue[] {
  if (issues.length === 0) return issues;
  const order = documentOrder(root);
  const rank = (path: string): number => {
    for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
      const n = order.get(p);
      if (n !== undefined) return n;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return issues
    .map((issue, index) => ({ issue, index, rank: rank(issue.path) }))
    .sort(
      (a, b) =>
        Number(a.issue.severity === 'warning') - Number(b.issue.severity === 'warning') ||
        a.rank - b.rank ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}

function documentOrder(root: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (v: unknown, path: string): void => {
    order.set(path, order.size);
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, childPath(path, i)));
    else if (isObject(v)) for (const [k, item] of Object.entries(v)) visit(item, childPath(path, k));
  };
  visit(root, '$');
  return order;
}

const LAST_SEGMENT = /(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;

function parentPath(path: string): string | undefined {
  const m = LAST_SEGMENT.exec(path);
  return m ? path.slice(0, m.index) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Semantic model: the well-formed parts of the file, indexed

interface PrefixAt {
  prefix: Prefix;
  text: string;
  path: string;
}

interface SiteInfo {
  id: string;
  path: string;
  /** The valid prefixes of its address space. */
  space: PrefixAt[];
  /** Whether every prefix of its address space is valid (so "outside the space" can be judged). */
  spaceComplete: boolean;
}

interface VnetInfo extends SiteInfo {
  kind: 'vnet';
  site: LooseVnet;
}

interface OnPremInfo extends SiteInfo {
  kind: 'onprem';
  site: LooseOnPrem;
}

interface CeInfo {
  kind: 'ce';
  id: string;
  path: string;
  ce: LooseCe;
  site: OnPremInfo;
}

type NodeInfo = VnetInfo | OnPremInfo | CeInfo;

interface Model {
  t: LooseTopology;
  /** VNets and on-premises sites in file order. */
  sites: (VnetInfo | OnPremInfo)[];
  vnets: VnetInfo[];
  onprems: OnPremInfo[];
  ces: CeInfo[];
  /** Sites and CE routers by id; the first definition wins (duplicates are reported). */
  nodes: Map<string, NodeInfo>;
  circuits: Map<string, string>;
  /** Ids of sites and routers with structural problems: references to them are not judged. */
  uncertain: Set<string>;
  /** VNet id -> the VNets it is peered with (over any peering in the file). */
  peers: Map<string, Set<string>>;
  /** Paths whose values were removed as structurally wrong (so "absent" can be told from "wrong"). */
  tainted: ReadonlySet<string>;
}

function buildModel(t: LooseTopology, structural: StructuralResult): Model {
  const { touched, tainted } = structural;
  const m: Model = {
    t,
    sites: [],
    vnets: [],
    onprems: [],
    ces: [],
    nodes: new Map(),
    circuits: new Map(),
    uncertain: new Set(),
    peers: new Map(),
    tainted,
  };
  const isTouched = (path: string): boolean => touched.some((p) => p === path || isUnder(p, path));
  for (const [site, path] of each(t.sites, '$.sites')) {
    if (site.kind === undefined) markUnknownSite(m, site);
    if (typeof site.id !== 'string') continue;
    if (isTouched(path)) m.uncertain.add(site.id);
    if (site.kind === 'vnet') {
      const info: VnetInfo = { kind: 'vnet', site, ...siteSpace(site.id, path, site.addressSpace, 'addressSpace') };
      m.vnets.push(info);
      m.sites.push(info);
      addNode(m, info);
    } else if (site.kind === 'onprem') {
      const info: OnPremInfo = { kind: 'onprem', site, ...siteSpace(site.id, path, site.prefixes, 'prefixes') };
      m.onprems.push(info);
      m.sites.push(info);
      addNode(m, info);
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) {
        if (typeof ce.id !== 'string') continue;
        if (isTouched(cePath)) m.uncertain.add(ce.id);
        const ceInfo: CeInfo = { kind: 'ce', id: ce.id, path: cePath, ce, site: info };
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
  return m;
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

function isPeered(m: Model, a: string, b: string): boolean {
  return m.peers.get(a)?.has(b) ?? false;
}

function addNode(m: Model, info: NodeInfo): void {
  if (!m.nodes.has(info.id)) m.nodes.set(info.id, info);
}

function siteSpace(
  id: string,
  path: string,
  list: (string | undefined)[] | undefined,
  field: string,
): SiteInfo {
  const space: PrefixAt[] = [];
  for (const [text, p] of each(list, `${path}.${field}`)) {
    const prefix = validPrefix(text);
    if (prefix) space.push({ prefix, text, path: p });
  }
  return { id, path, space, spaceComplete: list !== undefined && space.length === list.length };
}

/** Present items of a list with their paths (absent items were structurally bad). */
function each<T>(list: readonly (T | undefined)[] | undefined, path: string): [T, string, number][] {
  const out: [T, string, number][] = [];
  list?.forEach((item, i) => {
    if (item !== undefined) out.push([item, childPath(path, i), i]);
  });
  return out;
}

function isUnder(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

function pairKey(a: string, b: string): string {
  return [a, b].sort().join('\u0000');
}

function semanticIssues(m: Model): Issue[] {
  const checks = [
    addressIssues,
    nodeIdIssues,
    unitNameIssues,
    siteIssues,
    overlapIssues,
    asnIssues,
    peeringIssues,
    vpnIssues,
    erIssues,
    globalReachIssues,
    routeIssues,
    ceUsageIssues,
  ];
  return checks.flatMap((check) => check(m));
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses and prefixes

interface AddressField {
  path: string;
  text: string;
  kind: 'address' | 'prefix';
}

/** Every address and prefix field of the file. */
function* addressFields(t: LooseTopology): Generator<AddressField> {
  const one = (kind: AddressField['kind'], text: string | undefined, path: string): AddressField[] =>
    text === undefined ? [] : [{ kind, text, path }];
  const many = (kind: AddressField['kind'], list: (string | undefined)[] | undefined, path: string) =>
    each(list, path).map(([text, p]) => ({ kind, text, path: p }));
  for (const [site, path] of each(t.sites, '$.sites')) {
    yield* many('address', site.testAddresses, `${path}.testAddresses`);
    if (site.kind === 'vnet') {
      yield* many('prefix', site.addressSpace, `${path}.addressSpace`);
      yield* one('address', site.erGateway?.address, `${path}.erGateway.address`);
      yield* one('address', site.vpnGateway?.bgpAddress, `${path}.vpnGateway.bgpAddress`);
      yield* one('address', site.vpnGateway?.address, `${path}.vpnGateway.address`);
      for (const [route, routePath] of each(site.routeTable?.routes, `${path}.routeTable.routes`)) {
        yield* one('prefix', route.prefix, `${routePath}.prefix`);
        yield* one('address', route.nextHopAddress, `${routePath}.nextHopAddress`);
      }
    } else if (site.kind === 'onprem') {
      yield* many('prefix', site.prefixes, `${path}.prefixes`);
      yield* one('address', site.address, `${path}.address`);
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) {
        yield* one('address', ce.routerId, `${cePath}.routerId`);
        yield* one('address', ce.address, `${cePath}.address`);
        yield* many('prefix', ce.networks, `${cePath}.networks`);
      }
    }
  }
  for (const [c, path] of each(t.vpnConnections, '$.vpnConnections')) {
    yield* many('prefix', c.localNetworkPrefixes, `${path}.localNetworkPrefixes`);
    yield* many('prefix', c.peerStaticRoutes, `${path}.peerStaticRoutes`);
    if (c.peer && 'ce' in c.peer) {
      yield* one('address', c.peer.address, `${path}.peer.address`);
      yield* many('prefix', c.peer.policy?.outbound?.prefixList, `${path}.peer.policy.outbound.prefixList`);
    }
  }
  for (const [circuit, path] of each(t.erCircuits, '$.erCircuits')) {
    for (const [link, linkPath] of each(circuit.links, `${path}.links`)) {
      yield* one('address', link.ceAddress, `${linkPath}.ceAddress`);
      yield* one('address', link.mseeAddress, `${linkPath}.mseeAddress`);
      yield* many('prefix', link.cePolicy?.outbound?.prefixList, `${linkPath}.cePolicy.outbound.prefixList`);
    }
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      yield* one('address', conn.gatewayAddress, `${connPath}.gatewayAddress`);
    }
  }
}

function addressIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const field of addressFields(m.t)) {
    const issue = field.kind === 'prefix' ? prefixIssue(field) : addressIssue(field);
    if (issue) issues.push(issue);
  }
  return issues;
}

function prefixIssue({ text, path }: AddressField): Issue | undefined {
  const parsed = parsedPrefix(text);
  if (!('problem' in parsed)) return undefined;
  const { problem } = parsed;
  const network = /the network address is (\S+)$/.exec(problem)?.[1];
  if (network !== undefined) return error(path, problem, `write ${network}/${text.split('/')[1]}`);
  const hint = text.includes('/') ? 'write a prefix such as 10.1.0.0/16' : `add the prefix length, e.g. ${text}/24`;
  return error(path, `"${text}" is not a valid IPv4 prefix: ${lowerFirst(problem)}`, hint);
}

function addressIssue({ text, path }: AddressField): Issue | undefined {
  const parsed = parsedAddress(text);
  if (typeof parsed === 'number') return undefined;
  const { problem } = parsed;
  const hint = text.includes('/') ? 'write the address without a prefix length' : 'write an address such as 10.1.0.4';
  return error(path, `"${text}" is not a valid IPv4 address: ${lowerFirst(problem)}`, hint);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// ip-num costs ~15 us a parse and several checks read the same strings: memoised for one validateTopology call.
const prefixMemo = new Map<string, Prefix | { problem: string }>();
const addressMemo = new Map<string, number | { problem: string }>();

function parsedPrefix(text: string): Prefix | { problem: string } {
  let r = prefixMemo.get(text);
  if (r === undefined) {
    const problem = prefixProblem(text);
    r = problem === undefined ? parsePrefix(text) : { problem };
    prefixMemo.set(text, r);
  }
  return r;
}

function parsedAddress(text: string): number | { problem: string } {
  let r = addressMemo.get(text);
  if (r === undefined) {
    const problem = addressProblem(text);
    r = problem === undefined ? parseAddress(text) : { problem };
    addressMemo.set(text, r);
  }
  return r;
}

function validPrefix(text: string | undefined): Prefix | undefined {
  if (text === undefined) return undefined;
  const r = parsedPrefix(text);
  return 'problem' in r ? undefined : r;
}

function validAddress(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const r = parsedAddress(text);
  return typeof r === 'number' ? r : undefined;
}

function inSpace(space: readonly PrefixAt[], addr: number): boolean {
  return space.some((p) => containsAddress(p.prefix, addr));
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and names

/** Site ids and CE router ids share one namespace: both name nodes. */
function nodeIdIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, { path: string; what: string }>();
  const claim = (id: string | undefined, path: string, what: string): void => {
    if (id === undefined) return;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, { path, what });
      return;
    }
    const hint =
      earlier.what === what
        ? `give each ${what} its own id`
        : 'sites and CE routers both name nodes, so their ids must differ';
    issues.push(error(`${path}.id`, `id "${id}" is already used by the ${earlier.what} at ${earlier.path}`, hint));
  };
  for (const [site, path] of each(m.t.sites, '$.sites')) {
    claim(site.id, path, 'site');
    if (site.kind === 'onprem') {
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) claim(ce.id, cePath, 'CE router');
    }
  }
  return issues;
}

interface Named {
  name?: string | undefined;
}

/** Names that must be unique among their kind: failure unit ids, circuit names, route names. */
function unitNameIssues(m: Model): Issue[] {
  const links: [Named, string][] = [];
  const conns: [Named, string][] = [];
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    links.push(...each(circuit.links, `${path}.links`).map(([l, p]): [Named, string] => [l, p]));
    conns.push(...each(circuit.connections, `${path}.connections`).map(([c, p]): [Named, string] => [c, p]));
  }
  const issues = [
    ...duplicateNames(each(m.t.peerings, '$.peerings'), 'peering'),
    ...duplicateNames(each(m.t.vpnConnections, '$.vpnConnections'), 'vpn'),
    ...duplicateNames(links, 'er-link'),
    ...duplicateNames(conns, 'er-conn'),
    ...duplicateNames(each(m.t.erCircuits, '$.erCircuits'), 'circuit'),
    ...duplicateNames(each(m.t.globalReach, '$.globalReach'), 'global-reach'),
  ];
  for (const v of m.vnets) {
    issues.push(...duplicateNames(each(v.site.routeTable?.routes, `${v.path}.routeTable.routes`), 'route'));
  }
  return issues;
}

function duplicateNames(items: readonly (readonly [Named, string, ...unknown[]])[], kind: string): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, string>();
  for (const [item, path] of items) {
    if (item.name === undefined) continue;
    const earlier = first.get(item.name);
    if (earlier === undefined) {
      first.set(item.name, path);
      continue;
    }
    const what = NAME_KINDS[kind] ?? kind;
    const hint =
      kind in UNIT_KINDS ? `failure unit ids (${kind}:<name>) must be unique` : `give each ${what} its own name`;
    issues.push(error(`${path}.name`, `${what} name "${item.name}" is already used at ${earlier}`, hint));
  }
  return issues;
}

const UNIT_KINDS: Record<string, true> = {
  peering: true,
  vpn: true,
  'er-link': true,
  'er-conn': true,
  'global-reach': true,
};

const NAME_KINDS: Record<string, string> = {
  peering: 'peering',
  vpn: 'VPN connection',
  'er-link': 'ExpressRoute link',
  'er-conn': 'ExpressRoute connection',
  circuit: 'circuit',
  'global-reach': 'Global Reach connection',
  route: 'route',
};

// ---------------------------------------------------------------------------------------------------------------
// References

type Need = 'vpnGateway' | 'erGateway' | undefined;

const GATEWAY_NAMES = { vpnGateway: 'VPN gateway', erGateway: 'ExpressRoute gateway' } as const;

/**
 * The VNet a reference names, or undefined after reporting why it cannot be used. References to objects that
 * have structural problems of their own are not judged (their own issues say what is wrong).
 */
function refVnet(m: Model, ref: string | undefined, path: string, issues: Issue[], need?: Need): VnetInfo | undefined {
  if (ref === undefined || m.uncertain.has(ref)) return undefined;
  const node = m.nodes.get(ref);
  if (!node) {
    issues.push(error(path, `no VNet has the id "${ref}"`, knownHint(ref, m.vnets, 'VNets')));
    return undefined;
  }
  if (node.kind !== 'vnet') {
    const what = node.kind === 'ce' ? 'a CE router' : 'an on-premises site';
    issues.push(error(path, `"${ref}" is ${what}, not a VNet`, knownHint(ref, m.vnets, 'VNets')));
    return undefined;
  }
  if (need && node.site[need] === undefined) {
    const others = listText(
      m.vnets.filter((v) => v.site[need] !== undefined),
      'VNets with one',
    );
    const article = need === 'erGateway' ? 'an' : 'a';
    const hint = `add ${article} ${need} to "${ref}", or name a VNet that has one${others}`;
    issues.push(error(path, `VNet "${ref}" has no ${GATEWAY_NAMES[need]}`, hint));
    return undefined;
  }
  return node;
}

function refCe(m: Model, ref: string | undefined, path: string, issues: Issue[]): CeInfo | undefined {
  if (ref === undefined || m.uncertain.has(ref)) return undefined;
  const node = m.nodes.get(ref);
  if (node?.kind === 'ce') return node;
  if (node?.kind === 'onprem') {
    const routers = m.ces.filter((c) => c.site === node);
    issues.push(error(path, `"${ref}" is a site, not a CE router`, `name one of its routers${listText(routers, '')}`));
  } else if (node?.kind === 'vnet') {
    issues.push(error(path, `"${ref}" is a VNet, not a CE router`, knownHint(ref, m.ces, 'CE routers')));
  } else {
    issues.push(error(path, `no CE router has the id "${ref}"`, knownHint(ref, m.ces, 'CE routers')));
  }
  return undefined;
}

function knownHint(ref: string, known: readonly { id: string }[], what: string): string {
  const ids = known.map((k) => k.id);
  const close = closest(ref, ids);
  const guess = close.length > 0 ? `did you mean ${quoteList(close)}? ` : '';
  return ids.length === 0 ? `the file defines no ${what}` : `${guess}${what}: ${ids.join(', ')}`;
}

function listText(items: readonly { id: string }[], label: string): string {
  if (items.length === 0) return '';
  const ids = items.map((i) => i.id).join(', ');
  return label ? ` (${label}: ${ids})` : ` (${ids})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sites

function siteIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const s of m.sites) {
    const field = s.kind === 'vnet' ? 'addressSpace' : 'prefixes';
    for (const [text, path] of each(s.site.testAddresses, `${s.path}.testAddresses`)) {
      const addr = validAddress(text);
      if (addr === undefined || !s.spaceComplete || inSpace(s.space, addr)) continue;
      issues.push(
        error(
          path,
          `test address "${text}" is outside the ${field} of "${s.id}" (${s.space.map((p) => p.text).join(', ')})`,
          `use an address inside the site, or add its prefix to ${field}`,
        ),
      );
    }
  }
  for (const v of m.vnets) issues.push(...ownSpaceOverlaps(v), ...hopAddressIssues(v));
  issues.push(...erGatewayAddressIssues(m));
  for (const o of m.onprems) {
    issues.push(...outsideSpace(o, o.site.address, `${o.path}.address`, 'the LAN router address'));
    if (o.site.routers?.length === 0) {
      issues.push(
        warning(`${o.path}.routers`, `site "${o.id}" has no CE router: it cannot reach Azure`, 'add its CE routers'),
      );
    }
  }
  issues.push(...ceNetworkIssues(m), ...routerIdIssues(m));
  return issues;
}

/** Azure rejects a VNet whose address spaces overlap each other. */
function ownSpaceOverlaps(v: VnetInfo): Issue[] {
  const issues: Issue[] = [];
  v.space.forEach((b, j) => {
    const a = v.space.slice(0, j).find((p) => overlaps(p.prefix, b.prefix));
    if (a) {
      issues.push(
        error(
          b.path,
          `"${b.text}" overlaps "${a.text}" of the same VNet`,
          'the address spaces of a VNet must not overlap: remove one',
        ),
      );
    }
  });
  return issues;
}

/** Gateways sit in the VNet's GatewaySubnet, so their addresses belong to its address space. */
function hopAddressIssues(v: VnetInfo): Issue[] {
  return [
    ...outsideSpace(v, v.site.erGateway?.address, `${v.path}.erGateway.address`, 'the ER gateway address'),
    ...outsideSpace(v, v.site.vpnGateway?.address, `${v.path}.vpnGateway.address`, 'the VPN gateway address'),
    ...outsideSpace(v, v.site.vpnGateway?.bgpAddress, `${v.path}.vpnGateway.bgpAddress`, 'the BGP peer address'),
  ];
}

function erGatewayAddressIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      const v = m.nodes.get(conn.vnet ?? '');
      // A connection to a VNet without an ER gateway is reported as such: its address says nothing more.
      if (v?.kind !== 'vnet' || v.site.erGateway === undefined) continue;
      issues.push(...outsideSpace(v, conn.gatewayAddress, `${connPath}.gatewayAddress`, 'the ER gateway address'));
    }
  }
  return issues;
}

function outsideSpace(s: SiteInfo, text: string | undefined, path: string, what: string): Issue[] {
  const addr = validAddress(text);
  if (addr === undefined || !s.spaceComplete || inSpace(s.space, addr)) return [];
  return [
    warning(
      path,
      `${what} "${text}" is outside the address space of "${s.id}"`,
      `check the address: it should be inside "${s.id}"`,
    ),
  ];
}

/** The model delivers a CE's networks to its LAN, which only delivers its own prefixes. */
function ceNetworkIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const ce of m.ces) {
    if (!ce.site.spaceComplete) continue;
    for (const [text, path] of each(ce.ce.networks, `${ce.path}.networks`)) {
      const p = validPrefix(text);
      if (!p || ce.site.space.some((s) => containsPrefix(s.prefix, p))) continue;
      issues.push(
        warning(
          path,
          `network "${text}" is not inside the prefixes of site "${ce.site.id}": ` +
            'traffic for it reaches the LAN, which does not deliver it',
          `add it to the prefixes of "${ce.site.id}", or remove the network statement`,
        ),
      );
    }
  }
  return issues;
}

function routerIdIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, CeInfo>();
  for (const ce of m.ces) {
    const rid = ce.ce.routerId;
    if (rid === undefined || validAddress(rid) === undefined) continue;
    const earlier = first.get(rid);
    if (!earlier) first.set(rid, ce);
    else {
      issues.push(
        warning(
          `${ce.path}.routerId`,
          `router id "${rid}" is also used by CE router "${earlier.id}"`,
          'give each BGP speaker its own router id',
        ),
      );
    }
  }
  return issues;
}

/**
 * Overlapping sites: a warning (peered VNets get an error from the peering check instead). Prefixes either nest
 * or are disjoint, so a sweep in address order with a stack of enclosing prefixes finds every overlapping pair
 * without comparing all pairs of sites.
 */
function overlapIssues(m: Model): Issue[] {
  const all = m.sites.flatMap((site, order) => site.space.map((p, k) => ({ ...p, site, order, k })));
  all.sort((a, b) => a.prefix.net - b.prefix.net || a.prefix.len - b.prefix.len);
  type Entry = (typeof all)[number];
  const found = new Map<string, { later: Entry; earlier: Entry }>();
  const stack: Entry[] = [];
  for (const p of all) {
    while (stack.length > 0 && !containsPrefix((stack[stack.length - 1] as Entry).prefix, p.prefix)) stack.pop();
    for (const outer of stack) {
      if (outer.site.id === p.site.id || isPeered(m, outer.site.id, p.site.id)) continue;
      const outerFirst = outer.order < p.order || (outer.order === p.order && outer.k < p.k);
      const [earlier, later] = outerFirst ? [outer, p] : [p, outer];
      // One warning per prefix and per site it overlaps.
      const key = `${later.path}\u0000${earlier.site.path}`;
      if (!found.has(key)) found.set(key, { later, earlier });
    }
    stack.push(p);
  }
  return [...found.values()].map(({ later, earlier }) =>
    warning(
      later.path,
      `"${later.text}" overlaps "${earlier.text}" of site "${earlier.site.id}": ` +
        'traffic for the overlap cannot be told apart',
      'renumber one of the sites, or leave out the one you do not mean to model',
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// ASNs

interface Reservation {
  from: number;
  to: number;
  why: string;
  /** How a VPN gateway with this ASN is judged. */
  onVpnGateway: 'accepted' | 'warning' | 'error';
}

const RESERVED_ASNS: readonly Reservation[] = [
  { from: 0, to: 0, why: '0 is reserved (RFC 7607)', onVpnGateway: 'error' },
  { from: 8074, to: 8075, why: "8074 and 8075 are Microsoft's ASNs", onVpnGateway: 'error' },
  { from: 12076, to: 12076, why: "12076 is the MSEE's ASN (Microsoft's ExpressRoute edge)", onVpnGateway: 'error' },
  { from: 23456, to: 23456, why: '23456 is AS_TRANS, standing in for 4-byte ASNs (RFC 6793)', onVpnGateway: 'error' },
  { from: 65515, to: 65515, why: "65515-65520 are reserved by Azure (65515: its gateways)", onVpnGateway: 'accepted' },
  { from: 65516, to: 65520, why: '65515-65520 are reserved by Azure', onVpnGateway: 'warning' },
  { from: 65535, to: 65535, why: '65535 is reserved (RFC 7300)', onVpnGateway: 'error' },
  { from: 4294967295, to: 4294967295, why: '4294967295 is reserved (RFC 7300)', onVpnGateway: 'error' },
];

function reservation(asn: number): Reservation | undefined {
  return RESERVED_ASNS.find((r) => asn >= r.from && asn <= r.to);
}

function asnIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const ce of m.ces) {
    const r = ce.ce.asn === undefined ? undefined : reservation(ce.ce.asn);
    if (!r) continue;
    issues.push(
      error(
        `${ce.path}.asn`,
        `ASN ${ce.ce.asn} is reserved`,
        `${r.why}: use another ASN, e.g. a private one from 64512 to 65514`,
      ),
    );
  }
  for (const v of m.vnets) {
    const asn = v.site.vpnGateway?.asn;
    const r = asn === undefined ? undefined : reservation(asn);
    const path = `${v.path}.vpnGateway.asn`;
    if (!r || r.onVpnGateway === 'accepted') continue;
    if (r.onVpnGateway === 'warning') {
      issues.push(
        warning(
          path,
          `ASN ${asn} is in the range Azure reserves (65515-65520)`,
          "Microsoft's interoperability test setup uses 65516 on a VPN gateway, so it is accepted; " +
            'a new design should use 65515 or a private ASN from 64512 to 65514',
        ),
      );
    } else {
      issues.push(
        error(
          path,
          `ASN ${asn} is reserved`,
          `${r.why}: use 65515 (the default) or a private ASN from 64512 to 65514`,
        ),
      );
    }
  }
  return issues;
}

/** The VPN gateway's ASN (default 65515); undefined when its VNet has structural problems. */
function vpnGatewayAsn(m: Model, v: VnetInfo): number | undefined {
  if (m.uncertain.has(v.id) || !v.site.vpnGateway) return undefined;
  return v.site.vpnGateway.asn ?? 65515;
}

// ---------------------------------------------------------------------------------------------------------------
// Peerings

function peeringIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const pairs = new Map<string, string>();
  const remoteUser = new Map<string, string>(); // VNet id -> peering path where it uses remote gateways
  for (const [peering, path] of each(m.t.peerings, '$.peerings')) {
    const sides = peering.sides;
    if (!sides || sides.length !== 2) continue;
    const [a, b] = sides;
    if (a?.vnet !== undefined && a.vnet === b?.vnet) {
      issues.push(
        error(
          `${path}.sides[1].vnet`,
          `a VNet cannot peer with itself ("${a.vnet}")`,
          'name two different VNets',
        ),
      );
      continue;
    }
    const vnets = sides.map((side, s) => refVnet(m, side?.vnet, `${path}.sides[${s}].vnet`, issues));
    if (a?.vnet !== undefined && b?.vnet !== undefined) {
      const key = pairKey(a.vnet, b.vnet);
      const earlier = pairs.get(key);
      if (earlier !== undefined) {
        issues.push(
          error(
            path,
            `"${a.vnet}" and "${b.vnet}" are already peered at ${earlier}`,
            'two VNets have at most one peering: keep one',
          ),
        );
      } else pairs.set(key, path);
    }
    const [va, vb] = vnets;
    if (va && vb) issues.push(...peeredOverlap(va, vb, path));
    sides.forEach((side, s) => {
      if (!side) return;
      const own = vnets[s];
      const other = vnets[1 - s];
      const otherSide = sides[1 - s];
      const sidePath = `${path}.sides[${s}]`;
      if (side.useRemoteGateways === true) {
        issues.push(...remoteGatewayIssues(m, { own, other, otherSide, sidePath, path, remoteUser }));
      }
      if (side.allowGatewayTransit === true && own && !m.uncertain.has(own.id) && !hasGateway(own)) {
        issues.push(
          warning(
            `${sidePath}.allowGatewayTransit`,
            `"${own.id}" has no gateway, so allowing gateway transit has no effect`,
            `remove allowGatewayTransit, or add a gateway to "${own.id}"`,
          ),
        );
      }
    });
  }
  return issues;
}

function hasGateway(v: VnetInfo): boolean {
  return v.site.erGateway !== undefined || v.site.vpnGateway !== undefined;
}

function gatewayNames(v: VnetInfo): string {
  const names = [v.site.erGateway && 'an ExpressRoute gateway', v.site.vpnGateway && 'a VPN gateway'];
  return names.filter(Boolean).join(' and ');
}

function peeredOverlap(a: VnetInfo, b: VnetInfo, path: string): Issue[] {
  for (const pa of a.space) {
    const pb = b.space.find((p) => overlaps(p.prefix, pa.prefix));
    if (!pb) continue;
    return [
      error(
        path,
        `the address spaces of "${a.id}" (${pa.text}) and "${b.id}" (${pb.text}) overlap`,
        'peered VNets need address spaces that do not overlap: renumber one of them',
      ),
    ];
  }
  return [];
}

interface RemoteGatewayContext {
  own: VnetInfo | undefined;
  other: VnetInfo | undefined;
  otherSide: { allowGatewayTransit?: boolean | undefined } | undefined;
  sidePath: string;
  path: string;
  remoteUser: Map<string, string>;
}

/** "Use remote gateways": needs transit allowed by a VNet that has a gateway, no own gateway, one peering only. */
function remoteGatewayIssues(m: Model, c: RemoteGatewayContext): Issue[] {
  const issues: Issue[] = [];
  const at = `${c.sidePath}.useRemoteGateways`;
  const { own, other } = c;
  if (own && !m.uncertain.has(own.id)) {
    if (hasGateway(own)) {
      issues.push(
        error(
          at,
          `"${own.id}" has ${gatewayNames(own)} of its own, so it cannot use remote gateways`,
          `remove useRemoteGateways, or remove the gateway of "${own.id}"`,
        ),
      );
    }
    const earlier = c.remoteUser.get(own.id);
    if (earlier !== undefined) {
      issues.push(
        error(
          at,
          `"${own.id}" already uses remote gateways over ${earlier}`,
          'a VNet can use remote gateways over one peering only',
        ),
      );
    } else c.remoteUser.set(own.id, c.path);
  }
  if (other && !m.uncertain.has(other.id)) {
    if (!hasGateway(other)) {
      issues.push(
        error(
          at,
          `"${other.id}" has no gateway to share`,
          `add an erGateway or vpnGateway to "${other.id}", or remove useRemoteGateways`,
        ),
      );
    } else if (c.otherSide?.allowGatewayTransit !== true) {
      issues.push(
        error(
          at,
          `"${other.id}" does not allow gateway transit on this peering`,
          `set allowGatewayTransit true on the "${other.id}" side, or remove useRemoteGateways`,
        ),
      );
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// VPN connections

function vpnIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const pairs = new Map<string, string>();
  for (const [c, path] of each(m.t.vpnConnections, '$.vpnConnections')) {
    issues.push(...connectionIssues(m, c, path), ...staticRouteIssues(m, c, path));
    const peer = c.peer;
    const peerId = peer && 'vnet' in peer ? peer.vnet : peer && 'ce' in peer ? peer.ce : undefined;
    if (c.gateway === undefined || peerId === undefined) continue;
    const key = pairKey(c.gateway, peerId);
    const earlier = pairs.get(key);
    if (earlier === undefined) pairs.set(key, path);
    else {
      issues.push(
        warning(
          path,
          `"${c.gateway}" and "${peerId}" are already connected at ${earlier}`,
          'one connection between two ends is usual: check that a second tunnel is meant',
        ),
      );
    }
  }
  return issues;
}

type LooseVpnConnection = NonNullable<LooseTopology['vpnConnections']>[number] & object;

/** The two ends of a connection exist, have VPN gateways, and (with BGP) differ in ASN. */
function connectionIssues(m: Model, c: LooseVpnConnection, path: string): Issue[] {
  const issues: Issue[] = [];
  const bgp = c.bgp !== false;
  const peer = c.peer;
  if (peer && 'vnet' in peer && peer.vnet !== undefined && peer.vnet === c.gateway) {
    const message = `a VPN connection cannot connect "${peer.vnet}" to itself`;
    return [error(`${path}.peer.vnet`, message, 'name another VNet with a VPN gateway')];
  }
  const gw = refVnet(m, c.gateway, `${path}.gateway`, issues, 'vpnGateway');
  if (peer && 'vnet' in peer) {
    const pv = refVnet(m, peer.vnet, `${path}.peer.vnet`, issues, 'vpnGateway');
    if (bgp && gw && pv) issues.push(...vnetAsnClash(m, gw, pv, `${path}.peer.vnet`));
  } else if (peer && 'ce' in peer) {
    const ce = refCe(m, peer.ce, `${path}.peer.ce`, issues);
    if (bgp && gw && ce) issues.push(...ceAsnClash(m, gw, ce, `${path}.peer.ce`));
  }
  if (gw) issues.push(...localPrefixOverlaps(gw, c.localNetworkPrefixes, `${path}.localNetworkPrefixes`));
  return issues;
}

/** Static-route fields belong to static connections, and a static connection to a CE needs them. */
function staticRouteIssues(m: Model, c: LooseVpnConnection, path: string): Issue[] {
  if (c.bgp !== false) return staticFieldsOnBgp(c, path);
  const peer = c.peer;
  if (!peer || !('ce' in peer)) return [];
  const issues: Issue[] = [];
  if (!m.tainted.has(`${path}.localNetworkPrefixes`)) issues.push(...staticCeIssues(c.localNetworkPrefixes, path));
  if (peer.policy !== undefined) {
    issues.push(
      warning(
        `${path}.peer.policy`,
        'the connection runs no BGP, so the policy has no effect',
        'set bgp true, or remove policy',
      ),
    );
  }
  return issues;
}

function staticFieldsOnBgp(c: LooseVpnConnection, path: string): Issue[] {
  return (['localNetworkPrefixes', 'peerStaticRoutes'] as const)
    .filter((field) => c[field] !== undefined)
    .map((field) =>
      error(
        `${path}.${field}`,
        `"${field}" is for static connections, but this connection runs BGP`,
        `set bgp false, or remove ${field}`,
      ),
    );
}

function staticCeIssues(prefixes: (string | undefined)[] | undefined, path: string): Issue[] {
  if ((prefixes !== undefined && prefixes.length > 0)) return [];
  return [
    error(
      `${path}.localNetworkPrefixes`,
      'a static connection to a CE router needs at least one local network prefix',
      'list the on-premises prefixes Azure routes into the tunnel, or set bgp true',
    ),
  ];
}

function localPrefixOverlaps(gw: VnetInfo, list: (string | undefined)[] | undefined, path: string): Issue[] {
  const issues: Issue[] = [];
  for (const [text, p] of each(list, path)) {
    const prefix = validPrefix(text);
    const hit = prefix && gw.space.find((s) => overlaps(s.prefix, prefix));
    if (!hit) continue;
    issues.push(
      error(
        p,
        `"${text}" overlaps the address space of "${gw.id}" (${hit.text})`,
        "a local network gateway's prefixes must not overlap the VNet",
      ),
    );
  }
  return issues;
}

function ceAsnClash(m: Model, gw: VnetInfo, ce: CeInfo, path: string): Issue[] {
  const gwAsn = vpnGatewayAsn(m, gw);
  const ceAsn = ce.ce.asn;
  // A reserved CE ASN is reported on its own, with the reason.
  if (gwAsn === undefined || ceAsn === undefined || gwAsn !== ceAsn || reservation(ceAsn)) return [];
  return [
    error(
      path,
      `the VPN gateway of "${gw.id}" and CE router "${ce.id}" both use ASN ${ceAsn}: eBGP peers need different ASNs`,
      `change the VPN gateway's asn (${gw.path}.vpnGateway.asn)`,
    ),
  ];
}

function vnetAsnClash(m: Model, gw: VnetInfo, peer: VnetInfo, path: string): Issue[] {
  const a = vpnGatewayAsn(m, gw);
  const b = vpnGatewayAsn(m, peer);
  if (a === undefined || a !== b) return [];
  return [
    error(
      path,
      `the VPN gateways of "${gw.id}" and "${peer.id}" both use ASN ${a}: eBGP peers need different ASNs`,
      `change the VPN gateway's asn of "${peer.id}" (${peer.path}.vpnGateway.asn), ` +
        "as the seed's branch does with 65516",
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// ExpressRoute

function erIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    const name = circuit.name ?? path;
    const roles = new Map<string, string>();
    for (const [link, linkPath] of each(circuit.links, `${path}.links`)) {
      refCe(m, link.ce, `${linkPath}.ce`, issues);
      if (link.role === undefined) continue;
      const earlier = roles.get(link.role);
      if (earlier !== undefined) {
        issues.push(
          error(
            `${linkPath}.role`,
            `circuit "${name}" already has a ${link.role} link at ${earlier}`,
            'a circuit has one primary and one secondary link',
          ),
        );
      } else roles.set(link.role, linkPath);
    }
    const vnets = new Map<string, string>();
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      refVnet(m, conn.vnet, `${connPath}.vnet`, issues, 'erGateway');
      if (conn.vnet === undefined) continue;
      const earlier = vnets.get(conn.vnet);
      if (earlier !== undefined) {
        issues.push(
          error(
            `${connPath}.vnet`,
            `circuit "${name}" already connects "${conn.vnet}" at ${earlier}`,
            'a circuit connects to a VNet once: keep one connection',
          ),
        );
      } else vnets.set(conn.vnet, connPath);
    }
    if (circuit.connections?.length === 0) {
      issues.push(
        warning(
          `${path}.connections`,
          `circuit "${name}" has no connections: no VNet is reached over it`,
          "connect it to a VNet's ER gateway, or remove it",
        ),
      );
    }
    if (circuit.links?.length === 0) {
      issues.push(
        warning(
          `${path}.links`,
          `circuit "${name}" has no links: no CE router reaches it`,
          'add its primary and secondary links, or remove it',
        ),
      );
    }
  }
  return issues;
}

function globalReachIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const pairs = new Map<string, string>();
  const known = [...m.circuits.keys()].map((id) => ({ id }));
  for (const [gr, path] of each(m.t.globalReach, '$.globalReach')) {
    const circuits = gr.circuits;
    if (!circuits || circuits.length !== 2) continue;
    const [a, b] = circuits;
    if (a !== undefined && a === b) {
      issues.push(
        error(
          `${path}.circuits[1]`,
          `Global Reach joins two different circuits, not "${a}" with itself`,
          'name two different circuits',
        ),
      );
      continue;
    }
    circuits.forEach((name, k) => {
      if (name === undefined || m.circuits.has(name)) return;
      issues.push(
        error(
          `${path}.circuits[${k}]`,
          `no circuit has the name "${name}"`,
          knownHint(name, known, 'circuits'),
        ),
      );
    });
    if (a === undefined || b === undefined) continue;
    const key = pairKey(a, b);
    const earlier = pairs.get(key);
    if (earlier !== undefined) {
      issues.push(
        warning(
          path,
          `circuits "${a}" and "${b}" are already joined at ${earlier}`,
          'keep one Global Reach connection per pair',
        ),
      );
    } else pairs.set(key, path);
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// User-defined routes

function routeIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    const prefixes = new Map<string, string>();
    for (const [route, path] of each(v.site.routeTable?.routes, `${v.path}.routeTable.routes`)) {
      const prefix = validPrefix(route.prefix);
      if (prefix) {
        const key = formatPrefix(prefix);
        const earlier = prefixes.get(key);
        if (earlier !== undefined) {
          issues.push(
            error(
              `${path}.prefix`,
              `the route table already has a route for "${route.prefix}" at ${earlier}`,
              'keep one route per prefix',
            ),
          );
        } else prefixes.set(key, path);
      }
      issues.push(...nextHopIssues(m, v, route, path));
    }
  }
  return issues;
}

function nextHopIssues(
  m: Model,
  v: VnetInfo,
  route: { nextHopType?: string | undefined; nextHopAddress?: string | undefined },
  path: string,
): Issue[] {
  const at = `${path}.nextHopAddress`;
  if (route.nextHopType === 'VirtualAppliance') {
    if (route.nextHopAddress === undefined) {
      if (m.tainted.has(at)) return [];
      return [
        error(
          at,
          'a VirtualAppliance route needs "nextHopAddress"',
          `give the appliance's address, in "${v.id}" or a VNet peered with it`,
        ),
      ];
    }
    const addr = validAddress(route.nextHopAddress);
    const reachable = [v, ...peersOf(m, v)];
    const unknown = addr === undefined || !reachable.every((s) => s.spaceComplete);
    if (unknown || reachable.some((s) => inSpace(s.space, addr))) return [];
    return [
      error(
        at,
        `next hop "${route.nextHopAddress}" is not in "${v.id}" or a VNet peered with it`,
        'the appliance must sit in this VNet or a peered one: check the address, or add the peering',
      ),
    ];
  }
  if (route.nextHopType !== undefined && route.nextHopAddress !== undefined) {
    return [
      error(
        at,
        `a ${route.nextHopType} route takes no next hop address`,
        'remove nextHopAddress, or set nextHopType "VirtualAppliance"',
      ),
    ];
  }
  if (route.nextHopType === 'VirtualNetworkGateway' && !m.uncertain.has(v.id) && !reachesVpnGateway(m, v)) {
    return [
      error(
        `${path}.nextHopType`,
        `"${v.id}" has no VPN gateway, of its own or through a peering with useRemoteGateways`,
        'add a vpnGateway, use a hub\'s gateways over a peering, or choose another next hop type',
      ),
    ];
  }
  return [];
}

/** The VNets peered with `v` (over any peering in the file: enabled or not, the design intends it). */
function peersOf(m: Model, v: VnetInfo): VnetInfo[] {
  const ids = [...(m.peers.get(v.id) ?? [])].filter((id) => id !== v.id);
  return ids.map((id) => m.nodes.get(id)).filter((n): n is VnetInfo => n?.kind === 'vnet');
}

function reachesVpnGateway(m: Model, v: VnetInfo): boolean {
  if (v.site.vpnGateway !== undefined) return true;
  return each(m.t.peerings, '$.peerings').some(([peering]) => {
    const sides = peering.sides ?? [];
    return sides.some((side, s) => {
      const other = m.nodes.get(sides[1 - s]?.vnet ?? '');
      const uses = side?.vnet === v.id && side.useRemoteGateways === true;
      return uses && other?.kind === 'vnet' && other.site.vpnGateway !== undefined;
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// CE routers

function ceUsageIssues(m: Model): Issue[] {
  const used = new Set<string>();
  for (const [circuit] of each(m.t.erCircuits, '$.erCircuits')) {
    for (const [link] of each(circuit.links, 'links')) if (link.ce !== undefined) used.add(link.ce);
  }
  for (const [c] of each(m.t.vpnConnections, '$.vpnConnections')) {
    if (c.peer && 'ce' in c.peer && c.peer.ce !== undefined) used.add(c.peer.ce);
  }
  return m.ces
    .filter((ce) => !used.has(ce.id))
    .map((ce) =>
      warning(
        ce.path,
        `CE router "${ce.id}" has no ExpressRoute link and no VPN connection`,
        'connect it with an ER link or a VPN connection, or remove it',
      ),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// --fail ids

/**
 * Checks failure unit ids requested on the command line (`--fail a,b`): unknown ids (the hint names the closest
 * known ones) and administratively disabled ones (failing them would change nothing) are errors.
 * Paths are `--fail[i]`. An id may appear more than once: several `--fail` options are several scenarios.
 */
export function failIdIssues(
  unitIds: { id: string; enabled: boolean }[],
  requested: string[],
  optionName = '--fail',
): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(unitIds.map((u) => [u.id, u]));
  requested.forEach((raw, i) => {
    const path = `${optionName}[${i}]`;
    const id = raw.trim();
    if (id === '') {
      issues.push(
        error(
          path,
          'empty failure unit id',
          `separate ids with single commas, e.g. ${optionName} peering:a,vpn:b`,
        ),
      );
      return;
    }
    const unit = byId.get(id);
    if (!unit) {
      issues.push(error(path, `unknown failure unit "${id}"`, unknownUnitHint(id, unitIds)));
    } else if (!unit.enabled) {
      issues.push(
        error(
          path,
          `"${id}" is administratively disabled in the topology: it is already down in every scenario`,
          `leave it out of ${optionName}, or set enabled true in the topology to study its failure`,
        ),
      );
    }
  });
  return issues;
}

function unknownUnitHint(id: string, units: readonly { id: string }[]): string {
  const ids = units.map((u) => u.id);
  // Compare with the whole id and with the name after "kind:", so a missing or wrong kind still finds it.
  const scored = ids.map((known) => ({
    known,
    d: Math.min(editDistance(id, known), editDistance(id, known.slice(known.indexOf(':') + 1))),
  }));
  const best = Math.min(...scored.map((s) => s.d));
  const close = best <= closeEnough(id) ? scored.filter((s) => s.d === best).map((s) => s.known) : [];
  const guess =
    close.length > 0
      ? `did you mean ${quoteList(close)}? `
      : 'ids look like kind:name (peering:, vpn:, er-link:, er-conn:, global-reach:); ';
  return `${guess}\`whatif links\` lists them`;
}

// ---------------------------------------------------------------------------------------------------------------
// Spelling suggestions

/** The candidates nearest to `word` by edit distance, if near enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string[] {
  if (candidates.length === 0) return [];
  const scored = candidates.map((c) => ({ c, d: editDistance(word, c) }));
  const best = Math.min(...scored.map((s) => s.d));
  if (best > closeEnough(word)) return [];
  return scored.filter((s) => s.d === best).map((s) => s.c);
}

function closeEnough(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/** Levenshtein distance, case-insensitive. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitute = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitute));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

function quoteList(items: readonly string[]): string {
  return items.map((i) => `"${i}"`).join(' or ');
}
