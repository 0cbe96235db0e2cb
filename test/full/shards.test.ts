import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SEED, whatif } from '../cli-process.js';
import { runShards, stdoutHash } from '../shard-runs.js';

/**
 * `npm run test:full`: what the default suite's shard tests (test/cli/shards.test.ts) leave out for time. N = 1..5
 * shards merge to the one-machine bytes on the seed at k = 3 with --pairs, on S at k = 3, with and without --pairs, and
 * on M at k = 2; M with --pairs
 * (3.6 GB of NDJSON) for 2 and 5 shards. Outputs are compared by hash as they stream.
 */
const tmp = mkdtempSync(join(tmpdir(), 'whatif-full-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const preset = (name: string): string => {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, whatif(['generate', '--preset', name]).stdout);
  return file;
};
const S = preset('S');
const M = preset('M');

async function mergesToTheSingleRun(run: string[], counts: number[]): Promise<void> {
  const single = await stdoutHash([...run, '--workers', '2']);
  expect(single.status, single.stderr).toBe(0);
  for (const count of counts) {
    const files = runShards(tmp, run, count);
    const merged = await stdoutHash(['merge', ...files]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.sha256, `${count} shards`).toBe(single.sha256);
    for (const file of files) rmSync(file);
  }
}

it('the seed at k = 3 with --pairs, N = 1..5', async () => {
  await mergesToTheSingleRun([SEED, '--max-failures', '3', '--availability-target', '99.99', '--pairs'], [1, 2, 3, 4, 5]);
});

it.each([false, true])('S at k = 3, N = 1..5, --pairs: %s', async (pairs) => {
  await mergesToTheSingleRun([S, '--max-failures', '3', '--availability-target', '99.99', ...(pairs ? ['--pairs'] : [])], [1, 2, 3, 4, 5]);
});

it('M at k = 2, N = 1..5', async () => {
  await mergesToTheSingleRun([M, '--max-failures', '2', '--availability-target', '99.99'], [1, 2, 3, 4, 5]);
});

it('M at k = 2 with --pairs, N = 2 and 5', async () => {
  await mergesToTheSingleRun([M, '--max-failures', '2', '--pairs'], [2, 5]);
});
