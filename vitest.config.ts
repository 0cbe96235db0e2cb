import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow exhaustive checks run with `npm run test:full` (vitest.full.config.ts).
    exclude: ['test/full/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report is what .ci/run reads for its `N passed, N failed` line.
    reporters: ['default', 'json'],
    outputFile: { json: 'results/vitest.json' },
  },
});
