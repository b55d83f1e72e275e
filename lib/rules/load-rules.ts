/**
 * Loads and validates every rule file under a rules directory. All problems are collected (never the
 * first only) as `file: field: reason`, so one run of `npm run rules` lists everything to fix.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { compileCondition } from '../engine/condition';
import { normalizePhrase } from '../engine/normalize-text';
import { RedosChecker } from './redos';
import { RuleSchema, ScoringSchema, SUPPRESSOR_DIR, TYPE_DIRS, type RuleFile } from './rule-schema';

export interface RuleError {
  file: string;
  field: string;
  reason: string;
}

export interface LoadedRule {
  /** Path relative to the working directory, for messages. */
  file: string;
  rule: RuleFile;
}

export interface LoadResult {
  rules: LoadedRule[];
  errors: RuleError[];
  /** Validated rules/scoring.yaml, if present. */
  scoring?: z.infer<typeof ScoringSchema>;
  /** Number of regexes that went through the ReDoS check. */
  regexesChecked: number;
  /** Of those not in the ReDoS cache, how many the automaton checker could not decide (fuzzed instead). */
  regexesFuzzed?: number;
}

export interface LoadOptions {
  /** seeds/sources.json (array of { id, ... }); a missing file counts as an empty catalogue. */
  sourcesPath?: string;
  /** Cache file for ReDoS results; none = no cache. */
  redosCachePath?: string;
  /** Skip the ReDoS analysis (never for the build). */
  skipRedos?: boolean;
}

export function formatError(e: RuleError): string {
  return e.field ? `${e.file}: ${e.field}: ${e.reason}` : `${e.file}: ${e.reason}`;
}

/** zod's messages, with a plain one for a missing required field. */
function issueReason(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'required field is missing' : issue.message;
}

/** zod path ["detection", "salary", "regex", 0] -> "detection.salary.regex[0]" */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

const SELECTION_NAME = /^[A-Za-z_][\w-]*$/;
const RESERVED = new Set(['and', 'or', 'not', 'of', 'all', 'any', 'them', 'condition']);

function loadSourceIds(path: string | undefined, errors: RuleError[]): Set<string> {
  const ids = new Set<string>();
  if (!path || !existsSync(path)) return ids;
  const file = relative(process.cwd(), path) || path;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(data)) throw new Error('expected an array of source records');
    data.forEach((rec: unknown, i) => {
      const r = rec as Record<string, unknown>;
      if (!r || typeof r.id !== 'string' || !r.id) errors.push({ file, field: `[${i}]`, reason: 'source record without an id' });
      else {
        if (ids.has(r.id)) errors.push({ file, field: `[${i}]`, reason: `duplicate source id '${r.id}'` });
        ids.add(r.id);
        for (const k of ['title', 'summary']) {
          if (typeof r[k] !== 'string' || !(r[k] as string).trim()) errors.push({ file, field: `[${i}].${k}`, reason: `source '${r.id}' needs a ${k}` });
        }
        if (r.url !== null && typeof r.url !== 'string') errors.push({ file, field: `[${i}].url`, reason: `source '${r.id}': url must be a string or null (unknown)` });
      }
    });
  } catch (e) {
    errors.push({ file, field: '', reason: `cannot read sources: ${(e as Error).message}` });
  }
  return ids;
}

/** Loads and validates `rulesDir` (dirs fake-job, pig-butchering, crypto-investment, impersonation, suppressors). */
export function loadRuleDir(rulesDir: string, options: LoadOptions = {}): LoadResult {
  const errors: RuleError[] = [];
  const rules: LoadedRule[] = [];
  const sources = loadSourceIds(options.sourcesPath, errors);
  const redos = options.skipRedos ? undefined : new RedosChecker(options.redosCachePath);
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const seenIds = new Map<string, string>();
  let scoring: LoadResult['scoring'];

  if (!existsSync(rulesDir)) return { rules, errors: [{ file: rel(rulesDir), field: '', reason: 'rules directory not found' }], regexesChecked: 0 };

  for (const entry of readdirSync(rulesDir).sort()) {
    const full = join(rulesDir, entry);
    if (!statSync(full).isDirectory()) {
      if (entry === 'scoring.yaml') {
        const parsed = ScoringSchema.safeParse(safeYaml(full, errors));
        if (parsed.success) scoring = parsed.data;
        else for (const issue of parsed.error.issues) errors.push({ file: rel(full), field: fieldPath(issue.path), reason: issueReason(issue) });
      }
      continue; // README.md and other notes
    }
    const dirType = TYPE_DIRS[entry];
    if (dirType === undefined && entry !== SUPPRESSOR_DIR) {
      errors.push({ file: rel(full), field: '', reason: `unknown rule directory (expected ${[...Object.keys(TYPE_DIRS), SUPPRESSOR_DIR].join(', ')})` });
      continue;
    }
    for (const name of readdirSync(full).sort()) {
      const path = join(full, name);
      const file = rel(path);
      if (name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
      const ext = extname(name);
      if (ext !== '.yaml' && ext !== '.yml') {
        errors.push({ file, field: '', reason: 'rule files must end in .yaml' });
        continue;
      }
      const before = errors.length;
      const raw = safeYaml(path, errors);
      if (errors.length > before) continue;
      const parsed = RuleSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ file, field: fieldPath(issue.path), reason: issueReason(issue) });
        continue;
      }
      const rule = parsed.data;
      const push = (field: string, reason: string) => errors.push({ file, field, reason });
      const stem = basename(name, ext);
      if (rule.id !== stem) push('id', `must equal the file name '${stem}'`);
      const other = seenIds.get(rule.id);
      if (other) push('id', `duplicate rule id, also in ${other}`);
      seenIds.set(rule.id, file);
      if (entry === SUPPRESSOR_DIR) {
        if (rule.role !== 'suppress') push('role', `rules in ${SUPPRESSOR_DIR}/ must have role: suppress`);
      } else {
        if (rule.type !== dirType) push('type', `'${rule.type}' does not match directory ${entry}/ (expected ${dirType})`);
        if (rule.role !== 'detect') push('role', `suppress rules belong in ${SUPPRESSOR_DIR}/`);
      }
      if (rule.suppresses && rule.role !== 'suppress') push('suppresses', 'only rules with role: suppress can suppress');
      if (rule.demandsAction && rule.role === 'suppress') push('demandsAction', 'a suppressor cannot demand an action');
      rule.references.forEach((ref, i) => {
        if (!sources.has(ref)) push(`references[${i}]`, `'${ref}' is not a source id in ${options.sourcesPath ?? 'seeds/sources.json'}`);
      });
      checkDetection(rule, push, redos);
      if (errors.length === before) rules.push({ file, rule });
    }
  }
  redos?.save();
  return { rules, errors, scoring, regexesChecked: redos?.checked ?? 0, regexesFuzzed: redos?.fuzzed ?? 0 };
}

function safeYaml(path: string, errors: RuleError[]): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    errors.push({ file: relative(process.cwd(), path) || path, field: '', reason: `invalid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function checkDetection(rule: RuleFile, push: (field: string, reason: string) => void, redos: RedosChecker | undefined): void {
  const { condition, ...rest } = rule.detection;
  const names = Object.keys(rest);
  if (names.length === 0) push('detection', 'needs at least one selection');
  for (const name of names) {
    const sel = rest[name]!;
    const at = `detection.${name}`;
    if (!SELECTION_NAME.test(name) || RESERVED.has(name)) push(at, `'${name}' is not a valid selection name (letters, digits, _ and -, not a keyword)`);
    if (sel.from && !rule.surfaces.includes('chat')) push(`${at}.from`, 'only applies to chat messages; add chat to surfaces');
    for (const [lang, list] of Object.entries(sel.phrases ?? {})) {
      list.forEach((p, i) => {
        const text = typeof p === 'string' ? p : p.p;
        if (!normalizePhrase(text)) push(`${at}.phrases.${lang}[${i}]`, 'phrase is empty after normalisation');
      });
    }
    const regexes = sel.regex === undefined ? [] : Array.isArray(sel.regex) ? sel.regex : [sel.regex];
    regexes.forEach((src, i) => {
      const field = Array.isArray(sel.regex) ? `${at}.regex[${i}]` : `${at}.regex`;
      let re: RegExp;
      try {
        re = new RegExp(src, 'giu');
      } catch (e) {
        push(field, `invalid regular expression: ${(e as Error).message}`);
        return;
      }
      if (re.test('')) push(field, 'matches the empty string');
      const result = redos?.check(src, 'giu');
      if (result && !result.safe) push(field, result.reason ?? 'not linear-time');
    });
    const hits = Object.values(sel.phrases ?? {}).reduce((n, l) => n + l.length, 0) + regexes.length + (sel.url ? 1 : 0) + (sel.salary ? 1 : 0) + (sel.missing?.length ?? 0);
    if (sel.min !== undefined && sel.min > hits) push(`${at}.min`, `${sel.min} is more than the ${hits} phrases/patterns the selection has`);
  }
  if (names.length > 0) {
    try {
      compileCondition(condition, names);
    } catch (e) {
      push('detection.condition', (e as Error).message);
    }
  }
}
