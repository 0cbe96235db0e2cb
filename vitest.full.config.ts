import { defineConfig } from 'vitest/config';

/** `npm run test:full`: the exhaustive checks too slow for every commit (run by .ci/run after `npm test`). */
export default defineConfig({
  test: {
    include: ['test/full/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'results/vitest-full.json' },
  },
});
