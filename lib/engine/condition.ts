/**
 * Rule conditions over named selections, compiled once to a closure.
 *
 * Grammar (keywords are lower case):
 *   expr    := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | primary
 *   primary := '(' expr ')' | name | N 'of' target | 'all' 'of' target | 'any' 'of' target
 *   target  := '(' name (',' name)* ')' | prefix_* | 'them'
 * `them` means every selection of the rule; `prefix_*` every selection whose name starts with `prefix_`.
 */

export type ConditionNode =
  | { kind: 'sel'; index: number }
  | { kind: 'not'; arg: ConditionNode }
  | { kind: 'and' | 'or'; args: ConditionNode[] }
  | { kind: 'of'; count: number; args: number[] };

export interface CompiledCondition {
  readonly ast: ConditionNode;
  /** Evaluates the condition; `sel(i)` tells whether selection i matched (called lazily). */
  evaluate(sel: (index: number) => boolean): boolean;
  /** Indexes of selections that only appear under an odd number of `not`s (never evidence). */
  readonly negated: ReadonlySet<number>;
}

export class ConditionError extends Error {}

type Token = { t: 'id' | 'num' | 'pat' | '(' | ')' | ','; v: string; pos: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([A-Za-z_][\w-]*\*)|([A-Za-z_][\w-]*)|(\d+)|([(),]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new ConditionError(`unexpected character '${src.slice(pos).trim()[0]}' at ${pos + 1}`);
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4])!.length;
    if (m[1]) tokens.push({ t: 'pat', v: m[1], pos: at });
    else if (m[2]) tokens.push({ t: 'id', v: m[2], pos: at });
    else if (m[3]) tokens.push({ t: 'num', v: m[3], pos: at });
    else tokens.push({ t: m[4] as '(' | ')' | ',', v: m[4]!, pos: at });
    pos = re.lastIndex;
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'all', 'any', 'them']);

/** Parses `src` against the rule's selection names (in order). Throws ConditionError with a readable reason. */
export function parseCondition(src: string, names: readonly string[]): ConditionNode {
  const tokens = tokenize(src);
  let k = 0;
  const peek = () => tokens[k];
  const fail = (msg: string): never => {
    const tok = tokens[k];
    throw new ConditionError(tok ? `${msg} at '${tok.v}' (position ${tok.pos + 1})` : `${msg} at end of condition`);
  };
  const isKw = (v: string) => peek()?.t === 'id' && peek()!.v === v;
  const expect = (t: Token['t'], what: string) => (peek()?.t === t ? tokens[k++]! : fail(`expected ${what}`));
  const lookup = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new ConditionError(`unknown selection '${name}' (selections: ${names.join(', ') || 'none'})`);
    return i;
  };

  const target = (): number[] => {
    const tok = peek();
    if (!tok) return fail('expected selections');
    if (tok.t === 'pat') {
      k++;
      const prefix = tok.v.slice(0, -1);
      const ids = names.flatMap((n, i) => (n.startsWith(prefix) ? [i] : []));
      if (!ids.length) throw new ConditionError(`'${tok.v}' matches no selection`);
      return ids;
    }
    if (tok.t === 'id' && tok.v === 'them') {
      k++;
      return names.map((_, i) => i);
    }
    expect('(', "'(' or a prefix_* pattern");
    const ids = [lookup(expect('id', 'a selection name').v)];
    while (peek()?.t === ',') {
      k++;
      ids.push(lookup(expect('id', 'a selection name').v));
    }
    expect(')', "')'");
    return ids;
  };

  const primary = (): ConditionNode => {
    const tok = peek();
    if (!tok) return fail('expected a selection');
    if (tok.t === '(') {
      k++;
      const e = expr();
      expect(')', "')'");
      return e;
    }
    if (tok.t === 'num' || (tok.t === 'id' && (tok.v === 'all' || tok.v === 'any'))) {
      k++;
      if (!isKw('of')) fail(`expected 'of'`);
      k++;
      const args = target();
      const count = tok.v === 'all' ? args.length : tok.v === 'any' ? 1 : Number(tok.v);
      if (count < 1 || count > args.length) throw new ConditionError(`'${tok.v} of' needs between 1 and ${args.length} (the number of selections listed)`);
      return { kind: 'of', count, args };
    }
    if (tok.t === 'id' && !KEYWORDS.has(tok.v)) {
      k++;
      return { kind: 'sel', index: lookup(tok.v) };
    }
    return fail('expected a selection');
  };
  const unary = (): ConditionNode => {
    if (isKw('not')) {
      k++;
      return { kind: 'not', arg: unary() };
    }
    return primary();
  };
  const and = (): ConditionNode => {
    const args = [unary()];
    while (isKw('and')) {
      k++;
      args.push(unary());
    }
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  };
  const expr = (): ConditionNode => {
    const args = [and()];
    while (isKw('or')) {
      k++;
      args.push(and());
    }
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  };

  if (!tokens.length) throw new ConditionError('empty condition');
  const ast = expr();
  if (k < tokens.length) fail('unexpected token');
  return ast;
}

function toFn(node: ConditionNode): (sel: (i: number) => boolean) => boolean {
  switch (node.kind) {
    case 'sel': {
      const i = node.index;
      return (sel) => sel(i);
    }
    case 'not': {
      const f = toFn(node.arg);
      return (sel) => !f(sel);
    }
    case 'and': {
      const fs = node.args.map(toFn);
      return (sel) => fs.every((f) => f(sel));
    }
    case 'or': {
      const fs = node.args.map(toFn);
      return (sel) => fs.some((f) => f(sel));
    }
    case 'of': {
      const { count, args } = node;
      return (sel) => {
        let hits = 0;
        for (let a = 0; a < args.length; a++) {
          if (sel(args[a]!) && ++hits >= count) return true;
          if (hits + (args.length - a - 1) < count) return false;
        }
        return false;
      };
    }
  }
}

function collectNegated(node: ConditionNode, negated: boolean, pos: Set<number>, neg: Set<number>): void {
  switch (node.kind) {
    case 'sel':
      (negated ? neg : pos).add(node.index);
      return;
    case 'not':
      collectNegated(node.arg, !negated, pos, neg);
      return;
    case 'and':
    case 'or':
      node.args.forEach((a) => collectNegated(a, negated, pos, neg));
      return;
    case 'of':
      node.args.forEach((i) => (negated ? neg : pos).add(i));
  }
}

/** Compiles a condition; without a source the rule fires when any selection matches. */
export function compileCondition(src: string | undefined, names: readonly string[]): CompiledCondition {
  const ast: ConditionNode =
    src === undefined || src.trim() === '' ? { kind: 'of', count: 1, args: names.map((_, i) => i) } : parseCondition(src, names);
  if (ast.kind === 'of' && ast.args.length === 0) throw new ConditionError('rule has no selections');
  const pos = new Set<number>();
  const neg = new Set<number>();
  collectNegated(ast, false, pos, neg);
  for (const i of pos) neg.delete(i);
  return { ast, evaluate: toFn(ast), negated: neg };
}
