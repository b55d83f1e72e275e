/**
 * The Redflag engine: compiles a rule pack once, then scans inputs synchronously.
 * Pure TypeScript: no DOM, no browser or Node API.
 */
import { CHAT_WINDOW_MESSAGES, chatWindow, messagesToUnits, parseChatText } from './chat';
import { compileCondition, ConditionError, type CompiledCondition } from './condition';
import { normalizePhrase, normalizeText, originalSpan, type NormalizedText } from './normalize-text';
import { DEFAULT_SCORING, type PackRule, type PackSelection, type RulePack, type ScoringConfig, type UrlPredicate } from './pack';
import { LOG, PhraseMatcher } from './phrase-matcher';
import { planRegex, type RegexPlan } from './regex-plan';
import { findPay } from './salary';
import type { ChatMessage, Engine, Evidence, Finding, Level, RuleInfo, RuleLevel, ScamType, ScanInput, ScanOptions, Verdict } from './types';
import { SCAM_TYPES, SURFACES } from './types';
import { findUrls, parseUrl, urlMatches } from './url-predicate';

/** Longest string scanned per field; longer input is cut and the verdict marked `truncated`. */
export const MAX_FIELD_CHARS = 300_000;
const MAX_EVIDENCE_PER_FINDING = 8;
const MAX_EVIDENCE_TEXT = 200;

export class PackError extends Error {}

interface CompiledSelection {
  name: string;
  label?: string;
  /** Evidence from it is context, not a red flag (PackSelection.context). */
  context?: boolean;
  field?: string;
  from?: 'them' | 'me';
  min: number;
  /** Ids of its phrases, distinct, in pack order. */
  phraseIds: readonly number[];
  /** Index of this selection among all selections of the pack (see Automaton.phraseSels). */
  gid: number;
  regexes: CompiledRegex[];
  url?: UrlPredicate;
  minUsdMonthly?: number;
  missing: string[];
  /** The units it looks at, as a key of ScanRun.pools: `${field}|${from}`. */
  poolKey: string;
}

interface CompiledRegex {
  re: RegExp;
  /** Automaton ids of literals of which one must occur for the regex to match (null: the regex always runs). */
  literals: number[] | null;
  /**
   * The same regex, sticky, when every match must START with one of the literals and the literals' characters
   * have no other case form in normalised text (ASCII, or caseless like CJK and Thai): it is then tried only at
   * the literals' occurrences, in order, and the first success is exactly the match a search from 0 returns.
   */
  sticky?: RegExp;
  /** The fewest units between a match's start and its literal (`rangeLiterals`); 0 when the literals start the match. */
  offset?: number;
  /** For `rangeLiterals`: how many more units the prefix may have (the match may start up to offset + spread before). */
  spread?: number;
  /** For sticky regexes: automaton ids of literals of which one must occur anywhere in the match (`innerLiterals`). */
  gate?: number[];
  /**
   * For sticky regexes whose every match starts with `\b`: whether the regex has the `i` flag (its word characters
   * then include U+017F and U+212A); undefined when it does not start with `\b`.
   */
  boundary?: { ignoreCase: boolean };
  /** For sticky regexes with a prefix before the literal: 1 for each ASCII code a match can start with (`leadingDigits`). */
  first?: Uint8Array;
  /** A run every match contains (`classRun`); regexes with the same run share the object. */
  run?: RunSpec;
}

/** `length` units in a row that are members: member[c] for ASCII c, other units always count. */
interface RunSpec {
  member: Uint8Array;
  length: number;
}

interface CompiledRule {
  info: RuleInfo;
  rule: PackRule;
  surfaces: ReadonlySet<string>;
  selections: CompiledSelection[];
  condition: CompiledCondition;
}

type UnitKind = 'text' | 'title' | 'url' | 'link' | 'field' | 'message';

interface Unit {
  kind: UnitKind;
  /** Evidence field name ("text", "fields.salary", "messages.3", ...). */
  field: string;
  /** For kind "field": the field name. */
  name?: string;
  from?: ChatMessage['from'];
  /** The string scanned; `base` is its offset inside the field's original string. */
  original: string;
  base: number;
  norm?: NormalizedText;
  /** Phrases found: ids in order of first occurrence, and that occurrence's normalised span. */
  hits?: PhraseHits;
  /** `hits` sorted by selection (see ScanRun.hitsBySelection). */
  bySelection?: (number[] | undefined)[];
  /** Per regex literal (id - literalBase): 1 when found (either pass). */
  literalsSeen?: Uint8Array;
  /** The indexes set in `literalsSeen`, in the order first seen (a pool's literals are merged from these). */
  literalList?: number[];
  /**
   * Starts of the occurrences of literals tried as match starts, grouped by literal (ascending, distinct):
   * those of literal l are startsOf.positions[startsOf.from[l] .. startsOf.from[l + 1]).
   */
  startsOf?: { from: Int32Array; positions: Int32Array };
  /** The matcher's log for this unit (see PhraseMatcher.log), until grouped into `startsOf`. */
  logged?: Int32Array;
  /** `hasRun` results for this unit */
  runs?: Map<RunSpec, boolean>;
  /** first match of each regex already run on this unit */
  regexMatches?: Map<RegExp, RegExpExecArray | null>;
  urls?: { url: string; start: number; end: number }[];
}

function toInfo(r: PackRule): RuleInfo {
  const info: RuleInfo = {
    id: r.id,
    title: r.title,
    type: r.type,
    role: r.role,
    level: r.level,
    description: r.description,
    why: r.why,
    advice: r.advice,
    references: r.references,
    falsePositives: r.falsePositives,
  };
  if (r.i18n) info.i18n = r.i18n;
  return info;
}

/** Compiles a rule pack. Throws PackError naming the rule and selection when the pack is malformed. */
export function createEngine(pack: RulePack): Engine {
  const steps = engineSteps(pack);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Per phrase, the selections that list it (CSR): a unit's hits are sorted into selections once per scan.
 * (A plain function: V8 optimises its loops, which it would not inside the `engineSteps` generator.)
 */
function phraseSelections(rules: readonly CompiledRule[], phrases: number): { selStart: Int32Array; selList: Int32Array } {
  const selStart = new Int32Array(phrases + 1);
  for (const r of rules) for (const sel of r.selections) for (const id of sel.phraseIds) selStart[id + 1]!++;
  for (let id = 0; id < phrases; id++) selStart[id + 1]! += selStart[id]!;
  const selList = new Int32Array(selStart[phrases]!);
  const fill = selStart.slice(0, phrases);
  for (const r of rules) for (const sel of r.selections) for (const id of sel.phraseIds) selList[fill[id]!++] = sel.gid;
  return { selStart, selList };
}

/** The pack's regex plans (see regex-plan.ts) when there is one per regex, in pack order; else none are used. */
function regexPlans(pack: RulePack): readonly RegexPlan[] | undefined {
  const plans = pack.regexPlans;
  if (!Array.isArray(plans)) return undefined;
  let n = 0;
  try {
    for (const r of pack.rules) for (const s of r.detection.selections) n += Array.isArray(s.regex) ? s.regex.length : 0;
  } catch {
    return undefined; // a malformed pack: reported rule by rule below
  }
  return n === plans.length ? plans : undefined;
}

/** Rules compiled per slice of `engineSteps`. */
const RULE_SLICE = 4;

/**
 * `createEngine` in slices: a generator that yields between slices of a few milliseconds of work and returns the
 * engine. The caller decides when each slice runs (e.g. in idle callbacks), so building never holds the page long.
 * Same result and errors as `createEngine`.
 */
export function* engineSteps(pack: RulePack): Generator<void, Engine, void> {
  if (!pack || typeof pack !== 'object' || !Array.isArray(pack.rules)) throw new PackError('rule pack: expected an object with a "rules" array');
  const scoring: ScoringConfig = { ...DEFAULT_SCORING, ...(pack.scoring ?? {}) };
  const phraseIndex = new Map<string, number>();
  const phraseList: string[] = [];
  /** Per phrase id, the last selection that listed it (dedupes a selection's phrases). */
  const phraseMark: number[] = [];
  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  let selectionCount = 0;
  const runSpecs = new Map<string, RunSpec>();
  const literalIndex = new Map<string, number>();
  const literalList: string[] = [];
  const literalId = (lit: string): number => {
    let id = literalIndex.get(lit);
    if (id === undefined) {
      id = literalList.length;
      literalList.push(lit);
      literalIndex.set(lit, id);
    }
    return id;
  };

  const plans = regexPlans(pack);
  let planAt = 0;
  const refs = pack.phraseRefs === true;

  for (const [ri, rule] of pack.rules.entries()) {
    const where = `rule pack: rules[${ri}]${rule && typeof rule.id === 'string' ? ` (${rule.id})` : ''}`;
    // Any other failure on malformed data (a field of the wrong type) is reported as a PackError naming the rule.
    try {
      if (!rule || typeof rule.id !== 'string' || !SCAM_TYPES.includes(rule.type) || !rule.detection || !Array.isArray(rule.detection.selections)) {
        throw new PackError(`${where}: missing id, type or detection.selections`);
      }
      if (seen.has(rule.id)) throw new PackError(`${where}: duplicate rule id`);
      seen.add(rule.id);
      const selections = rule.detection.selections.map((s: PackSelection): CompiledSelection => {
        const phraseIds: number[] = [];
        const gid = selectionCount++;
        const take = (id: number) => {
          if (phraseMark[id] === gid) return;
          phraseMark[id] = gid;
          phraseIds.push(id);
        };
        for (const p of s.phrases ?? []) {
          const norm = pack.normalizedPhrases === true ? String(p) : normalizePhrase(String(p));
          if (!norm) continue;
          // With `phraseRefs`, every phrase written out is one no earlier selection listed: no lookup needed.
          let id = refs ? undefined : phraseIndex.get(norm);
          if (id === undefined) {
            id = phraseList.length;
            phraseList.push(norm);
            if (!refs) phraseIndex.set(norm, id);
          }
          take(id);
        }
        for (const id of s.phraseRefs ?? []) {
          if (!refs || !Number.isInteger(id) || id < 0 || id >= phraseList.length) throw new PackError(`${where}: detection.${s.name}.phraseRefs: no phrase ${id}`);
          take(id);
        }
        const regexes = (s.regex ?? []).map((source, k) => {
          const compile = (src: string, flags: string): RegExp => {
            try {
              return new RegExp(src, flags);
            } catch (e) {
              throw new PackError(`${where}: detection.${s.name}.regex[${k}]: ${(e as Error).message}`);
            }
          };
          // Planned by `npm run rules` (content pack), or here.
          const given = plans?.[planAt++];
          let plan: RegexPlan;
          let re: RegExp;
          if (given && given.n === source.length) {
            plan = given;
            re = compile(plan.src ?? source, plan.lower ? 'gu' : 'giu');
          } else {
            re = compile(source, 'giu');
            plan = planRegex(source);
            if (plan.lower) re = new RegExp(plan.src ?? source, 'gu');
          }
          const src = plan.src ?? source;
          const flags = plan.lower ? 'u' : 'iu';
          const compiled: CompiledRegex = { re, literals: plan.literals ? plan.literals.map(literalId) : null };
          if (plan.sticky) compiled.sticky = new RegExp(src, `${flags}y`);
          if (plan.offset !== undefined) compiled.offset = plan.offset;
          if (plan.spread !== undefined) compiled.spread = plan.spread;
          if (plan.gate) compiled.gate = plan.gate.map(literalId);
          if (plan.boundary === 1 && plan.sticky) compiled.boundary = { ignoreCase: !plan.lower };
          if (plan.digits && plan.sticky) {
            const first = new Uint8Array(128);
            for (const d of plan.digits) first[d.charCodeAt(0)] = 1;
            compiled.first = first;
          }
          if (plan.run) {
            const { run } = plan;
            const key = `${run.length}:${run.atom}`;
            let spec = runSpecs.get(key);
            if (!spec) {
              const one = new RegExp(`^(?:${run.atom})$`, 'iu');
              const member = new Uint8Array(128);
              for (let c = 0; c < 128; c++) member[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
              runSpecs.set(key, (spec = { member, length: run.length }));
            }
            compiled.run = spec;
          }
          return compiled;
        });
        const poolKey = `${s.field ?? ''}|${s.from ?? ''}`;
        const sel: CompiledSelection = { name: s.name, min: s.min ?? 1, phraseIds, gid, regexes, missing: s.missing ?? [], poolKey };
        if (s.label !== undefined) sel.label = s.label;
        if (s.context === true) sel.context = true;
        if (s.field !== undefined) sel.field = s.field;
        if (s.from !== undefined) sel.from = s.from;
        if (s.url !== undefined) sel.url = s.url;
        if (s.salary !== undefined) sel.minUsdMonthly = s.salary.minUsdMonthly;
        return sel;
      });
      let condition: CompiledCondition;
      try {
        condition = compileCondition(rule.detection.condition, selections.map((s) => s.name));
      } catch (e) {
        if (e instanceof ConditionError) throw new PackError(`${where}: detection.condition: ${e.message}`);
        throw e;
      }
      rules.push({ info: toInfo(rule), rule, surfaces: new Set(rule.surfaces ?? SURFACES), selections, condition });
    } catch (e) {
      if (e instanceof PackError) throw e;
      throw new PackError(`${where}: malformed rule: ${(e as Error)?.message ?? String(e)}`);
    }
    if (ri % RULE_SLICE === RULE_SLICE - 1) yield;
  }
  yield;
  // Literal ids follow the phrase ids in one automaton; literals match anywhere (no word boundaries).
  const offset = phraseList.length;
  for (const r of rules) {
    for (const sel of r.selections) {
      for (const x of sel.regexes) {
        if (x.literals) x.literals = x.literals.map((id) => id + offset);
        if (x.gate) x.gate = x.gate.map((id) => id + offset);
      }
    }
  }
  const matcher = new PhraseMatcher([...phraseList, ...literalList], [...phraseList.map(() => false), ...literalList.map(() => true)], true);
  yield* matcher.buildSteps();
  yield;
  const positional = new Uint8Array(literalList.length);
  for (const r of rules) for (const sel of r.selections) for (const x of sel.regexes) if (x.sticky) for (const id of x.literals!) positional[id - offset] = 1;
  // Only the first occurrence of a phrase, or of a literal that only gates a regex, is ever used; the matcher logs
  // every occurrence of the others.
  const once = new Uint8Array(offset + literalList.length).fill(1);
  for (let l = 0; l < literalList.length; l++) if (positional[l] === 1) once[offset + l] = LOG;
  yield;
  const { selStart, selList } = phraseSelections(rules, offset);
  const automaton: Automaton = {
    matcher,
    literalBase: offset,
    seen: new Int32Array(offset + literalList.length),
    positional,
    once,
    stamp: 0,
    counted: new Int32Array(offset),
    countStamp: 0,
    selStart,
    selList,
    selections: selectionCount,
  };
  const infos = rules.map((r) => r.info);
  const byId = new Map(infos.map((i) => [i.id, i]));

  return {
    rules: infos,
    version: typeof pack.version === 'string' ? pack.version : 'unversioned',
    rule: (id) => byId.get(id),
    scan: (input, options) => scan(input, options, rules, automaton, scoring),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Splits an input into the strings scanned, each capped at MAX_FIELD_CHARS. */
function buildUnits(input: ScanInput): { units: Unit[]; truncated: boolean } {
  const units: Unit[] = [];
  let truncated = false;
  const cap = (s: string, tail = false): [string, number] => {
    if (s.length <= MAX_FIELD_CHARS) return [s, 0];
    truncated = true;
    return tail ? [s.slice(s.length - MAX_FIELD_CHARS), s.length - MAX_FIELD_CHARS] : [s.slice(0, MAX_FIELD_CHARS), 0];
  };
  const add = (kind: UnitKind, field: string, value: unknown, extra: Partial<Unit> = {}) => {
    const s = str(value);
    if (s === undefined) return;
    const [original, base] = cap(s);
    units.push({ kind, field, original, base, ...extra });
  };
  const isChat = input.surface === 'chat';
  const messages = Array.isArray(input.messages) ? input.messages : [];
  if (messages.length > 0) {
    // Only the latest messages are looked at, so cost stays flat however long the chat is.
    const first = Math.max(0, messages.length - CHAT_WINDOW_MESSAGES);
    for (const u of chatWindow(messagesToUnits(messages.slice(first), first))) add('message', u.field, u.text, { from: u.from });
  }
  const text = str(input.text);
  if (text !== undefined) {
    if (isChat && messages.length === 0) {
      const [tail, offset] = cap(text, true);
      for (const u of chatWindow(parseChatText(tail))) {
        const [original, base] = cap(u.text);
        units.push({ kind: 'message', field: 'text', from: u.from, original, base: base + u.base + offset });
      }
    } else add('text', 'text', text);
  }
  add('title', 'title', input.title);
  if (input.fields && typeof input.fields === 'object') {
    for (const [name, value] of Object.entries(input.fields)) add('field', `fields.${name}`, value, { name });
  }
  add('url', 'url', input.url);
  if (Array.isArray(input.links)) input.links.slice(0, 500).forEach((l, i) => add('link', `links.${i}`, l));
  return { units, truncated };
}

function inField(unit: Unit, field: string | undefined): boolean {
  if (field === undefined) return unit.kind === 'text' || unit.kind === 'title' || unit.kind === 'field' || unit.kind === 'message';
  switch (field) {
    case 'text':
      return unit.kind === 'text';
    case 'title':
      return unit.kind === 'title' || (unit.kind === 'field' && unit.name === 'title');
    case 'url':
      return unit.kind === 'url';
    case 'links':
      return unit.kind === 'link';
    case 'message':
    case 'messages':
      return unit.kind === 'message';
    default:
      return unit.kind === 'field' && `fields.${unit.name}` === field;
  }
}

interface PhraseHits {
  ids: number[];
  starts: number[];
  ends: number[];
}

/** The phrase automaton with its literal ids and a scratch "seen" table reused by every scan (scans are synchronous). */
interface Automaton {
  matcher: PhraseMatcher;
  /** Automaton ids from here on are regex literals. */
  literalBase: number;
  /** seen[id] === stamp: id already found in the unit being scanned. */
  seen: Int32Array;
  /** Per literal: 1 when a regex is tried at its occurrences (positions kept), 0 when it only gates. */
  positional: Uint8Array;
  /** Per automaton id: 1 when only its first occurrence in a unit matters (phrases, gating literals). */
  once: Uint8Array;
  stamp: number;
  /** counted[phrase] === countStamp: phrase already counted for the selection being evaluated (see `selection`). */
  counted: Int32Array;
  countStamp: number;
  /** Selections of phrase id: selList[selStart[id] .. selStart[id + 1]) (global selection indexes). */
  selStart: Int32Array;
  selList: Int32Array;
  selections: number;
}

/** Whether any of these automaton ids was seen (`seen` is indexed by id - base). */
function anySeen(ids: number[], seen: Uint8Array, base: number): boolean {
  for (let k = 0; k < ids.length; k++) if (seen[ids[k]! - base] === 1) return true;
  return false;
}

/** Log entries (two per occurrence) up to which `eachCandidate` reads a unit's log directly. */
const SMALL_LOG = 256;

/** State of one scan: the input's units with their normalised text and phrase hits, computed lazily once. */
class ScanRun {
  private readonly pools = new Map<string, Unit[]>();
  /** Per pool (several units): regex literals seen in any of its units (see `poolLiterals`). */
  private readonly poolSeen = new Map<Unit[], Uint8Array>();
  private payCache: { unit: Unit; usd: number; start: number; end: number }[] | undefined;

  constructor(
    private readonly input: ScanInput,
    private readonly units: Unit[],
    private readonly automaton: Automaton,
  ) {}

  norm(u: Unit): NormalizedText {
    return (u.norm ??= normalizeText(u.original));
  }

  private phraseHits(u: Unit): PhraseHits {
    if (u.hits) return u.hits;
    const hits: PhraseHits = { ids: [], starts: [], ends: [] };
    const a = this.automaton;
    const nlit = a.positional.length;
    const literalsSeen = new Uint8Array(nlit);
    const literalList: number[] = [];
    const { literalBase, seen } = a;
    if (a.stamp === 0x7fffffff) {
      seen.fill(0);
      a.stamp = 0;
    }
    const stamp = ++a.stamp;
    const norm = this.norm(u);
    a.matcher.scan(norm, (id, s, e) => {
      if (id >= literalBase) {
        if (literalsSeen[id - literalBase] === 0) literalList.push(id - literalBase);
        literalsSeen[id - literalBase] = 1;
      }
      else if (seen[id] !== stamp) {
        seen[id] = stamp;
        hits.ids.push(id);
        hits.starts.push(s);
        hits.ends.push(e);
      }
    }, a.once);
    // Logged occurrences: kept as they are; grouped by literal when a sticky regex first needs them (`startsOf`).
    const { log, logLength } = a.matcher;
    if (logLength > 0) {
      for (let j = 0; j < logLength; j += 2) {
        const l = log[j]! - literalBase;
        if (literalsSeen[l] === 0) literalList.push(l);
        literalsSeen[l] = 1;
      }
      u.logged = log.slice(0, logLength);
    }
    u.literalsSeen = literalsSeen;
    u.literalList = literalList;
    return (u.hits = hits);
  }

  /** A unit's phrase hits sorted by selection: per global selection index, the hit indexes in order (undefined: none). */
  private hitsBySelection(u: Unit): (number[] | undefined)[] {
    if (u.bySelection) return u.bySelection;
    const { ids } = this.phraseHits(u);
    const { selStart, selList, selections } = this.automaton;
    const by = new Array<number[] | undefined>(selections);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      for (let j = selStart[id]!; j < selStart[id + 1]!; j++) {
        const g = selList[j]!;
        const list = by[g];
        if (list === undefined) by[g] = [k];
        else list.push(k);
      }
    }
    return (u.bySelection = by);
  }

  /** First match of a regex in a unit (memoised per scan); null when none or when its literal prefilter rules it out. */
  private regexMatch(u: Unit, x: CompiledRegex): RegExpExecArray | null {
    let cache = u.regexMatches;
    const cached = cache?.get(x.re);
    if (cached !== undefined) return cached;
    let m: RegExpExecArray | null = null;
    if (x.literals === null) {
      const text = this.norm(u).text;
      if (!x.run || this.hasRun(u, x.run)) {
        x.re.lastIndex = 0;
        m = x.re.exec(text);
      }
    } else {
      this.phraseHits(u);
      const seen = u.literalsSeen!;
      const base = this.automaton.literalBase;
      if (anySeen(x.literals, seen, base) && (x.gate === undefined || anySeen(x.gate, seen, base))) {
        const text = this.norm(u).text;
        if (x.sticky) {
          const sticky = x.sticky;
          const offset = x.offset ?? 0;
          const spread = x.spread ?? 0;
          const boundary = x.boundary;
          const first = x.first;
          let next = 0; // starts below this were tried
          this.eachCandidate(u, x.literals, (at) => {
            for (let q = Math.max(next, at - offset - spread); q <= at - offset; q++) {
              // a search from 0 never starts inside a surrogate pair (u flag)
              if (spread > 0 && q > 0 && (text.charCodeAt(q) & 0xfc00) === 0xdc00 && (text.charCodeAt(q - 1) & 0xfc00) === 0xd800) continue;
              // a match starting with \b cannot start where there is no word boundary (the regex's own test, in JS)
              if (boundary && regexWordChar(text, q - 1, boundary.ignoreCase) === regexWordChar(text, q, boundary.ignoreCase)) continue;
              // nor where its first character cannot be
              if (first) {
                const c = text.charCodeAt(q);
                if (!(c < 128 && first[c] === 1)) continue;
              }
              sticky.lastIndex = q;
              m = sticky.exec(text);
              if (m) return false;
            }
            if (at - offset + 1 > next) next = at - offset + 1;
            return true;
          });
        } else if (!x.run || this.hasRun(u, x.run)) {
          x.re.lastIndex = 0;
          m = x.re.exec(text);
        }
      }
    }
    (cache ??= u.regexMatches = new Map()).set(x.re, m);
    return m;
  }

  /** Whether a unit's normalised text holds the run (memoised per unit). */
  private hasRun(u: Unit, run: RunSpec): boolean {
    const runs = (u.runs ??= new Map());
    let v = runs.get(run);
    if (v === undefined) runs.set(run, (v = hasRun(this.norm(u).text, run.member, run.length)));
    return v;
  }

  /** A unit's logged literal occurrences grouped by literal (a counting sort: the log is in text order per pass). */
  private startsOf(u: Unit): { from: Int32Array; positions: Int32Array } | undefined {
    const log = u.logged;
    if (u.startsOf || !log) return u.startsOf;
    const { literalBase } = this.automaton;
    const nlit = this.automaton.positional.length;
    const from = new Int32Array(nlit + 1);
    for (let j = 0; j < log.length; j += 2) from[log[j]! - literalBase + 1]!++;
    for (let l = 0; l < nlit; l++) from[l + 1]! += from[l]!;
    const fill = from.slice(0, nlit);
    const positions = new Int32Array(log.length >> 1);
    for (let j = 0; j < log.length; j += 2) positions[fill[log[j]! - literalBase]!++] = log[j + 1]!;
    // The second pass over ambiguous units starts again from 0: sort each literal's starts (duplicates are skipped).
    if (this.norm(u).ambiguous.size > 0) for (let l = 0; l < nlit; l++) if (from[l + 1]! - from[l]! > 1) positions.subarray(from[l]!, from[l + 1]!).sort();
    return (u.startsOf = { from, positions });
  }

  /**
   * Calls `visit` with the distinct start offsets of the given literals in a unit, ascending (a lazy merge of the
   * literals' sorted lists), while it returns true.
   */
  private eachCandidate(u: Unit, literals: number[], visit: (at: number) => boolean): void {
    const log = u.logged;
    if (!log) return;
    if (log.length <= SMALL_LOG) {
      // A short log (a message, a title): its entries for these literals, sorted; no table per literal.
      const at: number[] = [];
      for (let j = 0; j < log.length; j += 2) if (literals.includes(log[j]!)) at.push(log[j + 1]!);
      at.sort((x, y) => x - y);
      let prev = -1;
      for (const p of at) {
        if (p === prev) continue;
        prev = p;
        if (!visit(p)) return;
      }
      return;
    }
    const starts = this.startsOf(u)!;
    const { from, positions } = starts;
    const heads: number[] = [];
    const ends: number[] = [];
    for (const id of literals) {
      const l = id - this.automaton.literalBase;
      if (from[l + 1]! > from[l]!) {
        heads.push(from[l]!);
        ends.push(from[l + 1]!);
      }
    }
    let last = -1;
    for (;;) {
      let best = -1;
      let j = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i]!;
        if (h < ends[i]! && (j < 0 || positions[h]! < best)) {
          best = positions[h]!;
          j = i;
        }
      }
      if (j < 0) return;
      heads[j]!++;
      if (best === last) continue;
      last = best;
      if (!visit(best)) return;
    }
  }

  private evidence(u: Unit, s: number, e: number): Evidence {
    const [a, b] = originalSpan(this.norm(u), s, e);
    return spanEvidence(u, a, b);
  }

  private pool(sel: CompiledSelection): Unit[] {
    const key = sel.poolKey;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.units.filter((u) => inField(u, sel.field) && (sel.from === undefined || (u.kind === 'message' && (u.from === sel.from || u.from === 'unknown'))));
      this.pools.set(key, pool);
    }
    return pool;
  }

  private pay(field: string | undefined) {
    if (field === undefined && this.payCache) return this.payCache;
    // Without a field restriction, a structured salary field wins over free text.
    const hasSalaryField = this.units.some((u) => u.field === 'fields.salary');
    const pool = this.units.filter((u) => (field === undefined && hasSalaryField ? u.field === 'fields.salary' : inField(u, field)));
    const out = pool.flatMap((unit) => findPay(this.norm(unit).text).map((p) => ({ unit, usd: p.usdMonthly, start: p.start, end: p.end })));
    if (field === undefined) this.payCache = out;
    return out;
  }

  /** Whether the selection matches; when `ev` is given, its evidence is appended there. */
  selection(sel: CompiledSelection, ev?: Evidence[]): boolean {
    const pool = this.pool(sel);
    let hits = 0;
    // Distinct phrases of this selection found anywhere in the pool (first occurrence is the evidence).
    // Loops over the hits of each unit (few) rather than over the selection's phrases (can be hundreds).
    if (sel.phraseIds.length > 0) {
      const a = this.automaton;
      const several = pool.length > 1;
      if (several && a.countStamp === 0x7fffffff) {
        a.counted.fill(0);
        a.countStamp = 0;
      }
      const stamp = several ? ++a.countStamp : 0;
      for (const u of pool) {
        const found = this.phraseHits(u);
        const mine = this.hitsBySelection(u)[sel.gid];
        if (mine === undefined) continue;
        for (const k of mine) {
          const id = found.ids[k]!;
          if (several) {
            if (a.counted[id] === stamp) continue;
            a.counted[id] = stamp;
          }
          hits++;
          ev?.push(this.evidence(u, found.starts[k]!, found.ends[k]!));
        }
      }
    }
    const poolSeen = sel.regexes.length > 0 && pool.length > 1 ? this.poolLiterals(pool) : undefined;
    const base = this.automaton.literalBase;
    for (const x of sel.regexes) {
      if (!ev && hits >= sel.min) break;
      // A regex whose literals no unit of the pool holds matches in none of them (a chat window: hundreds of units).
      if (poolSeen && x.literals !== null && (!anySeen(x.literals, poolSeen, base) || (x.gate !== undefined && !anySeen(x.gate, poolSeen, base)))) continue;
      for (const u of pool) {
        const m = this.regexMatch(u, x);
        if (m && m[0].length > 0) {
          hits++;
          ev?.push(this.evidence(u, m.index, m.index + m[0].length));
          break;
        }
      }
    }
    if (sel.url && (ev || hits < sel.min)) {
      const hit = this.urlHit(sel);
      if (hit) {
        hits++;
        ev?.push(spanEvidence(hit.unit, hit.start, hit.end));
      }
    }
    if (sel.minUsdMonthly !== undefined && (ev || hits < sel.min)) {
      let best: { unit: Unit; usd: number; start: number; end: number } | undefined;
      for (const p of this.pay(sel.field)) if (!best || p.usd > best.usd) best = p;
      if (best && best.usd >= sel.minUsdMonthly) {
        hits++;
        ev?.push(this.evidence(best.unit, best.start, best.end));
      }
    }
    const fields = this.input.fields;
    if (sel.missing.length && fields && typeof fields === 'object') {
      for (const name of sel.missing) if (!str(fields[name]?.trim?.())) hits++;
    }
    return hits > 0 && hits >= sel.min;
  }

  /** Regex literals seen in any unit of a pool (memoised per scan). */
  private poolLiterals(pool: Unit[]): Uint8Array {
    let seen = this.poolSeen.get(pool);
    if (!seen) {
      seen = new Uint8Array(this.automaton.positional.length);
      for (const u of pool) {
        this.phraseHits(u);
        for (const l of u.literalList!) seen[l] = 1;
      }
      this.poolSeen.set(pool, seen);
    }
    return seen;
  }

  private urlHit(sel: CompiledSelection): { unit: Unit; start: number; end: number } | undefined {
    for (const u of this.units) {
      if (u.kind === 'url' || u.kind === 'link') {
        if (sel.field !== undefined && !inField(u, sel.field)) continue;
        const parsed = parseUrl(u.original);
        if (parsed && urlMatches(parsed, sel.url!)) return { unit: u, start: 0, end: u.original.length };
      } else if (inField(u, sel.field)) {
        u.urls ??= findUrls(u.original);
        for (const f of u.urls) {
          const parsed = parseUrl(f.url);
          if (parsed && urlMatches(parsed, sel.url!)) return { unit: u, start: f.start, end: f.end };
        }
      }
    }
    return undefined;
  }
}

function scan(
  input: ScanInput,
  options: ScanOptions | undefined,
  rules: CompiledRule[],
  automaton: Automaton,
  scoring: ScoringConfig,
): Verdict {
  const surface = input && typeof input === 'object' && SURFACES.includes(input.surface) ? input.surface : 'page';
  const safeInput: ScanInput = input && typeof input === 'object' ? input : { surface };
  const { units, truncated: cut } = buildUnits(safeInput);
  let truncated = cut;
  const budget = options?.budgetMs;
  const deadline = typeof budget === 'number' && budget >= 0 ? Date.now() + budget : Infinity;
  const run = new ScanRun(safeInput, units, automaton);

  // One evaluator for all rules: `current`/`memo` point at the rule being evaluated (0 unknown, 1 no, 2 yes).
  let current: CompiledRule = rules[0]!;
  const memo = new Uint8Array(64);
  let memoLarge: Uint8Array = memo;
  const test = (i: number): boolean => {
    if (memoLarge[i] === 0) memoLarge[i] = run.selection(current.selections[i]!) ? 2 : 1;
    return memoLarge[i] === 2;
  };

  const detections: Detection[] = [];
  for (const rule of rules) {
    if (!rule.surfaces.has(surface)) continue;
    if (deadline !== Infinity && Date.now() >= deadline) {
      truncated = true;
      break;
    }
    current = rule;
    memoLarge = rule.selections.length <= memo.length ? memo : new Uint8Array(rule.selections.length);
    memoLarge.fill(0, 0, rule.selections.length);
    if (!rule.condition.evaluate(test)) continue;
    const ev: Evidence[] = [];
    const stages: string[] = [];
    rule.selections.forEach((sel, i) => {
      if (rule.condition.negated.has(i)) return;
      if (memoLarge[i] === 1) return;
      const found: Evidence[] = [];
      if (!run.selection(sel, found)) return;
      if (sel.context) for (const e of found) e.context = true;
      ev.push(...found);
      if (sel.label) stages.push(sel.label);
    });
    // A demand that occurs only inside quotation marks (a report quoting the scammer) is not one made to the reader.
    const quoted = rule.rule.demandsAction === true && quotedOnly(units, ev);
    detections.push({ rule, evidence: dedupeEvidence(ev), stages, quoted });
  }
  // A conversation that scores pig-butchering as high as another type is the relationship-driven form of it.
  const conversation = surface === 'chat' || (Array.isArray(safeInput.messages) && safeInput.messages.length > 0);
  return score(detections, scoring, truncated, conversation ? 'pig_butchering' : undefined);
}

/**
 * Whether `text` has `length` units in a row that are members (ASCII by `member`; every other unit counts). Any such
 * run covers one of the sampled indexes (every `length`-th), where the run around a member is measured; after a
 * non-member at b, the next run to look for starts after b, so the next sample is b + length.
 */
/**
 * Whether text[k] is a word character for a regex's `\b` (false outside the text): [A-Za-z0-9_], and with the `i` and
 * `u` flags also U+017F and U+212A, which case-fold into that set.
 */
function regexWordChar(text: string, k: number, ignoreCase: boolean): boolean {
  if (k < 0 || k >= text.length) return false;
  const c = text.charCodeAt(k);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (ignoreCase && (c === 0x17f || c === 0x212a));
}

function hasRun(text: string, member: Uint8Array, length: number): boolean {
  const n = text.length;
  let k = length - 1;
  while (k < n) {
    let c = text.charCodeAt(k);
    if (c < 128 && member[c] === 0) {
      k += length;
      continue;
    }
    let a = k;
    while (a > 0 && k - a < length) {
      c = text.charCodeAt(a - 1);
      if (c < 128 && member[c] === 0) break;
      a--;
    }
    let b = k + 1;
    while (b < n && b - a < length) {
      c = text.charCodeAt(b);
      if (c < 128 && member[c] === 0) break;
      b++;
    }
    if (b - a >= length) return true;
    k = b + length;
  }
  return false;
}

/** Evidence for [a, b) of a unit's string, cut to MAX_EVIDENCE_TEXT units (never inside a surrogate pair). */
function spanEvidence(u: Unit, a: number, b: number): Evidence {
  let end = Math.min(b, a + MAX_EVIDENCE_TEXT);
  const last = u.original.charCodeAt(end - 1);
  if (end < b && last >= 0xd800 && last <= 0xdbff) end--;
  return { text: u.original.slice(a, end), start: u.base + a, end: u.base + end, field: u.field };
}

function dedupeEvidence(ev: Evidence[]): Evidence[] {
  const sorted = [...ev].sort((a, b) => (a.field === b.field ? a.start - b.start || b.end - a.end : a.field < b.field ? -1 : 1));
  const out: Evidence[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.field === e.field && e.start >= prev.start && e.end <= prev.end) continue;
    out.push(e);
  }
  if (out.length <= MAX_EVIDENCE_PER_FINDING) return out;
  // Red flags before context words when there are too many to keep; then back in page order.
  const kept = new Set([...out.filter((e) => !e.context), ...out.filter((e) => e.context)].slice(0, MAX_EVIDENCE_PER_FINDING));
  return out.filter((e) => kept.has(e));
}

const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

interface Detection {
  rule: CompiledRule;
  evidence: Evidence[];
  stages: string[];
  /** For a rule that demands an action: every piece of its evidence lies inside a quotation (see `quotedOnly`). */
  quoted: boolean;
}

/**
 * Quotation marks: each opener with the mark that closes it. A straight double quote pairs with itself (inside when an
 * odd number of them precede on the line); `“` opens here (it closes „ in German, and is read as a closer then).
 */
const QUOTE_CLOSER: Readonly<Record<string, string>> = { '"': '"', '＂': '＂', '“': '”', '„': '“', '«': '»', '‹': '›', '「': '」', '『': '』', '﹁': '﹂' };
const QUOTE_MARKS = new Set([...Object.keys(QUOTE_CLOSER), ...Object.values(QUOTE_CLOSER)]);
/** How far from a span a quotation's marks are looked for (one line at most). */
const QUOTE_REACH = 400;
/** How far back the start of a line is looked for when straight quotes are paired by parity. */
const QUOTE_LINE = 2000;

/**
 * Whether [a, b) of `text` lies inside one quotation on one line: the nearest quotation mark before it opens one
 * (for straight quotes: an odd number of them before it on the line) and the nearest mark after it closes that one.
 * Unclear cases (no mark, a line break, marks too far away) count as not quoted.
 */
export function insideQuotes(text: string, a: number, b: number): boolean {
  let open = '';
  let at = -1;
  for (let k = a - 1; k >= 0 && k >= a - QUOTE_REACH; k--) {
    const c = text[k]!;
    if (c === '\n') return false;
    if (QUOTE_MARKS.has(c)) {
      open = c;
      at = k;
      break;
    }
  }
  if (!open) return false;
  for (let k = a; k < b; k++) if (QUOTE_MARKS.has(text[k]!)) return false;
  const close = QUOTE_CLOSER[open];
  if (close === undefined) return false; // the nearest mark closes an earlier quotation
  if (open === close) {
    // Straight quotes pair by parity from the start of the line; a line longer than the reach is left unclear.
    let count = 0;
    let k = at;
    for (; k >= 0 && k > at - QUOTE_LINE && text[k] !== '\n'; k--) if (text[k] === open) count++;
    if ((k >= 0 && text[k] !== '\n') || count % 2 === 0) return false;
  }
  for (let k = b; k < text.length && k < b + QUOTE_REACH; k++) {
    const c = text[k]!;
    if (c === '\n') return false;
    if (QUOTE_MARKS.has(c)) return c === close;
  }
  return false;
}

/** Whether a finding's evidence (its red flags; context words aside) all lies inside quotations of the scanned text. */
function quotedOnly(units: Unit[], ev: Evidence[]): boolean {
  const flags = ev.filter((e) => !e.context);
  if (flags.length === 0) return false;
  return flags.every((e) => {
    const u = units.find((x) => x.field === e.field && e.start >= x.base && e.end <= x.base + x.original.length);
    return u !== undefined && insideQuotes(u.original, e.start - u.base, e.end - u.base);
  });
}

/** Scoring model, documented in rules/README.md. */
function score(
  detections: Detection[],
  scoring: ScoringConfig,
  truncated: boolean,
  prefer?: ScamType,
): Verdict {
  const scores = Object.fromEntries(SCAM_TYPES.map((t) => [t, 0])) as Record<ScamType, number>;
  const demanding = new Set<ScamType>();
  const findings: Finding[] = [];
  const weightOf = (r: PackRule) => (typeof r.weight === 'number' ? r.weight : scoring.levelWeights[r.level]);
  for (const d of detections) {
    if (d.rule.rule.role === 'suppress') continue;
    const w = weightOf(d.rule.rule);
    scores[d.rule.info.type] += w;
    if (d.rule.rule.demandsAction && !d.quoted) demanding.add(d.rule.info.type);
    findings.push(toFinding(d, w));
  }
  for (const d of detections) {
    if (d.rule.rule.role !== 'suppress') continue;
    const w = weightOf(d.rule.rule);
    const targets = d.rule.rule.suppresses?.length ? d.rule.rule.suppresses : SCAM_TYPES;
    let applied = 0;
    for (const t of targets) {
      if (demanding.has(t)) continue;
      applied = Math.max(applied, Math.min(w, scores[t]));
      scores[t] = Math.max(0, scores[t] - w);
    }
    findings.push(toFinding(d, applied > 0 ? -applied : 0));
  }
  return scoreFindings(findings, scoring, { scores, truncated, prefer });
}

/**
 * The verdict for a list of findings (rules/README.md "Scoring"): the highest-scoring type wins (ties by
 * `typeOrder`), its score gives the level (`thresholds`), `warn` follows `warnLevel`; findings are sorted by weight.
 * Per-type scores are the sums of the findings' weights per type unless `scores` gives them (the engine passes
 * its own, with suppression applied to the suppressed types, which findings alone do not record).
 */

/**
 * Rule ids are ASCII kebab-case: a code-unit comparison orders them exactly and deterministically, without
 * `localeCompare`, whose first call starts the browser's ICU collator (5-25 ms in a content script).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function scoreFindings(
  findings: Finding[],
  scoring: ScoringConfig = DEFAULT_SCORING,
  options: { scores?: Partial<Record<ScamType, number>>; truncated?: boolean; prefer?: ScamType | null } = {},
): Verdict {
  let scores = options.scores;
  if (!scores) {
    const sums = Object.fromEntries(SCAM_TYPES.map((t) => [t, 0])) as Record<ScamType, number>;
    for (const f of findings) sums[f.type] += f.weight;
    scores = sums;
  }
  const of = (t: ScamType) => Math.max(0, scores[t] ?? 0);
  let type: ScamType | null = null;
  for (const t of scoring.typeOrder) if (of(t) > 0 && (type === null || of(t) > of(type))) type = t;
  // `prefer` wins a tie for the top score (a conversation's pig-butchering; a merged verdict keeps its own type).
  if (type !== null && options.prefer && options.prefer !== type && of(options.prefer) === of(type)) type = options.prefer;
  const top = type === null ? 0 : of(type);
  // The verdict's own type first (the banner's headline and its top reason agree), then by weight and level; among
  // equals, the finding with more evidence on the page, then the rule id (a stable order).
  const sorted = [...findings].sort(
    (a, b) =>
      Number(a.type !== type) - Number(b.type !== type) ||
      b.weight - a.weight ||
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      b.evidence.length - a.evidence.length ||
      compareIds(a.rule, b.rule),
  );
  const th = scoring.thresholds;
  const level: Level = top >= th.high ? 'high' : top >= th.medium ? 'medium' : top >= th.low ? 'low' : 'none';
  const verdict: Verdict = {
    warn: level !== 'none' && LEVEL_RANK[level] >= LEVEL_RANK[scoring.warnLevel],
    level,
    type: level === 'none' ? null : type,
    score: Math.round(top * 100) / 100,
    findings: sorted,
  };
  if (options.truncated) verdict.truncated = true;
  return verdict;
}

function toFinding(d: { rule: CompiledRule; evidence: Evidence[]; stages: string[] }, weight: number): Finding {
  const info = d.rule.info;
  const f: Finding = {
    rule: info.id,
    type: info.type,
    level: info.level as RuleLevel,
    message: d.stages.length ? `${info.title} (${d.stages.join(', ')})` : info.title,
    weight,
    evidence: d.evidence,
  };
  if (d.stages.length) f.stages = d.stages;
  return f;
}
