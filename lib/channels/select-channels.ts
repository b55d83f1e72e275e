/**
 * Choose the reporting channels to offer for one finding: by the user's country, the scam type and the context
 * (the platform the scam is on, a trafficking lure and its destination, a scam website). Pure function.
 */
import type { ScamType } from '../engine/types';
import type { Channel, ChannelType, Handle } from './channel-types';

export interface ChannelContext {
  /** The user's country (ISO 3166-1 alpha-2) or "global" when unknown. */
  country: string;
  scamType: ScamType | null;
  /** Host name of the page the scam is on ("www.linkedin.com"). */
  host?: string;
  /** The finding is a job offer that lures people abroad (trafficking into scam compounds). */
  trafficking?: boolean;
  /** Countries named as the destination of a trafficking lure ("KH"). */
  lureCountries?: readonly string[];
  /** The scam is a website whose address can be reported (phishing, fake platform, lookalike domain). */
  scamUrl?: boolean;
}

/** Why a channel is offered; the UI words each reason. */
export type ChannelReason =
  | 'platform' // the platform's own report path
  | 'trafficking' // an anti-trafficking hotline of your country, or international
  | 'destination' // a hotline in the lure's destination country ("if you are already in Cambodia, call 117")
  | 'consular' // your country's line for citizens abroad
  | 'fraud' // your country's fraud / police channel
  | 'crypto' // crypto-scam reports (wallet addresses)
  | 'url'; // unsafe-site reports

export interface SelectedChannel {
  channel: Channel;
  reason: ChannelReason;
  /** Shown at once; the others go under "More channels". */
  primary: boolean;
}

const TYPE_ORDER: Record<ChannelType, number> = { web_form: 0, email: 1, phone: 2, sms: 3, telegram: 4, app: 5, other: 6 };

/** Registrable-domain match without a suffix list: the host is the platform domain or one of its subdomains. */
export function hostOnPlatform(host: string, platform: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === platform || h.endsWith(`.${platform}`);
}

/** A national number or short code only works for people in its country (notes: "show only for the matching country"). */
function reachable(c: Channel, country: string, destinations: readonly string[]): boolean {
  if (!c.national) return true;
  if (c.country === country) return true;
  // "Call 117 in Cambodia": a destination's line that serves foreigners held there.
  return destinations.includes(c.country) && c.servesAbroad && c.handles.includes('trafficking');
}

const handlesAny = (c: Channel, hs: readonly Handle[]) => hs.some((h) => c.handles.includes(h));
const byType = (a: Channel, b: Channel) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type];

export function selectChannels(channels: readonly Channel[], ctx: ChannelContext): SelectedChannel[] {
  const country = ctx.country.toUpperCase() === 'GLOBAL' ? 'global' : ctx.country.toUpperCase();
  const destinations = (ctx.lureCountries ?? []).map((c) => c.toUpperCase()).filter((c) => c !== country);
  const out: SelectedChannel[] = [];
  const seen = new Set<string>();
  const add = (list: Channel[], reason: ChannelReason) => {
    for (const c of [...list].sort(byType)) {
      if (seen.has(c.id) || !reachable(c, country, destinations)) continue;
      seen.add(c.id);
      out.push({ channel: c, reason, primary: c.default });
    }
  };
  const mine = (c: Channel) => c.country === country;
  const global = (c: Channel) => c.country === 'global';

  if (ctx.host) {
    const host = ctx.host;
    add(channels.filter((c) => c.handles.includes('platform') && (c.platforms ?? []).some((p) => hostOnPlatform(host, p))), 'platform');
  }
  if (ctx.trafficking) {
    add(channels.filter((c) => mine(c) && c.handles.includes('trafficking') && !c.handles.includes('consular')), 'trafficking');
    add(channels.filter((c) => mine(c) && c.handles.includes('consular')), 'consular');
  }
  const crypto = ctx.scamType === 'crypto_investment' || ctx.scamType === 'pig_butchering';
  add(
    channels.filter((c) => mine(c) && handlesAny(c, crypto ? ['fraud', 'crypto'] : ['fraud'])),
    'fraud',
  );
  if (ctx.trafficking) {
    // For someone already at the destination (most readers of a lure are not yet): "call 117 in Cambodia".
    add(channels.filter((c) => destinations.includes(c.country) && c.handles.includes('trafficking') && c.servesAbroad), 'destination');
    add(channels.filter((c) => global(c) && c.handles.includes('trafficking')), 'trafficking');
  }
  if (crypto) add(channels.filter((c) => global(c) && c.handles.includes('crypto')), 'crypto');
  if (ctx.scamUrl) {
    add(channels.filter((c) => mine(c) && c.handles.includes('url')), 'url');
    add(channels.filter((c) => global(c) && c.handles.includes('url')), 'url');
  }
  if (ctx.trafficking) add(channels.filter((c) => mine(c) && c.handles.includes('emergency')), 'trafficking');

  // A country without any default channel (e.g. only medium-confidence entries): show its own channels anyway,
  // marked as less verified by the UI through their confidence.
  if (country !== 'global' && !out.some((s) => s.primary && s.channel.country === country)) {
    for (const s of out) if (s.channel.country === country) s.primary = true;
  }
  return out;
}
