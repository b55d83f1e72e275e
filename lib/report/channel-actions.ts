/**
 * What one click on a channel does. Pure: returns the link to open and the text to copy; the UI performs it
 * (window.open / clipboard) only on the user's click. Nothing is sent by this module.
 *
 * - web_form / other: open the URL and copy the report text (the user pastes it into the form)
 * - email:    mailto: with subject and body filled
 * - phone:    tel: link (and the report text copied, to read from)
 * - sms:      sms: link with a short body
 * - telegram: the channel's deep link (t.me) and the text copied
 * - app:      instructions only (where to find "Report" in the app), text copied
 */
import type { Channel } from '../channels/channel-types';
import { ENGLISH_LABELS, reportSubject, reportText, type ReportLabels, type RuleTitle } from './report-text';
import type { EvidenceBundle } from './evidence-bundle';

export type ActionKind = 'open_url' | 'mailto' | 'tel' | 'sms' | 'deep_link' | 'instructions';

export interface ChannelAction {
  kind: ActionKind;
  /** The link to open; absent for instructions-only actions. Always https:, mailto:, tel: or sms:. */
  href?: string;
  /** Text to put on the clipboard as part of the click. */
  copyText?: string;
  /** For app channels: where to find the report function. */
  instructions?: string;
}

/** Longest mailto:/sms: link we build: long URLs are cut off by some mail clients and phones. */
export const MAX_MAILTO_BODY = 1800;
export const MAX_SMS_BODY = 300;

export function telHref(number: string): string {
  const dial = number.replace(/[^\d+#*]/g, '');
  return `tel:${dial.replace(/#/g, '%23')}`;
}

const SAFE_HREF = /^(?:https:\/\/|mailto:|tel:|sms:)/;

export function channelAction(
  channel: Channel,
  bundle: EvidenceBundle,
  options: { labels?: ReportLabels; ruleTitle?: RuleTitle } = {},
): ChannelAction {
  const labels = options.labels ?? ENGLISH_LABELS;
  const full = reportText(bundle, { labels, ruleTitle: options.ruleTitle });
  let action: ChannelAction;
  switch (channel.type) {
    case 'web_form':
    case 'other':
      action = { kind: 'open_url', href: channel.value, copyText: full };
      break;
    case 'email': {
      const subject = reportSubject(bundle, labels);
      const body = reportText(bundle, { labels, ruleTitle: options.ruleTitle, maxChars: MAX_MAILTO_BODY });
      action = {
        kind: 'mailto',
        href: `mailto:${channel.value}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
        copyText: full,
      };
      break;
    }
    case 'phone':
      action = { kind: 'tel', href: telHref(channel.value), copyText: full };
      break;
    case 'sms': {
      const short = `${channel.smsBodyPrefix ?? ''}${bundle.url} ${bundle.excerpts[0]?.text ?? ''}`.trim().slice(0, MAX_SMS_BODY);
      action = { kind: 'sms', href: `sms:${channel.value}?body=${encodeURIComponent(short)}`, copyText: full };
      break;
    }
    case 'telegram':
      action = channel.deepLink
        ? { kind: 'deep_link', href: channel.deepLink, copyText: full }
        : { kind: 'instructions', instructions: channel.value, copyText: full };
      break;
    case 'app':
      action = { kind: 'instructions', instructions: channel.appHint ?? channel.value, copyText: full };
      if (channel.url) action.href = channel.url;
      break;
  }
  if (action.href && !SAFE_HREF.test(action.href)) delete action.href; // data is vetted, but never open anything else
  return action;
}
