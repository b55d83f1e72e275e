/** Plain-language names for scam types and levels, shared by the banner and the popup. */
import type { Finding, Level, ScamType, Verdict } from '@/lib/engine/types';

export const SCAM_TYPE_NAME: Record<ScamType, string> = {
  fake_job: 'Fake job offer',
  pig_butchering: 'Romance and investment scam (pig-butchering)',
  crypto_investment: 'Crypto investment fraud',
  impersonation: 'Impersonation scam',
};

export const SCAM_TYPE_HEADLINE: Record<ScamType, string> = {
  fake_job: 'This looks like a fake job offer',
  pig_butchering: 'This looks like a romance and investment scam',
  crypto_investment: 'This looks like crypto investment fraud',
  impersonation: 'This looks like an impersonation scam',
};

export const LEVEL_NAME: Record<Level, string> = {
  none: 'No warning',
  low: 'Low risk',
  medium: 'Warning',
  high: 'High risk',
};

/** The finding that best explains the verdict: the first one of the verdict's type (the engine orders findings). */
export function topFinding(verdict: Verdict): Finding | undefined {
  return verdict.findings.find((f) => f.type === verdict.type) ?? verdict.findings[0];
}
