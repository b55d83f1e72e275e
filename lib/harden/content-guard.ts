/**
 * Guards for the content script against the page it runs in (see SECURITY.md, "The page cannot switch the warning
 * off"). Content-script only; no engine or storage imports.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT stops a running content script when a document event named `<extension id>:<entrypoint>:wxt:content-script-
 * started` arrives from another copy of it. A page can dispatch that event too (a store extension's id is public),
 * which would stop Redflag's scan before it starts. Call first thing in main(): a capturing listener on the window
 * sees the event before WXT's listener on the document and stops it. (A copy orphaned by an extension update still
 * stops: WXT's `ctx.isInvalid` also checks that the extension runtime is gone.)
 */
export function ignoreForgedRestarts(target: Window = window): () => void {
  // WXT's own event name (private in its types; the e2e test tests/e2e/hostile-forge.spec.ts fails if it changes).
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown }).SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') {
    console.warn('[redflag] cannot guard against forged content-script restarts: WXT event name not found');
    return () => {};
  }
  const stop = (event: Event) => event.stopImmediatePropagation();
  target.addEventListener(type, stop, { capture: true });
  return () => target.removeEventListener(type, stop, { capture: true });
}

/** Input events Redflag's in-page controls act on. */
const INPUT_EVENTS = ['click', 'dblclick', 'auxclick', 'keydown', 'keyup', 'keypress', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'submit', 'input', 'change'];

/**
 * Drops events the page synthesised (`element.click()`, `dispatchEvent`: `isTrusted === false`) that are aimed at
 * Redflag's own elements, so page scripts cannot press the banner's buttons ("Trust this site" > "Always" would
 * silence Redflag on the page for good). A capturing listener on the window runs before any listener on the
 * page's elements, and an event from inside a shadow root is seen there with its target retargeted to the host, so `hosts`
 * lists host element names. Call first thing in main(), before anything is mounted. Real user input is trusted.
 */
export function dropUntrustedInputOn(hosts: readonly string[], target: Window = window): () => void {
  const names = new Set(hosts.map((h) => h.toLowerCase()));
  const drop = (event: Event) => {
    if (event.isTrusted) return;
    const t = event.target as { localName?: unknown } | null;
    if (t && typeof t.localName === 'string' && names.has(t.localName)) event.stopImmediatePropagation();
  };
  for (const type of INPUT_EVENTS) target.addEventListener(type, drop, { capture: true });
  return () => {
    for (const type of INPUT_EVENTS) target.removeEventListener(type, drop, { capture: true });
  };
}
