import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { planScenarios } from '../../src/failures/enumerate.js';
import { NdjsonSink } from '../../src/output/ndjson-sink.js';
import { streamRun } from '../../src/run/coordinator.js';
import { compileFile, unitIndices } from '../engine-harness.js';
import { SEED } from '../cli-process.js';

const topology = compileFile(SEED);
const crashingWorker = fileURLToPath(new URL('../fixtures/crashing-worker.ts', import.meta.url));
const realWorker = fileURLToPath(new URL('../../workers/scenario-worker.ts', import.meta.url));

async function run(workerFile: string): Promise<{ text: string; errors: number }> {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  const sink = new NdjsonSink(stream);
  const plan = planScenarios(topology, { allSingleFailures: true });
  const summary = await streamRun({ topology, plan, workers: 2, pairs: false, full: false, incremental: true, asymmetry: 'circuit', sink, workerFile, fingerprint: 'sha256:test' });
  return { text, errors: summary.scenarios.errors };
}

describe('a worker that dies', () => {
  const [crashUnit] = unitIndices(topology, ['er-link:er1-primary']);
  afterEach(() => {
    delete process.env.CRASH_UNIT;
    delete process.env.CRASH_ONCE_FILE;
  });

  it('once: the scenario is retried on a fresh worker and the output is exactly that of a clean run', async () => {
    const clean = await run(realWorker);
    process.env.CRASH_UNIT = String(crashUnit);
    process.env.CRASH_ONCE_FILE = join(mkdtempSync(join(tmpdir(), 'whatif-crash-')), 'crashed');
    const crashed = await run(crashingWorker);
    expect(crashed.errors).toBe(0);
    expect(crashed.text).toBe(clean.text);
  });

  it('every time: that scenario becomes an error record in its place, no other scenario is lost', async () => {
    process.env.CRASH_UNIT = String(crashUnit);
    const { text, errors } = await run(crashingWorker);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; scenario?: string });
    expect(errors).toBe(1);
    // run, baseline, then the 9 single failures in order, one of them an error record.
    expect(lines.slice(2, 11).map((r) => r.id ?? r.scenario)).toEqual([
      'peering:hub-spoke', 'vpn:hub-branch', 'vpn:hub-onprem1', 'er-link:er1-primary', 'er-link:er2-primary',
      'er-link:er2-secondary', 'er-conn:er1-hub', 'er-conn:er1-remote', 'er-conn:er2-hub',
    ]);
    expect(lines[5]).toMatchObject({ type: 'error', scenario: 'er-link:er1-primary', failed: ['er-link:er1-primary'] });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', scenarios: { run: 8, errors: 1 } });
  });
});
