import { workerData } from 'node:worker_threads';
import { decode, encode } from '@msgpack/msgpack';
import { move } from 'piscina';
import type { CompiledTopology } from '../src/model/compiled.js';
import { engineFromBaseline } from '../src/analysis/engine.js';
import { decodeForHotLoops, ownBuffer } from '../src/failures/transfer.js';
import type { WorkerSetup, WorkerTask } from '../src/run/protocol.js';
import { runScenarios } from '../src/run/scenario-task.js';

// The compiled topology arrives once per worker; the baseline is the coordinator's, read in shared memory.
const setup = workerData as WorkerSetup;
const engine = engineFromBaseline(decodeForHotLoops<CompiledTopology>(setup.topology), setup.baseline, { incremental: setup.incremental });

export default function run(task: Uint8Array): unknown {
  return move(ownBuffer(encode(runScenarios(engine, decode(task) as WorkerTask, setup))));
}
