import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, whatif } from '../cli-process.js';
import { comparePrunedWithBruteForce as compare } from '../pruned-vs-brute-force.js';

/** Pruned against brute force (pruned-vs-brute-force.ts), completely, at k = 3, on the seed and on S. */
describe('pruned and brute-force runs agree', () => {
  it('the seed, --max-failures 3, every combination', async () => {
    const { pruned, written } = await compare(SEED, 3);
    expect(written).toBe(10);
    expect(pruned.run).toBeLessThan(pruned.total / 4);
  });

  it('S, --max-failures 3, every combination', async () => {
    const s = join(mkdtempSync(join(tmpdir(), 'whatif-pruning-')), 'S.json');
    writeFileSync(s, whatif(['generate', '--preset', 'S']).stdout);
    const { pruned, written } = await compare(s, 3);
    expect(written).toBeGreaterThan(39);
    expect(pruned.run).toBeLessThan(pruned.total / 10);
  }, 120_000);
});
