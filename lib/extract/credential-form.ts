/**
 * Does the page ask for a secret? A visible password, one-time-code or card field. Only then does the content script
 * hand the background the page's short text, for the page-level brand claim (lib/url/brand-claim.ts: a page that
 * names an organisation and asks for credentials on a domain that is not the organisation's).
 */

/** Login and payment forms are short; brand-claim ignores longer texts (an article about the brand), so never send them. */
export const MAX_CLAIM_TEXT = 4000;

const SECRET_FIELDS = [
  'input[type="password" i]',
  'input[autocomplete~="one-time-code" i]',
  'input[autocomplete~="cc-number" i]',
  'input[autocomplete~="cc-csc" i]',
  'input[autocomplete~="current-password" i]',
].join(',');

/** True when the document has a secret field a person could type into (not hidden, not disabled). */
export function hasCredentialField(doc: Document): boolean {
  let found = false;
  try {
    for (const el of Array.from(doc.querySelectorAll<HTMLInputElement>(SECRET_FIELDS)).slice(0, 50)) {
      if (el.disabled || el.type === 'hidden') continue;
      const check = (el as HTMLElement & { checkVisibility?: () => boolean }).checkVisibility;
      if (typeof check === 'function' && el.isConnected && !check.call(el)) continue;
      found = true;
      break;
    }
  } catch {
    return false; // odd documents (no querySelectorAll, a hostile prototype): no claim text, the scan goes on
  }
  return found;
}

/** The text to send with the verdict for the brand-claim check, or undefined when the page asks for no secret or is long. */
export function claimText(doc: Document, pageText: string): string | undefined {
  const text = pageText.trim();
  if (!text || text.length > MAX_CLAIM_TEXT) return undefined;
  return hasCredentialField(doc) ? text : undefined;
}
