/**
 * The evidence bundle: exactly what a report contains. Built from a tab's verdict, shown to the user for review
 * (redacted by default, see redact.ts), and only then handed to a channel action or the organisation endpoint.
 * Pure: no browser API.
 */
import type { Level, ScamType, Verdict } from '../engine/types';
import { findSensitive, applyRedaction, itemId, type SensitiveKind, type Span } from './redact';

export const BUNDLE_SCHEMA = 'redflag-report/1';

export interface BundleExcerpt {
  /** Id of the rule whose evidence this is. */
  rule: string;
  text: string;
}

export interface EvidenceBundle {
  schema: typeof BUNDLE_SCHEMA;
  /** The page where the scam was seen. */
  url: string;
  title: string;
  /** When the page was scanned (ISO 8601, UTC). */
  time: string;
  /** When the user built this report (ISO 8601, UTC). */
  reportedAt: string;
  scamType: ScamType | null;
  level: Level;
  /** Ids of the rules that fired, in finding order. */
  ruleIds: string[];
  /** Matched excerpts quoted from the page. */
  excerpts: BundleExcerpt[];
  /** The user's own words. */
  note: string;
  /** PNG data URL of the visible tab, only when the user chose to include it (never redacted: the UI says so). */
  screenshot?: string;
  /** Content hash of the rule pack that produced the verdict. */
  engineVersion: string;
}

export interface BundleInput {
  url: string;
  title?: string;
  verdict: Verdict;
  /** Milliseconds since the epoch when the page was scanned. */
  seenAt: number;
  note?: string;
  screenshot?: string;
  engineVersion: string;
  now?: number;
}

const MAX_EXCERPTS = 20;
const MAX_EXCERPT_CHARS = 300;
const MAX_NOTE_CHARS = 2000;

export function buildBundle(input: BundleInput): EvidenceBundle {
  const excerpts: BundleExcerpt[] = [];
  const seen = new Set<string>();
  for (const f of input.verdict.findings) {
    for (const e of f.evidence) {
      const text = e.text.trim().slice(0, MAX_EXCERPT_CHARS);
      if (!text || seen.has(text) || excerpts.length >= MAX_EXCERPTS) continue;
      seen.add(text);
      excerpts.push({ rule: f.rule, text });
    }
  }
  const bundle: EvidenceBundle = {
    schema: BUNDLE_SCHEMA,
    url: input.url,
    title: (input.title ?? '').slice(0, 300),
    time: new Date(input.seenAt).toISOString(),
    reportedAt: new Date(input.now ?? Date.now()).toISOString(),
    scamType: input.verdict.type,
    level: input.verdict.level,
    ruleIds: [...new Set(input.verdict.findings.map((f) => f.rule))],
    excerpts,
    note: (input.note ?? '').slice(0, MAX_NOTE_CHARS),
    engineVersion: input.engineVersion,
  };
  if (input.screenshot?.startsWith('data:image/')) bundle.screenshot = input.screenshot;
  return bundle;
}

/** One distinct personal value found in the bundle; the review screen lists these with a toggle each. */
export interface RedactionItem {
  id: string;
  kind: SensitiveKind;
  /** The original value (shown to the user locally, never sent while redacted). */
  text: string;
  count: number;
  redacted: boolean;
}

export interface RedactionChoice {
  /** Names the user marked for redaction. */
  names: readonly string[];
  /** Item ids the user chose to leave visible (all others are redacted). */
  keep: ReadonlySet<string>;
}

/** In the page address only e-mails, card numbers, IBANs and marked names are redacted: digits in paths are ids. */
const URL_KINDS: ReadonlySet<SensitiveKind> = new Set(['email', 'card', 'iban', 'name']);

export function redactBundle(bundle: EvidenceBundle, choice: RedactionChoice): { bundle: EvidenceBundle; items: RedactionItem[] } {
  const items = new Map<string, RedactionItem>();
  const scan = (text: string, kinds?: ReadonlySet<SensitiveKind>): string => {
    let spans: Span[] = findSensitive(text, choice.names);
    if (kinds) spans = spans.filter((s) => kinds.has(s.kind));
    for (const s of spans) {
      const id = itemId(s);
      const item = items.get(id);
      if (item) item.count++;
      else items.set(id, { id, kind: s.kind, text: s.text, count: 1, redacted: !choice.keep.has(id) });
    }
    return applyRedaction(text, spans, choice.keep);
  };
  const out: EvidenceBundle = {
    ...bundle,
    url: scan(bundle.url, URL_KINDS),
    title: scan(bundle.title),
    excerpts: bundle.excerpts.map((e) => ({ rule: e.rule, text: scan(e.text) })),
    note: scan(bundle.note),
  };
  return { bundle: out, items: [...items.values()] };
}
