import { decode, encode } from '@msgpack/msgpack';
import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { levelOf, type AsymmetryClass } from '../analysis/asymmetry.js';
import { criticalNodes } from '../analysis/critical-nodes.js';
import { designFindings } from '../analysis/design-findings.js';
import { baselineArrays, createEngine, type Engine } from '../analysis/engine.js';
import { pairBranches } from '../forward/branches.js';
import type { ScenarioPlan } from '../failures/enumerate.js';
import { WorkerPool } from '../failures/pool.js';
import type { NdjsonSink } from '../output/ndjson-sink.js';
import type { Progress } from '../output/progress.js';
import {
  baselineRecord, pairRecords, runRecord, scenarioId, BASELINE_ID, DETAIL_LIMIT, type ErrorRecord, type SummaryRecord,
} from '../output/records.js';
import { BatchPacer } from './batch-pacer.js';
import type { ScenarioDone, ScenarioFacts, WorkerSetup, WorkerTask } from './protocol.js';
import { ReorderBuffer } from './reorder-buffer.js';
import { ScenarioCost } from './scenario-cost.js';
import { ndjsonOf } from './scenario-task.js';
import { inSharedMemory } from './shared-memory.js';
import { SummaryBuilder } from './summary.js';

export interface StreamRunOptions {
  topology: CompiledTopology;
  plan: ScenarioPlan;
  workers: number;
  pairs: boolean;
  full: boolean;
  incremental: boolean;
  /** From which class up a pair counts as asymmetric. */
  asymmetry: AsymmetryClass;
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
 * Finished scenarios held for an earlier one may take this many bytes of NDJSON; beyond it dispatch waits,
 * so memory stays bounded when one heavy scenario holds up the output.
 */
const MAX_HELD_BYTES = 64 * 2 ** 20;

/**
 * A whole run: `run`, the baseline `scenario` (and its `pair`s), every failure scenario's records in scenario
 * order, then `summary`. The coordinator computes the baseline once and gives it to the workers in shared
 * memory; scenarios go to them in batches sized by measured cost; results come back out of order and are
 * released in order by a reorder buffer. Dispatch waits for the output to drain and for held results to
 * stay bounded, so memory stays flat whatever the number of scenarios.
 */
export async function streamRun(options: StreamRunOptions): Promise<SummaryRecord> {
  const { topology, plan, sink } = options;
  const engine = createEngine(topology, { incremental: options.incremental });
  await sink.write(runRecord(topology, plan, options, designFindings(topology, { control: engine.control, routing: engine.baseline.routing })));
  const asymmetricByClass = await writeBaseline(engine, options);
  const summary = new SummaryBuilder({
    sites: topology.sites.map((s) => s.id), rankingSize: options.rankingSize ?? DEFAULT_RANKING_SIZE, total: plan.total,
    asymmetricByClass, asymmetry: options.asymmetry,
  });
  if (plan.total > 0 && !options.signal?.aborted) {
    const setup: WorkerSetup = {
      topology: encode(topology), baseline: inSharedMemory(baselineArrays(engine)),
      incremental: options.incremental, pairs: options.pairs, full: options.full, asymmetry: options.asymmetry,
    };
    const pool = new WorkerPool({ workers: options.workers, workerData: setup, filename: options.workerFile });
    try {
      await dispatch(options, pool, new ScenarioCost(engine), summary);
    } finally {
      await pool.close();
    }
  }
  options.progress?.done();
  const record = summary.build(options.signal?.aborted ?? false);
  await sink.write(record);
  return record;
}

/** The baseline record (and its pairs); returns how many pairs it shows asymmetric, by class. */
async function writeBaseline(engine: Engine, options: StreamRunOptions): Promise<Record<AsymmetryClass, number>> {
  const { topology, baseline } = engine;
  const critical = criticalNodes(topology, baseline.fib, baseline.forwarding, DETAIL_LIMIT);
  const notConverged = baseline.routing.notConverged.map((p) => formatPrefix(topology.prefixes[p]!));
  const { record, asymmetricByClass } = baselineRecord(topology, baseline.matrix, critical, notConverged, levelOf(options.asymmetry));
  const pairs = options.pairs
    ? pairRecords(topology, BASELINE_ID, baseline.matrix, pairBranches(topology, baseline.fib, baseline.forwarding.probes, baseline.forwarding.probesOfSite))
    : [];
  await options.sink.writeLines(ndjsonOf(record, pairs));
  return asymmetricByClass;
}

/** A scenario's bytes and facts as they wait for their turn in the output; no facts for an error record. */
interface Ready {
  ndjson: Uint8Array;
  facts?: ScenarioFacts;
}

async function dispatch(options: StreamRunOptions, pool: WorkerPool, cost: ScenarioCost, summary: SummaryBuilder): Promise<void> {
  const { topology, plan, sink } = options;
  let stopped = false;
  sink.onClosed(() => { stopped = true; });
  const onAbort = (): void => { stopped = true; };
  options.signal?.addEventListener('abort', onAbort);

  const reorder = new ReorderBuffer<Ready>(0);
  let heldBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  const deliver = (index: number, ready: Ready): void => {
    heldBytes += ready.ndjson.byteLength;
    const released = reorder.put(index, ready);
    if (released.length === 0) return;
    writing = writing.then(async () => {
      for (const r of released) {
        heldBytes -= r.ndjson.byteLength;
        await sink.writeLines(r.ndjson);
        if (r.facts) summary.add(r.facts);
        else summary.addError();
        options.progress?.tick();
      }
    });
  };
  const pace = new BatchPacer({ oneAtATime: options.pairs, workers: options.workers });
  const runBatch = async (task: WorkerTask, cost: number): Promise<void> => {
    try {
      const results = await runOnPool(pool, task);
      pace.record(cost, results.reduce((sum, r) => sum + r.elapsedMs, 0));
      for (const r of results) deliver(r.index, r);
    } catch {
      // Find the scenario that fails: each alone, with its own retry; the one that still fails is reported.
      for (const scenario of task.scenarios) {
        try {
          const [r] = await runOnPool(pool, { scenarios: [scenario] });
          deliver(scenario.index, r!);
        } catch (error) {
          deliver(scenario.index, { ndjson: ndjsonLine(errorRecord(topology, scenario.failed, error)) });
        }
      }
    }
  };

  const maxInFlight = options.workers * 2;
  const inFlight = new Set<Promise<void>>();
  const iterator = plan.scenarios()[Symbol.iterator]();
  let next = iterator.next();
  let index = 0;
  while (!stopped && !next.done) {
    const scenarios: WorkerTask['scenarios'] = [];
    let batchCost = 0;
    while (!next.done && pace.fits(scenarios.length, batchCost, cost.of(next.value), plan.total - index)) {
      batchCost += cost.of(next.value);
      scenarios.push({ index: index++, failed: next.value });
      next = iterator.next();
    }
    const task = runBatch({ scenarios }, batchCost).finally(() => inFlight.delete(task));
    inFlight.add(task);
    while (inFlight.size >= maxInFlight || (heldBytes > MAX_HELD_BYTES && inFlight.size > 0)) await Promise.race(inFlight);
    await writing;
  }
  await Promise.all(inFlight);
  await writing;
  options.signal?.removeEventListener('abort', onAbort);
}

async function runOnPool(pool: WorkerPool, task: WorkerTask): Promise<ScenarioDone[]> {
  return decode(await pool.run(encode(task))) as ScenarioDone[];
}

const encoder = new TextEncoder();

function ndjsonLine(record: ErrorRecord): Uint8Array {
  return encoder.encode(JSON.stringify(record) + '\n');
}

function errorRecord(topology: CompiledTopology, failed: number[], error: unknown): ErrorRecord {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', scenario: scenarioId(topology, failed), failed: failed.map((u) => topology.units[u]!.id), message: `scenario failed twice, on two workers: ${message}` };
}
