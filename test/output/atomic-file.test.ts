import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicFile } from '../../src/output/atomic-file.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'whatif-atomic-'));

describe('openAtomicFile', () => {
  it('writes to a hidden temp file and commits the full content under the final name', async () => {
    const dir = scratch();
    const path = join(dir, 'run.ndjson');
    const file = openAtomicFile(path);
    for (let i = 0; i < 1000; i++) file.stream.write(`{"seq":${i}}\n`);
    await once(file.stream, 'ready');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([`.run.ndjson.${process.pid}.tmp`]);

    await file.commit();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('{"seq":999}');
    expect(readdirSync(dir)).toEqual(['run.ndjson']);
  });

  it('abort leaves neither the final file nor the temp file', async () => {
    const dir = scratch();
    const file = openAtomicFile(join(dir, 'run.ndjson'));
    file.stream.write('{"partial":');
    await file.abort();
    await file.abort(); // harmless twice
    expect(readdirSync(dir)).toEqual([]);
  });

  it('abort right after open, before the temp file is even created, leaves nothing', async () => {
    const dir = scratch();
    await openAtomicFile(join(dir, 'run.ndjson')).abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps an existing file untouched until commit, then replaces it', async () => {
    const dir = scratch();
    const path = join(dir, 'nightly.ndjson');
    writeFileSync(path, 'old\n');
    const file = openAtomicFile(path);
    file.stream.write('new\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe('new\n');

    const aborted = openAtomicFile(path);
    aborted.stream.write('never\n');
    await aborted.abort();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
  });

  it('creates a missing parent directory', async () => {
    const path = join(scratch(), 'results', 'nightly', 'run.ndjson');
    const file = openAtomicFile(path);
    file.stream.end('{}\n');
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
  });

  it('refuses to commit twice or after abort', async () => {
    const dir = scratch();
    const file = openAtomicFile(join(dir, 'a.ndjson'));
    await file.commit();
    await expect(file.commit()).rejects.toThrow(/already committed/);
    await file.abort(); // no-op after commit: the committed file stays
    expect(readdirSync(dir)).toEqual(['a.ndjson']);
  });
});
