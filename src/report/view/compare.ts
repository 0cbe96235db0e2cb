import { compareEntries, type RankingEntry } from '../../analysis/ranking.js';
import type { RunDigest } from '../read/run-digest.js';
import { thresholdOf } from './asymmetry-class.js';
import { matrixCodes, stateOf, type CellState } from './cells.js';
import { designFindings, findingKey, type DesignFinding } from './design-findings.js';

type Counts = Pick<RankingEntry, 'lost' | 'asymmetric' | 'rerouted'>;

/** The nightly diff: what changed between a previous run and this one, worst news first. */
export interface RunComparison {
  previousFile: string;
  sites: { added: string[]; removed: string[] };
  units: { added: string[]; removed: string[]; disabled: string[]; enabled: string[] };
  designFindings: { added: DesignFinding[]; resolved: DesignFinding[] };
  /** Undefined when either run has no single-failure scenarios to tell. */
  spof: {
    added: { unit: string; pairs: number }[];
    /** `disabled`: it no longer fails because it is now administratively down, not because of redundancy. */
    resolved: { unit: string; pairs: number; disabled: boolean }[];
    changed: { unit: string; before: number; after: number }[];
  } | undefined;
  /** Baseline cells whose verdict changed, over the sites both runs have. */
  verdicts: { src: string; dst: string; before: CellState; after: CellState }[];
  ranking: {
    worse: { id: string; before: Counts; after: Counts }[];
    better: { id: string; before: Counts; after: Counts }[];
    added: RankingEntry[];
    removed: RankingEntry[];
    /** A ranking was cut to its top entries: an added or removed scenario may only have crossed the cut. */
    truncated: boolean;
  };
}

export function compareRuns(previous: RunDigest, current: RunDigest): RunComparison {
  return {
    previousFile: previous.file,
    sites: listDiff(previous.run.sites, current.run.sites),
    units: unitDiff(previous, current),
    designFindings: findingDiff(designFindings(previous.run.designFindings), designFindings(current.run.designFindings)),
    spof: spofDiff(previous, current),
    verdicts: verdictDiff(previous, current),
    ranking: rankingDiff(previous, current),
  };
}

/** Verdicts from best to worst: a change up this list is a regression. */
const SEVERITY: Record<CellState, number> = { symmetric: 0, asymmetric: 1, 'one-way': 2, unreachable: 3 };

export function verdictCounts(c: RunComparison): { worse: number; better: number } {
  const worse = c.verdicts.filter((v) => SEVERITY[v.after] > SEVERITY[v.before]).length;
  return { worse, better: c.verdicts.length - worse };
}

/** True when the comparison has nothing to say. */
export function isUnchanged(c: RunComparison): boolean {
  const r = c.ranking;
  return c.sites.added.length + c.sites.removed.length + c.units.added.length + c.units.removed.length
    + c.units.disabled.length + c.units.enabled.length + c.designFindings.added.length + c.designFindings.resolved.length
    + (c.spof ? c.spof.added.length + c.spof.resolved.length + c.spof.changed.length : 0)
    + c.verdicts.length + r.worse.length + r.better.length + r.added.length + r.removed.length === 0;
}

function listDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((x) => !was.has(x)), removed: before.filter((x) => !is.has(x)) };
}

function unitDiff(previous: RunDigest, current: RunDigest): RunComparison['units'] {
  const all = (d: RunDigest): string[] => [...d.run.failureUnits, ...d.run.disabledUnits];
  const { added, removed } = listDiff(all(previous), all(current));
  const wasDisabled = new Set(previous.run.disabledUnits);
  const isDisabled = new Set(current.run.disabledUnits);
  return {
    added, removed,
    disabled: current.run.disabledUnits.filter((u) => !wasDisabled.has(u) && previous.run.failureUnits.includes(u)),
    enabled: current.run.failureUnits.filter((u) => !isDisabled.has(u) && wasDisabled.has(u)),
  };
}

function findingDiff(before: DesignFinding[], after: DesignFinding[]): RunComparison['designFindings'] {
  const was = new Set(before.map(findingKey));
  const is = new Set(after.map(findingKey));
  return { added: after.filter((f) => !was.has(findingKey(f))), resolved: before.filter((f) => !is.has(findingKey(f))) };
}

function spofDiff(previous: RunDigest, current: RunDigest): RunComparison['spof'] {
  const was = previous.summary.singlePointsOfFailure;
  const is = current.summary.singlePointsOfFailure;
  if (!was || !is) return undefined;
  const before = new Map(was.map((s) => [s.unit, s.breaks.length]));
  const after = new Map(is.map((s) => [s.unit, s.breaks.length]));
  return {
    added: is.filter((s) => !before.has(s.unit)).map((s) => ({ unit: s.unit, pairs: s.breaks.length })),
    resolved: was.filter((s) => !after.has(s.unit))
      .map((s) => ({ unit: s.unit, pairs: s.breaks.length, disabled: current.run.disabledUnits.includes(s.unit) })),
    changed: is.filter((s) => before.has(s.unit) && before.get(s.unit) !== s.breaks.length)
      .map((s) => ({ unit: s.unit, before: before.get(s.unit)!, after: s.breaks.length })),
  };
}

/**
 * Both runs judged at the current run's threshold, so that a new engine's classes do not read as changes:
 * a run without classes counts every asymmetric pair, as it always did.
 */
function verdictDiff(previous: RunDigest, current: RunDigest): RunComparison['verdicts'] {
  const threshold = thresholdOf(current.run, current.baseline);
  const was = matrixCodes(previous.baseline, threshold);
  const is = matrixCodes(current.baseline, threshold);
  const index = new Map(previous.run.sites.map((s, i) => [s, i]));
  const changes: RunComparison['verdicts'] = [];
  current.run.sites.forEach((src, s) => current.run.sites.forEach((dst, d) => {
    const ps = index.get(src);
    const pd = index.get(dst);
    if (s === d || ps === undefined || pd === undefined) return;
    const before = stateOf(was[ps]![pd]!);
    const after = stateOf(is[s]![d]!);
    if (before !== after) changes.push({ src, dst, before, after });
  }));
  return changes;
}

function rankingDiff(previous: RunDigest, current: RunDigest): RunComparison['ranking'] {
  const before = new Map(previous.summary.ranking.map((e) => [e.id, e]));
  const after = new Map(current.summary.ranking.map((e) => [e.id, e]));
  const counts = (e: RankingEntry): Counts => ({ lost: e.lost, asymmetric: e.asymmetric, rerouted: e.rerouted });
  const worse: RunComparison['ranking']['worse'] = [];
  const better: RunComparison['ranking']['better'] = [];
  for (const entry of current.summary.ranking) {
    const old = before.get(entry.id);
    if (!old) continue;
    // The ranking's own order: more lost pairs, then more asymmetric, then more rerouted is worse.
    const order = compareEntries(old, entry);
    if (order > 0) worse.push({ id: entry.id, before: counts(old), after: counts(entry) });
    else if (order < 0) better.push({ id: entry.id, before: counts(old), after: counts(entry) });
  }
  return {
    worse, better,
    added: current.summary.ranking.filter((e) => !before.has(e.id)),
    removed: previous.summary.ranking.filter((e) => !after.has(e.id)),
    truncated: previous.summary.rankingOmitted > 0 || current.summary.rankingOmitted > 0,
  };
}
