import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, whatif } from '../cli-process.js';
import { compareRuns } from '../../src/report/view/compare.js';
import { readRun } from '../../src/report/read/read-run.js';
import { SITES, seedSingleFailureSummary } from './seed-facts.js';
import { runToFile, tmp, write } from './run-files.js';

/**
 * The nightly diff on two runs that differ by one peering: the seed, then the seed with its hub-spoke
 * peering administratively disabled. spoke is a leaf VNet reached only over that peering, so the rules
 * say: every pair with spoke is down in the baseline, and every other verdict and path stays as it was.
 */
const topology = JSON.parse(readFileSync(SEED, 'utf8')) as { peerings: { name: string; enabled?: boolean }[] };
topology.peerings.find((p) => p.name === 'hub-spoke')!.enabled = false;
const noPeering = write('no-peering.json', JSON.stringify(topology));

const before = runToFile('before.ndjson', ['--all-single-failures']);
const after = runToFile('after.ndjson', [noPeering, '--all-single-failures']);

const withSpoke = (pair: [string, string]): boolean => pair.includes('spoke');
/** Each single failure's facts once the spoke's pairs are gone. */
const changed = seedSingleFailureSummary.filter((u) => u.unit !== 'peering:hub-spoke').map((u) => ({
  unit: u.unit,
  lost: [u.lost.length, u.lost.filter((p) => !withSpoke(p)).length] as const,
  rerouted: [u.rerouted.length, u.rerouted.filter((p) => !withSpoke(p)).length] as const,
}));

describe('compareRuns: the seed, then the seed without its hub-spoke peering', async () => {
  const c = compareRuns(await readRun(before), await readRun(after));

  it('sees the peering move from the failure units to the disabled ones, and no site change', () => {
    expect(c.sites).toEqual({ added: [], removed: [] });
    expect(c.units).toEqual({ added: [], removed: [], disabled: ['peering:hub-spoke'], enabled: [] });
    expect(c.designFindings).toEqual({ added: [], resolved: [] });
  });

  it('lists the 10 pairs with spoke as symmetric -> unreachable, and nothing else', () => {
    const expected = SITES.flatMap((s) => SITES.filter((d) => d !== s && (s === 'spoke' || d === 'spoke'))
      .map((d) => ({ src: s, dst: d, before: 'symmetric', after: 'unreachable' })));
    expect(expected).toHaveLength(10);
    expect(c.verdicts).toEqual(expected);
  });

  it('resolves the peering as a single point of failure (now disabled) and shrinks the others', () => {
    expect(c.spof!.added).toEqual([]);
    expect(c.spof!.resolved).toEqual([{ unit: 'peering:hub-spoke', pairs: 10, disabled: true }]);
    const shrunk = changed.filter((u) => u.lost[0] > 0 && u.lost[1] > 0 && u.lost[0] !== u.lost[1]);
    expect(new Set(c.spof!.changed)).toEqual(new Set(shrunk.map((u) => ({ unit: u.unit, before: u.lost[0], after: u.lost[1] }))));
  });

  it('ranks every failure that touched spoke as better, none as worse, and drops the peering', () => {
    expect(c.ranking.worse).toEqual([]);
    const better = changed.filter((u) => u.lost[0] !== u.lost[1] || u.rerouted[0] !== u.rerouted[1]);
    expect(c.ranking.better.map((b) => b.id).sort()).toEqual(better.map((u) => u.unit).sort());
    for (const u of better) {
      expect(c.ranking.better.find((b) => b.id === u.unit)).toEqual({
        id: u.unit,
        before: { lost: u.lost[0], asymmetric: 0, rerouted: u.rerouted[0] },
        after: { lost: u.lost[1], asymmetric: 0, rerouted: u.rerouted[1] },
      });
    }
    // vpn:hub-onprem1 never involved spoke: unchanged, so in neither list.
    expect(c.ranking.better.map((b) => b.id)).not.toContain('vpn:hub-onprem1');
    expect(c.ranking.removed.map((e) => e.id)).toEqual(['peering:hub-spoke']);
    expect(c.ranking.added).toEqual([]);
    expect(c.ranking.truncated).toBe(false);
  });
});

describe('whatif report --compare', () => {
  const html = join(tmp, 'compare.html');
  const r = whatif(['report', after, '--compare', before, '--html', html]);

  it('puts the diff at the top of the Markdown, before the findings', () => {
    expect(r.status).toBe(0);
    const top = r.stdout.indexOf(`## Since the previous run\n\nCompared with \`${before}\`.`);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(r.stdout.indexOf('## At a glance'));
    const diff = r.stdout.slice(top, r.stdout.indexOf('## At a glance'));
    expect(diff).toContain('- **Baseline:** 10 pairs changed verdict: 10 worse, 0 better');
    expect(diff).toContain('- **New single points of failure:** none.');
    expect(diff).toContain('- **Resolved single points of failure:** `peering:hub-spoke` (cut 10 pairs; now disabled');
    expect(diff).toContain('- **Now administratively disabled:** `peering:hub-spoke`.');
    expect(diff).toContain('| `hub` | `spoke` | ✓ symmetric | ✗ unreachable |');
    expect(diff).toContain('| `er-link:er1-primary` | 2 | 0 | 4 → 2 |');
    expect(diff).toContain('- **Gone from the ranking:** `peering:hub-spoke` (lost 10).');
  });

  it('puts the same diff at the top of the page', () => {
    const page = readFileSync(html, 'utf8');
    const top = page.indexOf('<section id="compare">');
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(page.indexOf('<div class="cards">'));
    expect(page).toContain('<strong>Resolved single points of failure:</strong> <code>peering:hub-spoke</code> (cut 10 pairs; now disabled');
    expect((page.match(/<tr><td><code>[a-z0-9]+<\/code><\/td><td><code>[a-z0-9]+<\/code><\/td><td><span class="swatch symmetric">/g) ?? [])).toHaveLength(10);
  });

  it('says nothing changed when a run is compared with itself', () => {
    const same = whatif(['report', before, '--compare', before]);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('Nothing changed: same single points of failure, same baseline verdicts, same ranking.');
  });
});
