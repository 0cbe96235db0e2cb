import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CLI, spawn, whatif } from './cli-process.js';

let fileCount = 0;

/** Runs the N shards of `args` into files in `dir`, one worker each (one task of an array job): their paths. */
export function runShards(dir: string, args: string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `shard-${++fileCount}-${i + 1}-of-${count}.ndjson`);
    const r = whatif([...args, '--shard', `${i + 1}/${count}`, '--workers', '1', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    return file;
  });
}

/**
 * The SHA-256 of a whatif command's stdout, read as it streams: for outputs of gigabytes (M at k = 2 with
 * --pairs), which no string can hold.
 */
export async function stdoutHash(args: string[]): Promise<{ status: number | null; sha256: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const hash = createHash('sha256');
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => hash.update(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, sha256: hash.digest('hex'), stderr };
}
