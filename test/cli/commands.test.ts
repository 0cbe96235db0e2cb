import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { records, whatif, SEED } from '../cli-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'whatif-cli-'));
const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown> & { sites: Record<string, unknown>[] };

function write(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('whatif validate', () => {
  it('accepts the seed: exit 0, no warnings', () => {
    const r = whatif(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid (6 sites, 10 failure units, 9 enabled)');
    expect(r.stderr).toBe('');
  });

  it('lists every problem of a broken file with its path, exit 2, nothing on stdout', () => {
    const broken = structuredClone(seed);
    broken.sites[0]!.addressSpace = ['10.10.30.5/24'];
    broken.sites[1]!.colour = 'blue';
    const path = write('broken.json', JSON.stringify(broken));
    const r = whatif(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('$.sites[0].addressSpace[0]');
    expect(r.stderr).toContain('10.10.30.0/24');
    expect(r.stderr).toContain('$.sites[1].colour');
  });

  it('explains a hub\'s mistakes: appliance outside its subnet, table on a missing subnet, Route Server without its subnet, branch-to-branch without a gateway', () => {
    const hub = JSON.parse(readFileSync(new URL('../cases/route-server-default-route.json', import.meta.url), 'utf8'));
    hub.sites[0].appliances[0].instances[1].address = '10.100.0.5';
    hub.sites[0].routeServer.peerings[1].peerAddress = '10.100.0.5';
    hub.sites[0].subnets = hub.sites[0].subnets.filter((s: { name: string }) => s.name !== 'RouteServerSubnet');
    hub.sites[0].routeServer.branchToBranch = true;
    hub.routeTables[0].subnets = ['hub/nvas'];
    const r = whatif(['validate', write('hub.json', JSON.stringify(hub))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    for (const [path, message] of [
      ['$.sites[0].appliances[0].instances[1].address', 'appliance address "10.100.0.5" is outside its subnet "nva" (10.100.1.0/24)'],
      ['$.sites[0].routeServer', '"hub" has a Route Server but no RouteServerSubnet'],
      ['$.sites[0].routeServer.branchToBranch', 'branch-to-branch exchanges routes with the gateways of "hub", and it has none'],
      ['$.routeTables[0].subnets[0]', 'the route table is on subnet "nvas" of "hub", which does not exist'],
    ]) {
      const at = lines.findIndex((l) => l === `  ${path}: ${message}`);
      expect(at, `${path} in ${r.stderr}`).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^ {4}hint: \S/);
    }
  });

  it('reports a JSON syntax error with line and column', () => {
    const r = whatif(['validate', write('bad.json', '{\n  "name": "x",\n  "sites": [}\n')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 3, column \d+/);
  });

  it('reports all of thousands of problems through a pipe, however long the report', () => {
    const sites = Array.from({ length: 2000 }, (_, i) => ({
      kind: 'vnet', id: `v${i}`, addressSpace: [`10.${i >> 8}.${i & 255}.0/24`], testAddresses: [`10.${i >> 8}.${i & 255}.4`], colour: 'blue',
    }));
    const path = write('many.json', JSON.stringify({ name: 'many', sites }));
    const r = whatif(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    // A header, then each problem on two lines: its path and message, and its hint.
    expect(lines).toHaveLength(1 + 2 * 2000);
    expect(lines[0]).toBe(`${path}: 2000 problems`);
    expect(lines.at(-2)).toBe('  $.sites[1999].colour: unknown field "colour"');
  });

  it('refuses a file nested 5,000 levels deep with one problem and no stack trace', () => {
    const path = write('deep.json', `{"name":"x","sites":[${'['.repeat(5000)}${']'.repeat(5000)}]}`);
    const r = whatif(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${path}: 1 problem\n` +
        '  $: nested more than 64 levels deep at line 1, column 84\n' +
        '    hint: a topology nests about 8 levels of arrays and objects: remove the extra nesting, or close what was left open\n',
    );
  });

  it('every command refuses a bad topology the same way', () => {
    const path = write('empty.json', '{}');
    for (const args of [[path], ['links', path], ['trace', 'hub', 'spoke', '-t', path]]) {
      const r = whatif(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('--fail ids', () => {
  it('a disabled link named in --fail is an error: exit 2, nothing on stdout', () => {
    const r = whatif(['--fail', 'er-link:er1-secondary']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('administratively disabled');
  });

  it('an unknown id names the closest ones', () => {
    const r = whatif(['--fail', 'er-link:er1-primry']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('er-link:er1-primary');
  });
});

describe('whatif links', () => {
  it('lists the ten seed units in enumeration order, er1-secondary disabled', () => {
    const units = records(whatif(['links', '--json']).stdout);
    expect(units.map((u) => u.id)).toEqual([
      'peering:hub-spoke', 'vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-link:er1-secondary',
      'er-link:er2-primary', 'er-link:er2-secondary', 'er-conn:er1-hub', 'er-conn:er1-remote', 'er-conn:er2-hub',
    ]);
    expect(units.filter((u) => !u.enabled).map((u) => u.id)).toEqual(['er-link:er1-secondary']);
    expect(whatif(['links']).stdout).toMatch(/er-link:er1-secondary\s+er-link\s+onprem1-ce <-> er1\/msee\s+disabled/);
  });
});

describe('whatif trace: the shape of the seed traceroutes', () => {
  type Pair = { src: string; outcome: string; paths: string[][]; hops: { node: string; address?: string }[][]; symmetric: boolean | null };
  const trace = (...args: string[]): Pair[] => records(whatif(['trace', ...args, '--json']).stdout) as unknown as Pair[];

  it('hub -> onprem1: ER gateway (10.10.30.132, hop 1 of the seed), MSEE, CE, the VM', () => {
    const [there] = trace('hub', 'onprem1');
    expect(there!.hops).toHaveLength(1);
    expect(there!.hops[0]!.map((h) => h.node)).toEqual(['hub/ergw', 'er1/msee', 'onprem1-ce', 'onprem1']);
    expect(there!.hops[0]![0]!.address).toBe('10.10.30.132');
    expect(there!.hops[0]!.at(-1)!.address).toBe('10.2.30.10');
  });

  it('onprem1 -> hub: CE LAN side 192.168.30.0, MSEE 192.168.30.18 (hops 2 and 3 of the seed), ER gateway, VM', () => {
    const [there] = trace('onprem1', 'hub');
    // The ER gateway is entered by its er1 tunnel endpoint, the address hub -> onprem1 shows as hop 1.
    expect(there!.hops[0]!.map((h) => [h.node, h.address])).toEqual([
      ['onprem1-ce', '192.168.30.0'], ['er1/msee', '192.168.30.18'], ['hub/ergw', '10.10.30.132'], ['hub', '10.10.30.4'],
    ]);
  });

  it('branch -> onprem1: branch VPN gateway, hub VPN gateway, the CE tunnel end 10.2.30.125, the VM', () => {
    const [there] = trace('branch', 'onprem1');
    expect(there!.hops[0]!.map((h) => [h.node, h.address])).toEqual([
      ['branch/vpngw', '10.11.30.100'], ['hub/vpngw', '10.10.30.142'], ['onprem1-ce', '10.2.30.125'], ['onprem1', '10.2.30.10'],
    ]);
  });

  it('onprem2 -> hub load-balances over both ER2 links: two branches through two CE/MSEE pairs', () => {
    const [there] = trace('onprem2', 'hub');
    expect(there!.hops.map((b) => b.slice(0, 2).map((h) => h.address))).toEqual([
      ['192.168.31.0', '192.168.31.18'], ['192.168.31.4', '192.168.31.22'],
    ]);
    expect(there!.symmetric).toBe(true);
  });

  it('with er-link:er1-primary failed, onprem1 -> hub goes over the VPN, as the seed failover test shows', () => {
    const [there, back] = trace('onprem1', 'hub', '--fail', 'er-link:er1-primary');
    expect(there!.paths).toEqual([['vpn:hub-onprem1']]);
    expect(there!.hops[0]!.map((h) => h.node)).toEqual(['onprem1-ce', 'hub/vpngw', 'hub']);
    expect(back!.paths).toEqual([['vpn:hub-onprem1']]);
    expect(there!.symmetric).toBe(true);
  });

  it('prints a readable listing and the symmetry verdict', () => {
    const text = whatif(['trace', 'branch', 'remote']).stdout;
    expect(text).toContain('branch -> remote');
    expect(text).toContain('NO_ROUTE');
    expect(text).toContain('symmetric: n/a');
  });
});

describe('whatif routes', () => {
  it('--json gives one object per route with the contract fields and why losers lost', () => {
    const rows = records(whatif(['routes', 'hub', '--json']).stdout);
    expect(Object.keys(rows[0]!).sort()).toEqual(['asPath', 'best', 'localPref', 'nextHop', 'node', 'prefix', 'reason', 'source', 'weight']);
    const onprem1 = rows.filter((r) => r.prefix === '10.2.30.0/25');
    expect(onprem1).toEqual([
      { node: 'hub', prefix: '10.2.30.0/25', source: 'er', nextHop: 'hub/ergw', asPath: [12076, 65021], localPref: 100, weight: 0, best: true, reason: null },
      // The gateway's route as Azure shows it: weight 32768 for VPN-learned (the S2S-backup-for-ExpressRoute article).
      { node: 'hub', prefix: '10.2.30.0/25', source: 'vpn', nextHop: 'hub/vpngw', asPath: [65021], localPref: 100, weight: 32768, best: false, reason: 'ExpressRoute preferred over VPN' },
    ]);
  });

  it('hub/vpngw holds the ExpressRoute copies of on-prem prefixes (12076 <CE ASN>, weight 32769) without using them', () => {
    const rows = records(whatif(['routes', 'hub/vpngw', '--json']).stdout);
    // onprem1 over the tunnel (installed, VPN-learned: 32768) and over ExpressRoute (held, 32769).
    expect(rows.filter((r) => r.prefix === '10.2.30.0/25').map((r) => [r.source, r.nextHop, r.asPath, r.weight, r.best])).toEqual([
      ['vpn', 'onprem1-ce', [65021], 32768, true],
      ['er', 'hub/ergw', [12076, 65021], 32769, false],
    ]);
    // onprem2 and remote exist only over ExpressRoute: held, so the VPN gateway still has no route to them.
    for (const prefix of ['10.1.31.0/25', '10.17.30.0/24']) {
      expect(rows.filter((r) => r.prefix === prefix).map((r) => [r.source, r.best])).toEqual([['er', false]]);
    }
    expect(rows.find((r) => r.prefix === '10.1.31.0/25')!.reason).toContain('does not carry ExpressRoute routes');
  });

  it('a VPN gateway never shows a BGP route for its VNet\'s exact prefix: blocked, not a losing row (route-table-rows case)', () => {
    const file = new URL('../cases/route-table-rows.json', import.meta.url).pathname;
    const rows = records(whatif(['routes', 'hub/vpngw', '--json', '-t', file]).stdout);
    expect(rows.filter((r) => r.prefix === '10.64.0.0/24').map((r) => [r.source, r.best])).toEqual([['local', true]]);
    const hub = records(whatif(['routes', 'hub', '--json', '-t', file]).stdout);
    expect(hub.filter((r) => r.prefix === '10.66.5.0/24').map((r) => [r.source, r.best])).toEqual([['vpn', false]]);
  });

  it('an unknown node is a usage error listing the nodes', () => {
    const r = whatif(['routes', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('hub/ergw');
  });
});
