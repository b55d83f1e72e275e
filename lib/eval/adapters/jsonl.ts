/**
 * Generic JSONL: one JSON object per line with a `label` and ScanInput fields
 * (`surface`, `text`, `title`, `url`, `fields`, `messages`, `links`, `lang`), optional `group` and `id`.
 * Labels: a scam type, `benign` (aliases ham, legit, legitimate, normal) or `spam`.
 */
import { SURFACES, type ScanInput, type Surface } from '../../engine/types';
import { readLines } from '../read-lines';
import { EVAL_LABELS, type Adapter, type AdapterOptions, type EvalLabel, type EvalRow } from '../types';
import { rowId, skip } from './util';

const ALIASES: Record<string, EvalLabel> = { ham: 'benign', legit: 'benign', legitimate: 'benign', normal: 'benign' };

export function parseLabel(value: unknown): EvalLabel | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if ((EVAL_LABELS as readonly string[]).includes(v)) return v as EvalLabel;
  return ALIASES[v];
}

const STRING_KEYS = ['text', 'title', 'url', 'lang'] as const;

/** Validates one parsed JSONL object into an EvalRow, or returns the reason it is unusable. */
export function jsonlRow(obj: unknown, id: string): EvalRow | string {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return 'not a JSON object';
  const o = obj as Record<string, unknown>;
  const label = parseLabel(o.label);
  if (!label) return `label ${JSON.stringify(o.label)} is not one of ${EVAL_LABELS.join(', ')} (or ham/legit/normal)`;
  const surface = (o.surface ?? 'page') as Surface;
  if (!SURFACES.includes(surface)) return `surface ${JSON.stringify(o.surface)} is not one of ${SURFACES.join(', ')}`;
  const input: ScanInput = { surface };
  for (const k of STRING_KEYS) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'string') return `${k} must be a string`;
    input[k] = o[k] as string;
  }
  if (o.fields !== undefined) {
    if (typeof o.fields !== 'object' || o.fields === null) return 'fields must be an object of strings';
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.fields)) {
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' && typeof v !== 'number') return `fields.${k} must be a string`;
      fields[k] = String(v);
    }
    input.fields = fields;
  }
  if (o.messages !== undefined) {
    if (!Array.isArray(o.messages)) return 'messages must be an array';
    const messages: NonNullable<ScanInput['messages']> = [];
    for (const m of o.messages as unknown[]) {
      const mm = m as { from?: unknown; text?: unknown };
      if (typeof mm !== 'object' || mm === null || typeof mm.text !== 'string') return 'each message needs a text string';
      const from = mm.from === 'them' || mm.from === 'me' ? mm.from : 'unknown';
      messages.push({ from, text: mm.text });
    }
    input.messages = messages;
  }
  if (o.links !== undefined) {
    if (!Array.isArray(o.links) || o.links.some((l) => typeof l !== 'string')) return 'links must be an array of strings';
    input.links = o.links as string[];
  }
  if (!input.text && !input.title && !input.url && !input.fields && !input.messages) {
    return 'row has no text, title, url, fields or messages to scan';
  }
  const r: EvalRow = { id: typeof o.id === 'string' ? o.id : id, input, label };
  if (typeof o.group === 'string') r.group = o.group;
  return r;
}

/** Streams a JSONL file; rows without a `label` take `defaultLabel` when one is given. */
export async function* jsonlRows(path: string, options: AdapterOptions, defaultLabel?: EvalLabel): AsyncGenerator<EvalRow> {
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    const id = rowId(path, line);
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      skip(options, id, `invalid JSON (${(e as Error).message})`);
      continue;
    }
    if (defaultLabel && obj && typeof obj === 'object' && !Array.isArray(obj) && (obj as { label?: unknown }).label === undefined) {
      obj = { ...(obj as object), label: defaultLabel };
    }
    const r = jsonlRow(obj, id);
    if (typeof r === 'string') skip(options, id, r);
    else yield r;
  }
}

export const jsonlAdapter: Adapter = {
  name: 'jsonl',
  description: 'any JSONL file with a `label` field (scam type, benign or spam) and ScanInput fields',
  matches: (path, isDir) => !isDir && /\.jsonl$/i.test(path),
  rows: (path, options) => jsonlRows(path, options),
};
