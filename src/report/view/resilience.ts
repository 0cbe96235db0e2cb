import { targetStatus } from '../../output/resilience-records.js';
import type { CutSizeDigest, RunDigest } from '../read/run-digest.js';
import type { AvailabilityFigures, Pair, SitePair, SummaryRecordIn, WorstPairIn } from '../read/run-records.js';
import { pairShape, type PairShape } from './pair-shape.js';
import type { SiteContext } from './site-set.js';
import { webAddress } from './web-address.js';

/**
 * What a run that looks for cut sets (`--max-failures`) tells about each pair of sites: how few failures cut
 * it, and how available it is. Interrupted, such a run writes no cut sets (from part of the combinations they
 * would mislead), and says only that.
 */
export type ResilienceView = { complete: false; maxCutSize: number } | CutSetsView;

export interface CutSetsView {
  complete: true;
  /** K: every combination of up to this many units was looked at. */
  maxCutSize: number;
  /** Pairs of sites delivered both ways in the baseline: the ones a cut can break. */
  connectedPairs: number;
  /** By the size of the pairs' smallest cut, smallest first; only sizes some pair has. */
  sizes: CutSizeView[];
  /** Connected pairs that no combination of up to K units cuts. */
  uncut: number;
  availability: AvailabilityView;
}

export interface CutSizeView {
  size: number;
  pairs: number;
  /**
   * The pairs the run's digest kept (`listed`), grouped by their cuts of this size, most pairs first; undefined
   * for single points of failure when the run's single points of failure tell them unit by unit (spof.ts).
   */
  groups: CutGroup[] | undefined;
  listed: number;
}

/** Pairs with the same smallest cuts: each cut alone cuts every pair of the group. */
export interface CutGroup {
  cuts: string[][];
  pairs: PairShape;
  count: number;
}

export interface AvailabilityView {
  /** Probability that more than K units are down at once: a pair's true figure is at most its own plus this. */
  bound: number;
  target: TargetView | undefined;
  /**
   * The least available pairs the run lists, worst first, without those whose every cut holds a unit never
   * down; grouped by figure and likely cuts (a hub and its spokes share them: a spoke's peering is never down).
   */
  worst: WorstGroup[];
  /** Pairs with cuts that the run does not list among the least available (it lists the first 100). */
  unlisted: number;
  /** The figures of the kinds of unit the run has, and of the units given their own. */
  kinds: KindFigureView[];
  units: { unit: string; value: number }[];
}

export interface TargetView {
  /** Percent. */
  percent: number;
  below: number;
  /** Meeting it by the cuts of up to K units, but not when every state of more than K units down is a cut. */
  undetermined: number;
  met: number;
}

export type TargetStatus = ReturnType<typeof targetStatus>;

export interface WorstGroup {
  pairs: PairShape;
  count: number;
  /** The first pair, to name at a glance. */
  first: SitePair;
  /** Probability. */
  unavailability: number;
  /** Against the target, when the run has one (as the engine judges a pair's record). */
  target: TargetStatus | undefined;
  /** The cuts most likely to be wholly down, without those that hold a unit never down. */
  likelyCuts: string[][];
}

export interface KindFigureView {
  kind: string;
  /** Probability that a unit of the kind is down at a given moment. */
  value: number;
  /** The page it rests on (an https address), or undefined for a figure set by hand (`source` says where). */
  link: string | undefined;
  source: string;
}

/**
 * Undefined for runs that do not look for cut sets. `spofTold`: the review has a section of single points of
 * failure, which tells them by unit.
 */
export function resilienceView(digest: Pick<RunDigest, 'run' | 'summary' | 'cutSizes'>, options: { ctx: SiteContext; spofTold: boolean }): ResilienceView | undefined {
  const { run, summary, cutSizes } = digest;
  if (!run.availability) return undefined;
  const resilience = summary.resilience;
  if (!resilience) return { complete: false, maxCutSize: run.maxFailures };
  const uncut = resilience.bySmallestCut.none ?? 0;
  const { bound, worst } = resilience.availability;
  const figures = run.availability.unavailability;
  const target = resilience.availability.target;
  return {
    complete: true,
    maxCutSize: resilience.maxCutSize,
    connectedPairs: resilience.connectedPairs,
    sizes: cutSizes.map((s) => ({
      size: s.size, pairs: s.pairs, listed: s.first.length,
      groups: s.size === 1 && options.spofTold ? undefined : cutGroups(s, options.ctx),
    })),
    uncut,
    availability: {
      bound,
      target: targetView(resilience, uncut),
      worst: worstGroups(worst, figures, options.ctx).map((g) => ({ ...g, target: target === undefined ? undefined : targetStatus(g.unavailability, bound, target) })),
      unlisted: resilience.connectedPairs - uncut - worst.length,
      kinds: figures.kinds.filter((k) => run.failureUnits.some((u) => u.startsWith(`${k.kind}:`)))
        .map((k) => ({ kind: k.kind, value: k.value, link: webAddress(k.source), source: k.source })),
      units: Object.entries(figures.units).map(([unit, value]) => ({ unit, value })),
    },
  };
}

/** Pairs grouped by the same cuts, most pairs first (first seen first among equals); each pair both ways. */
function cutGroups(size: CutSizeDigest, ctx: SiteContext): CutGroup[] {
  const groups = new Map<string, { cuts: string[][]; pairs: Pair[] }>();
  for (const { pair: [a, b], cuts } of size.first) {
    const key = JSON.stringify(cuts);
    const group = groups.get(key) ?? groups.set(key, { cuts, pairs: [] }).get(key)!;
    group.pairs.push([a, b], [b, a]);
  }
  return [...groups.values()].sort((x, y) => y.pairs.length - x.pairs.length)
    .map((g) => ({ cuts: g.cuts, pairs: pairShape(g.pairs, ctx), count: g.pairs.length / 2 }));
}

/** The least available pairs with a figure above 0, grouped by figure and likely cuts, worst first. */
function worstGroups(worst: readonly WorstPairIn[], figures: AvailabilityFigures['unavailability'], ctx: SiteContext): Omit<WorstGroup, 'target'>[] {
  const down = (unit: string): number | undefined => figures.units[unit] ?? figures.kinds.find((k) => unit.startsWith(`${k.kind}:`))?.value;
  const groups = new Map<string, { first: SitePair; unavailability: number; likelyCuts: string[][]; pairs: Pair[] }>();
  for (const w of worst) {
    if (w.unavailability === 0) continue;
    const likelyCuts = w.dominantCuts.filter((cut) => cut.every((u) => down(u) !== 0));
    const key = JSON.stringify([w.unavailability, likelyCuts]);
    const group = groups.get(key) ?? groups.set(key, { first: w.pair, unavailability: w.unavailability, likelyCuts, pairs: [] }).get(key)!;
    group.pairs.push(w.pair, [w.pair[1], w.pair[0]]);
  }
  return [...groups.values()].map((g) => ({ first: g.first, unavailability: g.unavailability, likelyCuts: g.likelyCuts, pairs: pairShape(g.pairs, ctx), count: g.pairs.length / 2 }));
}

/**
 * The summary counts the pairs with cuts below the target or undetermined; the rest of the pairs with cuts
 * meet it. A connected pair with no cut of up to K units has no figure of its own (0): it is down only when
 * more than K units are, so it meets the target when the bound alone does, and is undetermined otherwise.
 */
function targetView(resilience: NonNullable<SummaryRecordIn['resilience']>, uncut: number): TargetView | undefined {
  const { target, belowTarget = 0, undetermined = 0, bound } = resilience.availability;
  if (target === undefined) return undefined;
  const uncutMeets = targetStatus(0, bound, target) === 'met';
  return {
    percent: target,
    below: belowTarget,
    undetermined: undetermined + (uncutMeets ? 0 : uncut),
    met: resilience.connectedPairs - uncut - belowTarget - undetermined + (uncutMeets ? uncut : 0),
  };
}
