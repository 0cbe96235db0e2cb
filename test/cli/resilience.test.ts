import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedMinimalCuts } from '../cases/seed.expected.js';
import { records, SEED, whatif } from '../cli-process.js';

/**
 * Irreducible scenarios, minimal cut sets and availability on the seed (scenarios/azure-interop.json), derived
 * from its design: seedMinimalCuts (test/cases/seed.expected.ts) says which units cut which pair, and why.
 */
const SINGLES_THAT_LOSE = [
  'peering:hub-spoke', 'vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-conn:er1-hub', 'er-conn:er1-remote', 'er-conn:er2-hub',
];

function run(args: string[]): Record<string, unknown>[] {
  const r = whatif([SEED, '--workers', '2', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return records(r.stdout);
}

const failures = (lines: Record<string, unknown>[]): Record<string, unknown>[] => lines.filter((r) => r.type === 'scenario' && r.id !== 'baseline');

describe('irreducible scenarios on the seed, --max-failures 2', () => {
  const lines = run(['--max-failures', '2']);

  it('says so in the run record', () => {
    expect(lines[0]).toMatchObject({ type: 'run', scenarioRecords: 'irreducible', maxFailures: 2 });
  });

  it('writes the single failures that lose pairs (two er2 links alone only reroute), then the three doubles that lose what neither half does', () => {
    expect(failures(lines).map((r) => r.id)).toEqual([
      ...SINGLES_THAT_LOSE,
      'vpn:hub-onprem1+er-link:er1-primary',
      'vpn:hub-onprem1+er-conn:er1-hub',
      'er-link:er2-primary+er-link:er2-secondary',
    ]);
  });

  it('lists what each double adds: onprem1 cut from the hub and its spoke when both its ways are down; onprem2 when both er2 links are', () => {
    const adds = Object.fromEntries(failures(lines).filter((r) => (r.failed as string[]).length === 2).map((r) => [r.id, r.irreducible]));
    const cutFromHub = (site: string): [string, string][] => [['hub', site], ['spoke', site], [site, 'hub'], [site, 'spoke']];
    expect(adds).toEqual({
      'vpn:hub-onprem1+er-link:er1-primary': { lost: cutFromHub('onprem1'), asymmetric: [] },
      'vpn:hub-onprem1+er-conn:er1-hub': { lost: cutFromHub('onprem1'), asymmetric: [] },
      'er-link:er2-primary+er-link:er2-secondary': { lost: cutFromHub('onprem2'), asymmetric: [] },
    });
    // A double's record is the whole scenario: it also loses what its parts lose.
    const both = failures(lines).find((r) => r.id === 'vpn:hub-onprem1+er-link:er1-primary')!;
    expect(both.lost).toEqual([['hub', 'onprem1'], ['spoke', 'onprem1'], ['branch', 'onprem1'], ['onprem1', 'hub'], ['onprem1', 'spoke'], ['onprem1', 'branch'], ['onprem1', 'remote'], ['remote', 'onprem1']]);
  });

  it('counts the others: 9 singles and 6 doubles simulated; 21 doubles with a unit that cuts off spoke, branch or remote skipped; 9 derived', () => {
    // 3 stub-cutting units among 9: 36 - C(6, 2) = 21 doubles hold one. Of the other 15, 6 meet (the three
    // above; er1's link and connection, which both carry onprem1's routes; er2's links with er-conn:er2-hub).
    const summary = lines.at(-1)!;
    expect(summary.scenarios).toMatchObject({ total: 45, run: 15, derived: 9, skipped: 21, written: 10 });
  });
});

describe('minimal cut sets on the seed, --max-failures 3', () => {
  const lines = run(['--max-failures', '3']);
  const resilience = lines.filter((r) => r.type === 'resilience');

  it('gives every connected pair its minimal cuts: no pair has three independent ways, so none needs three units', () => {
    expect(resilience.map((r) => [...(r.pair as string[]), r.cuts])).toEqual(seedMinimalCuts);
    expect(resilience.map((r) => r.smallestCut)).toEqual(seedMinimalCuts.map(([, , cuts]) => cuts[0]!.length));
    expect(failures(lines).every((r) => (r.failed as string[]).length <= 2)).toBe(true);
  });

  it('lists pairs by their smallest cut in the summary: ten with a single point of failure, hub <-> onprem1 dual-failure exposed', () => {
    const summary = lines.at(-1)!.resilience as { bySmallestCut: Record<string, number>; connectedPairs: number; exposures: { size: number; pairs: { pair: string[]; cuts: string[][] }[] }[] };
    expect(summary.connectedPairs).toBe(11);
    expect(summary.bySmallestCut).toEqual({ 1: 10, 2: 1, none: 0 });
    expect(summary.exposures.find((e) => e.size === 2)!.pairs).toEqual([
      { pair: ['hub', 'onprem1'], cuts: [['vpn:hub-onprem1', 'er-link:er1-primary'], ['vpn:hub-onprem1', 'er-conn:er1-hub']] },
    ]);
  });
});

describe('availability on the seed', () => {
  // Stated probabilities: every ER link 0.001, every ER connection 0.002, every VPN tunnel 0.01, peerings 0.
  const args = ['--max-failures', '2', '--unavailability', 'er-link=0.001,er-conn=0.002', '--unavailability', 'vpn=0.01'];
  const lines = run([...args, '--availability-target', '99.9']);
  const pair = (a: string, b: string): Record<string, unknown> => lines.find((r) => r.type === 'resilience' && (r.pair as string[]).join() === `${a},${b}`)!;

  it('hub <-> onprem1: 1 - (1 - 0.01 * 0.001)(1 - 0.01 * 0.002) = 2.99998e-5 unavailable', () => {
    const r = pair('hub', 'onprem1');
    expect(r.unavailability).toBeCloseTo(1 - (1 - 1e-5) * (1 - 2e-5), 15);
    expect(r.unavailability).toBeCloseTo(2.99998e-5, 15);
    expect(r.availability).toBeCloseTo(99.997, 6);
    expect(r.target).toBe('met');
  });

  it('hub <-> remote: either ER connection, 1 - 0.998^2 = 0.003996, below 99.9%', () => {
    const r = pair('hub', 'remote');
    expect(r.unavailability).toBeCloseTo(0.003996, 12);
    expect(r.target).toBe('below');
  });

  it('hub <-> spoke: only the peering, which has no SLA and counts as never down', () => {
    expect(pair('hub', 'spoke')).toMatchObject({ unavailability: 0, availability: 100, target: 'met' });
  });

  it('bounds what stopping at 2 failures hides: P(3 or more of the 9 enabled units down)', () => {
    // 3 ER links at 0.001, 3 ER connections at 0.002, 2 VPN tunnels at 0.01, the peering at 0.
    const q = [0.001, 0.001, 0.001, 0.002, 0.002, 0.002, 0.01, 0.01, 0];
    let exactly = [1, 0, 0];
    for (const p of q) exactly = [exactly[0]! * (1 - p), exactly[1]! * (1 - p) + exactly[0]! * p, exactly[2]! * (1 - p) + exactly[1]! * p];
    const summary = lines.at(-1)!.resilience as { availability: { bound: number; belowTarget: number; worst: { pair: string[]; dominantCuts: string[][] }[] } };
    expect(summary.availability.bound).toBeCloseTo(1 - exactly[0]! - exactly[1]! - exactly[2]!, 12);
    // branch <-> onprem1 hangs on two VPN tunnels in series (1 - 0.99^2 = 0.0199); then branch's own tunnel (0.01),
    // for the hub and for its spoke; then hub <-> remote (0.003996).
    expect(summary.availability.worst.slice(0, 4).map((w) => w.pair)).toEqual([['branch', 'onprem1'], ['hub', 'branch'], ['spoke', 'branch'], ['hub', 'remote']]);
    expect(summary.availability.worst[0]!.dominantCuts).toEqual([['vpn:hub-branch'], ['vpn:hub-onprem1']]);
    expect(summary.availability.belowTarget).toBe(lines.filter((r) => r.type === 'resilience' && r.target === 'below').length);
  });

  it('--fail-on availability exits 1 when a pair is below the target, 0 when none is', () => {
    expect(whatif([SEED, ...args, '--availability-target', '99.9', '--fail-on', 'availability']).status).toBe(1);
    // The worst, branch <-> onprem1, is 98.01% available.
    expect(whatif([SEED, ...args, '--availability-target', '98.02', '--fail-on', 'availability']).status).toBe(1);
    expect(whatif([SEED, ...args, '--availability-target', '98', '--fail-on', 'availability']).status).toBe(0);
  });

  it('takes the file\'s overrides, a unit\'s own over its kind\'s, the command line\'s over the file\'s', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'whatif-availability-')), 'seed.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(SEED, 'utf8')) as object, unavailability: { vpn: 0.03, 'vpn:hub-branch': 0.04 } }));
    const r = whatif([file, '--max-failures', '1', '--unavailability', 'vpn=0.01']);
    expect(r.status).toBe(0);
    const lines = records(r.stdout);
    expect(lines[0]!.availability).toMatchObject({ unavailability: { units: { 'vpn:hub-branch': 0.04 } } });
    const kinds = (lines[0]!.availability as { unavailability: { kinds: { kind: string; value: number; source: string }[] } }).unavailability.kinds;
    expect(kinds.find((k) => k.kind === 'vpn')).toEqual({ kind: 'vpn', value: 0.01, source: 'command line' });
    const unavailable = (a: string, b: string): unknown => lines.find((x) => x.type === 'resilience' && (x.pair as string[]).join() === `${a},${b}`)!.unavailability;
    expect(unavailable('hub', 'branch')).toBeCloseTo(0.04, 15);
    // branch <-> onprem1: the branch's tunnel (its own 0.04) or onprem1's (the command line's 0.01 for VPN).
    expect(unavailable('branch', 'onprem1')).toBeCloseTo(1 - 0.96 * 0.99, 15);
  });

  it('checks the file\'s overrides: an unknown key exits 2, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'whatif-availability-')), 'seed.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(SEED, 'utf8')) as object, unavailability: { 'vpn:hub-brnch': 0.01 } }));
    const r = whatif([file, '--max-failures', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('$.unavailability["vpn:hub-brnch"]');
    expect(r.stderr).toContain('did you mean "vpn:hub-branch"');
  });
});

describe('bad resilience options exit 2 with a hint, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['--all-scenarios without --max-failures', ['--all-single-failures', '--all-scenarios'], /--all-scenarios applies to runs that look for cut sets: add --max-failures K/],
    ['--fail-on availability without a target', ['--max-failures', '2', '--fail-on', 'availability'], /--fail-on availability needs --availability-target/],
    ['a target out of range', ['--max-failures', '2', '--availability-target', '100'], /above 0 and below 100/],
    ['an unknown kind', ['--max-failures', '2', '--unavailability', 'er-lnk=0.001'], /"er-lnk" is neither a kind of failure unit nor a unit id[\s\S]*did you mean "er-link"/],
    ['a probability of 1', ['--max-failures', '2', '--unavailability', 'vpn=1'], /unavailability 1 is not a probability from 0 up to 1/],
    ['no value', ['--max-failures', '2', '--unavailability', 'vpn'], /"vpn" is not KIND=PROBABILITY or UNIT=PROBABILITY/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = whatif([SEED, ...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }
});
