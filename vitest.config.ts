import { defineConfig } from 'vitest/config';

/** UPDATE_GOLDEN=1 rewrites every golden: the vitest file snapshots and the tests/errors/*.out files. */
const updateGoldens = process.env.UPDATE_GOLDEN === '1';

export default defineConfig({
  plugins: [
    {
      // Vitest writes a missing snapshot file and passes, except under CI=true. A golden that is
      // missing (a new case, one deleted by mistake) must fail everywhere, so new goldens are only
      // ever written on request: UPDATE_GOLDEN=1 or `vitest -u`.
      name: 'missing-goldens-fail',
      configureVitest({ vitest }) {
        if (vitest.config.snapshotOptions.updateSnapshot === 'new')
          vitest.config.snapshotOptions.updateSnapshot = 'none';
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/build-cli.ts', 'tests/helpers/temp-cache.ts'],
    ...(updateGoldens ? { update: true } : {}),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: PDF tests are CPU-bound, so two workers is the sweet spot.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
