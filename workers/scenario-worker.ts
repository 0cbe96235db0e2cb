import { workerData } from 'node:worker_threads';
import { decode, encode } from '@msgpack/msgpack';
import { move } from 'piscina';
import { prepareEngine, runScenarioBatch, type ScenarioBatch, type WorkerSetup } from '../src/output/scenario-batch.js';
import { decodeForHotLoops, ownBuffer } from '../src/failures/transfer.js';

// The compiled topology arrives once per worker (workerData); the baseline is computed once, here.
const engine = prepareEngine(decodeForHotLoops<WorkerSetup>((workerData as { setup: Uint8Array }).setup));

export default function run(task: Uint8Array): unknown {
  const result = runScenarioBatch(engine, decode(task) as ScenarioBatch);
  return move(ownBuffer(encode(result)));
}
