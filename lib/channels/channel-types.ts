/**
 * Types of the official reporting-channel directory (`seeds/channels.json`).
 * Pure data types: no browser API, usable from the popup, options, Node tests and scripts.
 */

export const CHANNEL_TYPES = ['web_form', 'phone', 'sms', 'email', 'app', 'telegram', 'other'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * What a channel takes reports about.
 * - fraud: scams and fraud in general (all four scam types)
 * - trafficking: human trafficking, illegal detention in scam compounds, illegal recruitment
 * - crypto: crypto wallets / addresses / platforms
 * - url: phishing and scam websites
 * - sms, email, phone_number: scam texts, phishing e-mails, numbers used by scammers
 * - platform: a platform's own report path (see `platforms`)
 * - emergency: immediate danger
 * - consular: the country's citizens abroad (embassy / consular call centres)
 * - identity: identity-theft support
 */
export const HANDLES = [
  'fraud',
  'trafficking',
  'crypto',
  'url',
  'sms',
  'email',
  'phone_number',
  'platform',
  'emergency',
  'consular',
  'identity',
] as const;
export type Handle = (typeof HANDLES)[number];

export type Confidence = 'high' | 'medium' | 'low';

export interface ChannelSource {
  url: string;
  /** Date of the page or article when shown, else null. */
  date: string | null;
  /** "official", "news", "third-party", ... */
  kind: string;
}

export interface Channel {
  /** Stable id, e.g. "KH-police-117". */
  id: string;
  /** ISO 3166-1 alpha-2 of the authority's country, or "global". */
  country: string;
  /** English name of the authority. */
  authority: string;
  /** Local-language name, only where seen in a source. */
  authorityLocal?: string;
  type: ChannelType;
  /**
   * web_form / other: an https URL; phone: a number as people write it ("117", "0300 123 2040", "+86 10 12308");
   * sms: a short code; email: an address; telegram: "@handle" or "+<international number>"; app: the app's name.
   */
  value: string;
  /** Phone/SMS only: true when the number only works inside its country (short codes, national formats). */
  national?: boolean;
  /** A deep link that opens the channel directly (Telegram). */
  deepLink?: string;
  /** Web page of an app channel. */
  url?: string;
  /** How to reach the report function of an app. */
  appHint?: string;
  /** SMS only: text to put before the report (a keyword the short code expects). */
  smsBodyPrefix?: string;
  handles: Handle[];
  /** Registrable domains of the platforms whose report path this is (platform channels). */
  platforms?: string[];
  /** ISO 639-1 codes ("mul" = many languages); empty when no source says. */
  languages: string[];
  /** True when people who are abroad, or foreigners, can use it (see abroadNote). */
  servesAbroad: boolean;
  abroadNote?: string;
  hours?: string;
  notes?: string;
  sources: ChannelSource[];
  confidence: Confidence;
  /** Why the confidence is what it is (kinds and dates of the sources). */
  confidenceReason: string;
  /** Shown by default (high confidence, not flagged stale); others appear under "More channels". */
  default: boolean;
}

export interface ChannelDirectory {
  about: string;
  compiled: string;
  excluded: { id: string; reason: string }[];
  channels: Channel[];
}
