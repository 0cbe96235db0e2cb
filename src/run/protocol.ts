import type { AsymmetryClass } from '../analysis/asymmetry.js';
import type { BaselineArrays } from '../analysis/engine.js';

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
}

/** A few scenarios, each with its place in the run's order. */
export interface WorkerTask {
  scenarios: { index: number; failed: number[] }[];
}

/**
 * One scenario done: its records as NDJSON bytes, ready to write (with --pairs one scenario is megabytes: the
 * coordinator must not hold it as objects), and the few facts the summary needs.
 */
export interface ScenarioDone {
  index: number;
  ndjson: Uint8Array;
  facts: ScenarioFacts;
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
  /** Single failures only: the pairs the unit's loss breaks (its single points of failure), as site indices src, dst, src, dst, ... */
  lostPairs?: number[];
}
