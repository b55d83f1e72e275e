import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and rule tests run in Node. WxtVitest resolves `@/` paths and swaps `wxt/browser` for an in-memory fake
// (`fakeBrowser` from `wxt/testing`), so storage and messaging code runs without a browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
