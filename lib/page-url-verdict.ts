/**
 * Background side of URL checks for a tab: the content script's verdict merged with lib/url's findings for the
 * page's own URL, title and links. Background/popup only (lib/url imports tldts).
 */
import type { ScoringConfig } from './engine/pack';
import type { Verdict } from './engine/types';
import type { VerdictReport } from './messaging';
import { mergeVerdicts, urlFindings } from './url/index';

/** The tab verdict: the content verdict plus URL findings, scored with the pack's scoring. */
export function pageVerdictWithUrls(report: VerdictReport, scoring: ScoringConfig): Verdict {
  const findings = urlFindings({
    surface: 'page',
    url: report.url,
    title: report.title,
    links: report.links ?? [],
    // A short page with a secret field: the brand-claim check reads its text (lib/url/brand-claim.ts).
    ...(report.claimText ? { text: report.claimText } : {}),
  });
  return mergeVerdicts(report.verdict, findings, scoring);
}

/** True when only the URL checks make the page warn, so the page has no banner yet and must be told. */
export function urlWarningAdded(content: Verdict, merged: Verdict): boolean {
  return merged.warn && !content.warn;
}
