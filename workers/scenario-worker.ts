import { workerData } from 'node:worker_threads';
import { decode, encode } from '@msgpack/msgpack';
import { move } from 'piscina';
import { prepareEngine, runTask, type WorkerSetup, type WorkerTask } from '../src/output/scenario-batch.js';
import { decodeForHotLoops, ownBuffer } from '../src/failures/transfer.js';

// The compiled topology arrives once per worker (workerData); the baseline is computed once, here.
const engine = prepareEngine(decodeForHotLoops<WorkerSetup>((workerData as { setup: Uint8Array }).setup));

export default function run(task: Uint8Array): unknown {
  return move(ownBuffer(encode(runTask(engine, decode(task) as WorkerTask))));
}
