import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedRun, records, spawn, whatif, CLI } from '../cli-process.js';
import { combinations } from '../../src/failures/enumerate.js';
import type { Topology } from '../../src/model/topology.js';

const tmp = mkdtempSync(join(tmpdir(), 'whatif-sweep-'));

describe('whatif --all-single-failures on the seed', () => {
  const run = whatif(['--all-single-failures', '--workers', '2']);
  const lines = records(run.stdout);

  it('streams run, baseline, 9 failure scenarios in links order, then summary', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('error');
    expect(lines.map((r) => r.type)).toEqual(['run', 'scenario', ...Array(9).fill('scenario'), 'summary']);
    expect(lines[0]).toMatchObject({ scenarios: 9, maxFailures: 1, disabledUnits: ['er-link:er1-secondary'] });
    expect(lines.slice(2, 11).map((r) => r.id)).toEqual([
      'peering:hub-spoke', 'vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-link:er2-primary',
      'er-link:er2-secondary', 'er-conn:er1-hub', 'er-conn:er1-remote', 'er-conn:er2-hub',
    ]);
  });

  it('the baseline carries the full matrices', () => {
    expect(lines[1]).toMatchObject({
      id: 'baseline', failed: [],
      // hub, spoke, branch, onprem1, onprem2, remote (derived in test/cases/seed.expected.ts)
      reach: ['111111', '111111', '111100', '111101', '110010', '110101'],
      sym: ['111111', '111111', '1111--', '1111-1', '11--1-', '11-1-1'],
    });
  });

  it('er-link:er1-primary loses onprem1 <-> remote and moves onprem1 <-> hub/spoke to the VPN', () => {
    const s = lines.find((r) => r.id === 'er-link:er1-primary')!;
    expect(s.lost).toEqual([['onprem1', 'remote'], ['remote', 'onprem1']]);
    expect(s.rerouted).toEqual([['hub', 'onprem1'], ['spoke', 'onprem1'], ['onprem1', 'hub'], ['onprem1', 'spoke']]);
    expect(s.asymmetric).toEqual([]);
    expect(s.gained).toEqual([]);
  });

  it('the summary ranks by lost pairs and lists the single points of failure', () => {
    const summary = lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', partial: false, scenarios: { total: 9, run: 9, errors: 0 } });
    const ranking = summary.ranking as { id: string; lost: number }[];
    expect(ranking[0]).toMatchObject({ id: 'peering:hub-spoke', lost: 10 });
    // ER2's two links back each other up: losing either loses nothing, so neither is a single point of failure.
    const spof = (summary.singlePointsOfFailure as { unit: string }[]).map((s) => s.unit);
    expect(spof).not.toContain('er-link:er2-primary');
    expect(spof).not.toContain('er-link:er2-secondary');
    expect(spof).toContain('er-link:er1-primary');
  });
});

describe('determinism', () => {
  it('gives byte-identical NDJSON at 1, 2 and 4 workers, with pairs and full matrices', () => {
    const outputs = [1, 2, 4].map((w) => whatif(['--max-failures', '2', '--all-scenarios', '--pairs', '--full', '--workers', String(w)]));
    for (const o of outputs) expect(o.status).toBe(0);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout);
    expect(records(outputs[0]!.stdout).filter((r) => r.type === 'scenario')).toHaveLength(46);
  });

  it('gives byte-identical NDJSON at 1 and 4 workers when only irreducible combinations are written', () => {
    const [one, four] = [1, 4].map((w) => whatif(['--max-failures', '3', '--workers', String(w)]));
    expect(one!.status).toBe(0);
    expect(four!.stdout).toBe(one!.stdout);
  });

  it('gives byte-identical NDJSON at 1 and 4 workers on an estate, where batches vary in size and finish out of order', () => {
    const s = join(tmp, 's.json');
    writeFileSync(s, whatif(['generate', '--preset', 'S']).stdout);
    const [one, four] = [1, 4].map((w) => whatif([s, '--max-failures', '2', '--all-scenarios', '--workers', String(w)]));
    expect(one!.status).toBe(0);
    expect(four!.stdout).toBe(one!.stdout);
    expect(records(one!.stdout).filter((r) => r.type === 'scenario').length).toBeGreaterThan(700);
  });
});

describe('the scenario-count guard', () => {
  it('refuses above --max-scenarios with the count and how to raise it; nothing on stdout', () => {
    const r = whatif(['--max-failures', '3', '--max-scenarios', '100']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // 9 + 36 + 84 combinations of up to 3 of the 9 enabled units.
    expect(r.stderr).toContain('129 failure scenarios');
    expect(r.stderr).toContain('--max-scenarios 129');
  });
});

describe('--out', () => {
  it('writes the file atomically and nothing to stdout', () => {
    const out = join(tmp, 'run.ndjson');
    const r = whatif(['--all-single-failures', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(records(readFileSync(out, 'utf8')).at(-1)).toMatchObject({ type: 'summary', partial: false });
  });
});

describe('interruptions', () => {
  const big = join(tmp, 'm.json');
  writeFileSync(big, whatif(['generate', '--preset', 'M']).stdout);
  // The memory test is sized for M's scenarios as they were before its firewall hubs (about 11 MB of records
  // each with --pairs; through a firewall pair every spoke's hop lists double): M without them.
  const classic = join(tmp, 'm-classic.json');
  writeFileSync(classic, JSON.stringify(withoutFirewallHubs(JSON.parse(readFileSync(big, 'utf8')) as Topology)));

  it('Ctrl-C stops dispatch, flushes finished scenarios in order, closes with a partial summary, exits 130', async () => {
    const { code, stdout } = await interruptedRun([big, '--max-failures', '2', '--all-scenarios', '--workers', '2']);
    expect(code).toBe(130);
    const lines = records(stdout);
    const run = lines[0]!;
    const scenarios = lines.filter((r) => r.type === 'scenario').slice(1);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', partial: true });
    expect(scenarios.length).toBeLessThan(run.scenarios as number);
    // In order: exactly the first N scenarios of the enumeration (singles, then pairs, in links order).
    const units = run.failureUnits as string[];
    const expected = [...combinations(units.length, 2)].slice(0, scenarios.length).map((c) => c.map((i) => units[i]));
    expect(scenarios.map((s) => s.failed)).toEqual(expected);
    // Cut sets from part of the combinations would mislead: none are written.
    expect(lines.filter((r) => r.type === 'resilience')).toHaveLength(0);
  });

  it('`| head` exits quietly', async () => {
    const child = spawn(process.execPath, [CLI, big, '--max-failures', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  /** Streams `count` M scenarios with --pairs (~11 MB of NDJSON each) into a reader that stalls, then sips. */
  async function slowRun(count: number): Promise<{ code: number | null; bytes: number; peakRssKb: number }> {
    const units = records(whatif(['links', classic, '--json']).stdout) as { id: string; enabled: boolean }[];
    const scenarios = units.filter((u) => u.enabled).slice(0, count).flatMap((u) => ['--fail', u.id]);
    const child = spawn(process.execPath, ['--max-old-space-size=48', CLI, classic, ...scenarios, '--pairs'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let peakRssKb = 0;
    const sample = setInterval(() => {
      const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
      peakRssKb = Math.max(peakRssKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    }, 20);
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1000));
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(sample);
    return { code, bytes, peakRssKb };
  }

  it('memory stays flat under a slow reader: three times the output, the same peak memory, a 48 MiB heap', async () => {
    const small = await slowRun(8);
    const large = await slowRun(24);
    expect(small.code).toBe(0);
    expect(large.code).toBe(0);
    expect(large.bytes).toBeGreaterThan(2.5 * small.bytes);
    expect(large.bytes).toBeGreaterThan(200 * 1024 * 1024);
    // Peak memory is the engines' and a few scenarios in flight, whatever the output: allow noise, not growth.
    expect(large.peakRssKb).toBeLessThan(small.peakRssKb * 1.25);
  });
});

describe('--fail-on', () => {
  it('exits 1 on single points of failure, with the NDJSON still complete', () => {
    const r = whatif(['--all-single-failures', '--fail-on', 'spof']);
    expect(r.status).toBe(1);
    expect(records(r.stdout).at(-1)).toMatchObject({ type: 'summary', partial: false, findings: { singlePointsOfFailure: 7 } });
  });

  it('exits 0 on asymmetry for the seed (its CE prefers ER both ways) and 1 without the local-preference policy', () => {
    expect(whatif(['--fail-on', 'asymmetric']).status).toBe(0);
    const asym = whatif([new URL('../cases/ce-without-local-preference.json', import.meta.url).pathname, '--fail-on', 'asymmetric']);
    expect(asym.status).toBe(1);
    expect(records(asym.stdout)[1]).toMatchObject({
      id: 'baseline', asymmetricPaths: expect.arrayContaining([expect.objectContaining({ src: 'hub', dst: 'onprem1', class: 'transport' })]),
    });
  });
});

describe('--asymmetry: from which class a pair counts as asymmetric', () => {
  const caseFile = (name: string): string => new URL(`../cases/${name}.json`, import.meta.url).pathname;

  it('does not flag the recommended two-link design by default (link class), and does with --asymmetry link', () => {
    const normal = whatif([caseFile('er-two-links-preferred'), '--all-single-failures', '--fail-on', 'asymmetric']);
    expect(normal.status).toBe(0);
    const lines = records(normal.stdout);
    expect(lines[0]).toMatchObject({ asymmetryThreshold: 'circuit' });
    // hub, dc: both directions differ only in links; the matrices still say so.
    expect(lines[1]).toMatchObject({ sym: ['10', '01'], asymmetry: ['sl', 'ls'], asymmetricPaths: [] });
    expect(lines.at(-1)).toMatchObject({ findings: { baselineAsymmetricPairs: 0, asymmetricPairsByClass: { link: 2, circuit: 0, transport: 0 } } });
    const strict = whatif([caseFile('er-two-links-preferred'), '--all-single-failures', '--asymmetry', 'link', '--fail-on', 'asymmetric']);
    expect(strict.status).toBe(1);
    const strictLines = records(strict.stdout);
    expect(strictLines[1]).toMatchObject({ asymmetricPaths: [expect.objectContaining({ src: 'hub', dst: 'dc', class: 'link' }), expect.objectContaining({ src: 'dc', dst: 'hub', class: 'link' })] });
    // Losing either link makes the pair symmetric again (only visible from the link class up); losing the
    // connection loses the pair, which is not symmetry.
    const again = (out: Record<string, unknown>[]): [unknown, unknown][] => out.filter((r) => r.type === 'scenario').slice(1).map((r): [unknown, unknown] => [r.id, r.symmetricAgain]);
    expect(again(strictLines)).toEqual([
      ['er-link:dc-er-primary', [['hub', 'dc'], ['dc', 'hub']]], ['er-link:dc-er-secondary', [['hub', 'dc'], ['dc', 'hub']]], ['er-conn:dc-er-hub', []],
    ]);
    expect(again(lines).map(([, pairs]) => pairs)).toEqual([[], [], []]);
  });

  it('flags different circuits by default, and not at --asymmetry transport', () => {
    expect(whatif([caseFile('er-two-circuits'), '--fail-on', 'asymmetric']).status).toBe(1);
    expect(whatif([caseFile('er-two-circuits'), '--fail-on', 'asymmetric', '--asymmetry', 'transport']).status).toBe(0);
  });
});

/** A generated estate without its firewall hubs: no appliances, subnets or route tables. */
function withoutFirewallHubs(t: Topology): Topology {
  for (const site of t.sites) {
    if (site.kind !== 'vnet') continue;
    delete site.appliances;
    delete site.subnets;
  }
  delete t.routeTables;
  return t;
}
