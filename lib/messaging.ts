/**
 * Typed messages between the extension's contexts (content script -> background).
 * One ProtocolMap; every incoming message is validated before use, and only messages from this
 * extension's own contexts are accepted. The popup reads tab verdicts from storage directly.
 */
import { browser, type Browser } from 'wxt/browser';
import { SCAM_TYPES, type Evidence, type Finding, type Verdict } from '@/lib/engine/types';
import { DOCUMENT_ID, DOCUMENT_ID_QUESTION, thisDocumentId } from './document-id';
import type { InPageStrings } from '@/lib/i18n/banner-strings';

/** What a content script reports about its page. */
export interface VerdictReport {
  url: string;
  title: string;
  verdict: Verdict;
  /** The page's links (hrefs, capped at LIMITS.links): the background checks them and the page URL with lib/url. */
  links?: string[];
  /**
   * The page's visible text, only when it is short (<= LIMITS.claimText) and has a password, one-time-code or card
   * field (lib/extract/credential-form.ts): the background checks whether it claims an organisation it is not
   * (lib/url/brand-claim.ts). Never stored with the tab verdict.
   */
  claimText?: string;
}

export interface ProtocolMap {
  /** The content script scanned its page (sent for every scan, warning or not). */
  'report-verdict': { data: VerdictReport; response: { ok: true } };
  /** The user pressed Details on the banner: open the explanation page for the sender's tab. */
  'open-details': { data: Record<string, never>; response: { ok: true } };
  /**
   * The content script asks for the detection-only rule pack (JSON) to build its engine (lib/content-engine.ts),
   * and gets the in-page words in the language chosen in options with it (lib/i18n/banner-strings.ts).
   */
  'get-rule-pack': { data: Record<string, never>; response: { pack: string; ui?: InPageStrings } };
  /** The content script is about to show its first banner: inject the banner UI into its tab (lib/ui/banner-loader.ts). */
  'load-banner-ui': { data: Record<string, never>; response: { ok: true } };
  /** The content script is about to build its engine: inject the engine into its tab (lib/content-engine-loader.ts). */
  'load-engine': { data: Record<string, never>; response: { ok: true } };
  /** The settings changed: the in-page words in the language now chosen in options (without the pack). */
  'get-ui-strings': { data: Record<string, never>; response: { ui: InPageStrings } };
}

/** Messages from the background to a tab's content script. */
export interface TabProtocolMap {
  /** The background's URL checks (lib/url) made the page's verdict warn: show the banner with the merged verdict. */
  'show-url-warning': { verdict: Verdict; advice?: Record<string, string> };
}

export type MessageType = keyof ProtocolMap;
export type Message = { [K in MessageType]: { type: K; data: ProtocolMap[K]['data'] } }[MessageType];

const ENVELOPE = 'redflag/1';

/** Limits applied to data crossing a context boundary (the page controls evidence text). */
export const LIMITS = {
  url: 4096,
  title: 500,
  findings: 50,
  evidencePerFinding: 10,
  evidenceText: 300,
  ruleId: 100,
  message: 300,
  links: 200,
  claimText: 4000,
  advice: 1000,
} as const;

const LEVELS = ['none', 'low', 'medium', 'high'] as const;
const RULE_LEVELS = ['low', 'medium', 'high'] as const;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => isString(x) && (list as readonly string[]).includes(x);

function parseEvidence(x: unknown): Evidence | null {
  if (!isObject(x) || !isString(x.text) || !isFiniteNumber(x.start) || !isFiniteNumber(x.end) || !isString(x.field)) {
    return null;
  }
  return { text: x.text.slice(0, LIMITS.evidenceText), start: x.start, end: x.end, field: x.field.slice(0, 100) };
}

function parseFinding(x: unknown): Finding | null {
  if (!isObject(x) || !isString(x.rule) || !oneOf(SCAM_TYPES, x.type) || !oneOf(RULE_LEVELS, x.level)) return null;
  if (!isString(x.message) || !isFiniteNumber(x.weight) || !Array.isArray(x.evidence)) return null;
  const evidence: Evidence[] = [];
  for (const item of x.evidence.slice(0, LIMITS.evidencePerFinding)) {
    const parsed = parseEvidence(item);
    if (!parsed) return null;
    evidence.push(parsed);
  }
  return {
    rule: x.rule.slice(0, LIMITS.ruleId),
    type: x.type,
    level: x.level,
    message: x.message.slice(0, LIMITS.message),
    weight: x.weight,
    evidence,
  };
}

/** Validate a verdict that crossed a context boundary; returns a clipped copy, or null when malformed. */
export function parseVerdict(x: unknown): Verdict | null {
  if (!isObject(x) || typeof x.warn !== 'boolean' || !oneOf(LEVELS, x.level) || !isFiniteNumber(x.score)) return null;
  if (!(x.type === null || oneOf(SCAM_TYPES, x.type)) || !Array.isArray(x.findings)) return null;
  const findings: Finding[] = [];
  for (const item of x.findings.slice(0, LIMITS.findings)) {
    const parsed = parseFinding(item);
    if (!parsed) return null;
    findings.push(parsed);
  }
  const verdict: Verdict = { warn: x.warn, level: x.level, type: x.type, score: x.score, findings };
  if (x.truncated === true) verdict.truncated = true;
  return verdict;
}

/** Validate a raw runtime message; null when it is not one of ours or is malformed. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObject(raw) || raw.envelope !== ENVELOPE || !isString(raw.type) || !isObject(raw.data)) return null;
  const data = raw.data;
  switch (raw.type) {
    case 'report-verdict': {
      if (!isString(data.url) || !isString(data.title)) return null;
      const verdict = parseVerdict(data.verdict);
      if (!verdict) return null;
      return {
        type: 'report-verdict',
        data: {
          url: data.url.slice(0, LIMITS.url),
          title: data.title.slice(0, LIMITS.title),
          verdict,
          ...(Array.isArray(data.links)
            ? { links: data.links.filter(isString).slice(0, LIMITS.links).map((l) => l.slice(0, LIMITS.url)) }
            : {}),
          ...(isString(data.claimText) && data.claimText.length <= LIMITS.claimText ? { claimText: data.claimText } : {}),
        },
      };
    }
    case 'get-rule-pack':
      return { type: 'get-rule-pack', data: {} };
    case 'get-ui-strings':
      return { type: 'get-ui-strings', data: {} };
    case 'open-details':
      return { type: 'open-details', data: {} };
    case 'load-banner-ui':
      return { type: 'load-banner-ui', data: {} };
    case 'load-engine':
      return { type: 'load-engine', data: {} };
    default:
      return null;
  }
}

/** Only this extension's own contexts may talk to the background; content-script messages must come from a tab. */
export function isTrustedSender(sender: Browser.runtime.MessageSender, ownId: string = browser.runtime.id): boolean {
  return sender.id === ownId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
}

export { thisDocumentId } from './document-id';

const parseDocumentId = (x: unknown): string | undefined => (isString(x) && DOCUMENT_ID.test(x) ? x : undefined);

export async function sendMessage<K extends MessageType>(
  type: K,
  data: ProtocolMap[K]['data'],
): Promise<ProtocolMap[K]['response']> {
  return (await browser.runtime.sendMessage({ envelope: ENVELOPE, type, data, document: thisDocumentId() })) as ProtocolMap[K]['response'];
}

/** Who sent a message: the tab, and the sending document's id (thisDocumentId) when it gave a well-formed one. */
export interface MessageOrigin {
  tabId: number;
  document?: string;
}

export type Handlers = {
  [K in MessageType]: (data: ProtocolMap[K]['data'], tabId: number, origin: MessageOrigin) => Promise<ProtocolMap[K]['response']>;
};

/**
 * Register the background's handlers. Messages that fail validation or come from elsewhere are ignored
 * (no response, so the sender's promise rejects rather than receiving forged data).
 */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(((raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (!isTrustedSender(sender)) return false;
    const message = parseMessage(raw);
    if (!message) {
      console.warn('[redflag] ignored malformed message', isObject(raw) ? raw.type : typeof raw);
      return false;
    }
    const tabId = sender.tab!.id!;
    const document = parseDocumentId((raw as { document?: unknown }).document);
    const origin: MessageOrigin = document ? { tabId, document } : { tabId };
    const handler = handlers[message.type] as (data: unknown, tabId: number, origin: MessageOrigin) => Promise<unknown>;
    handler(message.data, tabId, origin).then(sendResponse, (error: unknown) => {
      console.error('[redflag] handler failed', message.type, error);
      sendResponse(undefined);
    });
    return true; // keep the channel open for the async response (Chrome and Firefox)
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

const TAB_ENVELOPE = DOCUMENT_ID_QUESTION.envelope;

/** Background -> content script. Rejects when the tab has no content script (e.g. a browser page). */
export async function sendTabMessage<K extends keyof TabProtocolMap>(tabId: number, type: K, data: TabProtocolMap[K]): Promise<void> {
  await browser.tabs.sendMessage(tabId, { envelope: TAB_ENVELOPE, type, data });
}

/** Validate a message a content script received; only the background (this extension, no tab) may send them. */
export function parseTabMessage(raw: unknown, sender: Browser.runtime.MessageSender, ownId: string = browser.runtime.id): { type: 'show-url-warning'; data: TabProtocolMap['show-url-warning'] } | null {
  if (sender.id !== ownId || sender.tab !== undefined) return null;
  if (!isObject(raw) || raw.envelope !== TAB_ENVELOPE || raw.type !== 'show-url-warning' || !isObject(raw.data)) return null;
  const verdict = parseVerdict(raw.data.verdict);
  if (!verdict) return null;
  // "What to do" of the URL findings (the content script does not bundle lib/url's rule texts).
  const advice: Record<string, string> = {};
  if (isObject(raw.data.advice)) {
    for (const f of verdict.findings) {
      const text = raw.data.advice[f.rule];
      if (isString(text)) advice[f.rule] = text.slice(0, LIMITS.advice);
    }
  }
  return { type: 'show-url-warning', data: Object.keys(advice).length ? { verdict, advice } : { verdict } };
}

/**
 * Background: which document is the tab's top frame showing now? Resolves to its content script's thisDocumentId(),
 * or null when no content script answers within `timeoutMs` (a new document without one yet, a browser page, a closed tab).
 */
export async function askDocumentId(tabId: number, timeoutMs = 2_000): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const ask = browser.tabs
    .sendMessage(tabId, DOCUMENT_ID_QUESTION, { frameId: 0 })
    .then((reply: unknown) => (isObject(reply) ? parseDocumentId(reply.document) ?? null : null), () => null);
  try {
    return await Promise.race([ask, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Content script: handle the background's messages (validated); returns a function that removes the listener. */
export function onTabMessages(handlers: { [K in keyof TabProtocolMap]: (data: TabProtocolMap[K]) => void }): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const message = parseTabMessage(raw, sender);
    if (message) handlers[message.type](message.data);
    return false;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0]);
}
