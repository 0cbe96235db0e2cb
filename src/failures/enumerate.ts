import type { CompiledTopology } from '../model/compiled.js';

/** What the user asked to fail. */
export interface ScenarioRequest {
  allSingleFailures?: boolean;
  maxFailures?: number;
  /** Explicit scenarios (`--fail`, repeatable), as unit indices. */
  explicit?: number[][];
  /** `--shard I/N`: only the I-th of N slices of the scenario sequence (1-based). */
  shard?: { index: number; count: number };
}

/** A shard's slice of the scenario sequence: positions start (included) to end (excluded). */
export interface Shard {
  index: number;
  count: number;
  start: number;
  end: number;
}

/** A combination of units, and whether this run writes it (in its shard) or only needs what it does. */
export interface Combination {
  units: number[];
  owned: boolean;
}

/**
 * The failure scenarios of a run (the baseline excluded): how many, and lazy ways to walk them. With a shard,
 * the run holds a contiguous slice of the sequence; the others hold the rest.
 */
export interface ScenarioPlan {
  /** Failure scenarios in the whole sequence (every shard together). */
  total: number;
  maxFailures: number;
  shard?: Shard;
  /** Scenarios in this run's slice. */
  owned: number;
  /** The slice's scenarios, in order. */
  scenarios(): Iterable<number[]>;
  /**
   * `--max-failures`: the run looks for every pair's minimal cut sets, size by size, up to `lastSize` (the size
   * of the slice's last combination). A size below it comes whole, owned or not: larger combinations need what
   * smaller ones do. The last size comes as its owned part only, started directly at its first combination.
   */
  bySize?: { lastSize: number; combinations: (size: number) => Iterable<Combination> };
}

/** Enabled units only: a disabled unit is already down in every scenario, so failing it means nothing. */
export function enabledUnits(topology: CompiledTopology): number[] {
  return topology.units.flatMap((unit, i) => (unit.enabled ? [i] : []));
}

/** Shard I of N: positions floor(total (I-1) / N) up to floor(total I / N), so slices differ by one at most. */
export function shardOf(total: number, shard: { index: number; count: number }): Shard {
  return { ...shard, start: Math.floor((total * (shard.index - 1)) / shard.count), end: Math.floor((total * shard.index) / shard.count) };
}

export function planScenarios(topology: CompiledTopology, request: ScenarioRequest): ScenarioPlan {
  if (request.explicit && request.explicit.length > 0) {
    const explicit = request.explicit;
    const shard = request.shard && shardOf(explicit.length, request.shard);
    const owned = shard ? explicit.slice(shard.start, shard.end) : explicit;
    return { total: explicit.length, maxFailures: Math.max(...explicit.map((s) => s.length)), ...(shard ? { shard } : {}), owned: owned.length, scenarios: () => owned };
  }
  const k = request.maxFailures ?? (request.allSingleFailures ? 1 : 0);
  const units = enabledUnits(topology);
  const n = units.length;
  const total = countScenarios(n, k);
  const shard = request.shard && shardOf(total, request.shard);
  const [start, end] = shard ? [shard.start, shard.end] : [0, total];
  const named = (positions: number[]): number[] => positions.map((p) => units[p]!);
  const lastSize = end > start ? combinationAt(n, k, end - 1).length : 0;
  return {
    total, maxFailures: k, ...(shard ? { shard } : {}), owned: end - start,
    *scenarios() {
      for (const positions of combinationsBetween(n, k, start, end)) yield named(positions);
    },
    ...(request.maxFailures !== undefined ? {
      bySize: {
        lastSize,
        *combinations(size: number) {
          const offset = countScenarios(n, size - 1);
          const from = Math.max(0, start - offset);
          const to = Math.min(end - offset, countScenarios(n, size) - offset);
          if (size === lastSize) {
            for (const positions of combinationsBetween(n, k, offset + from, offset + to)) yield { units: named(positions), owned: true };
            return;
          }
          let i = 0;
          for (const positions of combinationsOfSize(n, size)) {
            yield { units: named(positions), owned: i >= from && i < to };
            i++;
          }
        },
      },
    } : {}),
  };
}

/** Number of combinations of 1..k out of n; exact up to 2^53, Infinity beyond. */
export function countScenarios(n: number, k: number): number {
  let total = 0;
  let ofSize = 1;
  for (let size = 1; size <= Math.min(k, n); size++) {
    ofSize = (ofSize * (n - size + 1)) / size;
    total += ofSize;
    if (!Number.isSafeInteger(total)) return Infinity;
  }
  return total;
}

/**
 * Every combination of 1..maxSize positions out of n, by size, then in lexicographic order of positions
 * (so in `whatif links` order). Lazy: one combination in memory at a time.
 */
export function combinations(n: number, maxSize: number): Generator<number[]> {
  return combinationsBetween(n, maxSize, 0, countScenarios(n, maxSize));
}

/** Every combination of `size` positions out of n, in lexicographic order. */
export function combinationsOfSize(n: number, size: number): Generator<number[]> {
  return combinationsBetween(n, size, countScenarios(n, size - 1), countScenarios(n, size));
}

/** C(n, k), exact up to 2^53. */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const j = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return Math.round(c);
}

/** The combination at `index` of the sequence combinations(n, maxSize) yields: its size, then its rank in that size. */
export function combinationAt(n: number, maxSize: number, index: number): number[] {
  let size = 1;
  let rank = index;
  while (size <= maxSize && rank >= choose(n, size)) rank -= choose(n, size++);
  if (size > Math.min(maxSize, n)) throw new RangeError(`No combination at ${index}: there are ${countScenarios(n, maxSize)}`);
  // Lexicographic unranking: at each place, skip the positions whose combinations all come before `rank`.
  const positions: number[] = [];
  let next = 0;
  for (let place = 0; place < size; place++) {
    for (;;) {
      const following = choose(n - next - 1, size - place - 1);
      if (rank < following) break;
      if (following === 0) throw new RangeError(`No combination at ${index}: ranks past the last one`);
      rank -= following;
      next++;
    }
    positions.push(next++);
  }
  return positions;
}

/**
 * The combinations from position `start` (included) to `end` (excluded) of the sequence combinations(n, maxSize)
 * yields, beginning at `start` directly: a shard never walks what comes before its slice.
 */
export function* combinationsBetween(n: number, maxSize: number, start: number, end: number): Generator<number[]> {
  if (start >= end) return;
  const positions = combinationAt(n, maxSize, start);
  for (let index = start; index < end; index++) {
    yield [...positions];
    let size = positions.length;
    let i = size - 1;
    while (i >= 0 && positions[i] === n - size + i) i--;
    if (i < 0) {
      // The last combination of its size: the first of the next.
      size++;
      positions.length = 0;
      for (let j = 0; j < size; j++) positions.push(j);
      continue;
    }
    positions[i]!++;
    for (let j = i + 1; j < size; j++) positions[j] = positions[j - 1]! + 1;
  }
}
