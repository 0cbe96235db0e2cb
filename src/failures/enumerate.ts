import type { CompiledTopology } from '../model/compiled.js';

/** What the user asked to fail. */
export interface ScenarioRequest {
  allSingleFailures?: boolean;
  maxFailures?: number;
  /** Explicit scenarios (`--fail`, repeatable), as unit indices. */
  explicit?: number[][];
}

/** The failure scenarios of a run (the baseline excluded): how many, and a lazy way to walk them. */
export interface ScenarioPlan {
  total: number;
  maxFailures: number;
  scenarios(): Iterable<number[]>;
  /**
   * `--max-failures`: every combination of up to maxFailures units, walked size by size: the run looks for
   * every pair's minimal cut sets.
   */
  bySize?: (size: number) => Iterable<number[]>;
}

/** Enabled units only: a disabled unit is already down in every scenario, so failing it means nothing. */
export function enabledUnits(topology: CompiledTopology): number[] {
  return topology.units.flatMap((unit, i) => (unit.enabled ? [i] : []));
}

export function planScenarios(topology: CompiledTopology, request: ScenarioRequest): ScenarioPlan {
  if (request.explicit && request.explicit.length > 0) {
    const explicit = request.explicit;
    return { total: explicit.length, maxFailures: Math.max(...explicit.map((s) => s.length)), scenarios: () => explicit };
  }
  const k = request.maxFailures ?? (request.allSingleFailures ? 1 : 0);
  const units = enabledUnits(topology);
  return {
    total: countScenarios(units.length, k),
    maxFailures: k,
    *scenarios() {
      for (const positions of combinations(units.length, k)) yield positions.map((p) => units[p]!);
    },
    ...(request.maxFailures !== undefined ? {
      *bySize(size: number) {
        for (const positions of combinationsOfSize(units.length, size)) yield positions.map((p) => units[p]!);
      },
    } : {}),
  };
}

/** Number of combinations of 1..k out of n; exact up to 2^53, Infinity beyond. */
export function countScenarios(n: number, k: number): number {
  let total = 0;
  let choose = 1;
  for (let size = 1; size <= Math.min(k, n); size++) {
    choose = (choose * (n - size + 1)) / size;
    total += choose;
    if (!Number.isSafeInteger(total)) return Infinity;
  }
  return total;
}

/**
 * Every combination of 1..maxSize positions out of n, by size, then in lexicographic order of positions
 * (so in `whatif links` order). Lazy: one combination in memory at a time.
 */
export function* combinations(n: number, maxSize: number): Generator<number[]> {
  for (let size = 1; size <= Math.min(maxSize, n); size++) yield* combinationsOfSize(n, size);
}

/** Every combination of `size` positions out of n, in lexicographic order. */
export function* combinationsOfSize(n: number, size: number): Generator<number[]> {
  if (size < 1 || size > n) return;
  const positions = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    yield [...positions];
    let i = size - 1;
    while (i >= 0 && positions[i] === n - size + i) i--;
    if (i < 0) return;
    positions[i]!++;
    for (let j = i + 1; j < size; j++) positions[j] = positions[j - 1]! + 1;
  }
}
