import { defineConfig } from 'wxt';

// Redflag extension build. Entry points live in entrypoints/, all logic in lib/.
export default defineConfig({
  manifest: {
    name: 'Redflag',
    description: 'Warns you on the page about documented scam patterns: fake jobs, pig-butchering, crypto fraud and impersonation.',
    // activeTab: the popup's "Report this" takes a screenshot of the visible tab (the user may attach it to a report).
    // scripting (+ the http/https host permissions WXT adds for entrypoints/content.tsx, `registration: 'runtime'`):
    // the background injects the content script once a page has loaded (lib/content-injection.ts says why).
    permissions: ['storage', 'activeTab', 'scripting'],
    browser_specific_settings: { gecko: { id: 'redflag@redflag.invalid' } },
    // UI strings: public/_locales/<lang>/messages.json (en, zh_CN, km, vi, th, id); lib/i18n picks the user's choice.
    default_locale: 'en',
    // Organisation policy (chrome.storage.managed): schema in public/managed_schema.json, documented in lib/report/README.md.
    storage: { managed_schema: 'managed_schema.json' },
  },
  hooks: {
    // Firefox has no manifest key for the managed-storage schema (its policies come from policies.json).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') delete (manifest as { storage?: unknown }).storage;
    },
  },
});
