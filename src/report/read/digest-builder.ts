import type { BaselineDigest, Matrices, RunDigest, RunInfo, ScenarioDigest } from './run-digest.js';
import type { InputProblem } from './report-input-error.js';
import { ResilienceFold } from './resilience-fold.js';
import type { Pair, RecordIn, RunRecordIn, ScenarioRecordIn, SummaryRecordIn } from './run-records.js';
import { TopScenarios } from './top-scenarios.js';

/** Budgets that keep a digest small whatever the run's size. */
export const LIMITS = {
  /** Scenarios kept with their diffs; the run's ranking keeps 100 by default. */
  ranked: 250,
  /** Pairs per list of a ranked scenario (a heatmap needs them all; a spoke's peering in a 500-site estate cuts ~800). */
  pairs: 6400,
  /** Moves and asymmetric paths per scenario. */
  paths: 100,
  /** Moves and asymmetric paths over all single failures. */
  singlePaths: 2000,
  errors: 20,
  /** Pairs kept per size of smallest cut, with those cuts (an estate has ~90,000 with a single point of failure). */
  exposedPairs: 2000,
};

/**
 * Folds a run's records, in file order, into a RunDigest, checking what their schemas cannot: the order of
 * the records (resilience records follow every scenario), matrices as wide as the run has sites, pairs that
 * name the run's sites, a summary that counts the resilience records there are. `add` returns what is wrong
 * with a record, if anything; `finish` what the whole file lacks.
 */
export class DigestBuilder {
  private run: RunInfo | undefined;
  private siteSet = new Set<string>();
  private baseline: BaselineDigest | undefined;
  private summary: SummaryRecordIn | undefined;
  private resilience: ResilienceFold | undefined;
  private readonly top = new TopScenarios(LIMITS.ranked);
  private readonly singles: ScenarioDigest[] = [];
  private singlePathBudget = LIMITS.singlePaths;
  private scenariosRead = 0;
  private pairRecords = 0;
  private readonly errors: { scenario: string; message: string }[] = [];
  private errorCount = 0;
  private records = 0;

  constructor(private readonly file: string) {}

  add(record: RecordIn): string | undefined {
    this.records++;
    if (this.records === 1 && record.type !== 'run') return `the first record is a "${record.type}" record, not the run record: is this the output of a whatif run?`;
    if (this.summary) return 'a record after the summary, which closes a run: two runs concatenated?';
    if (this.resilience?.records && record.type !== 'resilience' && record.type !== 'summary') {
      return `a ${record.type} record after the resilience records, which follow every scenario: the run is out of order`;
    }
    switch (record.type) {
      case 'run': return this.addRun(record);
      case 'scenario': return this.addScenario(record);
      case 'pair': this.pairRecords++; return undefined;
      case 'resilience': return this.resilience!.add(record);
      case 'error':
        this.errorCount++;
        if (this.errors.length < LIMITS.errors) this.errors.push({ scenario: record.scenario, message: record.message });
        return undefined;
      case 'summary': return this.addSummary(record);
    }
  }

  /** The digest, or what the file lacks. */
  finish(): RunDigest | InputProblem {
    if (!this.run) return { message: 'the file is empty: no run record' };
    if (!this.baseline) return { message: 'no baseline scenario record: the run is truncated' };
    if (!this.summary) return { message: `no summary record after ${this.records} records: the run is truncated (a run that was interrupted still writes one)` };
    const kept = this.top.byId();
    const ranked = new Map<string, ScenarioDigest>();
    for (const entry of this.summary.ranking) {
      const digest = kept.get(entry.id);
      if (digest) ranked.set(entry.id, digest);
    }
    return {
      file: this.file, run: this.run, baseline: this.baseline, summary: this.summary, ranked, singles: this.singles,
      scenariosRead: this.scenariosRead, pairRecords: this.pairRecords, cutSizes: this.resilience!.sizes(), errors: this.errors, errorCount: this.errorCount,
    };
  }

  private addRun(record: RunRecordIn): string | undefined {
    if (this.run) return 'a second run record: two runs concatenated?';
    const details = record.siteDetails;
    if (details) {
      if (details.length !== record.sites.length) return `the run record has ${details.length} siteDetails for ${record.sites.length} sites`;
      const wrong = details.findIndex((d, i) => d.id !== record.sites[i]);
      if (wrong >= 0) return `siteDetails[${wrong}] is "${details[wrong]!.id}", but sites[${wrong}] is "${record.sites[wrong]}"`;
    }
    this.siteSet = new Set(record.sites);
    this.run = {
      topology: record.topology, sites: record.sites, siteDetails: details,
      failureUnits: record.failureUnits ?? [], disabledUnits: record.disabledUnits ?? [],
      scenarios: record.scenarios, maxFailures: record.maxFailures,
      designFindings: record.designFindings ?? [], asymmetryThreshold: record.asymmetryThreshold,
      scenarioRecords: record.scenarioRecords, availability: record.availability,
    };
    this.resilience = new ResilienceFold(record.sites, this.run.failureUnits, LIMITS.exposedPairs);
    return undefined;
  }

  private addScenario(record: ScenarioRecordIn): string | undefined {
    const n = this.run!.sites.length;
    const unknown = this.unknownSite(record);
    if (unknown) return unknown;
    const matrices = matricesOf(record, n);
    if (typeof matrices === 'string') return matrices;
    if (record.failed.length === 0) {
      if (this.baseline) return 'a second baseline scenario record';
      if (!matrices) return `the baseline record has no ${n}x${n} reach and sym matrices`;
      this.baseline = {
        ...matrices, asymmetricPaths: record.asymmetricPaths ?? [], asymmetricPathsOmitted: record.asymmetricPathsOmitted ?? 0,
        criticalNodes: record.criticalNodes ?? [], converged: record.converged !== false, notConverged: record.notConverged ?? [],
      };
      return undefined;
    }
    if (!this.baseline) return 'a failure scenario before the baseline: the run is out of order';
    this.scenariosRead++;
    this.top.add(digestOf(record, matrices, LIMITS.pairs, LIMITS.paths));
    if (record.failed.length === 1) {
      const single = digestOf(record, undefined, 0, Math.min(LIMITS.paths, this.singlePathBudget));
      this.singlePathBudget -= single.moves.length + single.asymmetricPaths.length;
      this.singles.push(single);
    }
    return undefined;
  }

  private addSummary(record: SummaryRecordIn): string | undefined {
    for (const [i, s] of (record.singlePointsOfFailure ?? []).entries()) {
      const bad = this.badPair(s.breaks);
      if (bad) return `singlePointsOfFailure[${i}].breaks names ${bad}`;
    }
    for (const [i, w] of (record.resilience?.availability.worst ?? []).entries()) {
      const bad = this.badPair([w.pair]);
      if (bad) return `resilience.availability.worst[${i}].pair names ${bad}`;
    }
    const disagreement = this.resilience!.disagreement(record.resilience);
    if (disagreement) return disagreement;
    this.summary = record;
    return undefined;
  }

  /** A scenario's pair lists may name only the run's sites: the report indexes its matrices by them. */
  private unknownSite(record: ScenarioRecordIn): string | undefined {
    const lists = { lost: record.lost, gained: record.gained, rerouted: record.rerouted, asymmetric: record.asymmetric, symmetricAgain: record.symmetricAgain };
    for (const [name, list] of Object.entries(lists)) {
      const bad = this.badPair(list ?? []);
      if (bad) return `scenario "${record.id}": ${name} names ${bad}`;
    }
    return undefined;
  }

  private badPair(pairs: Pair[]): string | undefined {
    for (const pair of pairs) for (const site of pair) if (!this.siteSet.has(site)) return `site "${site}", which the run record does not list`;
    return undefined;
  }
}

/** The record's matrices when it has them, or why they cannot be read. */
function matricesOf(record: ScenarioRecordIn, n: number): Matrices | undefined | string {
  const { reach, sym, asymmetry } = record;
  if (!reach && !sym && !asymmetry) return undefined;
  for (const [name, rows] of Object.entries({ reach, sym, asymmetry })) {
    if (rows === undefined && name === 'asymmetry') continue;
    if (!rows || rows.length !== n || rows.some((r) => r.length !== n)) return `scenario "${record.id}": ${name} is not a ${n}x${n} matrix (one string of ${n} characters per site)`;
  }
  return { reach: reach!, sym: sym!, asymmetry };
}

function digestOf(record: ScenarioRecordIn, matrices: Matrices | undefined, pairLimit: number, pathLimit: number): ScenarioDigest {
  const list = (pairs: Pair[] | undefined): Pair[] => (pairs ?? []).slice(0, pairLimit);
  const lists = [record.lost, record.gained, record.rerouted, record.asymmetric, record.symmetricAgain];
  return {
    id: record.id,
    failed: record.failed,
    counts: {
      lost: record.lost?.length ?? 0, gained: record.gained?.length ?? 0, rerouted: record.rerouted?.length ?? 0,
      asymmetric: record.asymmetric?.length ?? 0, symmetricAgain: record.symmetricAgain?.length ?? 0,
      moves: (record.moves?.length ?? 0) + (record.movesOmitted ?? 0),
      asymmetricPaths: (record.asymmetricPaths?.length ?? 0) + (record.asymmetricPathsOmitted ?? 0),
    },
    complete: lists.every((l) => (l?.length ?? 0) <= pairLimit),
    lost: list(record.lost), gained: list(record.gained), rerouted: list(record.rerouted),
    asymmetric: list(record.asymmetric), symmetricAgain: list(record.symmetricAgain),
    matrices: pairLimit > 0 ? matrices : undefined,
    moves: (record.moves ?? []).slice(0, pathLimit),
    asymmetricPaths: (record.asymmetricPaths ?? []).slice(0, pathLimit),
    converged: record.converged !== false,
  };
}
