import { ASYMMETRY_CLASSES, levelOf, type AsymmetryClass } from '../analysis/asymmetry.js';
import { Ranking, RANKING_SIZE } from '../analysis/ranking.js';
import type { ResilienceSummary, SummaryRecord } from '../output/records.js';
import type { ScenarioFacts } from './protocol.js';

/** Folds the facts of each scenario, in order, into the closing `summary` record. */
export class SummaryBuilder {
  private readonly ranking: Ranking;
  private ran = 0;
  private written = 0;
  private derived = 0;
  private skipped = 0;
  private unchanged = 0;
  private errors = 0;
  private notConverged = 0;
  private singles = false;
  private withLoss = 0;
  private withNewAsymmetry = 0;
  private readonly spof: { unit: string; breaks: [string, string][] }[] = [];

  constructor(private readonly run: {
    sites: readonly string[];
    total: number;
    /** The baseline's asymmetric pairs, by class. */
    asymmetricByClass: Record<AsymmetryClass, number>;
    asymmetry: AsymmetryClass;
  }) {
    this.ranking = new Ranking(RANKING_SIZE);
  }

  addError(): void {
    this.errors++;
  }

  /**
   * A simulated scenario. The ranking and the scenario counts of `findings` cover the written ones: in a run of
   * irreducible scenarios, any loss or new asymmetry shows in some written scenario (the smallest part that
   * has it), so what `--fail-on` reads does not depend on which are written.
   */
  add(facts: ScenarioFacts): void {
    this.ran++;
    if (facts.unchanged) this.unchanged++;
    if (!facts.converged) this.notConverged++;
    if (facts.failed.length === 1) {
      this.singles = true;
      if (facts.lost > 0) this.spof.push({ unit: facts.failed[0]!, breaks: this.pairNames(facts.lostPairs ?? []) });
    }
    if (!facts.written) return;
    this.written++;
    if (facts.lost > 0) this.withLoss++;
    if (facts.asymmetric > 0) this.withNewAsymmetry++;
    this.ranking.add({ id: facts.id, failed: facts.failed, lost: facts.lost, asymmetric: facts.asymmetric, rerouted: facts.rerouted });
  }

  /** Combinations not simulated: derived from their parts, or skipped. */
  addUnsimulated(derived: number, skipped: number): void {
    this.derived += derived;
    this.skipped += skipped;
  }

  private pairNames(keys: readonly number[]): [string, string][] {
    const n = this.run.sites.length;
    return keys.map((key) => [this.run.sites[Math.floor(key / n)]!, this.run.sites[key % n]!]);
  }

  build(partial: boolean, whole: Pick<SummaryParts, 'resilience' | 'shard'> = {}): SummaryRecord {
    return summaryRecord({
      partial,
      scenarios: {
        total: this.run.total, run: this.ran, derived: this.derived, skipped: this.skipped, written: this.written,
        unchanged: this.unchanged, errors: this.errors, notConverged: this.notConverged,
      },
      ranking: this.ranking.top(),
      rankingOmitted: this.ranking.omittedCount,
      ...(this.singles ? { singlePointsOfFailure: this.spof } : {}),
      findings: {
        scenariosWithLoss: this.withLoss,
        scenariosWithNewAsymmetry: this.withNewAsymmetry,
        baselineAsymmetricPairs: ASYMMETRY_CLASSES.slice(levelOf(this.run.asymmetry) - 1).reduce((sum, c) => sum + this.run.asymmetricByClass[c], 0),
        asymmetricPairsByClass: this.run.asymmetricByClass,
        singlePointsOfFailure: this.spof.length,
      },
      ...whole,
    });
  }
}

/**
 * A summary's parts: what adds up over the scenarios (and so over shards), and what only the whole run knows
 * (the resilience section) or only a shard carries (its cuts).
 */
export interface SummaryParts {
  partial: boolean;
  scenarios: SummaryRecord['scenarios'];
  ranking: SummaryRecord['ranking'];
  rankingOmitted: number;
  singlePointsOfFailure?: SummaryRecord['singlePointsOfFailure'];
  findings: Omit<SummaryRecord['findings'], 'pairsBelowTarget'>;
  resilience?: ResilienceSummary;
  shard?: SummaryRecord['shard'];
}

/** The summary record, its fields in the contract's order: one run's and a merge's are the same bytes. */
export function summaryRecord(parts: SummaryParts): SummaryRecord {
  const below = parts.resilience?.availability.belowTarget;
  const f = parts.findings;
  return {
    type: 'summary',
    partial: parts.partial,
    scenarios: parts.scenarios,
    ranking: parts.ranking,
    rankingOmitted: parts.rankingOmitted,
    ...(parts.singlePointsOfFailure ? { singlePointsOfFailure: parts.singlePointsOfFailure } : {}),
    findings: {
      scenariosWithLoss: f.scenariosWithLoss,
      scenariosWithNewAsymmetry: f.scenariosWithNewAsymmetry,
      baselineAsymmetricPairs: f.baselineAsymmetricPairs,
      asymmetricPairsByClass: f.asymmetricPairsByClass,
      singlePointsOfFailure: f.singlePointsOfFailure,
      ...(below !== undefined ? { pairsBelowTarget: below } : {}),
    },
    ...(parts.resilience ? { resilience: parts.resilience } : {}),
    ...(parts.shard ? { shard: parts.shard } : {}),
  };
}
