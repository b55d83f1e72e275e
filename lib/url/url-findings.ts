/**
 * Impersonation findings for the URLs of a scan input: the page or message `url`, its `links`, and URLs written
 * inside the text of chats, SMS, emails and job posts. Pure apart from tldts; runs in the background and the CLI.
 *
 * - A page's own address and the links on a page are analysed in `page` context (generic traits such as free
 *   hosting stay weak there; links on a page only count when they imitate a brand or are known-bad).
 * - `url` inputs (a bare link to check) and links in messages are analysed in `message` context.
 * - One finding per rule: the strongest level any URL reached, evidence for each URL (up to 5).
 * - A page that names a protected organisation in its title and asks for credentials, on a domain that is not
 *   that organisation's, yields `url-brand-claim-credentials`.
 */
import { DEFAULT_SCORING, type ScoringConfig } from '../engine/pack';
import { findUrls } from '../engine/url-predicate';
import { compareIds } from '../engine/engine';
import type { Evidence, Finding, RuleLevel, ScamType, ScanInput } from '../engine/types';
import { createUrlAnalyzer, type UrlAnalysis, type UrlAnalyzer, type UrlContext, type UrlSignal } from './analyze-url';
import { findBrandClaim } from './brand-claim';
import { urlRule } from './url-rules';

/** Cap on URLs analysed per input (pages can carry hundreds of links). */
export const MAX_URLS = 200;
const MAX_EVIDENCE = 5;
const LEVEL_RANK: Record<RuleLevel, number> = { low: 1, medium: 2, high: 3 };
/** Rules whose findings count for another scam type than impersonation. */
const RULE_TYPES: Partial<Record<string, ScamType>> = { 'url-crypto-lure': 'crypto_investment' };
const MESSAGE_SURFACES = new Set(['url', 'chat', 'sms', 'email']);
const TEXT_URL_SURFACES = new Set(['chat', 'sms', 'email', 'job_post']);

interface Target {
  url: string;
  field: string;
  /** Offset of the URL inside the field's original string. */
  offset: number;
  context: UrlContext;
  /** Only brand and known-bad signals count (links on a page). */
  brandOnly: boolean;
}

export interface UrlFindingsOptions {
  analyzer?: UrlAnalyzer;
  scoring?: ScoringConfig;
}

let shared: UrlAnalyzer | undefined;

function collectTargets(input: ScanInput): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    const key = `${t.context}|${t.brandOnly}|${t.url}`;
    if (targets.length >= MAX_URLS || seen.has(key) || !t.url.trim()) return;
    seen.add(key);
    targets.push(t);
  };
  const pageLike = input.surface === 'page' || input.surface === 'job_post';
  if (input.url) add({ url: input.url, field: 'url', offset: 0, context: pageLike ? 'page' : 'message', brandOnly: false });
  input.links?.forEach((l, i) =>
    add({ url: l, field: `links.${i}`, offset: 0, context: MESSAGE_SURFACES.has(input.surface) ? 'message' : 'page', brandOnly: input.surface === 'page' }),
  );
  if (TEXT_URL_SURFACES.has(input.surface)) {
    const fromText = (text: string | undefined, field: string) => {
      if (!text) return;
      for (const u of findUrls(text, 50)) add({ url: u.url, field, offset: u.start, context: 'message', brandOnly: false });
    };
    fromText(input.text, 'text');
    input.messages?.forEach((m, i) => {
      if (m.from !== 'me') fromText(m.text, `messages.${i}`);
    });
    for (const [name, value] of Object.entries(input.fields ?? {})) fromText(value, `fields.${name}`);
  }
  return targets;
}

/** Evidence span: the host inside the URL as written (or the whole URL). */
function evidenceFor(t: Target, a: UrlAnalysis): Evidence {
  const lower = t.url.toLowerCase();
  const host = a.host ?? '';
  const at = host ? lower.indexOf(host) : -1;
  const [s, e] = at >= 0 ? [at, at + host.length] : [0, t.url.length];
  return { text: t.url.slice(s, e), start: t.offset + s, end: t.offset + e, field: t.field };
}

interface Acc {
  signal: UrlSignal;
  evidence: Evidence[];
}

/** Impersonation (and crypto-lure) findings for every URL of the input, one finding per rule. */
export function urlFindings(input: ScanInput, options: UrlFindingsOptions = {}): Finding[] {
  const analyzer = options.analyzer ?? (shared ??= createUrlAnalyzer());
  const weights = (options.scoring ?? DEFAULT_SCORING).levelWeights;
  const byRule = new Map<string, Acc>();
  let pageAnalysis: UrlAnalysis | undefined;
  for (const t of collectTargets(input)) {
    // Every input but a bare link to check (surface 'url') has words of its own that the rule engine reads.
    const a = analyzer.analyze(t.url, { context: t.context, withText: input.surface !== 'url' });
    if (t.field === 'url') pageAnalysis = a;
    for (const s of a.signals) {
      if (t.brandOnly && !(s.brand || s.rule === 'url-known-bad')) continue;
      if (t.brandOnly && s.level === 'low') continue;
      const acc = byRule.get(s.rule);
      if (!acc) byRule.set(s.rule, { signal: s, evidence: [evidenceFor(t, a)] });
      else {
        if (LEVEL_RANK[s.level] > LEVEL_RANK[acc.signal.level]) acc.signal = s;
        if (acc.evidence.length < MAX_EVIDENCE) acc.evidence.push(evidenceFor(t, a));
      }
    }
  }
  const findings: Finding[] = [];
  for (const [rule, { signal, evidence }] of byRule) {
    const title = urlRule(rule)?.title ?? rule;
    findings.push({
      rule,
      type: RULE_TYPES[rule] ?? 'impersonation',
      level: signal.level,
      message: signal.brand ? `${title} (${signal.brand.name})` : title,
      weight: weights[signal.level],
      evidence,
    });
  }
  if (input.surface === 'page' && input.url && pageAnalysis) {
    const claim = findBrandClaim(input, pageAnalysis, analyzer.lists);
    if (claim) {
      findings.push({
        rule: 'url-brand-claim-credentials',
        type: 'impersonation',
        level: 'high',
        message: `${urlRule('url-brand-claim-credentials')?.title ?? 'Brand claim with credential request'} (${claim.org.name})`,
        weight: weights.high,
        evidence: claim.evidence,
      });
    }
  }
  return findings.sort((a, b) => b.weight - a.weight || compareIds(a.rule, b.rule));
}

/** Details of each URL for explanations (popup "why"): what decided, per URL. */
export function analyzeInputUrls(input: ScanInput, analyzer: UrlAnalyzer = (shared ??= createUrlAnalyzer())): { field: string; analysis: UrlAnalysis }[] {
  return collectTargets(input).map((t) => ({ field: t.field, analysis: analyzer.analyze(t.url, { context: t.context }) }));
}
