import { composable, unionFootprint } from '../analysis/composition.js';
import type { Footprint } from '../analysis/footprint.js';

/** What becomes of a combination of failures in a run that looks for cut sets. */
export type Treatment = 'computed' | 'derived' | 'skipped';

/**
 * The combinations a run that looks for cut sets has seen, size by size: what each simulated one lost and
 * made asymmetric, and its footprint, so that a larger combination can be told apart as
 * - skipped: it holds a unit that cuts a stub off (analysis/stub-cuts.ts): never irreducible;
 * - derived: it splits into two parts whose footprints do not meet (analysis/composition.ts): its effects are
 *   the union of theirs, so it is never irreducible either;
 * - computed: anything else, simulated.
 * Without pruning (`--all-scenarios`, the reference) every combination is computed.
 */
export class CombinationLedger {
  private readonly effects = new Map<string, { lost: readonly number[]; asymmetric: readonly number[] }>();
  private readonly footprints = new Map<string, Footprint>();
  private readonly derivedBy = new Map<string, number>();
  private readonly derivedFootprints = new Map<string, Footprint>();

  constructor(private readonly options: {
    /** False: compute every combination. */
    prune: boolean;
    /** Per unit: whether its failure cuts a stub off. */
    stubCutting: readonly boolean[];
    /** Largest combination of the run: footprints are kept for the smaller ones. */
    maxSize: number;
  }) {}

  treatment(units: readonly number[]): Treatment {
    if (!this.options.prune || units.length === 1) return 'computed';
    if (units.some((u) => this.options.stubCutting[u])) return 'skipped';
    for (const u of units) {
      const rest = this.footprintOf(units.filter((v) => v !== u));
      if (rest && composable(rest, this.footprintOf([u])!)) {
        if (units.length < this.options.maxSize) this.derivedBy.set(keyOf(units), u);
        return 'derived';
      }
    }
    return 'computed';
  }

  /**
   * Whether a computed combination's footprint is wanted: a larger one may be derived from it (not when it
   * holds a stub-cutting unit: everything larger is skipped).
   */
  wantsFootprint(units: readonly number[]): boolean {
    return this.options.prune && units.length < this.options.maxSize && !units.some((u) => this.options.stubCutting[u]);
  }

  /** What a computed combination lost and made asymmetric (directed pair keys), and its footprint if asked. */
  record(units: readonly number[], lost: readonly number[], asymmetric: readonly number[], footprint?: Footprint): void {
    if (units.length >= this.options.maxSize) return;
    this.effects.set(keyOf(units), { lost, asymmetric });
    if (footprint) this.footprints.set(keyOf(units), footprint);
  }

  /**
   * What the proper parts of a combination lose and make asymmetric, together. Only computed parts are
   * looked up: a derived or skipped part does nothing its own parts do not.
   */
  covered(units: readonly number[]): { lost: number[]; asymmetric: number[] } {
    const lost = new Set<number>();
    const asymmetric = new Set<number>();
    for (const part of properParts(units)) {
      const effects = this.effects.get(keyOf(part));
      if (!effects) continue;
      for (const k of effects.lost) lost.add(k);
      for (const k of effects.asymmetric) asymmetric.add(k);
    }
    return { lost: [...lost].sort((a, b) => a - b), asymmetric: [...asymmetric].sort((a, b) => a - b) };
  }

  /** A combination's footprint: its own if computed, the union of its parts' if derived; none if skipped or failed. */
  private footprintOf(units: readonly number[]): Footprint | undefined {
    const key = keyOf(units);
    const own = this.footprints.get(key) ?? this.derivedFootprints.get(key);
    if (own) return own;
    const u = this.derivedBy.get(key);
    if (u === undefined) return undefined;
    const union = unionFootprint(this.footprintOf(units.filter((v) => v !== u))!, this.footprintOf([u])!);
    this.derivedFootprints.set(key, union);
    return union;
  }
}

function keyOf(units: readonly number[]): string {
  return units.join(',');
}

/** Every non-empty proper subset of `units` (kept in order). */
function* properParts(units: readonly number[]): Generator<number[]> {
  const all = (1 << units.length) - 1;
  for (let mask = 1; mask < all; mask++) yield units.filter((_, i) => mask & (1 << i));
}
