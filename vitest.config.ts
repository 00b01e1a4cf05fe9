import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: PDF tests are CPU-bound, so two workers is the sweet spot.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
