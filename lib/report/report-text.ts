/**
 * The report as text: for the clipboard (web forms, phone calls) and as the subject and body of an e-mail.
 * Built only from a (redacted) evidence bundle. Labels are passed in so the text follows the UI language;
 * English is the default.
 */
import type { ScamType } from '../engine/types';
import type { EvidenceBundle } from './evidence-bundle';

export interface ReportLabels {
  subject: string; // "Suspected scam: {type} on {host}"
  intro: string;
  page: string;
  seen: string;
  scamType: string;
  patterns: string;
  excerpts: string;
  note: string;
  screenshot: string;
  engine: string;
  typeNames: Record<ScamType, string>;
  unknownType: string;
}

export const ENGLISH_LABELS: ReportLabels = {
  subject: 'Suspected scam: {type} on {host}',
  intro:
    'I am reporting a suspected scam. The page was flagged by Redflag, a browser extension that matches documented scam patterns on the device; this is not a finding by any authority.',
  page: 'Page',
  seen: 'Seen (UTC)',
  scamType: 'Suspected type',
  patterns: 'Patterns matched',
  excerpts: 'Quoted from the page',
  note: 'My note',
  screenshot: 'A screenshot of the page is attached separately.',
  engine: 'Redflag rules version',
  typeNames: {
    fake_job: 'fake job offer',
    pig_butchering: 'romance / investment scam (pig-butchering)',
    crypto_investment: 'crypto investment fraud',
    impersonation: 'impersonation',
  },
  unknownType: 'scam',
};

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 60);
  }
}

export interface RuleTitle {
  (id: string): string | undefined;
}

export function reportSubject(bundle: EvidenceBundle, labels: ReportLabels = ENGLISH_LABELS): string {
  const type = bundle.scamType ? labels.typeNames[bundle.scamType] : labels.unknownType;
  return labels.subject.replace('{type}', type).replace('{host}', hostOf(bundle.url));
}

/** Plain text; `maxChars` trims the excerpts (never the page address) so the text fits a mailto: or sms: link. */
export function reportText(
  bundle: EvidenceBundle,
  options: { labels?: ReportLabels; ruleTitle?: RuleTitle; maxChars?: number } = {},
): string {
  const labels = options.labels ?? ENGLISH_LABELS;
  const head = [
    labels.intro,
    '',
    `${labels.page}: ${bundle.url}`,
    `${labels.seen}: ${bundle.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`,
    `${labels.scamType}: ${bundle.scamType ? labels.typeNames[bundle.scamType] : labels.unknownType}`,
    `${labels.patterns}:`,
    ...bundle.ruleIds.map((id) => {
      const title = options.ruleTitle?.(id);
      return title ? `- ${title} (${id})` : `- ${id}`;
    }),
  ];
  const tail = [
    ...(bundle.note.trim() ? ['', `${labels.note}:`, bundle.note.trim()] : []),
    ...(bundle.screenshot ? ['', labels.screenshot] : []),
    '',
    `${labels.engine}: ${bundle.engineVersion}`,
  ];
  const excerptLines = bundle.excerpts.map((e) => `- "${e.text.replace(/\s+/g, ' ')}"`);
  const build = (lines: string[]) => [...head, ...(lines.length ? ['', `${labels.excerpts}:`, ...lines] : []), ...tail].join('\n');
  let text = build(excerptLines);
  const max = options.maxChars;
  if (max !== undefined) {
    const lines = [...excerptLines];
    while (text.length > max && lines.length > 0) {
      lines.pop();
      text = build(lines.length < excerptLines.length ? [...lines, '- […]'] : lines);
      if (lines.length === 0) text = build(['- […]']);
    }
    if (text.length > max) text = text.slice(0, max - 1) + '…';
  }
  return text;
}
