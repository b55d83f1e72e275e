/**
 * The content script's engine, injected by the background into a tab when its content script is about to build its
 * engine (lib/content-engine-loader.ts explains why it is a file of its own).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadContentEngine } from '@/lib/content-engine';
import { provideContentEngine } from '@/lib/content-engine-loader';
import { mergeVerdicts } from '@/lib/url/merge-verdicts';

export default defineUnlistedScript(() => {
  provideContentEngine({ loadContentEngine, mergeVerdicts });
});
