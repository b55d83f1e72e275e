/** A linkedom document whose visibility the test controls (linkedom has no Page Visibility API). */
import { parseHTML } from 'linkedom';

export function parsedDoc(html = '<html><body></body></html>') {
  const { document, window } = parseHTML(html);
  let state: 'visible' | 'hidden' = 'visible';
  Object.defineProperty(document, 'visibilityState', { get: () => state, configurable: true });
  Object.defineProperty(document, 'hidden', { get: () => state === 'hidden', configurable: true });
  const doc = document as unknown as Document;
  return {
    doc,
    setVisibility(v: 'visible' | 'hidden') {
      state = v;
      doc.dispatchEvent(new window.Event('visibilitychange'));
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
