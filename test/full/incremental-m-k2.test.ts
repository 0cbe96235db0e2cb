import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { whatif } from '../cli-process.js';

/**
 * `npm run test:full`: the incremental engine against `--no-incremental` on every one of M's 11,476 scenarios
 * at k = 2 (the default suite compares a sample of them, test/cli/incremental.test.ts).
 */
it('M, --max-failures 2 --all-scenarios: byte-identical NDJSON with and without --no-incremental', () => {
  const topology = join(mkdtempSync(join(tmpdir(), 'whatif-full-')), 'M.json');
  writeFileSync(topology, whatif(['generate', '--preset', 'M']).stdout);
  const fast = whatif([topology, '--max-failures', '2', '--all-scenarios', '--workers', '2']);
  const reference = whatif([topology, '--max-failures', '2', '--all-scenarios', '--workers', '2', '--no-incremental']);
  expect(fast.status).toBe(0);
  expect(reference.status).toBe(0);
  expect(fast.stdout.split('\n').length).toBeGreaterThan(11_476);
  expect(reference.stdout.replace('"incremental":false', '"incremental":true')).toBe(fast.stdout);
}, 30 * 60_000);
