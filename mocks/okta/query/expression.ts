/**
 * Okta's `filter` and `search` expressions (REFERENCE §1, §2 [D SDK-UserApi, D CORE]): `attr op value`
 * comparisons joined by `and`/`or` with parentheses, operators `eq sw co pr gt ge lt le` (`ne` and `not`
 * are not supported), string values in double quotes, `true`/`false`/`null` and numbers bare. Parsed once,
 * checked against each listing's rules (which attributes and operators it takes), then evaluated on the
 * rendered object. Unsupported syntax is 400 E0000031 with the problem as the cause.
 */
import { oktaErrors } from '../wire/errors.js';

export type Operator = 'eq' | 'sw' | 'co' | 'pr' | 'gt' | 'ge' | 'lt' | 'le';
const OPERATORS: readonly string[] = ['eq', 'sw', 'co', 'pr', 'gt', 'ge', 'lt', 'le'];

export type Expression =
  | { kind: 'compare'; attr: string; op: Operator; value?: string | number | boolean | null }
  | { kind: 'and' | 'or'; left: Expression; right: Expression };

type Token = { type: 'word' | 'string' | 'open' | 'close'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', text: ch });
      i++;
    } else if (ch === '"') {
      let out = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        out += text[i++];
      }
      if (text[i] !== '"') throw oktaErrors.invalidFilter('Unterminated string value.');
      i++;
      tokens.push({ type: 'string', text: out });
    } else {
      const start = i;
      while (i < text.length && !/[\s()"]/.test(text[i]!)) i++;
      tokens.push({ type: 'word', text: text.slice(start, i) });
    }
  }
  return tokens;
}

export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let at = 0;
  const peekWord = () => (tokens[at]?.type === 'word' ? tokens[at]!.text.toLowerCase() : undefined);
  const orExpr = (): Expression => {
    let left = andExpr();
    while (peekWord() === 'or') {
      at++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Expression => {
    let left = factor();
    while (peekWord() === 'and') {
      at++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  };
  const factor = (): Expression => {
    const token = tokens[at++];
    if (!token) throw oktaErrors.invalidFilter('The expression ends too early.');
    if (token.type === 'open') {
      const inner = orExpr();
      if (tokens[at++]?.type !== 'close') throw oktaErrors.invalidFilter('Missing closing parenthesis.');
      return inner;
    }
    if (token.type !== 'word') throw oktaErrors.invalidFilter(`Expected an attribute name, not "${token.text}".`);
    if (token.text.toLowerCase() === 'not') throw oktaErrors.invalidFilter('The not operator is not supported.');
    const opToken = tokens[at++];
    const op = opToken?.type === 'word' ? opToken.text.toLowerCase() : '';
    if (!OPERATORS.includes(op))
      throw oktaErrors.invalidFilter(`Invalid operator: ${opToken?.text ?? '(none)'}${op === 'ne' ? ' (use lt ... or ... gt)' : ''}`);
    if (op === 'pr') return { kind: 'compare', attr: token.text, op: 'pr' };
    const valueToken = tokens[at++];
    if (!valueToken || valueToken.type === 'open' || valueToken.type === 'close')
      throw oktaErrors.invalidFilter(`Missing value for ${token.text} ${op}.`);
    return { kind: 'compare', attr: token.text, op: op as Operator, value: literal(valueToken) };
  };
  const expression = orExpr();
  if (at < tokens.length) throw oktaErrors.invalidFilter(`Unexpected "${tokens[at]!.text}".`);
  return expression;
}

function literal(token: Token): string | number | boolean | null {
  if (token.type === 'string') return token.text;
  const word = token.text.toLowerCase();
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  throw oktaErrors.invalidFilter(`Invalid value: ${token.text} (string values go in double quotes).`);
}

/** Which attribute and operator a listing accepts: an error message, or undefined when allowed. */
export type Rule = (attr: string, op: Operator) => string | undefined;

export function checkExpression(expression: Expression, rule: Rule): void {
  if (expression.kind !== 'compare') {
    checkExpression(expression.left, rule);
    checkExpression(expression.right, rule);
    return;
  }
  const problem = rule(expression.attr, expression.op);
  if (problem) throw oktaErrors.invalidFilter(problem);
}

/** Whether the rendered object matches; `search` compares string values case-insensitively, `filter` exactly. */
export function matches(expression: Expression, item: Record<string, unknown>, caseInsensitive: boolean): boolean {
  if (expression.kind !== 'compare') {
    const left = matches(expression.left, item, caseInsensitive);
    return expression.kind === 'and'
      ? left && matches(expression.right, item, caseInsensitive)
      : left || matches(expression.right, item, caseInsensitive);
  }
  const actual = valueAt(item, expression.attr);
  if (expression.op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (actual === undefined || actual === null) return expression.op === 'eq' && expression.value === null;
  const fold = (v: unknown) => (typeof v === 'string' && caseInsensitive ? v.toLowerCase() : v);
  const a = fold(actual);
  const b = fold(expression.value);
  switch (expression.op) {
    case 'eq':
      return a === b;
    case 'sw':
      return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
    case 'co':
      return typeof a === 'string' && typeof b === 'string' && a.includes(b);
    default: {
      if (typeof a !== typeof b || (typeof a !== 'string' && typeof a !== 'number')) return false;
      const cmp = (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
      return expression.op === 'gt' ? cmp > 0 : expression.op === 'ge' ? cmp >= 0 : expression.op === 'lt' ? cmp < 0 : cmp <= 0;
    }
  }
}

/** `profile.login` -> item.profile.login. */
function valueAt(item: Record<string, unknown>, path: string): unknown {
  let at: unknown = item;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
