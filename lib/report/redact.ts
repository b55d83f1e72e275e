/**
 * Redaction of personal data in a report before it leaves the browser: e-mail addresses, phone numbers, card
 * numbers (Luhn-checked), IBAN-like strings, account numbers (long digit runs, or digits after an "account" word in
 * the languages Redflag covers) and names the user marks. Every distinct value is one item the user can toggle;
 * all items are redacted by default. Pure functions, run only over a report's short texts.
 */

export type SensitiveKind = 'email' | 'phone' | 'card' | 'iban' | 'account' | 'name';

export interface Span {
  start: number;
  end: number;
  kind: SensitiveKind;
  text: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
// Digit groups with separators; checked for length / Luhn afterwards.
const DIGITS = /(?:\+|\b)\d(?:[\d \u00a0().-]*\d)?/g;
// A digit run announced as an account ("account no. 123456", "账号 6222…", "บัญชี 123-4-56789", "rekening 1234567").
const ACCOUNT_CONTEXT = /(?:account|acct|a\/c|bank\s*(?:no|number)|账号|帳號|账户|帐户|卡号|บัญชี|tài khoản|stk|rekening|norek|គណនី)\s*(?:no\.?|number|#|:|：)?\s*$/iu;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function classifyDigits(raw: string, before: string): SensitiveKind | null {
  const digits = raw.replace(/\D/g, '');
  const n = digits.length;
  if (n < 6) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) return null; // ISO date
  if (n >= 13 && n <= 19 && luhn(digits) && /^[\d -]+$/.test(raw)) return 'card';
  if (ACCOUNT_CONTEXT.test(before)) return 'account';
  const international = raw.startsWith('+') || digits.startsWith('00');
  if (international && n >= 8 && n <= 15) return 'phone';
  if (/^0\d/.test(digits) && n >= 8 && n <= 12) return 'phone'; // national format: 012 345 678, 0979-117-117
  if (/^1[3-9]\d{9}$/.test(digits)) return 'phone'; // mainland China mobile
  if (/^\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}$/.test(raw.trim())) return 'phone';
  if (n >= 9 && /^\d+$/.test(raw)) return 'account'; // an unannounced long number: treated as an account number
  return null;
}

/** Sensitive spans in `text`, sorted, non-overlapping. `names` are matched literally, case-insensitively. */
export function findSensitive(text: string, names: readonly string[] = []): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number, kind: SensitiveKind) => spans.push({ start, end, kind, text: text.slice(start, end) });
  for (const m of text.matchAll(EMAIL)) push(m.index, m.index + m[0].length, 'email');
  for (const m of text.matchAll(IBAN)) push(m.index, m.index + m[0].length, 'iban');
  for (const m of text.matchAll(DIGITS)) {
    const raw = m[0].replace(/[\s().-]+$/, '');
    const kind = classifyDigits(raw, text.slice(Math.max(0, m.index - 24), m.index));
    if (kind) push(m.index, m.index + raw.length, kind);
  }
  const lower = text.toLowerCase();
  for (const name of names) {
    const n = name.trim().toLowerCase();
    if (n.length < 2) continue;
    for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) push(i, i + n.length, 'name');
  }
  // Earlier first; on overlap keep the longer span (an e-mail beats the digits inside it).
  spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The id of a redaction item: one per distinct value, so toggling it covers every occurrence. */
export function itemId(span: Pick<Span, 'kind' | 'text'>): string {
  return `${span.kind}:${span.text.toLowerCase().replace(/[\s().-]/g, '')}`;
}

export const PLACEHOLDER: Record<SensitiveKind, string> = {
  email: '[email]',
  phone: '[phone]',
  card: '[card number]',
  iban: '[IBAN]',
  account: '[account number]',
  name: '[name]',
};

/** Replace the spans whose item is not in `keep` (items the user chose to leave visible). */
export function applyRedaction(text: string, spans: readonly Span[], keep: ReadonlySet<string>): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (keep.has(itemId(s))) continue;
    out += text.slice(at, s.start) + PLACEHOLDER[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}

export function redactText(text: string, names: readonly string[] = [], keep: ReadonlySet<string> = new Set()): string {
  return applyRedaction(text, findSensitive(text, names), keep);
}
