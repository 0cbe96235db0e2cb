import { compileTopology } from '../src/model/compile.js';
import type { CompiledTopology } from '../src/model/compiled.js';
import { formatAddress, parsePrefix } from '../src/model/prefix.js';
import type { Topology, UserRoute, VnetSite } from '../src/model/topology.js';
import { validateTopology } from '../src/model/validate.js';

/** Generated estates made harder for property tests: user-defined routes through appliances, null routes, loops. */

export function compile(topology: Topology): CompiledTopology {
  const result = validateTopology(JSON.parse(JSON.stringify(topology)));
  if (!result.ok) throw new Error(`mutated topology is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return compileTopology(result.topology);
}

/**
 * Adds one or two user-defined routes to about half the spokes, each pointing at its hub's appliance or
 * nowhere; the first spoke always gets the looping one.
 */
export function withRandomRoutes(topology: Topology, random: () => number): Topology {
  const vnets = topology.sites.filter((s): s is VnetSite => s.kind === 'vnet');
  const onPrem = topology.sites.flatMap((s) => (s.kind === 'onprem' ? s.prefixes : []));
  vnets.filter((v) => v.id.includes('-spoke-')).forEach((spoke, i) => {
    if (i > 0 && random() < 0.5) return;
    const hub = vnets.find((v) => v.id === `${spoke.id.split('-')[0]}-hub`)!;
    const appliance = formatAddress(parsePrefix(hub.addressSpace[0]!).net + 100);
    const own = parsePrefix(spoke.addressSpace[0]!);
    const choices: UserRoute[] = [
      { name: 'spokes-via-hub', prefix: `${formatAddress(own.net & 0xffff0000)}/16`, nextHopType: 'VirtualAppliance', nextHopAddress: appliance },
      { name: 'blackhole', prefix: onPrem[Math.floor(random() * onPrem.length)]!, nextHopType: 'None' },
      { name: 'default-to-hub', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopAddress: appliance },
      { name: 'own-range-to-hub', prefix: `${formatAddress(own.net)}/${own.len + 1}`, nextHopType: 'VirtualAppliance', nextHopAddress: appliance },
    ];
    const picked = [...new Set([i === 0 ? 3 : Math.floor(random() * 4), Math.floor(random() * 4)])].map((k) => choices[k]!);
    spoke.routeTable = { routes: picked };
  });
  return topology;
}
