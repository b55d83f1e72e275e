import { defineConfig } from 'wxt';

// Redflag extension build. Entry points live in entrypoints/, all logic in lib/.
export default defineConfig({
  manifest: {
    name: 'Redflag',
    description: 'Warns you on the page about documented scam patterns: fake jobs, pig-butchering, crypto fraud and impersonation.',
    permissions: ['storage'],
    browser_specific_settings: { gecko: { id: 'redflag@redflag.invalid' } },
  },
});
