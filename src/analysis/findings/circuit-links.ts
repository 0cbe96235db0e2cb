import type { CompiledTopology } from '../../model/compiled.js';
import type { DesignFinding } from '../design-findings.js';
import { SOURCES } from './sources.js';

/** VNet links a Premium circuit allows, by circuit size in Mbps (Standard allows 10 at every size). */
const PREMIUM_LINKS: readonly [mbps: number, links: number][] = [
  [50, 20], [100, 25], [200, 25], [500, 40], [1000, 50], [2000, 60], [5000, 75], [10_000, 100],
];
const STANDARD_LINKS = 10;

/**
 * Per circuit: the availability SLA needs both BGP sessions up ("to enable the availability SLA, both BGP sessions
 * must be set up"), so a circuit on one link has none; and a circuit allows only so many VNet links, Global
 * Reach connections counted (10 on Standard; on Premium 20 to 100 by bandwidth).
 */
export function circuitLinkFindings(topology: CompiledTopology): DesignFinding[] {
  const findings: DesignFinding[] = [];
  for (const msee of topology.nodes.filter((n) => n.kind === 'msee')) {
    const circuit = msee.name.replace(/\/msee$/, '');
    const links = topology.units.filter((u) => u.kind === 'er-link' && u.endpoints[1] === msee.name);
    const up = links.filter((l) => l.enabled);
    if (up.length < 2) {
      findings.push({
        id: 'single-link-circuit', severity: 'warning', objects: [circuit, ...up.map((l) => l.id)], source: SOURCES.expressRouteSla,
        message: `ExpressRoute circuit ${circuit} runs on ${up.length === 1 ? 'one link' : 'no link'} (${links.length - up.length} disabled or missing): the availability SLA needs both BGP sessions up`,
      });
    }
    const vnetLinks = topology.units.filter((u) => (u.kind === 'er-conn' || u.kind === 'global-reach') && u.endpoints.includes(msee.name));
    const { sku, bandwidthMbps } = msee.circuit!;
    const allowed = sku === 'Standard' ? STANDARD_LINKS : premiumLinks(bandwidthMbps);
    if (vnetLinks.length > allowed) {
      const size = sku === 'Premium' && bandwidthMbps === undefined ? ' (the most any Premium size allows; set bandwidthMbps for the exact limit)' : '';
      findings.push({
        id: 'vnet-links-per-circuit', severity: 'error', objects: [circuit, ...vnetLinks.map((u) => u.id)], source: SOURCES.expressRouteLimits,
        message: `ExpressRoute circuit ${circuit} has ${vnetLinks.length} VNet links (connections and Global Reach), above the ${allowed} a ${sku} circuit allows${size}`,
      });
    }
  }
  return findings;
}

/** Premium's limit for a circuit size (the largest listed size not above it); the most of any size when unknown. */
function premiumLinks(mbps: number | undefined): number {
  if (mbps === undefined) return PREMIUM_LINKS[PREMIUM_LINKS.length - 1]![1];
  let links = PREMIUM_LINKS[0]![1];
  for (const [size, allowed] of PREMIUM_LINKS) if (mbps >= size) links = allowed;
  return links;
}
