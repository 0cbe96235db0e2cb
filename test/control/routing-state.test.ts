import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../../src/model/prefix.js';
import { createControlContext } from '../../src/control/context.js';
import { PackedRouting } from '../../src/control/packed-routing.js';
import { computeRoutingState } from '../../src/control/routing-state.js';
import { compileFile, unitIndices } from '../engine-harness.js';
import { SEED } from '../cli-process.js';

/**
 * A failure's control plane costs what it changes: on the seed, the spoke's peering going down withdraws
 * the spoke's prefix everywhere (the hub's gateways originated it over the peering), and for every other
 * prefix changes the spoke's own table and nothing else (derived by hand from azure-routing-rules.md 2 and 4).
 */
describe('warm-started routing after a failure', () => {
  const topology = compileFile(SEED);
  const control = createControlContext(topology);
  const baseline = PackedRouting.pack(control, computeRoutingState(control, []));
  const name = (node: number): string => topology.nodes[node]!.name;

  it('peering:hub-spoke: the spoke prefix changes network-wide, every other prefix only the spoke table', () => {
    const state = computeRoutingState(control, unitIndices(topology, ['peering:hub-spoke']), baseline);
    const changed = new Map([...state.changedNodes(topology.nodes.length)].map(([p, nodes]) => [formatPrefix(topology.prefixes[p]!), nodes.map(name)]));
    for (const prefix of ['10.10.30.0/24', '10.11.30.64/26', '10.2.30.0/25', '10.1.31.0/25', '10.17.30.0/24']) {
      expect(changed.get(prefix), prefix).toEqual(['spoke']);
    }
    // The spoke's own prefix: gone from both hub gateways, both MSEEs, every CE and LAN, the remote and branch
    // gateways and VNets; the hub VNet loses its peering route to it; the spoke keeps its system route.
    expect(changed.get('10.11.30.0/26')).toEqual([
      'hub', 'hub/ergw', 'hub/vpngw', 'branch', 'branch/vpngw', 'onprem1', 'onprem1-ce', 'onprem2', 'onprem2-ce1', 'onprem2-ce2',
      'remote', 'remote/ergw', 'er1/msee', 'er2/msee',
    ]);
  });

  it('a unit that carries no installed route recomputes nothing', () => {
    // er1-secondary is disabled in the seed: it carries nothing, so failing it again is free.
    const state = computeRoutingState(control, unitIndices(topology, ['er-link:er1-secondary']), baseline);
    expect(state.recomputed).toBe(0);
  });
});
