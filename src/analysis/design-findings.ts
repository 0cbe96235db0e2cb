import type { CompiledTopology } from '../model/compiled.js';

/** A problem the topology shows by itself, before any failure is simulated. */
export interface DesignFinding {
  kind: 'single-link-circuit';
  subject: string;
  units: string[];
  message: string;
}

/**
 * ExpressRoute's availability SLA needs both BGP sessions of a circuit up (azure-routing-rules.md section 7):
 * a circuit running on one link (the seed's ER1) has no SLA, whatever else the design does.
 */
export function designFindings(topology: CompiledTopology): DesignFinding[] {
  const linksByCircuit = new Map<string, { id: string; enabled: boolean }[]>();
  for (const unit of topology.units) {
    if (unit.kind !== 'er-link') continue;
    const circuit = unit.endpoints[1].replace(/\/msee$/, '');
    linksByCircuit.set(circuit, [...(linksByCircuit.get(circuit) ?? []), { id: unit.id, enabled: unit.enabled }]);
  }
  const findings: DesignFinding[] = [];
  for (const [circuit, links] of linksByCircuit) {
    const up = links.filter((l) => l.enabled);
    if (up.length >= 2) continue;
    findings.push({
      kind: 'single-link-circuit',
      subject: circuit,
      units: up.map((l) => l.id),
      message: `ExpressRoute circuit ${circuit} runs on ${up.length === 1 ? 'one link' : 'no link'} (${links.length - up.length} disabled or missing): the availability SLA needs both BGP sessions up`,
    });
  }
  return findings;
}
