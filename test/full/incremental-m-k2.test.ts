import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import { asIncremental } from '../incremental-mode.js';

/**
 * `npm run test:full`: the incremental engine against `--no-incremental` on every one of M's 11,781 scenarios
 * at k = 2 (the default suite compares a sample of them, test/cli/incremental.test.ts). The runs write files:
 * their NDJSON is larger than a string can hold (M's firewall hubs double many hop lists), so they are
 * compared as the run record's first line (with its `incremental` flag and fingerprint aligned) and a hash of the rest.
 */
it('M, --max-failures 2 --all-scenarios: byte-identical NDJSON with and without --no-incremental', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-full-'));
  const topology = join(dir, 'M.json');
  writeFileSync(topology, whatif(['generate', '--preset', 'M']).stdout);
  const fastFile = join(dir, 'fast.ndjson');
  const referenceFile = join(dir, 'reference.ndjson');
  expect(whatif([topology, '--max-failures', '2', '--all-scenarios', '--workers', '2', '--out', fastFile]).status).toBe(0);
  expect(whatif([topology, '--max-failures', '2', '--all-scenarios', '--workers', '2', '--no-incremental', '--out', referenceFile]).status).toBe(0);
  const fast = await digest(fastFile);
  const reference = await digest(referenceFile);
  expect(fast.lines).toBeGreaterThan(11_781);
  expect(asIncremental(reference.firstLine, fast.firstLine)).toBe(fast.firstLine);
  expect(reference).toMatchObject({ rest: fast.rest, lines: fast.lines });
}, 30 * 60_000);

/** A file's first line, a SHA-256 of everything after it, and its line count, read as a stream. */
async function digest(path: string): Promise<{ firstLine: string; rest: string; lines: number }> {
  const hash = createHash('sha256');
  let firstLine: string | undefined;
  let head = '';
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
    if (firstLine !== undefined) {
      hash.update(bytes);
      continue;
    }
    head += bytes.toString('utf8');
    const end = head.indexOf('\n');
    if (end < 0) continue;
    firstLine = head.slice(0, end);
    hash.update(head.slice(end + 1));
  }
  return { firstLine: firstLine ?? head, rest: hash.digest('hex'), lines };
}
