import type { AsymmetryClass } from '../analysis/asymmetry.js';
import type { BaselineArrays } from '../analysis/engine.js';
import type { WireFootprint } from './footprint-wire.js';

/**
 * The messages between the coordinator and its workers (workers/scenario-worker.ts). Tasks and results travel
 * msgpack-encoded; the baseline travels once, in shared memory.
 */

/** What each worker receives once, at start-up (Piscina's workerData). */
export interface WorkerSetup {
  /** The compiled topology, msgpack-encoded. */
  topology: Uint8Array;
  /** The baseline the coordinator computed: typed arrays over SharedArrayBuffers, read in place. */
  baseline: BaselineArrays;
  incremental: boolean;
  /** Also write every pair of every scenario (`--pairs`). */
  pairs: boolean;
  /** Failure scenarios carry full matrices (`--full`). */
  full: boolean;
  /** From which class up a pair counts as asymmetric. */
  asymmetry: AsymmetryClass;
  /** `irreducible`: a scenario's records are written only when it does something none of its parts does. */
  records: ScenarioRecords;
}

/** Which failure scenarios a run writes: every one, or only the irreducible ones (`--max-failures` from 2). */
export type ScenarioRecords = 'all' | 'irreducible';

/** A few scenarios, each with its place in the run's order. */
export interface WorkerTask {
  scenarios: ScenarioJob[];
}

export interface ScenarioJob {
  index: number;
  failed: number[];
  /**
   * In runs that look for cut sets (`--max-failures`): what the scenario's parts lose and make asymmetric
   * together, as directed pair keys (src * siteCount + dst). What the scenario does beyond it is what makes it
   * irreducible; its facts then carry its own lost and asymmetric pairs.
   */
  covered?: { lost: number[]; asymmetric: number[] };
  /** Also return the scenario's footprint: larger combinations will be derived from it where they can be. */
  footprint?: boolean;
  /**
   * Another shard's scenario that this one's larger combinations need: only its facts (and footprint) come
   * back, no records; it is not counted.
   */
  context?: boolean;
}

/**
 * One scenario done: its records as NDJSON bytes, ready to write (with --pairs one scenario is megabytes: the
 * coordinator must not hold it as objects), and the few facts the summary needs.
 */
export interface ScenarioDone {
  index: number;
  /** Empty when the scenario is not written (reducible, in a run of irreducible scenarios). */
  ndjson: Uint8Array;
  facts: ScenarioFacts;
  /** Asked for by the job: typed arrays travel as msgpack bytes (footprint-wire.ts). */
  footprint?: WireFootprint;
  /** How long the worker spent on it: what batches are sized by (a task's round trip also counts queueing). */
  elapsedMs: number;
}

export interface ScenarioFacts {
  id: string;
  failed: string[];
  lost: number;
  asymmetric: number;
  rerouted: number;
  unchanged: boolean;
  converged: boolean;
  /** Whether its records were written: a reducible scenario's are not, in a run of irreducible scenarios. */
  written: boolean;
  /**
   * The pairs it loses, as directed keys src * siteCount + dst: for a single failure (its single points of
   * failure) and in runs that look for cut sets.
   */
  lostPairs?: number[];
  /** In runs that look for cut sets: the pairs it makes asymmetric, directed keys both ways. */
  asymmetricPairs?: number[];
}
