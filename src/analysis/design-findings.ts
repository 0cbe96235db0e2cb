import type { CompiledTopology } from '../model/compiled.js';
import type { ControlContext } from '../control/context.js';
import type { PackedRouting } from '../control/packed-routing.js';
import { circuitLinkFindings } from './findings/circuit-links.js';
import { ecmpCircuitFindings } from './findings/ecmp-circuits.js';
import { routeLimitFindings } from './findings/route-limits.js';
import { sharedAsnFindings } from './findings/shared-asns.js';

/**
 * A problem the design shows before any failure is simulated: a documented Azure limit it exceeds, or a
 * configuration Microsoft's guidance warns about. Each cites the Microsoft Learn page that states the rule.
 */
export interface DesignFinding {
  /** Stable: what kind of problem (`single-link-circuit`, `private-peering-route-limit`, ...). */
  id: string;
  /** error: Azure refuses it or drops a session; warning: it works, not as designed; info: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The circuits, failure units, sites or routers concerned, by id. */
  objects: string[];
  /** The Microsoft Learn page that documents the rule. */
  source: string;
}

/** What the baseline's routing says: route counts per session, ECMP sets (the baseline of analysis/engine.ts). */
export interface BaselineRouting {
  control: ControlContext;
  routing: PackedRouting;
}

/** Every finding the topology and its baseline routing show, in a fixed order (by check, then object). */
export function designFindings(topology: CompiledTopology, baseline: BaselineRouting): DesignFinding[] {
  return [
    ...circuitLinkFindings(topology),
    ...routeLimitFindings(topology, baseline),
    ...ecmpCircuitFindings(topology, baseline),
    ...sharedAsnFindings(topology),
  ];
}
