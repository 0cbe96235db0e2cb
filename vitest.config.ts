import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow exhaustive checks run with `npm run test:full` (vitest.full.config.ts).
    exclude: ['test/full/**', 'node_modules/**'],
    // Vitest keeps a core for itself by default: one test file at a time on 2 cores. Most files here wait on the
    // CLI's child processes, so two at a time keep both cores busy (measured: 186 s down to 132 s on 2 cores).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report is what .ci/run reads for its `N passed, N failed` line.
    reporters: ['default', 'json'],
    outputFile: { json: 'results/vitest.json' },
  },
});
