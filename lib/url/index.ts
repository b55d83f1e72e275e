/**
 * lib/url: lookalike and deceptive-URL analysis with tldts. Import it from the background, popup, CLI and eval,
 * never from a content script (tldts adds ~100 kB; lib/engine stays free of it).
 *
 *   analyzeUrl(url, { context })   one URL → { verdict, reason, brand?, matched?, signals[] }
 *   urlFindings(input)             a ScanInput's url, links and in-text URLs → engine Findings
 *   mergeVerdicts(verdict, found)  the engine verdict plus URL findings, scored like the engine
 *   urlRule(id), URL_RULES         RuleInfo (title/why/advice/references) of the URL rules
 *   scanWithUrls(engine, input)    engine.scan + urlFindings + mergeVerdicts in one call
 */
import type { Engine, ScanInput, ScanOptions, Verdict } from '../engine/types';
import { urlFindings } from './url-findings';
import { mergeVerdicts } from './merge-verdicts';

export { analyzeUrl, createUrlAnalyzer, forwardedUrl, URL_RULE_IDS } from './analyze-url';
export type { AnalyzeOptions, BrandRef, UrlAnalysis, UrlAnalyzer, UrlAnalyzerOptions, UrlContext, UrlRuleId, UrlSignal, UrlVerdictKind } from './analyze-url';
export { urlFindings, analyzeInputUrls, MAX_URLS } from './url-findings';
export { mergeVerdicts } from './merge-verdicts';
export { urlRule, URL_RULES } from './url-rules';
export { skeleton } from './confusables';
export { toUnicodeHost } from './punycode';
export { findOrgName } from './brand-claim';
export type { Organisation } from './url-lists';

/** The engine verdict for `input`, with the URL findings of its url, links and in-text URLs merged in. */
export function scanWithUrls(engine: Engine, input: ScanInput, options?: ScanOptions): Verdict {
  const v = engine.scan(input, options);
  return mergeVerdicts(v, urlFindings(input));
}
