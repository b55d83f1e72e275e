/** The channel context of a tab's verdict: scam type, platform host, trafficking lure and destination, scam URL. */
import type { Verdict } from '../engine/types';
import type { Channel } from './channel-types';
import { isTraffickingLure, lureCountries } from './lure-destinations';
import { hostOnPlatform, type ChannelContext } from './select-channels';

export function channelContext(page: { url: string; verdict: Verdict }, country: string, channels: readonly Channel[]): ChannelContext {
  let host = '';
  try {
    host = new URL(page.url).hostname;
  } catch {
    /* not a URL: no platform, no site to report */
  }
  const { verdict } = page;
  const excerpts = verdict.findings.flatMap((f) => f.evidence.map((e) => e.text));
  const ruleIds = verdict.findings.map((f) => f.rule);
  const onPlatform = host !== '' && channels.some((c) => (c.platforms ?? []).some((p) => hostOnPlatform(host, p)));
  const trafficking = verdict.type === 'fake_job' && isTraffickingLure(ruleIds, excerpts);
  const urlEvidence = verdict.findings.some((f) => f.evidence.some((e) => e.field === 'url' || e.field.startsWith('links.')));
  return {
    country,
    scamType: verdict.type,
    host: host || undefined,
    trafficking,
    lureCountries: trafficking ? lureCountries(excerpts) : [],
    // The page itself is the scam (a fake platform, a lookalike site), unless it is a big platform's page.
    scamUrl: host !== '' && !onPlatform && (verdict.type !== 'fake_job' || urlEvidence),
  };
}
