import type { RunRecord, ScenarioRecord, SummaryRecord, WhatifRecord } from '../output/records.js';
import type { BaselineDigest, Pair, RunDigest, ScenarioDigest } from './digest.js';
import { TopScenarios } from './top-scenarios.js';

/** A run file the report cannot read: the CLI prints the message and exits 2. */
export class ReportInputError extends Error {}

/** Budgets that keep a digest small whatever the run's size. */
export const LIMITS = {
  /** Scenarios kept with their diffs; the run's ranking keeps 100 by default. */
  ranked: 250,
  /** Pairs per list of a ranked scenario (enough for an 80-site heatmap's worst case). */
  pairs: 6400,
  /** Moves and asymmetric paths per scenario. */
  paths: 100,
  /** Moves and asymmetric paths over all single failures. */
  singlePaths: 2000,
  errors: 20,
};

/** Folds the records of a run, in file order, into a RunDigest. */
export class DigestBuilder {
  private run: RunRecord | undefined;
  private baseline: BaselineDigest | undefined;
  private summary: SummaryRecord | undefined;
  private readonly top = new TopScenarios(LIMITS.ranked);
  private readonly singles: ScenarioDigest[] = [];
  private singlePathBudget = LIMITS.singlePaths;
  private scenariosRead = 0;
  private pairRecords = 0;
  private readonly errors: { scenario: string; message: string }[] = [];
  private errorCount = 0;
  private records = 0;

  constructor(private readonly file: string) {}

  add(value: unknown): void {
    this.records++;
    const record = asRecord(value);
    if (!record) throw this.fail(`record ${this.records} is not a whatif record (a JSON object with a "type")`);
    if (this.records === 1 && record.type !== 'run') throw this.fail(`the first record is a "${record.type}" record, not the run record: is this the output of a whatif run?`);
    if (this.summary) throw this.fail(`record ${this.records} comes after the summary, which closes a run`);
    switch (record.type) {
      case 'run': return this.addRun(record);
      case 'scenario': return this.addScenario(record);
      case 'pair': this.pairRecords++; return;
      case 'error':
        this.errorCount++;
        if (this.errors.length < LIMITS.errors) this.errors.push({ scenario: String(record.scenario), message: String(record.message) });
        return;
      case 'summary': return this.addSummary(record);
      default: return; // a newer record type: not this report's business
    }
  }

  finish(): RunDigest {
    if (!this.run) throw this.fail('the file is empty: no run record');
    if (!this.baseline) throw this.fail('no baseline scenario record: the run is truncated');
    if (!this.summary) throw this.fail(`no summary record after ${this.records} records: the run is truncated (a run that was interrupted still writes one)`);
    const kept = this.top.byId();
    const ranked = new Map<string, ScenarioDigest>();
    for (const entry of this.summary.ranking) {
      const digest = kept.get(entry.id);
      if (digest) ranked.set(entry.id, digest);
    }
    return {
      file: this.file, run: this.run, baseline: this.baseline, summary: this.summary, ranked, singles: this.singles,
      scenariosRead: this.scenariosRead, pairRecords: this.pairRecords, errors: this.errors, errorCount: this.errorCount,
    };
  }

  private addRun(record: RunRecord): void {
    if (this.run) throw this.fail(`record ${this.records} is a second run record: two runs concatenated?`);
    if (!Array.isArray(record.sites) || !record.sites.every((s) => typeof s === 'string')) throw this.fail('the run record has no list of sites');
    this.run = { ...record, failureUnits: record.failureUnits ?? [], disabledUnits: record.disabledUnits ?? [], designFindings: record.designFindings ?? [] };
  }

  private addScenario(record: ScenarioRecord): void {
    const sites = this.run!.sites.length;
    if (record.id === 'baseline' || (Array.isArray(record.failed) && record.failed.length === 0)) {
      if (!isMatrix(record.reach, sites) || !isMatrix(record.sym, sites)) throw this.fail(`the baseline record has no ${sites}x${sites} reach and sym matrices`);
      this.baseline = {
        reach: record.reach, sym: record.sym, asymmetricPaths: record.asymmetricPaths ?? [],
        criticalNodes: record.criticalNodes ?? [], converged: record.converged !== false, notConverged: record.notConverged ?? [],
      };
      return;
    }
    if (!this.baseline) throw this.fail(`record ${this.records} is a failure scenario before the baseline`);
    if (!Array.isArray(record.failed)) throw this.fail(`scenario record ${this.records} has no list of failed units`);
    this.scenariosRead++;
    this.top.add(digestOf(record, LIMITS.pairs, LIMITS.paths, sites));
    if (record.failed.length === 1) {
      const paths = Math.min(LIMITS.paths, this.singlePathBudget);
      const single = digestOf(record, 0, paths, sites);
      this.singlePathBudget -= single.moves.length + single.asymmetricPaths.length;
      this.singles.push(single);
    }
  }

  private addSummary(record: SummaryRecord): void {
    if (!Array.isArray(record.ranking) || typeof record.scenarios !== 'object' || record.scenarios === null) throw this.fail('the summary record has no ranking');
    this.summary = record;
  }

  private fail(message: string): ReportInputError {
    return new ReportInputError(`${this.file}: ${message}`);
  }
}

function digestOf(record: ScenarioRecord, pairLimit: number, pathLimit: number, sites: number): ScenarioDigest {
  const list = (pairs: [string, string][] | undefined): Pair[] => (pairs ?? []).slice(0, pairLimit);
  const lists = [record.lost, record.gained, record.rerouted, record.asymmetric, record.symmetricAgain];
  const full = isMatrix(record.reach, sites) && isMatrix(record.sym, sites);
  return {
    id: String(record.id),
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
    ...(full && pairLimit > 0 ? { reach: record.reach, sym: record.sym } : {}),
    moves: (record.moves ?? []).slice(0, pathLimit),
    asymmetricPaths: (record.asymmetricPaths ?? []).slice(0, pathLimit),
    converged: record.converged !== false,
  };
}

function asRecord(value: unknown): WhatifRecord | undefined {
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
  return ok ? value as WhatifRecord : undefined;
}

function isMatrix(rows: unknown, n: number): rows is string[] {
  return Array.isArray(rows) && rows.length === n && rows.every((r) => typeof r === 'string' && r.length === n);
}
