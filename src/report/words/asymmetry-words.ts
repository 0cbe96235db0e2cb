import type { AsymmetryClass } from '../read/run-records.js';
import { ASYMMETRY_CLASSES, isFlagged } from '../view/asymmetry-class.js';

/** " at the circuit threshold (3 transport, 1 circuit)": the flagged classes of a count of asymmetric pairs. */
export function asymmetryWords(threshold: AsymmetryClass | undefined, byClass: Record<AsymmetryClass, number> | undefined): string {
  if (!threshold || !byClass) return '';
  const flagged = [...ASYMMETRY_CLASSES].reverse().filter((c) => isFlagged(c, threshold) && byClass[c] > 0);
  return ` at the ${threshold} threshold${flagged.length ? ` (${flagged.map((c) => `${byClass[c].toLocaleString('en-US')} ${c}`).join(', ')})` : ''}`;
}

/** The class of a pair as a table cell says it. */
export function classWords(cls: AsymmetryClass | undefined): string {
  return cls ?? 'not recorded';
}
