/**
 * Tiny document_start content script: tells the background the top frame's new address at once (lib/early-address.ts),
 * so a look-alike domain gets the toolbar badge before the main content script (content.tsx) has scanned the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceAddress } from '@/lib/early-address';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    announceAddress();
  },
});
