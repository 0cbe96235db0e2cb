import type { LegacyFinding, SourcedFinding } from '../read/run-records.js';
import { webAddress } from './web-address.js';

export type Severity = SourcedFinding['severity'];

/** A design finding, whichever engine wrote it. */
export interface DesignFinding {
  id: string;
  severity: Severity;
  message: string;
  /** The topology's objects concerned (circuits, units, gateways). */
  objects: string[];
  /** The Microsoft Learn page it rests on: an https address, or undefined (older runs cite none). */
  source: string | undefined;
}

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Findings of either shape, errors first. Earlier engines wrote `{ kind, subject, units, message }` with no
 * severity: their only kind, a circuit on one link, voids the SLA without cutting anything, so a warning. A
 * source that is not an https address is dropped (web-address.ts).
 */
export function designFindings(found: readonly (SourcedFinding | LegacyFinding)[]): DesignFinding[] {
  const normal = found.map((f): DesignFinding => ('severity' in f
    ? { id: f.id, severity: f.severity, message: f.message, objects: f.objects, source: webAddress(f.source) }
    : { id: f.kind, severity: 'warning', message: f.message, objects: [f.subject, ...(f.units ?? [])], source: undefined }));
  return ORDER.flatMap((severity) => normal.filter((f) => f.severity === severity));
}

/** Identity across runs, for the nightly diff. */
export function findingKey(f: DesignFinding): string {
  return JSON.stringify([f.id, f.objects]);
}
