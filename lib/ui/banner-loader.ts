/**
 * The in-page banner (Preact, lib/ui/mount-banner.tsx) is not part of the content script: most pages never warn, and
 * every page pays for compiling and running the content script in one task when it is injected (measured with
 * `npm run bench -- content-cost`: that task was 50.5 ms median, 68.6 ms max with the banner inside, 38.3 ms median,
 * 40.5 ms max without it). The background injects `banner-ui.js` (entrypoints/banner-ui.ts) into the tab when the
 * content script first needs the banner; the file puts the mount function on the global of the content scripts'
 * isolated world (the page cannot see it), where the content script picks it up (lib/injected-script.ts).
 */
import { createInjectedLoader, provideInWorld } from '../injected-script';
import type { mountWarningBanner } from './mount-banner';

/** Custom element name of the banner's host (kept here so the content script need not load the banner code). */
export const BANNER_HOST = 'redflag-warning';

/** The built banner UI (WXT unlisted script entrypoints/banner-ui.ts). */
export const BANNER_UI_FILE = '/banner-ui.js';

const KEY = '__redflagBannerUi';

export interface BannerUi {
  mountWarningBanner: typeof mountWarningBanner;
}

/** banner-ui.js, when injected: hand the banner over to the content script. */
export function provideBannerUi(ui: BannerUi, world: object = globalThis): void {
  provideInWorld(KEY, ui, world);
}

/**
 * Content script: the banner UI, asking `inject` (the background) to load it the first time. One request at a time;
 * a failed one is retried on the next call.
 */
export function createBannerUiLoader(inject: () => Promise<unknown>, world: object = globalThis): () => Promise<BannerUi> {
  return createInjectedLoader<BannerUi>(KEY, (ui) => typeof ui.mountWarningBanner === 'function', 'banner UI', inject, world);
}
