import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/model/compile.js';
import { createEngine } from '../../src/analysis/engine.js';
import { stubCuttingUnits } from '../../src/analysis/stub-cuts.js';
import { generateTopology } from '../../src/sources/generate/generate.js';
import { compileFile } from '../engine-harness.js';

function stubCutting(topology: ReturnType<typeof compileFile>): string[] {
  const engine = createEngine(topology);
  const flags = stubCuttingUnits(topology, engine.control, engine.baseline.forwarding);
  return topology.units.filter((_, u) => flags[u]).map((u) => u.id);
}

describe('units that cut a stub off', () => {
  it('on the seed: spoke\'s peering, branch\'s tunnel, remote\'s ER connection', () => {
    // Not onprem1's links (it has ER and VPN), not er2's (its MSEE is no part of one site), not a disabled link.
    expect(stubCutting(compileFile(new URL('../../scenarios/azure-interop.json', import.meta.url)))).toEqual([
      'peering:hub-spoke', 'vpn:hub-branch', 'er-conn:er1-remote',
    ]);
  });

  it('on S: every spoke\'s peering and every branch\'s tunnel, no hub-to-hub link and no data-centre circuit', () => {
    const topology = compileTopology(generateTopology({ preset: 'S', seed: 1 }));
    const ids = stubCutting(topology);
    const spokes = topology.units.filter((u) => u.kind === 'peering' && u.endpoints.some((e) => e.includes('-spoke-')));
    expect(spokes.length).toBeGreaterThan(0);
    for (const u of spokes) expect(ids).toContain(u.id);
    expect(ids.filter((id) => id.startsWith('er-link:') || id.startsWith('global-reach:'))).toEqual([]);
  });

  it('never a unit whose far side is a second site: a peering between two hubs', () => {
    const topology = compileFile(new URL('../cases/two-spokes.json', import.meta.url));
    const ids = stubCutting(topology);
    for (const u of topology.units) if (u.kind === 'peering' && u.endpoints.every((e) => !e.includes('spoke'))) expect(ids).not.toContain(u.id);
  });
});
