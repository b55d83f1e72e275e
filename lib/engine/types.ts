/**
 * Public contract of the Redflag engine. Pure TypeScript: no DOM, no browser API.
 * The same types are used by the content script, the background, the CLI and the tests.
 * Keep this file stable: other tools (scan CLI consumers, eval harness) depend on it.
 */

export type Surface = 'page' | 'job_post' | 'chat' | 'sms' | 'email' | 'url';
export const SURFACES: readonly Surface[] = ['page', 'job_post', 'chat', 'sms', 'email', 'url'];

export type ScamType = 'fake_job' | 'pig_butchering' | 'crypto_investment' | 'impersonation';
export const SCAM_TYPES: readonly ScamType[] = ['fake_job', 'pig_butchering', 'crypto_investment', 'impersonation'];

export type Level = 'none' | 'low' | 'medium' | 'high';
export type RuleLevel = Exclude<Level, 'none'>;

export interface ChatMessage {
  from: 'them' | 'me' | 'unknown';
  text: string;
}

/** Structured fields of a job post (all optional; unknown extra keys allowed). */
export interface JobFields {
  title?: string;
  company?: string;
  salary?: string;
  location?: string;
  contact?: string;
  description?: string;
  [key: string]: string | undefined;
}

export interface ScanInput {
  surface: Surface;
  text?: string;
  title?: string;
  url?: string;
  fields?: JobFields;
  /** A chat as messages. A chat may also come as `text`, one `Name: message` line per message. */
  messages?: ChatMessage[];
  /** Hrefs of links found on the page / in the message (optional). */
  links?: string[];
  /** BCP-47 hint, e.g. "km" or "zh-CN". Never required: rules match every language they carry. */
  lang?: string;
}

/**
 * Where a piece of evidence was found. `field` names the input string the offsets refer to:
 * "text", "title", "url", "fields.<name>", "messages.<index>", "links.<index>".
 * `start`/`end` are UTF-16 offsets into that ORIGINAL (un-normalised) string, so the
 * extension can highlight them; `text` is the original substring.
 */
export interface Evidence {
  text: string;
  start: number;
  end: number;
  field: string;
  /** From a context selection (see PackSelection.context): shown in explanations, not highlighted in the page. */
  context?: true;
}

export interface Finding {
  /** Rule id (= file name without extension). */
  rule: string;
  type: ScamType;
  level: RuleLevel;
  /** Short user-facing reason (the rule's title). */
  message: string;
  /** Points this finding contributed to its type's score (negative for a suppressor that lowered it). */
  weight: number;
  evidence: Evidence[];
  /** Conversation stages seen (labels of the rule's labelled selections that matched), e.g. for pig-butchering chats. */
  stages?: string[];
}

export interface Verdict {
  /** True exactly when the extension shows an in-page warning for this content. */
  warn: boolean;
  level: Level;
  type: ScamType | null;
  score: number;
  findings: Finding[];
  /** Set when the per-scan time budget cut the scan short. */
  truncated?: boolean;
}

/** User-facing metadata of a rule, carried in the compiled pack (examples are not shipped). */
export interface RuleInfo {
  id: string;
  title: string;
  type: ScamType;
  role: 'detect' | 'suppress';
  level: RuleLevel;
  description: string;
  why: string;
  advice: string;
  /** Ids of records in seeds/sources.json. */
  references: string[];
  falsePositives: string[];
  i18n?: Record<string, { title?: string; why?: string; advice?: string }>;
}

export interface ScanOptions {
  /** Per-scan time budget in ms; when exceeded the scan stops early and the verdict has `truncated: true`. */
  budgetMs?: number;
}

/**
 * A compiled engine. Created once from a rule pack by `createEngine(pack)` (lib/engine/index.ts);
 * the shipped pack is `.generated/rule-pack.json`, built by `npm run rules` and loaded by lib/shipped-engine.ts,
 * which the extension and the CLI both use.
 */
export interface Engine {
  scan(input: ScanInput, options?: ScanOptions): Verdict;
  rule(id: string): RuleInfo | undefined;
  readonly rules: readonly RuleInfo[];
  /** Content hash of the pack, for reports and caches. */
  readonly version: string;
}
