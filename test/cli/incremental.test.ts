import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatif } from '../cli-process.js';

/**
 * The incremental engine (warm-started BGP, changed-node tracking, retracing only pairs whose baseline traces
 * used a changed node) against the straightforward full recomputation, on synthetic estates at k = 2.
 * The only difference allowed is the run record's own `incremental` flag.
 */
const tmp = mkdtempSync(join(tmpdir(), 'whatif-incremental-'));

describe.each(['S', 'M'])('preset %s, --max-failures 2', (preset) => {
  it('gives byte-identical NDJSON with and without --no-incremental', () => {
    const topology = join(tmp, `${preset}.json`);
    writeFileSync(topology, whatif(['generate', '--preset', preset]).stdout);
    const fast = whatif([topology, '--max-failures', '2', '--workers', '2']);
    const reference = whatif([topology, '--max-failures', '2', '--workers', '2', '--no-incremental']);
    expect(fast.status).toBe(0);
    expect(reference.status).toBe(0);
    expect(fast.stdout.split('\n').length).toBeGreaterThan(preset === 'S' ? 700 : 11_000);
    expect(reference.stdout.replace('"incremental":false', '"incremental":true')).toBe(fast.stdout);
  }, 15 * 60_000);
});
