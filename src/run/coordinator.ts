import { encode } from '@msgpack/msgpack';
import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { levelOf, type AsymmetryClass } from '../analysis/asymmetry.js';
import { moreThanDown, resolveUnavailability, type UnavailabilityOverrides } from '../analysis/availability.js';
import { criticalNodes } from '../analysis/critical-nodes.js';
import { CutSets } from '../analysis/cut-sets.js';
import { designFindings } from '../analysis/design-findings.js';
import { baselineArrays, createEngine, type Engine } from '../analysis/engine.js';
import { stubCuttingUnits } from '../analysis/stub-cuts.js';
import { pairBranches } from '../forward/branches.js';
import { enabledUnits, type ScenarioPlan } from '../failures/enumerate.js';
import { WorkerPool } from '../failures/pool.js';
import type { NdjsonSink } from '../output/ndjson-sink.js';
import type { Progress } from '../output/progress.js';
import { baselineRecord, pairRecords, runRecord, BASELINE_ID, DETAIL_LIMIT, type ResilienceSummary, type SummaryRecord } from '../output/records.js';
import { resilienceOutput } from '../output/resilience-records.js';
import { CombinationLedger } from './combination-ledger.js';
import type { ScenarioRecords, WorkerSetup } from './protocol.js';
import { ScenarioCost } from './scenario-cost.js';
import { ScenarioStream } from './scenario-stream.js';
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
  /**
   * `--max-failures` from 2: write every scenario, and simulate every combination (the reference the pruning
   * is tested against), rather than the irreducible ones.
   */
  allScenarios?: boolean;
  /** `--max-failures`: unavailabilities set on the command line, and the availability target (percent). */
  availability?: { overrides?: UnavailabilityOverrides; target?: number };
  /** Of the topology and the options (fingerprint.ts): in the run record, for `whatif merge` to match shards. */
  fingerprint: string;
  sink: NdjsonSink;
  progress?: Progress;
  /** Aborted on Ctrl-C: dispatch stops, finished scenarios are flushed in order, the summary says partial. */
  signal?: AbortSignal;
  /** Worker script override (tests). */
  workerFile?: string;
}

/**
 * A whole run: `run`, the baseline `scenario` (and its `pair`s), the failure scenarios' records in scenario
 * order, in runs that look for cut sets the `resilience` records, then `summary`. The coordinator computes the
 * baseline once and gives it to the workers in shared memory; scenarios go through a ScenarioStream.
 * `--max-failures` runs go size by size: what the smaller combinations did decides which larger ones need
 * simulating (CombinationLedger) and what each adds (its minimal cuts).
 */
export async function streamRun(options: StreamRunOptions): Promise<SummaryRecord> {
  const { topology, plan, sink } = options;
  const engine = createEngine(topology, { incremental: options.incremental });
  const lookForCuts = plan.bySize !== undefined;
  const records: ScenarioRecords = lookForCuts && plan.maxFailures >= 2 && !options.allScenarios ? 'irreducible' : 'all';
  const unavailability = lookForCuts ? resolveUnavailability(topology, topology.unavailability, options.availability?.overrides ?? {}) : undefined;
  const target = options.availability?.target;
  await sink.write(runRecord(topology, plan, {
    incremental: options.incremental, asymmetry: options.asymmetry, scenarioRecords: records, fingerprint: options.fingerprint,
    ...(unavailability ? { availability: { unavailability: { kinds: unavailability.kinds, units: unavailability.units }, ...(target !== undefined ? { target } : {}) } } : {}),
  }, designFindings(topology, { control: engine.control, routing: engine.baseline.routing })));
  const asymmetricByClass = await writeBaseline(engine, options);
  const summary = new SummaryBuilder({
    sites: topology.sites.map((s) => s.id), total: plan.owned,
    asymmetricByClass, asymmetry: options.asymmetry,
  });
  let resilience: WholeRunResilience = {};
  if (plan.owned > 0 && !options.signal?.aborted) {
    const setup: WorkerSetup = {
      topology: encode(topology), baseline: inSharedMemory(baselineArrays(engine)),
      incremental: options.incremental, pairs: options.pairs, full: options.full, asymmetry: options.asymmetry, records,
    };
    const pool = new WorkerPool({ workers: options.workers, workerData: setup, filename: options.workerFile });
    try {
      const stream = (onScenario?: ConstructorParameters<typeof ScenarioStream>[0]['onScenario']): ScenarioStream => new ScenarioStream({
        topology, pool, sink, cost: new ScenarioCost(engine), summary, workers: options.workers, oneAtATime: options.pairs,
        progress: options.progress, signal: options.signal, onScenario,
      });
      if (lookForCuts) {
        resilience = await runBySize(engine, options, stream, summary, { unavailability: unavailability!, target });
      } else {
        await stream().run((function* () { for (const failed of plan.scenarios()) yield { failed }; })(), plan.owned);
      }
    } finally {
      await pool.close();
    }
  }
  options.progress?.done();
  const partial = options.signal?.aborted ?? false;
  const shard = plan.shard && { index: plan.shard.index, count: plan.shard.count, cuts: resilience.shardCuts ?? [] };
  const record = summary.build(partial, { ...(resilience.summary && !partial ? { resilience: resilience.summary } : {}), ...(shard ? { shard } : {}) });
  await sink.write(record);
  return record;
}

/** What a run that looks for cut sets adds at its end: the summary's section, or a shard's cuts for the merge. */
interface WholeRunResilience {
  summary?: ResilienceSummary;
  shardCuts?: number[][];
}

/**
 * Combinations size by size, each size once the smaller ones are done: the ledger says which to simulate, the
 * simulated ones say what they add. Then the resilience records and the summary's section; a shard leaves both
 * to `whatif merge` and returns its cuts. Nothing if the run was stopped: cut sets from part of the
 * combinations would mislead.
 */
async function runBySize(
  engine: Engine, options: StreamRunOptions, makeStream: (onScenario: ConstructorParameters<typeof ScenarioStream>[0]['onScenario']) => ScenarioStream,
  summary: SummaryBuilder, availability: { unavailability: ReturnType<typeof resolveUnavailability>; target: number | undefined },
): Promise<WholeRunResilience> {
  const { topology } = engine;
  const { plan } = options;
  const maxSize = plan.maxFailures;
  const { lastSize, combinations } = plan.bySize!;
  const ledger = new CombinationLedger({
    prune: !options.allScenarios, maxSize: lastSize, stubCutting: stubCuttingUnits(topology, engine.control, engine.baseline.forwarding),
  });
  const siteCount = topology.sites.length;
  const cutSets = new CutSets(siteCount);
  const matrix = engine.baseline.matrix;
  const connected = (pair: number): boolean => {
    const a = Math.floor(pair / siteCount);
    const b = pair % siteCount;
    return matrix.reachable(a, b) && matrix.reachable(b, a);
  };
  const stream = makeStream((job, facts, footprint) => {
    const lost = facts.lostPairs ?? [];
    ledger.record(job.failed, lost, facts.asymmetricPairs ?? [], footprint);
    if (!job.context) cutSets.addScenario(job.failed, lost, new Set(job.covered?.lost ?? []), connected);
  });
  for (let size = 1; size <= lastSize && !stream.stopped; size++) {
    await stream.run((function* () {
      for (const { units, owned } of combinations(size)) {
        const treatment = ledger.treatment(units);
        if (treatment === 'computed') {
          yield {
            failed: units, covered: ledger.covered(units),
            ...(ledger.wantsFootprint(units) ? { footprint: true } : {}), ...(owned ? {} : { context: true }),
          };
        } else if (owned) {
          summary.addUnsimulated(treatment === 'derived' ? 1 : 0, treatment === 'skipped' ? 1 : 0);
          options.progress?.tick();
        }
      }
    })());
  }
  if (stream.stopped) return {};
  if (plan.shard) return { shardCuts: shardCuts(topology, cutSets) };
  let connectedPairs = 0;
  for (let a = 0; a < siteCount; a++) for (let b = a + 1; b < siteCount; b++) if (connected(a * siteCount + b)) connectedPairs++;
  const { unavailability, target } = availability;
  const bound = moreThanDown(enabledUnits(topology).map((u) => unavailability.byUnit[u]!), maxSize);
  const output = resilienceOutput({ sites: topology.sites.map((s) => s.id), units: topology.units.map((u) => u.id) }, cutSets, {
    maxCutSize: maxSize, connectedPairs, byUnit: unavailability.byUnit, bound, ...(target !== undefined ? { target } : {}),
  });
  for (const record of output.records) await options.sink.write(record);
  return { summary: output.summary };
}

/** A shard's cuts as its summary carries them: [a, b, units...], units as positions in `failureUnits`. */
function shardCuts(topology: CompiledTopology, cutSets: CutSets): number[][] {
  const position = new Map(enabledUnits(topology).map((u, i) => [u, i]));
  const siteCount = topology.sites.length;
  return cutSets.pairs().flatMap((pair) => cutSets.cutsOf(pair).map((cut) => [
    Math.floor(pair / siteCount), pair % siteCount, ...cut.map((u) => position.get(u)!),
  ]));
}

/** The baseline record (and its pairs); returns how many pairs it shows asymmetric, by class. */
async function writeBaseline(engine: Engine, options: StreamRunOptions): Promise<ReturnType<typeof baselineRecord>['asymmetricByClass']> {
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
