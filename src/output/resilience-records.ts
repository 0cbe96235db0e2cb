import { cutUnavailability } from '../analysis/availability.js';
import type { CutSets } from '../analysis/cut-sets.js';

/**
 * One pair of sites that some combination of up to K failures cuts (one way or both): its minimal cut sets
 * and its availability. Pairs no such combination cuts have none (the summary counts them).
 */
export interface ResilienceRecord {
  type: 'resilience';
  /** The two sites, in `sites` order. */
  pair: [string, string];
  /** Units in the smallest cut: 1 is a single point of failure, 2 a dual-failure exposure, ... */
  smallestCut: number;
  /** Its minimal cut sets, smallest first, then in `whatif links` order; at most CUT_LIMIT of them. */
  cuts: string[][];
  /** Present when CUT_LIMIT cut the list short (availability counts every cut). */
  cutsOmitted?: number;
  /** Probability that some cut is wholly down, units failing independently (the minimal-cut-set upper bound). */
  unavailability: number;
  /** Percent: 100 * (1 - unavailability). */
  availability: number;
  /** With `--availability-target`: `below` it; `met` even if more than K units fail at once; `undetermined` otherwise. */
  target?: 'met' | 'below' | 'undetermined';
}

export interface ResilienceSummary {
  /** K: cuts of up to this many units were looked for. */
  maxCutSize: number;
  /** Pairs delivered both ways in the baseline: the ones a cut can break. */
  connectedPairs: number;
  /** Connected pairs by the size of their smallest cut; `none`: no cut of up to K units. */
  bySmallestCut: Record<string, number>;
  /** Per cut size, the pairs whose smallest cut has it, with those cuts: the first DETAIL_LIMIT pairs. */
  exposures: { size: number; pairs: { pair: [string, string]; cuts: string[][] }[]; omitted: number }[];
  availability: {
    /**
     * Probability that more than K units are down at once: what stopping at K cannot see. A pair's true
     * unavailability is at most its figure plus this.
     */
    bound: number;
    /** Percent, as given. */
    target?: number;
    belowTarget?: number;
    undetermined?: number;
    /** The least available pairs, worst first, with their most likely cuts. */
    worst: { pair: [string, string]; availability: number; unavailability: number; dominantCuts: string[][] }[];
  };
}

/** Most cuts a resilience record lists for one pair. */
export const CUT_LIMIT = 64;
/** How many pairs the summary lists per cut size, and how many worst pairs. */
const SUMMARY_LIMIT = 100;
/** How many of a worst pair's cuts the summary shows. */
const DOMINANT_CUTS = 3;

/**
 * The resilience records, pair by pair, and the summary's section. Cuts name units by index into `units`, whose
 * unavailability `byUnit` gives (a run's compiled units; a merge's `failureUnits`: the same order).
 */
export function resilienceOutput(
  names: { sites: readonly string[]; units: readonly string[] }, cutSets: CutSets, options: {
    maxCutSize: number; connectedPairs: number; byUnit: Float64Array; bound: number; target?: number;
  },
): { records: ResilienceRecord[]; summary: ResilienceSummary } {
  const siteCount = names.sites.length;
  const pairNames = (pair: number): [string, string] => [names.sites[Math.floor(pair / siteCount)]!, names.sites[pair % siteCount]!];
  const unitIds = (cut: readonly number[]): string[] => cut.map((u) => names.units[u]!);
  const { byUnit } = options;
  const bySize = new Map<number, { pair: [string, string]; cuts: string[][] }[]>();
  const records = cutSets.pairs().map((pair): ResilienceRecord => {
    const cuts = cutSets.cutsOf(pair);
    const smallest = cuts[0]!.length;
    const group = bySize.get(smallest) ?? bySize.set(smallest, []).get(smallest)!;
    group.push({ pair: pairNames(pair), cuts: cuts.filter((c) => c.length === smallest).map(unitIds) });
    const unavailability = cutUnavailability(cuts, byUnit);
    return {
      type: 'resilience', pair: pairNames(pair), smallestCut: smallest, cuts: cuts.slice(0, CUT_LIMIT).map(unitIds),
      ...(cuts.length > CUT_LIMIT ? { cutsOmitted: cuts.length - CUT_LIMIT } : {}),
      unavailability, availability: 100 * (1 - unavailability),
      ...(options.target !== undefined ? { target: targetStatus(unavailability, options.bound, options.target) } : {}),
    };
  });
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const bySmallestCut: Record<string, number> = Object.fromEntries(sizes.map((size) => [String(size), bySize.get(size)!.length]));
  bySmallestCut.none = options.connectedPairs - records.length;
  const worst = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.unavailability - a.r.unavailability || a.i - b.i)
    .slice(0, SUMMARY_LIMIT)
    .map(({ r }) => ({ pair: r.pair, availability: r.availability, unavailability: r.unavailability, dominantCuts: dominant(r.cuts, names.units, byUnit) }));
  const target = options.target;
  return {
    records,
    summary: {
      maxCutSize: options.maxCutSize,
      connectedPairs: options.connectedPairs,
      bySmallestCut,
      exposures: sizes.map((size) => {
        const pairs = bySize.get(size)!;
        return { size, pairs: pairs.slice(0, SUMMARY_LIMIT), omitted: Math.max(0, pairs.length - SUMMARY_LIMIT) };
      }),
      availability: {
        bound: options.bound,
        ...(target !== undefined ? {
          target,
          belowTarget: records.filter((r) => r.target === 'below').length,
          undetermined: records.filter((r) => r.target === 'undetermined').length,
        } : {}),
        worst,
      },
    },
  };
}

/**
 * Below the target by its cut sets alone; met even counting every state of more than K units down as a cut;
 * undetermined in between (a larger K tells).
 */
export function targetStatus(unavailability: number, bound: number, target: number): 'met' | 'below' | 'undetermined' {
  if (100 * (1 - unavailability) < target) return 'below';
  return 100 * (1 - unavailability - bound) >= target ? 'met' : 'undetermined';
}

/** A pair's most likely cuts, by their probability of being wholly down, then in order; never one that cannot happen. */
function dominant(cuts: string[][], units: readonly string[], byUnit: Float64Array): string[][] {
  const index = new Map(units.map((id, i) => [id, i]));
  const probability = (cut: string[]): number => cut.reduce((p, id) => p * byUnit[index.get(id)!]!, 1);
  return cuts.map((cut, i) => ({ cut, i, p: probability(cut) }))
    .filter(({ p }) => p > 0)
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, DOMINANT_CUTS)
    .map(({ cut }) => cut);
}
