import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runEngineBench } from './engine.bench.js';
import { runProcessBench } from './process.bench.js';
import { runTrieBench } from './trie.bench.js';

/**
 * `npm run bench`: tinybench micro-benchmarks (trie lookup, convergence and whole scenarios per scenario) and
 * whole-process runs with peak RSS. Prints tables; writes everything to results/bench.json.
 * `npm run bench -- --quick` leaves out the minutes-long reference run of L without incremental recomputation.
 */
const quick = process.argv.includes('--quick');
console.log('Trie lookups against a linear longest-match scan');
const trie = await runTrieBench();
const engine = await runEngineBench();
console.log('\nWhole process (built CLI, output consumed and discarded)');
const processes = await runProcessBench(quick);
mkdirSync('results', { recursive: true });
writeFileSync('results/bench.json', JSON.stringify({
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  micro: [...trie, ...engine],
  processes,
}, null, 2) + '\n');
console.log('\nwritten: results/bench.json');
