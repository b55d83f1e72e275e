import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and rule tests run in Node with WXT's fake browser and `@/` alias.
// Playwright end-to-end tests (tests/e2e) run separately with `playwright test`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/rules/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Generous, not a speed target (speed is measured by `npm run bench`): the rule-set sweeps (every regex against
    // every example and the whole benign corpus) take seconds on a busy 2-CPU machine, past vitest's 5 s default.
    testTimeout: 30_000,
  },
});
