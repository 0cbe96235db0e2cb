import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failIdIssues, validateTopology } from '../../src/model/validate.js';
import { loadTopologyFile } from '../../src/model/load.js';
import { formatIssues } from '../../src/output/issues-text.js';
import type { Issue } from '../../src/model/issue.js';
import { expectWellFormed } from './well-formed.js';

const SEED_FILE = new URL('../../scenarios/azure-interop.json', import.meta.url);
const SCHEMA_FILE = new URL('../../scenarios/topology.schema.json', import.meta.url);
const seedText = readFileSync(SEED_FILE, 'utf8');

// Tests break the file's shape on purpose, so the copies are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function seed(): Json {
  return JSON.parse(seedText);
}

/** The issues of a file, each checked for a path, a message and a hint: every test below checks them so. */
function issuesOf(value: unknown): Issue[] {
  const r = validateTopology(value);
  const issues = r.ok ? r.warnings : r.issues;
  issues.forEach(expectWellFormed);
  return issues;
}

function errorsOf(value: unknown): Issue[] {
  return issuesOf(value).filter((i) => i.severity === 'error');
}

/** Asserts one issue at exactly `path` whose message contains `text`; returns it for further checks. */
function expectIssue(value: unknown, path: string, text: string, severity: Issue['severity'] = 'error'): Issue {
  const issues = issuesOf(value);
  const found = issues.find((i) => i.path === path && i.severity === severity && i.message.includes(text));
  expect(found, `no ${severity} at ${path} containing "${text}"; got ${JSON.stringify(issues, null, 1)}`).toBeDefined();
  return found as Issue;
}

function expectNoIssueAt(value: unknown, path: string): void {
  expect(issuesOf(value).filter((i) => i.path === path)).toEqual([]);
}

/** `$.sites[i]` of the site with this id, so tests do not depend on the seed's order. */
function sitePath(t: Json, id: string): string {
  return `$.sites[${siteIndex(t, id)}]`;
}

function siteIndex(t: Json, id: string): number {
  const i = t.sites.findIndex((s: Json) => s.id === id);
  if (i < 0) throw new Error(`seed has no site "${id}"`);
  return i;
}

function site(t: Json, id: string): Json {
  return t.sites[siteIndex(t, id)];
}

function vpnIndex(t: Json, name: string): number {
  return t.vpnConnections.findIndex((c: Json) => c.name === name);
}

function circuitIndex(t: Json, name: string): number {
  return t.erCircuits.findIndex((c: Json) => c.name === name);
}

/** A VNet that overlaps nothing in the seed and has no gateway. */
function extraVnet(id: string, third: number): Json {
  return { kind: 'vnet', id, addressSpace: [`10.99.${third}.0/24`], testAddresses: [`10.99.${third}.4`] };
}

describe('validateTopology() on the seed', () => {
  it('accepts the seed network without errors', () => {
    const r = validateTopology(seed());
    expect(r.ok).toBe(true);
  });

  it("has no warnings at all: the branch VPN gateway's ASN 65516 is not one the VPN gateway BGP FAQ reserves", () => {
    const t = seed();
    expect(site(t, 'branch').vpnGateway.asn).toBe(65516);
    const r = validateTopology(t);
    if (!r.ok) throw new Error('seed rejected');
    expect(r.warnings).toEqual([]);
  });

  it('returns the parsed value as the topology', () => {
    const t = seed();
    const r = validateTopology(t);
    expect(r.ok && r.topology).toBe(t);
  });

  it('accepts ids with spaces and HTML characters (a report test relies on them)', () => {
    const t = seed();
    const odd = '<img src=x onerror=alert(1)>';
    site(t, 'onprem2').id = odd;
    expect(errorsOf(t)).toEqual([]);
  });
});

describe('topology.schema.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  // Dispatchers only pick the shape by kind (sites) or by the vnet field (VPN peers); the shapes are closed.
  const dispatchers = new Set(['site', 'vpnPeer']);

  function objectSchemas(): [string, Json][] {
    const out: [string, Json][] = [['$', schema]];
    const walk = (name: string, s: Json): void => {
      if (s && typeof s === 'object' && s.properties) out.push([name, s]);
      for (const [k, v] of Object.entries(s?.properties ?? {})) walk(`${name}.${k}`, v);
    };
    for (const [name, def] of Object.entries(schema.definitions)) if (!dispatchers.has(name)) walk(name, def);
    return out.slice(1).concat([['$', schema]]);
  }

  it('is referenced by the seed', () => {
    expect(seed().$schema).toBe('./topology.schema.json');
  });

  it('closes every object with additionalProperties false', () => {
    for (const [name, s] of objectSchemas()) expect(s.additionalProperties, name).toBe(false);
  });

  it('describes every property', () => {
    for (const [name, s] of objectSchemas()) {
      for (const [key, prop] of Object.entries(s.properties)) {
        expect((prop as Json).description, `${name}.${key}`).toEqual(expect.any(String));
      }
    }
  });
});

describe('validateTopology() structural checks', () => {
  it('reports an unknown field with the allowed ones and the likely spelling', () => {
    const t = seed();
    site(t, 'hub').adressSpace = ['10.0.0.0/8'];
    const issue = expectIssue(t, `${sitePath(t, 'hub')}.adressSpace`, 'unknown field "adressSpace"');
    expect(issue.hint).toContain('remove it, or check the spelling');
    expect(issue.hint).toContain('did you mean "addressSpace"?');
    expect(issue.hint).toContain('allowed: kind, id, role, region, addressSpace, testAddresses, erGateway, vpnGateway, routeTable');
  });

  it('reports a missing required field at its would-be path', () => {
    const t = seed();
    delete site(t, 'spoke').testAddresses;
    const issue = expectIssue(t, `${sitePath(t, 'spoke')}.testAddresses`, 'required field "testAddresses" is missing');
    expect(issue.hint).toMatch(/^add it/);
  });

  it('reports a wrong type', () => {
    const t = seed();
    t.peerings = { name: 'x' };
    expectIssue(t, '$.peerings', 'must be an array, not an object');
  });

  it('reports a root that is not an object', () => {
    expectIssue(42, '$', 'must be an object');
    expectIssue(null, '$', 'must be an object, not null');
  });

  it('reports an unknown site kind once, with the allowed kinds', () => {
    const t = seed();
    site(t, 'hub').kind = 'vnett';
    const path = `${sitePath(t, 'hub')}.kind`;
    const issue = expectIssue(t, path, '"vnett" is not allowed');
    expect(issue.hint).toContain('"vnet", "onprem"');
    // The rest of the site is not judged against a guessed kind.
    expect(issuesOf(t).filter((i) => i.path.startsWith(sitePath(t, 'hub')))).toHaveLength(1);
  });

  it('does not judge the fields of a site of unknown kind, even ones of the wrong type', () => {
    const t = seed();
    site(t, 'hub').kind = 'vnett';
    site(t, 'hub').testAddresses = '10.10.30.4'; // a string, not a list: the schema cannot tell without a kind
    expect(issuesOf(t).filter((i) => i.path.startsWith(sitePath(t, 'hub'))).map((i) => i.path)).toEqual([
      `${sitePath(t, 'hub')}.kind`,
    ]);
  });

  it('reports enum values of next hop types, link roles and SKUs', () => {
    const t = seed();
    // Azure creates VNetPeering routes itself: "You cannot specify VNet peering ... as the next hop type" (virtual-networks-udr-overview).
    site(t, 'spoke').routeTable = { routes: [{ name: 'r', prefix: '10.0.0.0/8', nextHopType: 'VNetPeering' }] };
    t.erCircuits[0].links[0].role = 'backup';
    t.erCircuits[0].sku = 'Basic';
    expect(expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[0].nextHopType`, '"VNetPeering" is not allowed').hint).toContain('"VirtualAppliance"');
    expect(expectIssue(t, '$.erCircuits[0].links[0].role', '"backup"').hint).toContain('"primary", "secondary"');
    expect(expectIssue(t, '$.erCircuits[0].sku', '"Basic"').hint).toContain('"Standard", "Premium"');
  });

  it.each([
    ['CE asn', (t: Json) => (site(t, 'onprem1').routers[0].asn = 0), (t: Json) => `${sitePath(t, 'onprem1')}.routers[0].asn`, 'too small', '1 to 4294967295'],
    ['CE asn', (t: Json) => (site(t, 'onprem1').routers[0].asn = 4294967296), (t: Json) => `${sitePath(t, 'onprem1')}.routers[0].asn`, 'too large', '1 to 4294967295'],
    ['VPN gateway asn', (t: Json) => (site(t, 'hub').vpnGateway.asn = 4294967296), (t: Json) => `${sitePath(t, 'hub')}.vpnGateway.asn`, 'too large', '1 to 4294967295'],
    ['VPN gateway asn', (t: Json) => (site(t, 'hub').vpnGateway.asn = 0), (t: Json) => `${sitePath(t, 'hub')}.vpnGateway.asn`, 'too small', '1 to 4294967295'],
    ['ER weight', (t: Json) => (t.erCircuits[0].connections[0].weight = 32001), () => '$.erCircuits[0].connections[0].weight', 'too large', '0 to 32000'],
    ['ER weight', (t: Json) => (t.erCircuits[0].connections[0].weight = -1), () => '$.erCircuits[0].connections[0].weight', 'too small', '0 to 32000'],
    ['maximumPaths', (t: Json) => (site(t, 'onprem1').routers[0].maximumPaths = 0), (t: Json) => `${sitePath(t, 'onprem1')}.routers[0].maximumPaths`, 'too small', '1 to 32'],
    ['maximumPaths', (t: Json) => (site(t, 'onprem1').routers[0].maximumPaths = 33), (t: Json) => `${sitePath(t, 'onprem1')}.routers[0].maximumPaths`, 'too large', '1 to 32'],
    ['latencyMs', (t: Json) => (t.peerings[0].latencyMs = -1), () => '$.peerings[0].latencyMs', 'too small', 'at least 0'],
    ['prepend', (t: Json) => (t.erCircuits[0].links[0].cePolicy.outbound.prependAsPath = 11), () => '$.erCircuits[0].links[0].cePolicy.outbound.prependAsPath', 'too large', '0 to 10'],
    ['localPreference', (t: Json) => (t.erCircuits[0].links[0].cePolicy.inbound.localPreference = -1), () => '$.erCircuits[0].links[0].cePolicy.inbound.localPreference', 'too small', '0 to 4294967295'],
  ])('reports a %s out of range', (_name, mutate, path, message, range) => {
    const t = seed();
    mutate(t);
    expect(expectIssue(t, path(t), message).hint).toContain(range);
  });

  it('reports a non-integer ASN', () => {
    const t = seed();
    site(t, 'onprem1').routers[0].asn = 65021.5;
    expectIssue(t, `${sitePath(t, 'onprem1')}.routers[0].asn`, 'must be an integer');
  });

  it('requires exactly two peering sides and two Global Reach circuits', () => {
    const t = seed();
    t.peerings[0].sides.push({ vnet: 'branch' });
    t.globalReach = [{ name: 'gr', circuits: ['er1'] }];
    expectIssue(t, '$.peerings[0].sides', 'exactly 2 items, not 3');
    expectIssue(t, '$.globalReach[0].circuits', 'exactly 2 items, not 1');
  });

  it.each([',', '/'])('rejects ids containing "%s"', (ch) => {
    const t = seed();
    t.erCircuits[0].links[0].name = `er1${ch}primary`;
    expectIssue(t, '$.erCircuits[0].links[0].name', `contains "${ch}"`);
  });

  it('rejects empty ids', () => {
    const t = seed();
    site(t, 'remote').id = '';
    expectIssue(t, `$.sites[${t.sites.length - 1}].id`, 'must not be empty');
  });
});

describe('validateTopology() addresses and prefixes', () => {
  it('reports host bits with the corrected prefix in the hint', () => {
    const t = seed();
    site(t, 'hub').addressSpace = ['10.10.30.1/24'];
    const issue = expectIssue(t, `${sitePath(t, 'hub')}.addressSpace[0]`, 'host bits are set: the network address is 10.10.30.0');
    expect(issue.hint).toBe('write 10.10.30.0/24');
  });

  it('reports prefixes that do not parse', () => {
    const t = seed();
    site(t, 'onprem1').prefixes = ['10.2.30/25'];
    expectIssue(t, `${sitePath(t, 'onprem1')}.prefixes[0]`, 'is not a valid IPv4 prefix');
  });

  it('reports a prefix without a length', () => {
    const t = seed();
    site(t, 'onprem1').routers[0].networks = ['10.2.30.0'];
    expect(expectIssue(t, `${sitePath(t, 'onprem1')}.routers[0].networks[0]`, 'not a valid IPv4 prefix').hint).toContain('10.2.30.0/24');
  });

  it.each([
    ['a test address', (t: Json) => (site(t, 'hub').testAddresses = ['10.10.30.256']), (t: Json) => `${sitePath(t, 'hub')}.testAddresses[0]`],
    ['a router id', (t: Json) => (site(t, 'onprem1').routers[0].routerId = '10.2.30'), (t: Json) => `${sitePath(t, 'onprem1')}.routers[0].routerId`],
    ['a VPN peer address', (t: Json) => (t.vpnConnections[vpnIndex(t, 'hub-onprem1')].peer.address = 'x'), (t: Json) => `$.vpnConnections[${vpnIndex(t, 'hub-onprem1')}].peer.address`],
    ['an MSEE address', (t: Json) => (t.erCircuits[0].links[0].mseeAddress = '192.168.30.18/30'), () => '$.erCircuits[0].links[0].mseeAddress'],
    ['a gateway address', (t: Json) => (t.erCircuits[0].connections[0].gatewayAddress = '10.10.30.1320'), () => '$.erCircuits[0].connections[0].gatewayAddress'],
  ])('reports %s that does not parse', (_name, mutate, path) => {
    const t = seed();
    mutate(t);
    expectIssue(t, path(t), 'is not a valid IPv4 address');
  });

  it('reports a bad prefix in a prefix-list, a route and a static connection', () => {
    const t = seed();
    t.erCircuits[0].links[0].cePolicy.outbound.prefixList = ['10.2.30.1/25'];
    site(t, 'spoke').routeTable = { routes: [{ name: 'r', prefix: '10.0.0.1/8', nextHopType: 'None' }] };
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].bgp = false;
    t.vpnConnections[c].localNetworkPrefixes = ['10.2.30.0/33'];
    expectIssue(t, '$.erCircuits[0].links[0].cePolicy.outbound.prefixList[0]', 'host bits');
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[0].prefix`, 'host bits');
    expectIssue(t, `$.vpnConnections[${c}].localNetworkPrefixes[0]`, 'not a valid IPv4 prefix');
  });

  it('reports a test address outside its site', () => {
    const t = seed();
    site(t, 'onprem1').testAddresses = ['10.2.30.200']; // 10.2.30.0/25 ends at .127
    expectIssue(t, `${sitePath(t, 'onprem1')}.testAddresses[0]`, 'outside');
  });

  it('reports overlapping address spaces within one VNet', () => {
    const t = seed();
    site(t, 'hub').addressSpace = ['10.10.0.0/16', '10.10.30.0/24'];
    expectIssue(t, `${sitePath(t, 'hub')}.addressSpace[1]`, 'overlaps "10.10.0.0/16" of the same VNet');
  });

  it('warns about a gateway address outside its VNet', () => {
    const t = seed();
    site(t, 'hub').vpnGateway.address = '10.99.0.1';
    expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.address`, 'outside the address space of "hub"', 'warning');
  });

  it("warns about a CE network outside its site's prefixes", () => {
    const t = seed();
    site(t, 'onprem1').routers[0].networks.push('10.3.0.0/16');
    expectIssue(t, `${sitePath(t, 'onprem1')}.routers[0].networks[1]`, 'not inside the prefixes of site "onprem1"', 'warning');
  });
});

describe('validateTopology() ids and names', () => {
  it('reports a duplicate site id', () => {
    const t = seed();
    t.sites.push(extraVnet('hub', 1));
    expectIssue(t, `$.sites[${t.sites.length - 1}].id`, 'id "hub" is already used by the site at $.sites[0]');
  });

  it('reports a duplicate CE router id', () => {
    const t = seed();
    site(t, 'onprem2').routers[1].id = 'onprem2-ce1';
    expectIssue(t, `${sitePath(t, 'onprem2')}.routers[1].id`, `is already used by the CE router at ${sitePath(t, 'onprem2')}.routers[0]`);
  });

  it('reports a site id that is also a CE router id', () => {
    const t = seed();
    t.sites.push(extraVnet('onprem1-ce', 1));
    const issue = expectIssue(t, `$.sites[${t.sites.length - 1}].id`, 'is already used by the CE router');
    expect(issue.hint).toContain('sites and CE routers both name nodes');
  });

  it('reports duplicate peering, VPN connection, link, connection, circuit and Global Reach names', () => {
    const t = seed();
    t.peerings.push({ name: 'hub-spoke', sides: [{ vnet: 'spoke' }, { vnet: 'branch' }] });
    t.vpnConnections[1].name = t.vpnConnections[0].name;
    t.erCircuits[1].links[0].name = t.erCircuits[0].links[0].name;
    t.erCircuits[1].connections[0].name = t.erCircuits[0].connections[0].name;
    t.erCircuits.push({ name: 'er1', links: [], connections: [] });
    t.globalReach = [
      { name: 'gr', circuits: ['er1', 'er2'] },
      { name: 'gr', circuits: ['er2', 'er1'] },
    ];
    expectIssue(t, '$.peerings[1].name', 'peering name "hub-spoke" is already used at $.peerings[0]');
    expectIssue(t, '$.vpnConnections[1].name', 'VPN connection name');
    expectIssue(t, '$.erCircuits[1].links[0].name', `ExpressRoute link name "${t.erCircuits[0].links[0].name}"`);
    expectIssue(t, '$.erCircuits[1].connections[0].name', 'ExpressRoute connection name');
    expectIssue(t, '$.erCircuits[2].name', 'circuit name "er1" is already used at $.erCircuits[0]');
    expectIssue(t, '$.globalReach[1].name', 'Global Reach connection name "gr"');
  });

  it('reports a duplicate route name in one route table', () => {
    const t = seed();
    site(t, 'spoke').routeTable = {
      routes: [
        { name: 'r', prefix: '10.1.0.0/16', nextHopType: 'None' },
        { name: 'r', prefix: '10.2.0.0/16', nextHopType: 'None' },
      ],
    };
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[1].name`, 'route name "r"');
  });
});

describe('validateTopology() references', () => {
  it('reports a peering side naming no site, with the closest VNet', () => {
    const t = seed();
    t.peerings[0].sides[0].vnet = 'hubb';
    expect(expectIssue(t, '$.peerings[0].sides[0].vnet', 'no VNet has the id "hubb"').hint).toContain('did you mean "hub"?');
  });

  it('lists at most ten ids in a hint, and how many more there are', () => {
    const t = seed();
    for (let i = 1; i <= 8; i++) t.sites.push(extraVnet(`x${i}`, i));
    t.peerings[0].sides[0].vnet = 'hubb';
    expect(expectIssue(t, '$.peerings[0].sides[0].vnet', 'no VNet has the id "hubb"').hint).toBe(
      'did you mean "hub"? VNets: hub, spoke, branch, remote, x1, x2, x3, x4, x5, x6 and 2 more',
    );
  });

  it('reports a peering side naming an on-premises site', () => {
    const t = seed();
    t.peerings[0].sides[1].vnet = 'onprem1';
    expectIssue(t, '$.peerings[0].sides[1].vnet', '"onprem1" is an on-premises site, not a VNet');
  });

  it('reports a VNet peered with itself', () => {
    const t = seed();
    t.peerings[0].sides[1].vnet = 'hub';
    expectIssue(t, '$.peerings[0].sides[1].vnet', 'cannot peer with itself');
  });

  it('reports two peerings between the same VNets', () => {
    const t = seed();
    t.peerings.push({ name: 'again', sides: [{ vnet: 'spoke' }, { vnet: 'hub' }] });
    expectIssue(t, '$.peerings[1]', 'already peered at $.peerings[0]');
  });

  it('reports a VPN connection whose gateway VNet has no VPN gateway', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].gateway = 'spoke';
    expectIssue(t, `$.vpnConnections[${c}].gateway`, 'VNet "spoke" has no VPN gateway');
  });

  it('reports a VPN connection whose gateway is not a VNet', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].gateway = 'onprem2';
    expectIssue(t, `$.vpnConnections[${c}].gateway`, 'is an on-premises site, not a VNet');
  });

  it('reports a VPN peer CE that does not exist, or that is a site', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].peer.ce = 'onprem1-c';
    expect(expectIssue(t, `$.vpnConnections[${c}].peer.ce`, 'no CE router has the id "onprem1-c"').hint).toContain('"onprem1-ce"');
    t.vpnConnections[c].peer.ce = 'onprem1';
    expectIssue(t, `$.vpnConnections[${c}].peer.ce`, '"onprem1" is a site, not a CE router');
  });

  it('reports a VNet-to-VNet peer without a VPN gateway, or the gateway VNet itself', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-branch');
    t.vpnConnections[c].peer.vnet = 'spoke';
    expectIssue(t, `$.vpnConnections[${c}].peer.vnet`, 'VNet "spoke" has no VPN gateway');
    t.vpnConnections[c].peer.vnet = 'hub';
    expectIssue(t, `$.vpnConnections[${c}].peer.vnet`, 'cannot connect "hub" to itself');
  });

  it('reports an ER link to an unknown CE router', () => {
    const t = seed();
    t.erCircuits[1].links[0].ce = 'onprem3-ce';
    expectIssue(t, '$.erCircuits[1].links[0].ce', 'no CE router has the id "onprem3-ce"');
  });

  it('reports an ER connection to a VNet without an ER gateway', () => {
    const t = seed();
    t.erCircuits[0].connections[0].vnet = 'branch';
    const issue = expectIssue(t, '$.erCircuits[0].connections[0].vnet', 'VNet "branch" has no ExpressRoute gateway');
    expect(issue.hint).toContain('add an erGateway to "branch"');
    // The connection's gateway address is not then judged against branch's address space.
    expectNoIssueAt(t, '$.erCircuits[0].connections[0].gatewayAddress');
  });

  it('reports Global Reach to a missing circuit or between a circuit and itself', () => {
    const t = seed();
    t.globalReach = [
      { name: 'a', circuits: ['er1', 'er3'] },
      { name: 'b', circuits: ['er2', 'er2'] },
    ];
    expect(expectIssue(t, '$.globalReach[0].circuits[1]', 'no circuit has the name "er3"').hint).toContain('er1, er2');
    expectIssue(t, '$.globalReach[1].circuits[1]', 'two different circuits');
  });

  it('does not judge references to a site whose own shape is broken', () => {
    const t = seed();
    delete site(t, 'spoke').kind;
    expect(issuesOf(t).filter((i) => i.path.startsWith('$.peerings'))).toEqual([]);
  });
});

describe('validateTopology() overlaps', () => {
  it('rejects peered VNets with overlapping address spaces', () => {
    const t = seed();
    site(t, 'spoke').addressSpace = ['10.10.30.0/26']; // inside hub's 10.10.30.0/24
    site(t, 'spoke').testAddresses = ['10.10.30.4'];
    expectIssue(t, '$.peerings[0]', 'the address spaces of "hub" (10.10.30.0/24) and "spoke" (10.10.30.0/26) overlap');
    // The peering error says it all: no second, weaker warning about the same pair.
    expect(issuesOf(t).filter((i) => i.severity === 'warning' && i.message.includes('"hub"'))).toEqual([]);
  });

  it('warns about any two sites whose address spaces overlap', () => {
    const t = seed();
    site(t, 'remote').addressSpace = ['10.2.30.0/24']; // contains onprem1's 10.2.30.0/25
    site(t, 'remote').testAddresses = ['10.2.30.200'];
    site(t, 'remote').erGateway.address = '10.2.30.201';
    t.erCircuits[0].connections[1].gatewayAddress = '10.2.30.201';
    const later = Math.max(siteIndex(t, 'remote'), siteIndex(t, 'onprem1'));
    const issue = expectIssue(t, `$.sites[${later}].${later === siteIndex(t, 'remote') ? 'addressSpace' : 'prefixes'}[0]`, 'traffic for the overlap cannot be told apart', 'warning');
    expect(issue.message).toContain('10.2.30.0/25');
    expect(validateTopology(t).ok).toBe(true);
  });

  it('names, for each address space of a VNet, the first earlier one it overlaps', () => {
    const t = seed();
    // [1] contains [0]; [2] lies inside [0]; [3] repeats [0]; [4] repeats [1], whose first overlap is [0].
    site(t, 'hub').addressSpace = ['10.10.30.0/24', '10.10.0.0/16', '10.10.30.0/25', '10.10.30.0/24', '10.10.0.0/16'];
    const hub = sitePath(t, 'hub');
    expect(errorsOf(t).map((i) => [i.path, i.message])).toEqual([1, 2, 3, 4].map((k) => [
      `${hub}.addressSpace[${k}]`,
      `"${site(t, 'hub').addressSpace[k]}" overlaps "10.10.30.0/24" of the same VNet`,
    ]));
  });

  it('names a later-found inner address space when it is the first one written', () => {
    const t = seed();
    site(t, 'hub').addressSpace = ['10.10.30.0/25', '10.10.0.0/16'];
    site(t, 'hub').testAddresses = ['10.10.30.4'];
    expectIssue(t, `${sitePath(t, 'hub')}.addressSpace[1]`, '"10.10.0.0/16" overlaps "10.10.30.0/25" of the same VNet');
  });

  it('summarises a prefix shared by many sites in one warning, at the second of them', () => {
    const t = seed();
    const first = t.sites.length;
    for (let i = 0; i < 12; i++) t.sites.push({ ...extraVnet(`s${i}`, 1) });
    const warnings = issuesOf(t).filter((i) => i.severity === 'warning');
    expect(warnings.map((i) => [i.path, i.message])).toEqual([
      [
        `$.sites[${first + 1}].addressSpace[0]`,
        '12 sites share "10.99.1.0/24" ("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9" and 2 more): ' +
          'traffic for the overlap cannot be told apart',
      ],
    ]);
  });

  it('summarises a prefix that overlaps several prefixes of other sites in one warning, at it', () => {
    const t = seed();
    const first = t.sites.length;
    t.sites.push({ kind: 'onprem', id: 'dc', prefixes: ['10.99.0.0/16'], testAddresses: ['10.99.200.1'], routers: [] });
    t.sites.push(extraVnet('a', 1), extraVnet('b', 2), { ...extraVnet('c', 2), id: 'c' });
    const overlaps = issuesOf(t).filter((i) => i.message.includes('overlap'));
    expect(overlaps.map((i) => [i.path, i.message])).toEqual([
      [
        `$.sites[${first}].prefixes[0]`,
        '"10.99.0.0/16" overlaps 2 prefixes of other sites ("10.99.1.0/24" of "a", "10.99.2.0/24" of "b"): ' +
          'traffic for the overlap cannot be told apart',
      ],
      [
        `$.sites[${first + 3}].addressSpace[0]`,
        '"10.99.2.0/24" overlaps "10.99.2.0/24" of site "b": traffic for the overlap cannot be told apart',
      ],
    ]);
  });

  it('rejects local network prefixes that overlap the gateway VNet', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].bgp = false;
    t.vpnConnections[c].localNetworkPrefixes = ['10.2.30.0/25', '10.10.0.0/16'];
    expectIssue(t, `$.vpnConnections[${c}].localNetworkPrefixes[1]`, 'overlaps the address space of "hub"');
  });
});

describe('validateTopology() gateway transit', () => {
  it('rejects Use remote gateways when the other side does not allow gateway transit', () => {
    const t = seed();
    t.peerings[0].sides[0].allowGatewayTransit = false;
    expectIssue(t, '$.peerings[0].sides[1].useRemoteGateways', '"hub" does not allow gateway transit');
  });

  it('rejects Use remote gateways on a VNet with a gateway of its own', () => {
    const t = seed();
    site(t, 'spoke').erGateway = {};
    expectIssue(t, '$.peerings[0].sides[1].useRemoteGateways', 'of its own, so it cannot use remote gateways');
  });

  it('rejects Use remote gateways over a second peering', () => {
    const t = seed();
    t.sites.push({ ...extraVnet('hub2', 1), vpnGateway: { asn: 65001 } });
    t.peerings.push({ name: 'hub2-spoke', sides: [{ vnet: 'hub2', allowGatewayTransit: true }, { vnet: 'spoke', useRemoteGateways: true }] });
    expectIssue(t, '$.peerings[1].sides[1].useRemoteGateways', '"spoke" already uses remote gateways over $.peerings[0]');
  });

  it('rejects Use remote gateways toward a VNet with no gateway', () => {
    const t = seed();
    t.sites.push(extraVnet('a', 1), extraVnet('b', 2));
    t.peerings.push({ name: 'a-b', sides: [{ vnet: 'a', allowGatewayTransit: true }, { vnet: 'b', useRemoteGateways: true }] });
    expectIssue(t, '$.peerings[1].sides[1].useRemoteGateways', '"a" has no gateway to share');
    expectIssue(t, '$.peerings[1].sides[0].allowGatewayTransit', 'has no effect', 'warning');
  });
});

describe('validateTopology() ASNs', () => {
  it('rejects a CE router with the ASN of the VPN gateway it peers with', () => {
    const t = seed();
    const ceAsn = site(t, 'onprem1').routers[0].asn;
    site(t, 'hub').vpnGateway.asn = ceAsn;
    const c = vpnIndex(t, 'hub-onprem1');
    const issue = expectIssue(t, `$.vpnConnections[${c}].peer.ce`, `both use ASN ${ceAsn}`);
    expect(issue.hint).toContain("change the VPN gateway's asn");
  });

  it('rejects two VPN gateways with the same ASN on a BGP VNet-to-VNet connection', () => {
    const t = seed();
    delete site(t, 'branch').vpnGateway.asn; // default 65515, as the hub's
    const c = vpnIndex(t, 'hub-branch');
    const issue = expectIssue(t, `$.vpnConnections[${c}].peer.vnet`, 'both use ASN 65515');
    expect(issue.hint).toContain("change the VPN gateway's asn");
  });

  it('accepts equal ASNs when the connection runs no BGP', () => {
    const t = seed();
    delete site(t, 'branch').vpnGateway.asn;
    const c = vpnIndex(t, 'hub-branch');
    t.vpnConnections[c].bgp = false;
    expectNoIssueAt(t, `$.vpnConnections[${c}].peer.vnet`);
  });

  it.each([
    [65515, 'reserved by Azure'],
    [65516, 'reserved by Azure'],
    [65517, 'reserved by Azure'],
    [65518, 'reserved by Azure'],
    [65519, 'reserved by Azure'],
    [65520, 'reserved by Azure'],
    [12076, "MSEE's ASN"],
    [8075, 'Microsoft'],
    [8074, 'Microsoft'],
    [23456, 'AS_TRANS'],
    [65535, 'RFC 7300'],
    [4294967295, 'RFC 7300'],
  ])('rejects reserved ASN %i on a CE router', (asn, why) => {
    const t = seed();
    site(t, 'onprem2').routers[0].asn = asn;
    const issue = expectIssue(t, `${sitePath(t, 'onprem2')}.routers[0].asn`, `ASN ${asn} is reserved`);
    expect(issue.hint).toContain(why);
  });

  it.each([12076, 8075, 8074, 23456, 65535, 4294967295])('rejects reserved ASN %i on a VPN gateway', (asn) => {
    const t = seed();
    site(t, 'hub').vpnGateway.asn = asn;
    expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.asn`, `ASN ${asn} is reserved`);
  });

  it.each([65517, 65518, 65519, 65520])('rejects ASN %i on a VPN gateway, citing the VPN gateway BGP FAQ', (asn) => {
    const t = seed();
    site(t, 'hub').vpnGateway.asn = asn;
    const issue = expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.asn`, `ASN ${asn} is reserved`);
    expect(issue.hint).toContain('VPN gateway BGP FAQ');
    expect(issue.hint).toContain('65515 (the default)');
  });

  // 65516 is not among the FAQ's reserved ASNs, and Microsoft's interop setup (the seed) uses it on a VPN gateway.
  it.each([65515, 65516, 65001])('accepts ASN %i on a VPN gateway', (asn) => {
    const t = seed();
    site(t, 'hub').vpnGateway.asn = asn;
    expectNoIssueAt(t, `${sitePath(t, 'hub')}.vpnGateway.asn`);
  });
});

describe('validateTopology() VPN connections', () => {
  it('rejects static-route fields on a BGP connection, BGP being the default', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    delete t.vpnConnections[c].bgp;
    t.vpnConnections[c].localNetworkPrefixes = ['10.2.30.0/25'];
    t.vpnConnections[c].peerStaticRoutes = ['10.10.30.0/24'];
    for (const field of ['localNetworkPrefixes', 'peerStaticRoutes']) {
      const issue = expectIssue(t, `$.vpnConnections[${c}].${field}`, 'is for static connections');
      expect(issue.hint).toContain('set bgp false');
    }
  });

  it('requires local network prefixes on a static connection to a CE router', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].bgp = false;
    expectIssue(t, `$.vpnConnections[${c}].localNetworkPrefixes`, 'needs at least one local network prefix');
    t.vpnConnections[c].localNetworkPrefixes = [];
    expectIssue(t, `$.vpnConnections[${c}].localNetworkPrefixes`, 'needs at least one local network prefix');
    t.vpnConnections[c].localNetworkPrefixes = ['10.2.30.0/25'];
    expectNoIssueAt(t, `$.vpnConnections[${c}].localNetworkPrefixes`);
  });

  it('warns about a BGP policy on a static connection', () => {
    const t = seed();
    const c = vpnIndex(t, 'hub-onprem1');
    t.vpnConnections[c].bgp = false;
    t.vpnConnections[c].localNetworkPrefixes = ['10.2.30.0/25'];
    t.vpnConnections[c].peer.policy = { inbound: { localPreference: 50 } };
    expectIssue(t, `$.vpnConnections[${c}].peer.policy`, 'no effect', 'warning');
  });

  it('accepts a second connection between the same two ends (a CE with two public addresses): nothing to warn of', () => {
    const t = seed();
    t.vpnConnections.push({ ...structuredClone(t.vpnConnections[0]), name: 'again' });
    expectNoIssueAt(t, `$.vpnConnections[${t.vpnConnections.length - 1}]`);
  });

  it('accepts an active-active gateway with an address per instance, and refuses a gateway-wide one beside them', () => {
    const t = seed();
    const hub = site(t, 'hub');
    hub.vpnGateway = { asn: 65515, instances: [{ bgpAddress: '10.10.30.254' }, { bgpAddress: '10.10.30.253', address: '10.10.30.143' }] };
    expect(errorsOf(t)).toEqual([]);
    hub.vpnGateway.bgpAddress = '10.10.30.252';
    expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.bgpAddress`, 'active-active');
  });

  it('checks each instance address like any gateway address', () => {
    const t = seed();
    site(t, 'hub').vpnGateway = { instances: [{ bgpAddress: '10.10.30.254' }, { bgpAddress: '10.99.0.1' }] };
    expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.instances[1].bgpAddress`, 'outside', 'warning');
    site(t, 'hub').vpnGateway = { instances: [{ bgpAddress: '10.10.30.254' }] };
    expectIssue(t, `${sitePath(t, 'hub')}.vpnGateway.instances`, 'exactly 2 items');
  });
});

describe('validateTopology() user-defined routes', () => {
  function withRoutes(vnet: string, routes: Json[]): Json {
    const t = seed();
    site(t, vnet).routeTable = { routes };
    return t;
  }

  it('requires a next hop address on a VirtualAppliance route', () => {
    const t = withRoutes('spoke', [{ name: 'nva', prefix: '10.2.30.0/25', nextHopType: 'VirtualAppliance' }]);
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[0].nextHopAddress`, 'needs "nextHopAddress"');
  });

  it('accepts an appliance in a peered VNet and rejects one in a VNet that is not peered', () => {
    const hubAppliance = withRoutes('spoke', [{ name: 'nva', prefix: '10.2.30.0/25', nextHopType: 'VirtualAppliance', nextHopAddress: '10.10.30.10' }]);
    expect(errorsOf(hubAppliance)).toEqual([]);
    // branch is reached from spoke only over VPN, never peered with it.
    const t = withRoutes('spoke', [{ name: 'nva', prefix: '10.2.30.0/25', nextHopType: 'VirtualAppliance', nextHopAddress: '10.11.30.68' }]);
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[0].nextHopAddress`, 'not in "spoke" or a VNet peered with it');
  });

  it('rejects a next hop address on other route types', () => {
    const t = withRoutes('spoke', [{ name: 'drop', prefix: '10.2.30.0/25', nextHopType: 'None', nextHopAddress: '10.10.30.10' }]);
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[0].nextHopAddress`, 'takes no next hop address');
  });

  it('accepts VirtualNetworkGateway in a VNet using the hub gateways and rejects it in one with no VPN gateway', () => {
    const route = { name: 'gw', prefix: '10.2.30.0/25', nextHopType: 'VirtualNetworkGateway' };
    expect(errorsOf(withRoutes('spoke', [route]))).toEqual([]);
    expect(errorsOf(withRoutes('hub', [route]))).toEqual([]);
    const t = withRoutes('remote', [route]); // only an ER gateway, no peering
    expectIssue(t, `${sitePath(t, 'remote')}.routeTable.routes[0].nextHopType`, '"remote" has no VPN gateway');
  });

  it('rejects a prefix routed twice in one table', () => {
    const t = withRoutes('spoke', [
      { name: 'a', prefix: '10.2.30.0/25', nextHopType: 'None' },
      { name: 'b', prefix: '10.2.30.0/25', nextHopType: 'VirtualNetworkGateway' },
    ]);
    expectIssue(t, `${sitePath(t, 'spoke')}.routeTable.routes[1].prefix`, 'already has a route for "10.2.30.0/25"');
  });
});

describe('validateTopology() ExpressRoute and CE routers', () => {
  it('warns about a circuit with no connections', () => {
    const t = seed();
    const c = circuitIndex(t, 'er2');
    t.erCircuits[c].connections = [];
    expectIssue(t, `$.erCircuits[${c}].connections`, 'circuit "er2" has no connections', 'warning');
  });

  it('warns about a circuit with no links', () => {
    const t = seed();
    t.erCircuits.push({ name: 'er3', links: [], connections: [{ name: 'er3-remote', vnet: 'remote' }] });
    expectIssue(t, `$.erCircuits[${t.erCircuits.length - 1}].links`, 'circuit "er3" has no links', 'warning');
  });

  it('warns about two Global Reach connections between the same circuits', () => {
    const t = seed();
    t.globalReach = [
      { name: 'a', circuits: ['er1', 'er2'] },
      { name: 'b', circuits: ['er2', 'er1'] },
    ];
    expectIssue(t, '$.globalReach[1]', 'already joined at $.globalReach[0]', 'warning');
  });

  it('rejects two primary links on one circuit', () => {
    const t = seed();
    const c = circuitIndex(t, 'er2');
    t.erCircuits[c].links[1].role = 'primary';
    expectIssue(t, `$.erCircuits[${c}].links[1].role`, 'already has a primary link');
  });

  it('rejects two connections from one circuit to the same VNet', () => {
    const t = seed();
    const c = circuitIndex(t, 'er1');
    t.erCircuits[c].connections.push({ name: 'er1-hub-2', vnet: 'hub' });
    expectIssue(t, `$.erCircuits[${c}].connections[2].vnet`, 'already connects "hub"');
  });

  it('warns about a CE router with no link at all', () => {
    const t = seed();
    site(t, 'onprem2').routers.push({ id: 'onprem2-ce3', asn: 65022, routerId: '10.1.31.252', networks: [] });
    expectIssue(t, `${sitePath(t, 'onprem2')}.routers[2]`, 'no ExpressRoute link and no VPN connection', 'warning');
  });

  it('warns about an on-premises site with no CE router', () => {
    const t = seed();
    t.sites.push({ kind: 'onprem', id: 'onprem3', prefixes: ['10.3.0.0/16'], testAddresses: ['10.3.0.1'], routers: [] });
    expectIssue(t, `$.sites[${t.sites.length - 1}].routers`, 'has no CE router', 'warning');
  });

  it('warns about two CE routers with one router id', () => {
    const t = seed();
    site(t, 'onprem2').routers[1].routerId = site(t, 'onprem2').routers[0].routerId;
    expectIssue(t, `${sitePath(t, 'onprem2')}.routers[1].routerId`, 'also used by CE router "onprem2-ce1"', 'warning');
  });
});

describe('validateTopology() reporting', () => {
  it('reports every problem of a file at once, errors first, in document order', () => {
    const t = seed();
    site(t, 'branch').vpnGateway.address = '10.99.0.1'; // a warning, before most errors in the file
    site(t, 'hub').addressSpace = ['10.10.30.1/24']; // semantic, early in the file
    site(t, 'onprem1').routers[0].asn = 12076; // semantic
    t.peerings[0].colour = 'blue'; // structural
    t.erCircuits[0].connections[0].weight = 40000; // structural, late in the file
    t.vpnConnections[0].gateway = 'nowhere'; // reference
    const r = validateTopology(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => i.path);
    expect(errors).toEqual([
      `${sitePath(t, 'hub')}.addressSpace[0]`,
      `${sitePath(t, 'onprem1')}.routers[0].asn`,
      '$.peerings[0].colour',
      '$.vpnConnections[0].gateway',
      '$.erCircuits[0].connections[0].weight',
    ]);
    // Warnings come after every error.
    const warnings = r.issues.slice(errors.length);
    expect(warnings.map((i) => [i.severity, i.path])).toEqual([['warning', `${sitePath(t, 'branch')}.vpnGateway.address`]]);
  });

  it('does not run semantic checks on values that failed the structural pass', () => {
    const t = seed();
    site(t, 'hub').addressSpace = '10.10.30.0/24'; // a string, not a list
    const hubIssues = issuesOf(t).filter((i) => i.path.startsWith(sitePath(t, 'hub')));
    expect(hubIssues.map((i) => i.path)).toEqual([`${sitePath(t, 'hub')}.addressSpace`]);
  });
});

describe('failIdIssues()', () => {
  // The seed's failure units, derived from the file (kind:name; er1's secondary link is disabled there).
  function seedUnits(): { id: string; enabled: boolean }[] {
    const t = seed();
    const unit = (kind: string, x: Json) => ({ id: `${kind}:${x.name}`, enabled: x.enabled !== false });
    return [
      ...t.peerings.map((p: Json) => unit('peering', p)),
      ...t.vpnConnections.map((c: Json) => unit('vpn', c)),
      ...t.erCircuits.flatMap((c: Json) => c.links.map((l: Json) => unit('er-link', l))),
      ...t.erCircuits.flatMap((c: Json) => c.connections.map((x: Json) => unit('er-conn', x))),
    ];
  }

  it('accepts known, enabled ids', () => {
    expect(failIdIssues(seedUnits(), ['peering:hub-spoke', 'er-link:er1-primary'])).toEqual([]);
  });

  it('reports an unknown id with the closest known one', () => {
    const [issue] = failIdIssues(seedUnits(), ['vpn:hub-branch', 'er-link:er1-primry']);
    expect(issue).toMatchObject({ path: '--fail[1]', severity: 'error' });
    expect(issue?.message).toContain('unknown failure unit "er-link:er1-primry"');
    expect(issue?.hint).toContain('did you mean "er-link:er1-primary"?');
    expect(issue?.hint).toContain('whatif links');
  });

  it('finds the unit when the kind prefix is missing', () => {
    const [issue] = failIdIssues(seedUnits(), ['er1-hub']);
    expect(issue?.hint).toContain('"er-conn:er1-hub"');
  });

  it('points at `whatif links` when nothing is close', () => {
    const [issue] = failIdIssues(seedUnits(), ['zzzzzzzzzzzz']);
    expect(issue?.hint).toContain('whatif links');
    expect(issue?.hint).not.toContain('did you mean');
  });

  it('reports an administratively disabled id', () => {
    const [issue] = failIdIssues(seedUnits(), ['er-link:er1-secondary']);
    expect(issue).toMatchObject({ path: '--fail[0]', severity: 'error' });
    expect(issue?.message).toContain('is administratively disabled in the topology: it is already down in every scenario');
  });

  it('uses the option name in paths and reports empty ids', () => {
    const issues = failIdIssues(seedUnits(), ['peering:hub-spoke', '', 'peering:hub-spoke'], '--only');
    expect(issues.map((i) => [i.path, i.message])).toEqual([['--only[1]', 'empty failure unit id']]);
  });
});

describe('loadTopologyFile()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-load-'));
  function file(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('loads and validates the seed', () => {
    expect(loadTopologyFile(SEED_FILE.pathname).ok).toBe(true);
  });

  it('reports a missing file at $', () => {
    const r = loadTopologyFile(join(dir, 'nope.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: '$', severity: 'error' });
    expect(r.issues[0]?.message).toContain('no such file');
  });

  it('reports a directory at $', () => {
    const r = loadTopologyFile(dir);
    expect(!r.ok && r.issues[0]?.message).toContain('directory');
  });

  it('reports invalid JSON with its line and column', () => {
    // Line 3 is `  "sites": [}`: two spaces, "sites" (7), ":" , " ", "[" put the "}" in column 13.
    const r = loadTopologyFile(file('bad.json', '{\n  "name": "x",\n  "sites": [}\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.path).toBe('$');
    expect(r.issues[0]?.message).toMatch(/^not valid JSON: .*"\}".* at line 3, column 13$/);
  });

  it('names a trailing comma and a comment', () => {
    const comma = loadTopologyFile(file('comma.json', '{\n  "name": "x",\n}'));
    expect(!comma.ok && comma.issues[0]?.message).toContain('trailing comma before "}" at line 3, column 1');
    const comment = loadTopologyFile(file('comment.json', '{\n  // a note\n  "name": "x"\n}'));
    expect(!comment.ok && comment.issues[0]?.message).toContain('comments are not allowed at line 2, column 3');
  });

  it('reports a file cut short', () => {
    const cut = seedText.indexOf('"sites": [') + '"sites": ['.length;
    const r = loadTopologyFile(file('short.json', seedText.slice(0, cut)));
    expect(!r.ok && r.issues[0]?.message).toContain('unexpected end of file');
  });

  it('reports a file cut short inside a string at the string\'s opening quote', () => {
    // Line 2 is `  "name": "az`: the cut string opens in column 11.
    const r = loadTopologyFile(file('cut-string.json', '{\n  "name": "az'));
    expect(!r.ok && r.issues[0]?.message).toBe('not valid JSON: unexpected end of file inside a string at line 2, column 11');
    expect(!r.ok && r.issues[0]?.hint).toContain('cut short');
  });

  it('accepts a byte order mark', () => {
    expect(loadTopologyFile(file('bom.json', `\ufeff${seedText}`)).ok).toBe(true);
  });

  it('validates what it parsed', () => {
    const t = seed();
    t.sites[0].addressSpace = ['10.10.30.1/24'];
    const r = loadTopologyFile(file('hostbits.json', JSON.stringify(t)));
    expect(!r.ok && r.issues[0]?.path).toBe('$.sites[0].addressSpace[0]');
  });
});

describe('formatIssues()', () => {
  it('prints a header, one line per issue and its hint', () => {
    const issues: Issue[] = [
      { path: '$.sites[0].addressSpace[0]', message: 'host bits are set: the network address is 10.0.0.0', hint: 'write 10.0.0.0/24', severity: 'error' },
      { path: '$.sites[2].vpnGateway.asn', message: 'ASN 65516 is reserved', hint: '', severity: 'warning' },
    ];
    expect(formatIssues('scenarios/x.json', issues)).toBe(
      'scenarios/x.json: 2 problems (1 error, 1 warning)\n' +
        '  $.sites[0].addressSpace[0]: host bits are set: the network address is 10.0.0.0\n' +
        '    hint: write 10.0.0.0/24\n' +
        '  $.sites[2].vpnGateway.asn: warning: ASN 65516 is reserved\n',
    );
  });

  it('says when there is nothing to report', () => {
    expect(formatIssues('x.json', [])).toBe('x.json: no problems\n');
  });
});
