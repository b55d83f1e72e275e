import { defineConfig } from '@playwright/test';

// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3; `npm test` builds it first).
// Fixture pages are served on 127.0.0.1 by tests/e2e/site-server.ts (one server per worker, see fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Generous waits (not retries): a busy CI machine can take seconds to start Chromium and compile the rule pack.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
