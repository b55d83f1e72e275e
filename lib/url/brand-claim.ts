/**
 * Page-level impersonation (IM06/IM09 + X09): a short page whose title names a protected organisation and that asks
 * for credentials (password, one-time code, PIN, card number, recovery phrase) while it is not on one of that
 * organisation's official domains.
 */
import type { Evidence, ScanInput } from '../engine/types';
import type { UrlAnalysis } from './analyze-url';
import type { Organisation, UrlLists } from './url-lists';

// Login pages are short; a long text is an article about the brand, not its sign-in form. One limit for both sides:
// the content script sends no longer text (lib/extract/credential-form.ts).
import { MAX_CLAIM_TEXT } from '../extract/credential-form';
export { MAX_CLAIM_TEXT };

/** Names that are ordinary words or too widely used to claim an organisation by themselves. */
const AMBIGUOUS = new Set([
  'line', 'visa', 'smart', 'globe', 'indeed', 'seek', 'reed', 'maya', 'dana', 'ovo', 'toss', 'gemini', 'steam', 'meta',
  'messenger', 'valve', 'insta', 'ronin', 'digi', 'rocket', 'ledger', 'nationwide', 'halifax', 'santander', 'usdt',
  'tether (usdt)', 'upi', 'bhim', 'qq', 'sss', 'bir', 'ica', 'mas', 'cpf', 'spf', 'ato', 'afp', 'ee', 'bi', 'jd.com',
  'phantom wallet', 'exodus wallet', 'kraken', 'lido', 'optimism', 'polygon', 'solana', 'cardano', 'tron', 'sushiswap',
]);

/** Credential requests, grouped; a claim needs two groups, one of them a secret. */
const SECRET_GROUPS: [string, RegExp][] = [
  ['password', /\b(?:password|passcode|passwort|contraseña|mot de passe|kata sandi|kata laluan|mật khẩu)\b|密码|密碼|パスワード|비밀번호|รหัสผ่าน|ពាក្យសម្ងាត់|पासवर्ड/iu],
  ['code', /\b(?:otp|one[- ]time (?:password|code|pin)|verification code|security code|sms code|kode otp|mã otp|tac)\b|验证码|驗證碼|認証コード|인증번호|รหัส ?otp|លេខកូដ/iu],
  ['pin', /\b(?:pin|m-?pin|atm pin|mpin)\b|取款密码|暗証番号|รหัส ?atm/iu],
  ['card', /\b(?:card number|cvv|cvc|expiry date|expiration date|nomor kartu|số thẻ)\b|银行卡号|卡号|カード番号|카드번호|หมายเลขบัตร/iu],
  ['seed', /\b(?:recovery phrase|seed phrase|secret phrase|private key|mnemonic)\b|助记词|私钥/iu],
];
const LOGIN = /\b(?:sign in|log ?in|log on|username|user id|email or (?:mobile|phone)|đăng nhập|masuk|log masuk|mag-?login)\b|登录|登入|ログイン|로그인|เข้าสู่ระบบ|ចូល/iu;

interface NameIndex {
  /** Case-insensitive Latin names (≥ 4 letters, not all capitals). */
  latin: RegExp | null;
  /** All-capital acronyms (DBS, BCA, IRS), matched case-sensitively. */
  acronyms: RegExp | null;
  /** Names in other scripts, matched as substrings. */
  other: [string, Organisation][];
  byName: Map<string, Organisation>;
}

const cache = new WeakMap<UrlLists, NameIndex>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function indexNames(lists: UrlLists): NameIndex {
  const hit = cache.get(lists);
  if (hit) return hit;
  const byName = new Map<string, Organisation>();
  const latin: string[] = [];
  const acronyms: string[] = [];
  const other: [string, Organisation][] = [];
  for (const org of lists.orgs) {
    for (const name of org.names) {
      const key = name.toLowerCase();
      if (AMBIGUOUS.has(key) || byName.has(key)) continue;
      byName.set(key, org);
      if (/^[\x20-\x7e]+$/.test(name)) {
        if (/^[A-Z0-9&]{3,}$/.test(name)) acronyms.push(escape(name));
        else if (name.length >= 4) latin.push(escape(name));
      } else if (name.length >= 2) other.push([name, org]);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const index: NameIndex = {
    latin: latin.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${latin.sort(byLength).join('|')})(?![\\p{L}\\p{N}])`, 'iu') : null,
    acronyms: acronyms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${acronyms.sort(byLength).join('|')})(?![\\p{L}\\p{N}])`, 'u') : null,
    other: other.sort((a, b) => b[0].length - a[0].length),
    byName,
  };
  cache.set(lists, index);
  return index;
}

/** The organisation a string names, with the match offsets. */
export function findOrgName(s: string, lists: UrlLists): { org: Organisation; start: number; end: number } | undefined {
  const idx = indexNames(lists);
  for (const re of [idx.latin, idx.acronyms]) {
    const m = re?.exec(s);
    if (m) {
      const org = idx.byName.get(m[0].toLowerCase());
      if (org) return { org, start: m.index, end: m.index + m[0].length };
    }
  }
  for (const [name, org] of idx.other) {
    const at = s.indexOf(name);
    if (at >= 0) return { org, start: at, end: at + name.length };
  }
  return undefined;
}

export function findBrandClaim(
  input: ScanInput,
  page: UrlAnalysis,
  lists: UrlLists,
): { org: Organisation; evidence: Evidence[] } | undefined {
  if (page.verdict === 'official' || page.verdict === 'invalid' || page.reason === 'private-host' || page.reason === 'no-registrable-domain') {
    return undefined;
  }
  const text = input.text ?? '';
  if (text.length > MAX_CLAIM_TEXT) return undefined;
  const title = input.title ?? '';
  const [field, where] = title ? ['title', title] : ['text', text.slice(0, 300)];
  const named = findOrgName(where, lists);
  if (!named || (page.registrableDomain && named.org.domains.includes(page.registrableDomain))) return undefined;
  const haystack = `${title}\n${text}`;
  const groups = SECRET_GROUPS.filter(([, re]) => re.test(haystack));
  if (groups.length === 0 || groups.length + (LOGIN.test(haystack) ? 1 : 0) < 2) return undefined;
  const evidence: Evidence[] = [{ text: where.slice(named.start, named.end), start: named.start, end: named.end, field }];
  const m = groups[0]![1].exec(text);
  if (m) evidence.push({ text: m[0], start: m.index, end: m.index + m[0].length, field: 'text' });
  return { org: named.org, evidence };
}
