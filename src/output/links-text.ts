import type { FailureUnit } from '../model/compiled.js';
import { textTable } from './text-table.js';

/** `whatif links`: the failure units in enumeration order. */
export function linksText(units: readonly FailureUnit[]): string {
  return textTable(
    ['ID', 'KIND', 'ENDPOINTS', 'STATE'],
    units.map((u) => [u.id, u.kind, `${u.endpoints[0]} <-> ${u.endpoints[1]}`, u.enabled ? 'enabled' : 'disabled (never enumerated)']),
  );
}
