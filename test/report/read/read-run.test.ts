import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRun } from '../../../src/report/read/read-run.js';
import { buildView } from '../../../src/report/view/build-view.js';
import { changedCells, matrixCodes, scenarioChanges } from '../../../src/report/view/cells.js';
import { RANKING, SITES } from '../seed-facts.js';
import { runToFile } from '../run-files.js';

const ASYMMETRIC = fileURLToPath(new URL('../../cases/ce-without-local-preference.json', import.meta.url));

describe('scenario changes from the baseline and a diff', () => {
  // --full gives every scenario its own matrices: the cells its diff changes must be the cells they differ in.
  for (const [name, args] of [
    ['the seed, up to 2 failures', ['--max-failures', '2', '--all-scenarios', '--full']],
    ['the asymmetric case (symmetric again after a failure), up to 2 failures', [ASYMMETRIC, '--max-failures', '2', '--all-scenarios', '--full']],
  ] as const) {
    it(`match the full matrices: ${name}`, async () => {
      const digest = await readRun(runToFile(`${name.split(' ')[1]}-full.ndjson`, [...args]));
      const base = matrixCodes(digest.baseline, undefined);
      expect(digest.ranked.size).toBe(digest.summary.ranking.length);
      let checked = 0;
      for (const scenario of digest.ranked.values()) {
        expect(scenario.matrices).toBeDefined();
        const fromDiff = scenarioChanges(digest.run.sites, base, { ...scenario, matrices: undefined }, undefined);
        expect(fromDiff, scenario.id).toEqual(changedCells(base, matrixCodes(scenario.matrices!, undefined)));
        checked++;
      }
      expect(checked).toBe(45); // 9 units: 9 singles + 36 pairs
    });
  }
});

describe('readRun', () => {
  it('counts pair records without keeping them, and keeps every ranked scenario', async () => {
    const digest = await readRun(runToFile('seed-pairs.ndjson', ['--all-single-failures', '--pairs']));
    // One record per directed pair of distinct sites, for the baseline and the 9 failures.
    expect(digest.pairRecords).toBe(10 * SITES.length * (SITES.length - 1));
    expect([...digest.ranked.keys()]).toEqual(RANKING.map((u) => u.unit));
    expect(digest.singles.map((s) => s.failed[0])).toHaveLength(9);
    expect(digest.errorCount).toBe(0);
  });

  it('gives the view a heatmap per ranked scenario; peering:hub-spoke changes exactly the spoke row and column', async () => {
    const view = buildView(await readRun(runToFile('seed-view.ndjson', ['--all-single-failures'])));
    expect(view.heatmap.scenarios.map((h) => h.id)).toEqual(RANKING.map((u) => u.unit));
    const spoke = SITES.indexOf('spoke');
    const peering = view.heatmap.scenarios.find((h) => h.id === 'peering:hub-spoke')!;
    const expected = SITES.flatMap((_, i) => (i === spoke ? [] : [[spoke, i, 'u'], [i, spoke, 'u']]));
    expect(new Set(peering.changes.map((c) => JSON.stringify(c)))).toEqual(new Set(expected.map((c) => JSON.stringify(c))));
  });
});
