/**
 * Invariants every verdict must satisfy, whatever the input. Returns the list of violations (empty = fine), so the
 * fuzz run can collect them and save the failing case as a regression fixture instead of stopping at the first.
 */
import { MAX_FIELD_CHARS } from '@/lib/engine/index';
import { SCAM_TYPES, type Engine, type Evidence, type Level, type ScanInput, type Verdict } from '@/lib/engine/types';

const LEVELS: readonly Level[] = ['none', 'low', 'medium', 'high'];
const RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

export interface CheckOptions {
  /** Lowest level that warns (the pack's scoring.warnLevel). */
  warnLevel: Exclude<Level, 'none'>;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The original string an evidence `field` points into ("text", "fields.salary", "messages.3", "links.0", ...). */
export function resolveField(input: unknown, field: string): string | undefined {
  if (!isObj(input)) return undefined;
  const value = (() => {
    if (field === 'text' || field === 'title' || field === 'url') return input[field];
    const dot = field.indexOf('.');
    if (dot < 0) return undefined;
    const head = field.slice(0, dot);
    const rest = field.slice(dot + 1);
    if (head === 'fields') return isObj(input.fields) && Object.hasOwn(input.fields, rest) ? input.fields[rest] : undefined;
    if (!/^\d+$/.test(rest)) return undefined;
    if (head === 'links') return Array.isArray(input.links) ? input.links[Number(rest)] : undefined;
    if (head === 'messages') {
      const m = Array.isArray(input.messages) ? input.messages[Number(rest)] : undefined;
      return isObj(m) ? m.text : undefined;
    }
    return undefined;
  })();
  return typeof value === 'string' ? value : undefined;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `k` falls between the two halves of a valid surrogate pair. */
function splitsPair(s: string, k: number): boolean {
  return k > 0 && k < s.length && isHigh(s.charCodeAt(k - 1)) && isLow(s.charCodeAt(k));
}

function checkEvidence(input: unknown, ev: Evidence, where: string, out: string[]): void {
  if (!isObj(ev) || typeof ev.text !== 'string' || typeof ev.field !== 'string') {
    out.push(`${where}: evidence is not { text, start, end, field }`);
    return;
  }
  if (!Number.isInteger(ev.start) || !Number.isInteger(ev.end)) {
    out.push(`${where}: offsets are not integers (${ev.start}, ${ev.end})`);
    return;
  }
  const original = resolveField(input, ev.field);
  if (original === undefined) {
    out.push(`${where}: field "${ev.field}" is not a string of the input`);
    return;
  }
  if (ev.start < 0 || ev.end > original.length || ev.start >= ev.end) {
    out.push(`${where}: span [${ev.start}, ${ev.end}) is outside "${ev.field}" (length ${original.length}) or empty`);
    return;
  }
  const slice = original.slice(ev.start, ev.end);
  if (ev.text !== slice) {
    out.push(
      `${where}: text !== original.slice(start, end) in "${ev.field}" [${ev.start}, ${ev.end}): ` +
        `text has ${ev.text.length} units ${JSON.stringify(ev.text.slice(0, 40))}, slice has ${slice.length} ${JSON.stringify(slice.slice(0, 40))}`,
    );
  }
  if (splitsPair(original, ev.start) || splitsPair(original, ev.end)) {
    out.push(`${where}: span [${ev.start}, ${ev.end}) cuts a surrogate pair in "${ev.field}"`);
  }
}

/** Every field string the engine reads from `input` (text, title, url, fields.*), for the truncation contract. */
function capFields(input: unknown): [string, string][] {
  if (!isObj(input)) return [];
  const out: [string, string][] = [];
  for (const k of ['text', 'title', 'url'] as const) if (typeof input[k] === 'string') out.push([k, input[k] as string]);
  if (isObj(input.fields) && !Array.isArray(input.fields)) {
    for (const [k, v] of Object.entries(input.fields)) if (typeof v === 'string') out.push([`fields.${k}`, v]);
  }
  return out;
}

export function checkVerdict(engine: Engine, input: unknown, verdict: Verdict, options: CheckOptions): string[] {
  const out: string[] = [];
  if (!isObj(verdict)) return ['verdict is not an object'];
  if (typeof verdict.warn !== 'boolean') out.push('warn is not a boolean');
  if (!LEVELS.includes(verdict.level)) out.push(`level "${String(verdict.level)}" is not a level`);
  if (!(verdict.type === null || SCAM_TYPES.includes(verdict.type))) out.push(`type "${String(verdict.type)}" is not a scam type or null`);
  if (typeof verdict.score !== 'number' || !Number.isFinite(verdict.score) || verdict.score < 0) out.push(`score ${verdict.score} is not a finite number >= 0`);
  if ((verdict.level === 'none') !== (verdict.type === null)) out.push(`level ${verdict.level} with type ${verdict.type}`);
  if (verdict.warn !== (verdict.level !== 'none' && RANK[verdict.level] >= RANK[options.warnLevel])) {
    out.push(`warn=${verdict.warn} disagrees with level ${verdict.level} (warns from ${options.warnLevel})`);
  }
  if (verdict.truncated !== undefined && verdict.truncated !== true) out.push('truncated is set but not true');
  if (!Array.isArray(verdict.findings)) return [...out, 'findings is not an array'];
  if (verdict.warn && !verdict.findings.some((f) => f.type === verdict.type && f.weight > 0)) out.push('warns without a finding of its type');

  verdict.findings.forEach((f, i) => {
    const where = `findings[${i}] (${f?.rule})`;
    const info = typeof f?.rule === 'string' ? engine.rule(f.rule) : undefined;
    if (!info) {
      out.push(`${where}: unknown rule`);
      return;
    }
    if (f.type !== info.type) out.push(`${where}: type ${f.type} is not the rule's ${info.type}`);
    if (f.level !== info.level) out.push(`${where}: level ${f.level} is not the rule's ${info.level}`);
    if (typeof f.message !== 'string' || !f.message.trim()) out.push(`${where}: empty message`);
    if (typeof f.weight !== 'number' || !Number.isFinite(f.weight)) out.push(`${where}: weight ${f.weight} is not finite`);
    if (!Array.isArray(f.evidence)) out.push(`${where}: evidence is not an array`);
    else f.evidence.forEach((ev, k) => checkEvidence(input, ev, `${where}.evidence[${k}]`, out));
  });

  for (const [field, value] of capFields(input)) {
    if (value.length > MAX_FIELD_CHARS && verdict.truncated !== true) {
      out.push(`"${field}" has ${value.length} characters (> ${MAX_FIELD_CHARS}) but the verdict is not marked truncated`);
    }
  }
  return out;
}
