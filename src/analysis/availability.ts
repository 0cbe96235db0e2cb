import type { CompiledTopology, UnitKind } from '../model/compiled.js';

/** How often a unit is down, by kind, when nothing says otherwise: one minus Microsoft's published SLA. */
export interface KindUnavailability {
  kind: UnitKind;
  /** Probability that a unit of this kind is down at a given moment. */
  value: number;
  /** Where the figure comes from. */
  source: string;
}

const EXPRESSROUTE_SLA = 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs';
const GATEWAY_SLA = 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network-gateway';
const NO_VNET_SLA = 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network#service-level-agreement';
const VM_SLA = 'https://learn.microsoft.com/azure/virtual-machines/availability';
const ROUTE_SERVER = 'https://learn.microsoft.com/azure/route-server/route-server-faq';

/**
 * Microsoft's SLAs (Service Level Agreements for Online Services): 99.95% for an ExpressRoute dedicated circuit,
 * which Global Reach shares; 99.95% for ExpressRoute gateways and for every VPN gateway SKU but Basic (99.9%).
 * The circuit's SLA covers the circuit with both its BGP sessions up, so a link gets the circuit's figure: no
 * per-link figure is published. An appliance instance is a virtual machine: 99.9% for a single instance on
 * Premium SSD. Virtual Network has no SLA ("there isn't a defined service-level agreement"), and none is
 * published for a Route Server's BGP connection: a peering or a Route Server peering counts as never down
 * unless told otherwise.
 */
export const DEFAULT_UNAVAILABILITY: Readonly<Record<UnitKind, KindUnavailability>> = {
  'er-link': { kind: 'er-link', value: 0.0005, source: EXPRESSROUTE_SLA },
  'er-conn': { kind: 'er-conn', value: 0.0005, source: GATEWAY_SLA },
  vpn: { kind: 'vpn', value: 0.0005, source: GATEWAY_SLA },
  'global-reach': { kind: 'global-reach', value: 0.0005, source: EXPRESSROUTE_SLA },
  peering: { kind: 'peering', value: 0, source: NO_VNET_SLA },
  nva: { kind: 'nva', value: 0.001, source: VM_SLA },
  'rs-peer': { kind: 'rs-peer', value: 0, source: ROUTE_SERVER },
};

/** Unavailabilities set by hand: by kind (`er-link`) or by unit id (`er-link:er1-primary`). */
export type UnavailabilityOverrides = Readonly<Record<string, number>>;

/** What the run uses: the figure per kind, and per unit index (a unit's own override, else its kind's). */
export interface Unavailability {
  kinds: KindUnavailability[];
  /** The units given their own figure, by id. */
  units: Record<string, number>;
  byUnit: Float64Array;
}

/**
 * Each unit's unavailability: its own override, else its kind's override, else the kind's default. Overrides on
 * the command line win over the topology file's.
 */
export function resolveUnavailability(
  topology: CompiledTopology, fromFile: UnavailabilityOverrides, fromCommandLine: UnavailabilityOverrides,
): Unavailability {
  const overrides = { ...fromFile, ...fromCommandLine };
  const kinds = Object.values(DEFAULT_UNAVAILABILITY).map((d): KindUnavailability => (
    overrides[d.kind] === undefined ? d : { kind: d.kind, value: overrides[d.kind]!, source: fromCommandLine[d.kind] === undefined ? 'topology' : 'command line' }
  ));
  const byKind = new Map(kinds.map((k) => [k.kind, k.value]));
  const units: Record<string, number> = {};
  const byUnit = Float64Array.from(topology.units, (unit) => {
    const own = overrides[unit.id];
    if (own === undefined) return byKind.get(unit.kind)!;
    units[unit.id] = own;
    return own;
  });
  return { kinds, units, byUnit };
}

/**
 * The probability that some cut set is wholly down, units failing independently: 1 - prod(1 - P(cut down)),
 * the minimal-cut-set upper bound (never below the exact figure: a cut being down makes the others more likely,
 * not less). Computed in logarithms, so nines are not lost to rounding.
 */
export function cutUnavailability(cuts: readonly (readonly number[])[], byUnit: Float64Array): number {
  let logUp = 0;
  for (const cut of cuts) {
    let down = 1;
    for (const u of cut) down *= byUnit[u]!;
    logUp += Math.log1p(-down);
  }
  return 0 - Math.expm1(logUp);
}

/**
 * The probability that more than `k` of the units are down at once: what a run that stops at `k` failures
 * cannot see. A pair's true unavailability is at most its cut sets' figure plus this.
 */
export function moreThanDown(unavailabilities: readonly number[], k: number): number {
  // exactly[j]: P(exactly j of the units so far down), for j <= k; beyond: the mass past k.
  const exactly = new Float64Array(k + 1);
  exactly[0] = 1;
  let beyond = 0;
  for (const q of unavailabilities) {
    beyond += exactly[k]! * q;
    for (let j = k; j > 0; j--) exactly[j] = exactly[j]! * (1 - q) + exactly[j - 1]! * q;
    exactly[0] = exactly[0]! * (1 - q);
  }
  return beyond;
}
