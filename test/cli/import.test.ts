import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/topology.js';
import seed, { seedSingleFailureSummary } from '../cases/seed.expected.js';
import { records, whatif } from '../cli-process.js';
import { seedMapping } from '../sources/seed-mapping.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/azure-interop/', import.meta.url));
const GRAPH = `${FIXTURES}resource-graph.json`;
const AZ = readdirSync(`${FIXTURES}az-network`).map((f) => `${FIXTURES}az-network/${f}`);
const CONFIGS = readdirSync(`${FIXTURES}ce`).map((f) => `${FIXTURES}ce/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'whatif-import-cli-'));

describe('whatif import of the seed, then whatif --all-single-failures', () => {
  const out = join(tmp, 'seed.json');
  const imported = whatif(['import', GRAPH, ...CONFIGS, '--out', out]);
  const topology = JSON.parse(readFileSync(out, 'utf8')) as Topology;
  const map = seedMapping(topology);

  it('writes the topology to --out, nothing to stdout, and summarises on stderr', () => {
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe('');
    const lines = imported.stderr.split('\n');
    // 4 VNets, 4 gateways, 6 connections, 1 local network gateway, 2 circuits, 4 network interfaces.
    expect(lines[0]).toBe('whatif import: 6 sites, 10 failure units (9 enabled) from 1 Azure export (21 resources) and 3 router configurations');
    expect(lines).toContain('  on-premises: loc1 (loc1-ce01), loc2 (loc2-ce01, loc2-ce02)');
    const configLine = (rest: string) => lines.some((l) => l.startsWith(`  ${FIXTURES}ce/loc1-ce01.cfg ${rest}`));
    expect(configLine('lines 14-17: changes routing: router ospf 30 vrf 30')).toBe(true);
    expect(configLine('line 18: changes routing: default-information originate always')).toBe(true);
    expect(configLine('line 19: not understood: default-metric 10')).toBe(true);
    expect(lines).toContain(`  ${FIXTURES}ce/loc1-ce01.cfg lines 2-4, 8-10, 12, 27-28, 38-41, 43-45, 47-51, 53-58, 60-61, 63-65, 71, 73-76, 83, 86, 89`);
  });

  const run = whatif(['--all-single-failures', out, '--workers', '1']);
  const lines = records(run.stdout);
  const sites = lines[0]!.sites as string[];

  it('the baseline matrices are the seed\'s, site for site', () => {
    expect(run.status).toBe(0);
    const [baseline] = seed.scenarios;
    const reach = sites.map((s) => [...sites].fill('1').join('').split('').map((c, j) => (s === sites[j] ? c : '?')));
    const sym = reach.map((row) => [...row]);
    for (const pair of baseline!.pairs!) {
      const [i, j] = [sites.indexOf(map.site(pair.src)), sites.indexOf(map.site(pair.dst))];
      reach[i]![j] = pair.outcome === 'DELIVERED' ? '1' : '0';
      sym[i]![j] = pair.symmetric === true ? '1' : pair.symmetric === false ? '0' : '-';
    }
    expect(lines[1]).toMatchObject({ id: 'baseline', reach: reach.map((r) => r.join('')), sym: sym.map((r) => r.join('')) });
  });

  it('each single failure loses and reroutes the seed\'s pairs', () => {
    const pairs = (list: [string, string][]) => list.map(([a, b]) => `${map.site(a)} -> ${map.site(b)}`).sort();
    const got = (list: unknown) => (list as [string, string][]).map(([a, b]) => `${a} -> ${b}`).sort();
    for (const expected of seedSingleFailureSummary) {
      const scenario = lines.find((r) => r.id === map.unit(expected.unit));
      expect(scenario, expected.unit).toBeDefined();
      expect(got(scenario!.lost), expected.unit).toEqual(pairs(expected.lost));
      expect(got(scenario!.rerouted), expected.unit).toEqual(pairs(expected.rerouted));
      expect(scenario!.asymmetric).toEqual([]);
    }
    expect(lines.filter((r) => r.type === 'scenario')).toHaveLength(1 + seedSingleFailureSummary.length);
  });

  it('the az network outputs import to the same topology, on stdout', () => {
    const az = whatif(['import', ...AZ, ...CONFIGS]);
    expect(az.status).toBe(0);
    const fromAz = JSON.parse(az.stdout) as Topology;
    expect({ ...fromAz, description: '' }).toEqual({ ...topology, description: '' });
  });
});

describe('whatif import: bad input', () => {
  const write = (name: string, content: string) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };

  it('reports every bad file, exit 2, nothing on stdout', () => {
    const prose = write('notes.txt', 'Remember to export the hub\nand the circuits too.\n');
    const truncated = write('truncated.json', readFileSync(GRAPH, 'utf8').slice(0, 5000));
    const other = write('other.json', '{"name": "a whatif topology", "sites": []}');
    const r = whatif(['import', prose, truncated, other, join(tmp, 'missing.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${prose}: 1 problem\n  $: neither JSON nor a Cisco IOS configuration: no line of the supported subset`);
    expect(r.stderr).toMatch(new RegExp(`${truncated}: 1 problem\\n  \\$: not valid JSON: unexpected end of file inside a string at line \\d+, column \\d+`));
    expect(r.stderr).toContain(`${other}: 1 problem\n  $: not an Azure resource export`);
    expect(r.stderr).toContain(`${join(tmp, 'missing.json')}: 1 problem\n  $: cannot read the file: no such file`);
  });

  it('refuses a connection to a gateway missing from the export, naming it, and writes no --out file', () => {
    const graph = JSON.parse(readFileSync(GRAPH, 'utf8')) as { count: number; data: { name: string }[] };
    const cut = write('cut.json', JSON.stringify({ ...graph, data: graph.data.filter((row) => row.name !== 'hub-vpngw') }));
    const out = join(tmp, 'never.json');
    const r = whatif(['import', cut, ...CONFIGS, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    // Three connections end at the hub's VPN gateway: the VNet-to-VNet tunnel (both sides) and the one to Location 1.
    expect(r.stderr.match(/its gateway \/subscriptions\/[^ ]+\/virtualNetworkGateways\/hub-vpngw is not in the export/g)).toHaveLength(3);
    expect(r.stderr).toContain('whatif import: nothing written');
  });

  it('reports a bad value in a configuration at its line', () => {
    const cfg = write('bad.cfg', 'hostname x\ninterface Gi0/1\n ip address 10.0.0.300 255.255.255.0\n');
    const r = whatif(['import', GRAPH, cfg]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${cfg}: 1 problem\n  line 3: ip address 10.0.0.300 255.255.255.0: "10.0.0.300" is not a valid interface address`);
  });
});
