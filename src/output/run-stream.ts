import { decode, encode } from '@msgpack/msgpack';
import type { CompiledTopology } from '../model/compiled.js';
import { Ranking } from '../analysis/ranking.js';
import { designFindings } from '../analysis/design-findings.js';
import type { ScenarioPlan } from '../failures/enumerate.js';
import { WorkerPool } from '../failures/pool.js';
import { ReorderBuffer } from '../failures/reorder-buffer.js';
import type { NdjsonSink } from './ndjson-sink.js';
import type { Progress } from './progress.js';
import { scenarioId, type ErrorRecord, type RunRecord, type ScenarioRecord, type SummaryRecord } from './records.js';
import type { Finished, WorkerSetup, WorkerTask } from './scenario-batch.js';

export interface StreamRunOptions {
  topology: CompiledTopology;
  plan: ScenarioPlan;
  workers: number;
  pairs: boolean;
  full: boolean;
  incremental: boolean;
  sink: NdjsonSink;
  progress?: Progress;
  /** Aborted on Ctrl-C: dispatch stops, finished scenarios are flushed in order, the summary says partial. */
  signal?: AbortSignal;
  rankingSize?: number;
  /** Worker script override (tests). */
  workerFile?: string;
}

const DEFAULT_RANKING_SIZE = 100;

/**
 * A whole run: `run`, baseline `scenario` (and its `pair`s), every failure scenario's records in scenario
 * order, then `summary`. Scenarios go to the worker pool in batches; results come back out of order and are
 * released in order by a reorder buffer. At most two batches per worker are in flight and the next batch
 * waits for the output to drain, so memory stays flat whatever the number of scenarios.
 */
export async function streamRun(options: StreamRunOptions): Promise<SummaryRecord> {
  const { topology } = options;
  // Workers start building their engines now, while the run record goes out.
  const setup: WorkerSetup = { topology, incremental: options.incremental };
  const pool = new WorkerPool({ workers: options.workers, setup: encode(setup), filename: options.workerFile });
  try {
    return await stream(options, pool);
  } finally {
    await pool.close();
  }
}

async function stream(options: StreamRunOptions, pool: WorkerPool): Promise<SummaryRecord> {
  const { topology, plan, sink } = options;
  const run: RunRecord = {
    type: 'run',
    topology: topology.name,
    sites: topology.sites.map((s) => s.id),
    failureUnits: topology.units.filter((u) => u.enabled).map((u) => u.id),
    disabledUnits: topology.units.filter((u) => !u.enabled).map((u) => u.id),
    scenarios: plan.total,
    maxFailures: plan.maxFailures,
    incremental: options.incremental,
    designFindings: designFindings(topology),
  };
  await sink.write(run);
  const [baseline] = await runOnPool(pool, { kind: 'baseline', pairs: options.pairs });
  await sink.writeLines(baseline!.ndjson);
  const baselineAsymmetric = (baseline!.scenario.asymmetricPaths?.length ?? 0) + (baseline!.scenario.asymmetricPathsOmitted ?? 0);
  const summary = new SummaryBuilder(options.rankingSize ?? DEFAULT_RANKING_SIZE, plan.total, baselineAsymmetric);

  let stopped = false;
  sink.onClosed(() => { stopped = true; });
  const onAbort = (): void => { stopped = true; };
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) stopped = true;

  const reorder = new ReorderBuffer<Outcome>(0);
  let writing: Promise<void> = Promise.resolve();
  const deliver = (index: number, outcome: Outcome): void => {
    const ready = reorder.put(index, outcome);
    if (ready.length === 0) return;
    writing = writing.then(async () => {
      for (const { record, ndjson } of ready) {
        await (ndjson ? sink.writeLines(ndjson) : sink.write(record));
        summary.add(record);
        options.progress?.tick();
      }
    });
  };
  const pace = new BatchPacer(options.pairs);
  const runBatch = async (task: ScenarioTask): Promise<void> => {
    try {
      const started = performance.now();
      const results = await runOnPool(pool, task);
      pace.record(task.scenarios.length, performance.now() - started);
      for (const r of results) deliver(r.index, { record: r.scenario, ndjson: r.ndjson });
    } catch {
      // Find the scenario that fails: each alone, with its own retry; the one that still fails is reported.
      for (const scenario of task.scenarios) {
        try {
          const [r] = await runOnPool(pool, { ...task, scenarios: [scenario] });
          deliver(scenario.index, { record: r!.scenario, ndjson: r!.ndjson });
        } catch (error) {
          deliver(scenario.index, { record: errorRecord(topology, scenario.failed, error) });
        }
      }
    }
  };

  const maxInFlight = options.workers * 2;
  const inFlight = new Set<Promise<void>>();
  const iterator = plan.scenarios()[Symbol.iterator]();
  let index = 0;
  while (!stopped) {
    const scenarios: ScenarioTask['scenarios'] = [];
    const batchSize = pace.batchSize();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      scenarios.push({ index: index++, failed: next.value });
      if (scenarios.length >= batchSize) break;
    }
    if (scenarios.length === 0) break;
    const task = runBatch({ kind: 'scenarios', scenarios, pairs: options.pairs, full: options.full }).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    await writing;
  }
  await Promise.all(inFlight);
  await writing;

  options.signal?.removeEventListener('abort', onAbort);
  options.progress?.done();
  const record = summary.build(options.signal?.aborted ?? false);
  await sink.write(record);
  return record;
}

type ScenarioTask = Extract<WorkerTask, { kind: 'scenarios' }>;

/**
 * How many scenarios go in one task: enough that the pool's round trip (~0.1 ms) is noise, few enough that
 * no worker is left with a long tail while the other idles. Scenario costs vary by 1000x (one ER connection
 * of a data-centre circuit reroutes tens of thousands of pairs, and such units sit next to each other in
 * enumeration order), so the size follows the measured cost per scenario, starting from one.
 * With --pairs a scenario is megabytes of records: always one, to keep what is in flight small.
 */
class BatchPacer {
  private static readonly TARGET_MS = 40;
  private static readonly MAX = 64;
  private scenarios = 0;
  private elapsedMs = 0;

  constructor(private readonly oneAtATime: boolean) {}

  record(scenarios: number, elapsedMs: number): void {
    this.scenarios += scenarios;
    this.elapsedMs += elapsedMs;
  }

  batchSize(): number {
    if (this.oneAtATime || this.scenarios === 0) return 1;
    const perScenario = this.elapsedMs / this.scenarios;
    return Math.max(1, Math.min(BatchPacer.MAX, Math.round(BatchPacer.TARGET_MS / Math.max(perScenario, 0.01))));
  }
}

async function runOnPool(pool: WorkerPool, task: WorkerTask): Promise<Finished[]> {
  return decode(await pool.run(encode(task))) as Finished[];
}

/** A scenario's records as they wait for their turn in the output. */
interface Outcome {
  record: ScenarioRecord | ErrorRecord;
  ndjson?: Uint8Array;
}

function errorRecord(topology: CompiledTopology, failed: number[], error: unknown): ErrorRecord {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', scenario: scenarioId(topology, failed), failed: failed.map((u) => topology.units[u]!.id), message: `scenario failed twice, on two workers: ${message}` };
}

/** Folds scenario records, in order, into the closing `summary` record. */
class SummaryBuilder {
  private readonly ranking: Ranking;
  private run = 0;
  private unchanged = 0;
  private errors = 0;
  private notConverged = 0;
  private singles = false;
  private withLoss = 0;
  private withNewAsymmetry = 0;
  private readonly spof: { unit: string; breaks: [string, string][] }[] = [];

  constructor(rankingSize: number, private readonly total: number, private readonly baselineAsymmetric: number) {
    this.ranking = new Ranking(rankingSize);
  }

  add(record: ScenarioRecord | ErrorRecord): void {
    if (record.type === 'error') {
      this.errors++;
      return;
    }
    const scenario = record;
    this.run++;
    if (scenario.unchanged) this.unchanged++;
    if (!scenario.converged) this.notConverged++;
    const lost = scenario.lost ?? [];
    if (lost.length > 0) this.withLoss++;
    if ((scenario.asymmetric?.length ?? 0) > 0) this.withNewAsymmetry++;
    this.ranking.add({
      id: scenario.id, failed: scenario.failed, lost: lost.length,
      asymmetric: scenario.asymmetric?.length ?? 0, rerouted: scenario.rerouted?.length ?? 0,
    });
    if (scenario.failed.length === 1) {
      this.singles = true;
      if (lost.length > 0) this.spof.push({ unit: scenario.failed[0]!, breaks: lost });
    }
  }

  build(partial: boolean): SummaryRecord {
    return {
      type: 'summary',
      partial,
      scenarios: { total: this.total, run: this.run, unchanged: this.unchanged, errors: this.errors, notConverged: this.notConverged },
      ranking: this.ranking.top(),
      rankingOmitted: this.ranking.omittedCount,
      ...(this.singles ? { singlePointsOfFailure: this.spof } : {}),
      findings: {
        scenariosWithLoss: this.withLoss,
        scenariosWithNewAsymmetry: this.withNewAsymmetry,
        baselineAsymmetricPairs: this.baselineAsymmetric,
        singlePointsOfFailure: this.spof.length,
      },
    };
  }
}
