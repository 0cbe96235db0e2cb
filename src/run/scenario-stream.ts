import { decode, encode } from '@msgpack/msgpack';
import type { CompiledTopology } from '../model/compiled.js';
import type { Footprint } from '../analysis/footprint.js';
import type { WorkerPool } from '../failures/pool.js';
import type { NdjsonSink } from '../output/ndjson-sink.js';
import type { Progress } from '../output/progress.js';
import { scenarioId, type ErrorRecord } from '../output/records.js';
import { BatchPacer } from './batch-pacer.js';
import { footprintFromWire } from './footprint-wire.js';
import type { ScenarioDone, ScenarioFacts, ScenarioJob, WorkerTask } from './protocol.js';
import { ReorderBuffer } from './reorder-buffer.js';
import type { ScenarioCost } from './scenario-cost.js';
import type { SummaryBuilder } from './summary.js';

/**
 * Finished scenarios held for an earlier one may take this many bytes of NDJSON; beyond it dispatch waits,
 * so memory stays bounded when one heavy scenario holds up the output.
 */
const MAX_HELD_BYTES = 64 * 2 ** 20;

/** A scenario as it waits for its turn in the output; no facts for an error record. */
interface Ready {
  job: ScenarioJob;
  ndjson: Uint8Array;
  facts?: ScenarioFacts;
  footprint?: Footprint;
}

export interface ScenarioStreamOptions {
  topology: CompiledTopology;
  pool: WorkerPool;
  sink: NdjsonSink;
  cost: ScenarioCost;
  summary: SummaryBuilder;
  workers: number;
  /** With --pairs a scenario is megabytes: one per task. */
  oneAtATime: boolean;
  progress?: Progress;
  signal?: AbortSignal;
  /** Each scenario done, in scenario order, after its records are written. */
  onScenario?: (job: ScenarioJob, facts: ScenarioFacts, footprint?: Footprint) => void;
}

/**
 * Scenarios through the pool and into the output: sent in batches sized by measured cost, results put back
 * in order by a reorder buffer, each written and folded into the summary in turn. Dispatch waits for the output
 * to drain and for held results to stay bounded, so memory stays flat whatever the number of scenarios. One
 * stream serves a whole run; `run` may be called again for more scenarios (the next size of combinations),
 * which continue the order.
 */
export class ScenarioStream {
  private nextIndex = 0;
  private readonly reorder = new ReorderBuffer<Ready>(0);
  private heldBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly pace: BatchPacer;
  stopped = false;

  constructor(private readonly options: ScenarioStreamOptions) {
    this.pace = new BatchPacer({ oneAtATime: options.oneAtATime, workers: options.workers });
    options.sink.onClosed(() => { this.stopped = true; });
    if (options.signal?.aborted) this.stopped = true;
    options.signal?.addEventListener('abort', () => { this.stopped = true; }, { once: true });
  }

  /** Runs the scenarios (about `remaining` of them, for pacing the last batches) and waits until all are written. */
  async run(jobs: Iterable<Omit<ScenarioJob, 'index'>>, remaining = Infinity): Promise<void> {
    const maxInFlight = this.options.workers * 2;
    const inFlight = new Set<Promise<void>>();
    const iterator = jobs[Symbol.iterator]();
    let next = this.stopped ? undefined : iterator.next();
    let sent = 0;
    while (!this.stopped && next && !next.done) {
      const batch: ScenarioJob[] = [];
      let batchCost = 0;
      while (next && !next.done && this.pace.fits(batch.length, batchCost, this.options.cost.of(next.value.failed), remaining - sent)) {
        batchCost += this.options.cost.of(next.value.failed);
        batch.push({ ...next.value, index: this.nextIndex++ });
        sent++;
        next = iterator.next();
      }
      const task = this.runBatch(batch, batchCost).finally(() => inFlight.delete(task));
      inFlight.add(task);
      while (inFlight.size >= maxInFlight || (this.heldBytes > MAX_HELD_BYTES && inFlight.size > 0)) await Promise.race(inFlight);
      await this.writing;
    }
    await Promise.all(inFlight);
    await this.writing;
  }

  private async runBatch(batch: ScenarioJob[], cost: number): Promise<void> {
    try {
      const results = await this.runOnPool({ scenarios: batch });
      this.pace.record(cost, results.reduce((sum, r) => sum + r.elapsedMs, 0));
      results.forEach((r, i) => this.deliver(r.index, { job: batch[i]!, ndjson: r.ndjson, facts: r.facts, ...footprintOf(r) }));
    } catch {
      // Find the scenario that fails: each alone, with its own retry; the one that still fails is reported.
      for (const job of batch) {
        try {
          const [r] = await this.runOnPool({ scenarios: [job] });
          this.deliver(job.index, { job, ndjson: r!.ndjson, facts: r!.facts, ...footprintOf(r!) });
        } catch (error) {
          this.deliver(job.index, { job, ndjson: job.context ? new Uint8Array(0) : errorLine(this.options.topology, job.failed, error) });
        }
      }
    }
  }

  private deliver(index: number, ready: Ready): void {
    this.heldBytes += ready.ndjson.byteLength;
    const released = this.reorder.put(index, ready);
    if (released.length === 0) return;
    const { sink, summary, progress, onScenario } = this.options;
    this.writing = this.writing.then(async () => {
      for (const r of released) {
        this.heldBytes -= r.ndjson.byteLength;
        if (r.job.context) {
          // Another shard's: what it does is needed, nothing of it is written or counted here.
          if (r.facts) onScenario?.(r.job, r.facts, r.footprint);
          continue;
        }
        if (r.ndjson.byteLength > 0) await sink.writeLines(r.ndjson);
        if (r.facts) {
          summary.add(r.facts);
          onScenario?.(r.job, r.facts, r.footprint);
        } else {
          summary.addError();
        }
        progress?.tick();
      }
    });
  }

  private async runOnPool(task: WorkerTask): Promise<ScenarioDone[]> {
    return decode(await this.options.pool.run(encode(task))) as ScenarioDone[];
  }
}

function footprintOf(done: ScenarioDone): { footprint?: Footprint } {
  return done.footprint ? { footprint: footprintFromWire(done.footprint) } : {};
}

const encoder = new TextEncoder();

function errorLine(topology: CompiledTopology, failed: number[], error: unknown): Uint8Array {
  const message = error instanceof Error ? error.message : String(error);
  const record: ErrorRecord = {
    type: 'error', scenario: scenarioId(topology, failed), failed: failed.map((u) => topology.units[u]!.id),
    message: `scenario failed twice, on two workers: ${message}`,
  };
  return encoder.encode(JSON.stringify(record) + '\n');
}
