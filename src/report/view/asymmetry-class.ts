import type { AsymmetryClass } from '../read/run-records.js';

export type { AsymmetryClass };

/** Smallest difference first: a threshold flags its own class and every class after it. */
export const ASYMMETRY_CLASSES: readonly AsymmetryClass[] = ['link', 'circuit', 'transport'];

/** The engine's default when the run does not say (issue 12: circuit and transport are what architects fear). */
export const DEFAULT_THRESHOLD: AsymmetryClass = 'circuit';

const CLASS_OF_CHAR: Record<string, AsymmetryClass> = { l: 'link', c: 'circuit', t: 'transport' };

/** The class an `asymmetry` matrix character stands for; undefined for `s` and `-`. */
export function classOfChar(char: string): AsymmetryClass | undefined {
  return CLASS_OF_CHAR[char];
}

export function isFlagged(cls: AsymmetryClass, threshold: AsymmetryClass): boolean {
  return ASYMMETRY_CLASSES.indexOf(cls) >= ASYMMETRY_CLASSES.indexOf(threshold);
}

/**
 * The threshold a run is judged at: its own, else the engine's default when its baseline has classes, else
 * none (a run from before classes: every asymmetric pair counts, as it did then).
 */
export function thresholdOf(run: { asymmetryThreshold: AsymmetryClass | undefined }, baseline: { asymmetry?: string[] | undefined }): AsymmetryClass | undefined {
  return run.asymmetryThreshold ?? (baseline.asymmetry ? DEFAULT_THRESHOLD : undefined);
}
