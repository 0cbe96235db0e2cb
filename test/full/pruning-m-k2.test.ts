import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import { comparePrunedWithBruteForce } from '../pruned-vs-brute-force.js';

/**
 * `npm run test:full`: M at k = 2, pruned against brute force over all 11,781 combinations (the default suite
 * checks a sample of M's doubles and triples at the engine level, test/analysis/composition.test.ts).
 */
it('M, --max-failures 2: the pruned run writes exactly the brute-force run\'s irreducible scenarios', async () => {
  const topology = join(mkdtempSync(join(tmpdir(), 'whatif-full-')), 'M.json');
  writeFileSync(topology, whatif(['generate', '--preset', 'M']).stdout);
  const { pruned } = await comparePrunedWithBruteForce(topology, 2);
  expect(pruned.total).toBe(11_781);
}, 30 * 60_000);
