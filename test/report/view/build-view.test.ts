import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRun } from '../../../src/report/read/read-run.js';
import type { RunDigest } from '../../../src/report/read/run-digest.js';
import type { AsymmetryClass } from '../../../src/report/read/run-records.js';
import { buildView } from '../../../src/report/view/build-view.js';
import { matrixCodes, scenarioChanges } from '../../../src/report/view/cells.js';

/** The hand-written run of test/fixtures/report (its README tells the story the numbers below follow). */
const FIXTURE = fileURLToPath(new URL('../../fixtures/report/classes.ndjson', import.meta.url));
const digest = await readRun(FIXTURE);

function at(threshold: AsymmetryClass | undefined): RunDigest {
  return { ...digest, run: { ...digest.run, asymmetryThreshold: threshold } };
}

describe('asymmetry judged at the run\'s threshold', () => {
  // Directed pairs: transport 4 (hub, spoke <-> onprem1), circuit 2 (onprem1 <-> onprem2), link 4 (hub, spoke <-> onprem2).
  it.each([
    ['link', 10],
    ['circuit', 6],
    ['transport', 4],
  ] as const)('at %s, %i pairs count as asymmetric', (threshold, asymmetric) => {
    const view = buildView(at(threshold));
    expect(view.threshold).toBe(threshold);
    expect(view.baseline.asymmetric).toBe(asymmetric);
    expect(view.baseline.byClass).toEqual({ link: 4, circuit: 2, transport: 4 });
  });

  it('is circuit when the run has classes but does not say its threshold (the engine\'s default)', () => {
    expect(buildView(at(undefined)).threshold).toBe('circuit');
  });

  it('codes each asymmetric cell with its class; below the threshold a cell reads symmetric', () => {
    // Columns hub, spoke, branch, onprem1, onprem2: link pairs (-> onprem2) read s; branch <-> onprem2 unreachable.
    expect(matrixCodes(digest.baseline, 'circuit')).toEqual(['sssts', 'sssts', 'ssssu', 'ttssc', 'ssucs']);
  });

  it('counts every asymmetric pair when the run has no classes at all (runs of older engines)', () => {
    const old = { ...at(undefined), baseline: { ...digest.baseline, asymmetry: undefined } };
    const view = buildView(old);
    expect(view.threshold).toBeUndefined();
    expect(view.baseline.asymmetric).toBe(10);
    expect(matrixCodes(old.baseline, undefined)[0]).toBe('sssaa');
  });
});

describe('a scenario\'s changes', () => {
  it('take a newly asymmetric pair\'s class from its listed paths, and make pairs symmetric again', () => {
    const scenario = digest.ranked.get('er-conn:er1-hub')!;
    const base = matrixCodes(digest.baseline, 'circuit');
    // hub, spoke <-> onprem1 now cross the VPN both ways; onprem1 <-> onprem2 turn transport (from circuit).
    expect(scenarioChanges(digest.run.sites, base, scenario, 'circuit')).toEqual([
      [0, 3, 's'], [1, 3, 's'], [3, 0, 's'], [3, 1, 's'], [3, 4, 't'], [4, 3, 't'],
    ]);
  });
});

describe('the view of the fixture', () => {
  const view = buildView(digest);

  it('isolates spoke and branch, each in its region\'s group', () => {
    expect(view.spof!.isolations.map((g) => [g.group!.basis, g.units.map((u) => [u.site, u.unit])])).toEqual([
      [{ by: 'region', region: 'westeurope' }, [['spoke', 'peering:hub-spoke']]],
      [{ by: 'region', region: 'northeurope' }, [['branch', 'vpn:hub-branch']]],
    ]);
  });

  it('summarises the baseline by group: westeurope reaches all 8 of its pairs out, on-premises 7 of 8', () => {
    expect(view.baseline.perGroup.map((g) => [g.group.sites.length, g.pairs, g.reachable, g.asymmetric])).toEqual([
      [2, 8, 8, 2], [1, 4, 3, 0], [2, 8, 7, 4],
    ]);
  });
});
