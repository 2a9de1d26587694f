/**
 * The `$filter` subset directory objects support: comparisons, `in`, `startswith`/`endswith`, `not`,
 * `and`/`or`, parentheses and `collection/any(x:x eq 'v')` lambdas. Parsing is separate from checking
 * against a schema (which properties, which need an advanced query) and from evaluation, which compares
 * strings case-insensitively as the directory does.
 */
import { GraphFailure } from '../errors.js';

type Literal = string | number | boolean | null;
type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; op: CompareOp; property: string; value: Literal }
  | { kind: 'in'; property: string; values: Literal[] }
  | { kind: 'function'; name: 'startswith' | 'endswith'; property: string; value: string }
  | { kind: 'any'; property: string; op: CompareOp; value: Literal };

type Token = { type: 'word' | 'string' | 'number' | 'punct'; text: string; value?: Literal; at: number };

/**
 * Clauses plus levels of nesting a `$filter` may have. Parsing and evaluating recurse once per level, so
 * without a bound `((((...` of 20,000 levels overflowed the stack: a RangeError, not Graph's 400. Real
 * filters have a handful (Graph itself refuses long `or` chains).
 */
const MAX_FILTER_NODES = 256;

export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let i = 0;
  const fail = (at: number): never => {
    throw new GraphFailure(400, 'BadRequest', `Invalid filter clause: Syntax error at position ${at} in '${text}'.`);
  };
  const peek = () => tokens[i];
  const next = () => tokens[i++] ?? fail(text.length);
  const isWord = (t: Token | undefined, w: string) => t?.type === 'word' && t.text.toLowerCase() === w;
  const expect = (p: string) => {
    const t = next();
    if (t.type !== 'punct' || t.text !== p) fail(t.at);
  };
  const literal = (): Literal => {
    const t = next();
    if (t.type === 'string' || t.type === 'number') return t.value!;
    if (isWord(t, 'true')) return true;
    if (isWord(t, 'false')) return false;
    if (isWord(t, 'null')) return null;
    // Unquoted GUIDs are valid Edm.Guid literals.
    if (t.type === 'word' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t.text)) return t.text;
    return fail(t.at);
  };
  const property = (): string => {
    const t = next();
    if (t.type !== 'word' || !/^[A-Za-z_][\w.]*$/.test(t.text)) fail(t.at);
    return t.text;
  };

  let nodes = 0;
  const primary = (): FilterExpr => {
    const t = peek();
    if (!t) return fail(text.length);
    if (++nodes > MAX_FILTER_NODES) {
      throw new GraphFailure(
        400,
        'BadRequest',
        `Invalid filter clause: more than ${MAX_FILTER_NODES} clauses or levels of nesting at position ${t.at}.`,
      );
    }
    if (t.type === 'punct' && t.text === '(') {
      next();
      const e = or();
      expect(')');
      return e;
    }
    if (isWord(t, 'not')) {
      next();
      return { kind: 'not', expr: primary() };
    }
    const fn = t.type === 'word' ? t.text.toLowerCase() : '';
    if ((fn === 'startswith' || fn === 'endswith') && tokens[i + 1]?.text === '(') {
      next();
      expect('(');
      const prop = property();
      expect(',');
      const value = literal();
      if (typeof value !== 'string') fail(tokens[i - 1]!.at);
      expect(')');
      return { kind: 'function', name: fn, property: prop, value: value as string };
    }
    const word = next();
    if (word.type !== 'word') return fail(word.at);
    const lambda = word.text.match(/^([A-Za-z_]\w*)\/any$/i);
    if (lambda) {
      expect('(');
      const variable = property();
      expect(':');
      const v = property();
      if (v !== variable) fail(tokens[i - 1]!.at);
      const op = operator();
      const value = literal();
      expect(')');
      return { kind: 'any', property: lambda[1]!, op, value };
    }
    if (!/^[A-Za-z_][\w.]*$/.test(word.text)) fail(word.at);
    if (isWord(peek(), 'in')) {
      next();
      expect('(');
      const values = [literal()];
      while (peek()?.text === ',') {
        next();
        values.push(literal());
      }
      expect(')');
      return { kind: 'in', property: word.text, values };
    }
    return { kind: 'compare', op: operator(), property: word.text, value: literal() };
  };
  const operator = (): CompareOp => {
    const t = next();
    const op = t.text.toLowerCase();
    if (t.type !== 'word' || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) return fail(t.at);
    return op as CompareOp;
  };
  const and = (): FilterExpr => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterExpr => {
    let left = and();
    while (isWord(peek(), 'or')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) fail(0);
  const expr = or();
  if (i < tokens.length) fail(tokens[i]!.at);
  return expr;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      const at = i++;
      for (;;) {
        if (i >= text.length)
          throw new GraphFailure(400, 'BadRequest', `Invalid filter clause: There is an unterminated string literal at position ${at} in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', text: value, value, at });
    } else if ('(),:'.includes(c)) {
      tokens.push({ type: 'punct', text: c, at: i++ });
    } else if (/[-\d]/.test(c) && /^-?\d+(\.\d+)?(?![\w-])/.test(text.slice(i))) {
      const m = text.slice(i).match(/^-?\d+(\.\d+)?/)!;
      tokens.push({ type: 'number', text: m[0], value: Number(m[0]), at: i });
      i += m[0].length;
    } else {
      const m = text.slice(i).match(/^[^\s(),:']+/)!;
      tokens.push({ type: 'word', text: m[0], at: i });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Operators and functions a filter uses, to tell basic from advanced queries. */
export function filterFeatures(expr: FilterExpr): { properties: string[]; ne: boolean; not: boolean; endswith: boolean } {
  const out = { properties: [] as string[], ne: false, not: false, endswith: false };
  const walk = (e: FilterExpr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        walk(e.left);
        walk(e.right);
        return;
      case 'not':
        out.not = true;
        walk(e.expr);
        return;
      case 'function':
        if (e.name === 'endswith') out.endswith = true;
        out.properties.push(e.property);
        return;
      default:
        if (e.kind !== 'in' && e.op === 'ne') out.ne = true;
        out.properties.push(e.property);
    }
  };
  walk(expr);
  return out;
}

/** Whether a Graph object matches; property names were canonicalised by the caller's schema check. */
export function evaluate(expr: FilterExpr, obj: Record<string, unknown>): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, obj) && evaluate(expr.right, obj);
    case 'or':
      return evaluate(expr.left, obj) || evaluate(expr.right, obj);
    case 'not':
      return !evaluate(expr.expr, obj);
    case 'compare':
      return compare(obj[expr.property], expr.op, expr.value);
    case 'in':
      return expr.values.some((v) => compare(obj[expr.property], 'eq', v));
    case 'any': {
      const list = obj[expr.property];
      return Array.isArray(list) && list.some((item) => compare(item, expr.op, expr.value));
    }
    case 'function': {
      const actual = obj[expr.property];
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((v) => {
        if (typeof v !== 'string') return false;
        const a = v.toLowerCase();
        const b = expr.value.toLowerCase();
        return expr.name === 'startswith' ? a.startsWith(b) : a.endsWith(b);
      });
    }
  }
}

function compare(actual: unknown, op: CompareOp, expected: Literal): boolean {
  const a = normalise(actual);
  const b = normalise(expected);
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null) return false;
  const sign = a < b ? -1 : a > b ? 1 : 0;
  return op === 'gt' ? sign > 0 : op === 'ge' ? sign >= 0 : op === 'lt' ? sign < 0 : sign <= 0;
}

function normalise(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Rewrites property names in place to the schema's spelling (filters are case-insensitive on names). */
export function mapProperties(expr: FilterExpr, rename: (name: string) => string): FilterExpr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { ...expr, left: mapProperties(expr.left, rename), right: mapProperties(expr.right, rename) };
    case 'not':
      return { ...expr, expr: mapProperties(expr.expr, rename) };
    default:
      return { ...expr, property: rename(expr.property) };
  }
}
