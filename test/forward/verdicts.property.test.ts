import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/model/compile.js';
import type { CompiledTopology } from '../../src/model/compiled.js';
import { generateTopology } from '../../src/sources/generate/generate.js';
import { formatAddress, parsePrefix } from '../../src/model/prefix.js';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';
import type { Topology, UserRoute, VnetSite } from '../../src/model/topology.js';
import { validateTopology } from '../../src/model/validate.js';
import { createEngine, evaluateScenario } from '../../src/analysis/engine.js';
import { enabledUnits } from '../../src/failures/enumerate.js';
import { DELIVERED, NO_ROUTE, OUTCOMES } from '../../src/forward/outcome.js';
import { lexicographic, tracePairPlain } from './pair-trace.reference.js';

/**
 * Property: on generated estates, the per-destination verdicts (one bottom-up walk per probe, hash-consed
 * path sets, incremental recomputation after a failure) equal a plain pair-by-pair trace of every branch,
 * for the outcome, the path set and the symmetry of every pair, in the baseline and in random failure
 * scenarios (appliance instances and Route Server peerings among the units). The estates get random routing
 * too (withRandomRoutes): spoke-to-spoke through a hub appliance, null routes, a default route to the hub, a
 * route for a spoke's own range to the hub appliance, whose return over the peering makes a forwarding loop,
 * subnets with their own tables, a Route Server programming appliance routes.
 */
const SEEDS = [1, 2, 3, 4, 5, 6];

describe.each(SEEDS)('generated S estate, seed %i, with random UDRs', (seed) => {
  const random = mulberry32(seed * 7919);
  const topology = compile(withRandomRoutes(generateTopology({ preset: 'S', seed }), () => random() / 2 ** 32));
  const engine = createEngine(topology);
  // The reference for the warm-started routing: every prefix recomputed cold.
  const cold = createEngine(topology, { incremental: false });
  const units = enabledUnits(topology);
  const scenarios: number[][] = [[], ...units.map((u) => [u])];
  for (let i = 0; i < 25; i++) {
    const size = 2 + Math.floor((random() / 2 ** 32) * 2);
    scenarios.push([...new Set(Array.from({ length: size }, () => units[Math.floor((random() / 2 ** 32) * units.length)]!))].sort((a, b) => a - b));
  }

  it(`every pair of ${scenarios.length} scenarios matches the plain pair-by-pair trace, warm-started or cold`, () => {
    let loops = 0;
    let paths = 0;
    for (const failed of scenarios) {
      const result = evaluateScenario(engine, failed);
      const reference = evaluateScenario(cold, failed);
      const { probes, probesOfSite } = engine.baseline.forwarding;
      const plain = topology.sites.map((_, dst) => topology.sites.map((src) => tracePairPlain(topology, result.fib, probesOfSite[dst]!.map((q) => probes[q]!), src.node)));
      for (let src = 0; src < topology.sites.length; src++) {
        for (let dst = 0; dst < topology.sites.length; dst++) {
          const expected = plain[dst]![src]!;
          const outcome = expected.failure || (expected.paths.length > 0 ? DELIVERED : NO_ROUTE);
          const where = `${topology.sites[src]!.id} -> ${topology.sites[dst]!.id} [${failed.join(',')}]`;
          expect(result.matrix.outcome(src, dst), where).toBe(OUTCOMES[outcome]);
          expect(result.matrix.paths(src, dst).paths, where).toEqual(expected.paths);
          expect(reference.matrix.outcome(src, dst), where).toBe(OUTCOMES[outcome]);
          expect(reference.matrix.paths(src, dst).paths, where).toEqual(expected.paths);
          const back = plain[src]![dst]!;
          const bothWays = outcome === DELIVERED && !back.failure && back.paths.length > 0;
          const symmetric = bothWays ? sameSet(expected.paths, back.paths.map((p) => [...p].reverse())) : null;
          expect(result.matrix.symmetric(src, dst), where).toBe(symmetric);
          if (outcome === OUTCOMES.indexOf('LOOP')) loops++;
          paths += expected.paths.length;
        }
      }
    }
    // The estates exercise what they are meant to: loops met, paths compared.
    expect(loops).toBeGreaterThan(0);
    expect(paths).toBeGreaterThan(1000);
  });
});

function sameSet(a: number[][], b: number[][]): boolean {
  const x = [...a].sort(lexicographic);
  const y = [...b].sort(lexicographic);
  return x.length === y.length && x.every((p, i) => lexicographic(p, y[i]!) === 0);
}

function compile(topology: Topology): CompiledTopology {
  const result = validateTopology(JSON.parse(JSON.stringify(topology)));
  if (!result.ok) throw new Error(`mutated topology is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return compileTopology(result.topology);
}

/**
 * Random routing on top of the generated estate (whose even regions already have a firewall hub): one or two
 * user-defined routes on about half the spokes, pointing at the hub's firewall pair (an instance, or its load
 * balancer), at an appliance the file does not declare, or nowhere, sometimes with gateway route propagation
 * off; the first spoke always gets the looping one. Region 1's hub gets a Route Server whose appliance pair
 * announces random prefixes (a default route, an on-premises summary, a spoke's range it must refuse), with
 * branch-to-branch and a routing preference at random. A firewall hub may lose its GatewaySubnet table.
 */
function withRandomRoutes(topology: Topology, random: () => number): Topology {
  const vnets = topology.sites.filter((s): s is VnetSite => s.kind === 'vnet');
  const onPrem = topology.sites.flatMap((s) => (s.kind === 'onprem' ? s.prefixes : []));
  const tables = topology.routeTables ?? [];
  addRouteServer(vnets.find((v) => v.id === 'r1-hub')!, vnets, random);
  if (random() < 0.3) topology.routeTables = tables.filter((t) => !t.subnets.some((ref) => ref.endsWith('/GatewaySubnet')));
  vnets.filter((v) => v.id.includes('-spoke-')).forEach((spoke, i) => {
    if (i > 0 && random() < 0.5) return;
    const hub = vnets.find((v) => v.id === `${spoke.id.split('-')[0]}-hub`)!;
    const undeclared = formatAddress(parsePrefix(hub.addressSpace[0]!).net + 100);
    const declared = hub.appliances?.[0];
    const appliance = declared ? [declared.loadBalancerAddress ?? undeclared, declared.instances[0]!.address][Math.floor(random() * 2)]! : undeclared;
    const own = parsePrefix(spoke.addressSpace[0]!);
    const choices: UserRoute[] = [
      { name: 'spokes-via-hub', prefix: `${formatAddress(own.net & 0xffff0000)}/16`, nextHopType: 'VirtualAppliance', nextHopAddress: appliance },
      { name: 'blackhole', prefix: onPrem[Math.floor(random() * onPrem.length)]!, nextHopType: 'None' },
      { name: 'default-to-hub', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopAddress: random() < 0.5 ? appliance : undeclared },
      { name: 'own-range-to-hub', prefix: `${formatAddress(own.net)}/${own.len + 1}`, nextHopType: 'VirtualAppliance', nextHopAddress: undeclared },
    ];
    const routes = [...new Set([i === 0 ? 3 : Math.floor(random() * 4), Math.floor(random() * 4)])].map((k) => choices[k]!);
    const table = { ...(random() < 0.3 && { disableBgpRoutePropagation: true }), routes };
    if (spoke.subnets === undefined) {
      spoke.routeTable = table;
      return;
    }
    // A spoke of a firewall hub has its subnet in the region's shared table: it gets one of its own.
    const ref = `${spoke.id}/${spoke.subnets[0]!.name}`;
    for (const t of topology.routeTables ?? []) t.subnets = t.subnets.filter((s) => s !== ref);
    topology.routeTables = [...(topology.routeTables ?? []), { name: `${spoke.id}-own`, subnets: [ref], ...table }];
  });
  return topology;
}

/** A Route Server in the hub with an appliance pair announcing random prefixes, some of which it must refuse. */
function addRouteServer(hub: VnetSite, vnets: readonly VnetSite[], random: () => number): void {
  const spoke = vnets.find((v) => v.id.startsWith('r1-spoke-'))!;
  const announces = ['0.0.0.0/0', '172.16.0.0/12', spoke.addressSpace[0]!].filter(() => random() < 0.6);
  hub.subnets = [
    { name: 'vms', prefix: '10.1.0.0/24' },
    { name: 'nva', prefix: '10.1.1.0/26' },
    { name: 'RouteServerSubnet', prefix: '10.1.2.0/27' },
    { name: 'GatewaySubnet', prefix: '10.1.3.0/24' },
  ];
  hub.appliances = [{
    name: 'r1-nva', subnet: 'nva', instances: [{ address: '10.1.1.4' }, { address: '10.1.1.5' }],
    bgp: { asn: 65010, announces, prependAsPath: [0, Math.floor(random() * 2)] },
  }];
  hub.routeServer = {
    peerAddresses: ['10.1.2.4', '10.1.2.5'],
    ...(random() < 0.5 && { branchToBranch: true, routingPreference: (['ExpressRoute', 'VpnGateway', 'ASPath'] as const)[Math.floor(random() * 3)]! }),
    peerings: [{ name: 'r1-nva-0', peerAddress: '10.1.1.4' }, { name: 'r1-nva-1', peerAddress: '10.1.1.5' }],
  };
}
