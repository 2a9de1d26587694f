/**
 * The RFC 7644 §3.4.2.2 filter language: `eq ne co sw ew gt ge lt le pr`, `and`/`or`/`not(...)`, grouping,
 * and value paths (`emails[type eq "work" and value co "@contoso.test"]`). Operators and attribute names
 * are case-insensitive; `and` binds tighter than `or`. One extension IdPs send: a sub-attribute after a
 * value path (`emails[type eq "work"].value eq "x"`). Also parses PATCH paths (`members[value eq "id"]`).
 * Every syntax error is a 400 `invalidFilter` (PATCH paths: `invalidPath`) naming the position.
 */
import { parseAttrPath, type AttrPath } from '../schema/attr-path.js';
import { ScimFailure, type ScimType } from '../wire/errors.js';

export type Literal = string | number | boolean | null;
const COMPARE_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
type CompareOp = (typeof COMPARE_OPS)[number];

/** What an attribute is tested with: a comparison, or `pr` (has a value). */
export type Test = { op: CompareOp; value: Literal } | { op: 'pr' };

export type Filter =
  | { kind: 'logical'; op: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; expr: Filter }
  | { kind: 'test'; path: AttrPath; test: Test }
  /** `attr[filter]`, optionally `.sub <test>` after it (matches when one element passes both). */
  | { kind: 'valuePath'; path: AttrPath; filter: Filter; sub?: { name: string; test: Test } };

export interface PatchPath {
  path: AttrPath;
  /** The `[...]` of a value path, selecting elements of a multi-valued attribute. */
  filter?: Filter;
  /** A sub-attribute after the brackets (`emails[type eq "work"].value`). */
  sub?: string;
}

interface Token {
  type: 'word' | 'string' | 'number' | 'punct';
  text: string;
  value?: Literal;
  at: number;
}

/**
 * Clauses plus levels of nesting a filter may have. The parser and evaluator recurse once per level, so
 * without a bound a client's `((((...` of 20,000 levels overflowed the stack: a RangeError, not SCIM's 400.
 * Real filters have a handful.
 */
const MAX_FILTER_NODES = 256;

export function parseFilter(text: string): Filter {
  const p = new Parser(text, 'invalidFilter', 'filter');
  const filter = p.or(false);
  p.end();
  return filter;
}

export function parsePatchPath(text: string): PatchPath {
  const p = new Parser(text, 'invalidPath', 'path');
  const path = p.attrPath();
  if (!p.isPunct('[')) {
    p.end();
    return { path };
  }
  p.next();
  const filter = p.or(true);
  p.expectPunct(']');
  const sub = p.peek()?.text.startsWith('.') ? p.subName() : undefined;
  p.end();
  return { path, filter, ...(sub ? { sub } : {}) };
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private nodes = 0;

  constructor(
    private readonly text: string,
    private readonly scimType: ScimType,
    private readonly what: string,
  ) {
    this.tokens = this.tokenize();
  }

  fail(at: number, reason: string): never {
    throw new ScimFailure(400, `Invalid ${this.what} '${this.text}': ${reason} at position ${at}`, this.scimType);
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  next(): Token {
    return this.tokens[this.i++] ?? this.fail(this.text.length, 'unexpected end');
  }

  end(): void {
    const t = this.peek();
    if (t) this.fail(t.at, `unexpected '${t.text}'`);
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t?.type === 'punct' && t.text === p;
  }

  isWord(w: string, t = this.peek()): boolean {
    return t?.type === 'word' && t.text.toLowerCase() === w;
  }

  expectPunct(p: string): void {
    const t = this.peek() ?? this.fail(this.text.length, `expected '${p}'`);
    this.i++;
    if (t.type !== 'punct' || t.text !== p) this.fail(t.at, `expected '${p}'`);
  }

  or(inBrackets: boolean): Filter {
    let left = this.and(inBrackets);
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'logical', op: 'or', left, right: this.and(inBrackets) };
    }
    return left;
  }

  and(inBrackets: boolean): Filter {
    let left = this.unary(inBrackets);
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'logical', op: 'and', left, right: this.unary(inBrackets) };
    }
    return left;
  }

  unary(inBrackets: boolean): Filter {
    if (++this.nodes > MAX_FILTER_NODES) this.fail(this.peek()?.at ?? this.text.length, `more than ${MAX_FILTER_NODES} clauses or levels of nesting`);
    if (this.isWord('not')) {
      this.next();
      if (!this.isPunct('(')) this.fail(this.peek()?.at ?? this.text.length, "expected '(' after not");
      return { kind: 'not', expr: this.group(inBrackets) };
    }
    if (this.isPunct('(')) return this.group(inBrackets);
    const path = this.attrPath();
    if (this.isPunct('[')) {
      const open = this.next();
      if (inBrackets || path.sub) this.fail(open.at, 'value paths cannot nest');
      const filter = this.or(true);
      this.expectPunct(']');
      if (!this.peek()?.text.startsWith('.')) return { kind: 'valuePath', path, filter };
      const name = this.subName();
      return { kind: 'valuePath', path, filter, sub: { name, test: this.test() } };
    }
    return { kind: 'test', path, test: this.test() };
  }

  group(inBrackets: boolean): Filter {
    this.expectPunct('(');
    const inner = this.or(inBrackets);
    this.expectPunct(')');
    return inner;
  }

  attrPath(): AttrPath {
    const t = this.next();
    const path = t.type === 'word' ? parseAttrPath(t.text) : undefined;
    return path ?? this.fail(t.at, `expected an attribute name, found '${t.text}'`);
  }

  subName(): string {
    const t = this.next();
    const name = t.text.slice(1);
    if (!/^(\$ref|[A-Za-z][\w$-]*)$/.test(name)) this.fail(t.at, `'${t.text}' is not a sub-attribute`);
    return name;
  }

  test(): Test {
    const t = this.next();
    const op = t.type === 'word' ? t.text.toLowerCase() : '';
    if (op === 'pr') return { op: 'pr' };
    if (!(COMPARE_OPS as readonly string[]).includes(op)) this.fail(t.at, `unknown operator '${t.text}'`);
    return { op: op as CompareOp, value: this.literal() };
  }

  literal(): Literal {
    const t = this.next();
    if (t.type === 'string' || t.type === 'number') return t.value!;
    if (this.isWord('true', t)) return true;
    if (this.isWord('false', t)) return false;
    if (this.isWord('null', t)) return null;
    return this.fail(t.at, `expected a value (a "quoted string", number, true, false or null), found '${t.text}'`);
  }

  private tokenize(): Token[] {
    const text = this.text;
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (/\s/.test(c)) {
        i++;
      } else if ('()[]'.includes(c)) {
        tokens.push({ type: 'punct', text: c, at: i });
        i++;
      } else if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        if (j >= text.length) this.fail(i, 'unterminated string');
        const raw = text.slice(i, j + 1);
        let value: string;
        try {
          value = JSON.parse(raw) as string;
        } catch {
          return this.fail(i, `bad escape in ${raw}`);
        }
        tokens.push({ type: 'string', text: raw, value, at: i });
        i = j + 1;
      } else {
        const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.])/.exec(text.slice(i));
        if (number) {
          tokens.push({ type: 'number', text: number[0], value: Number(number[0]), at: i });
          i += number[0].length;
          continue;
        }
        const word = /^[A-Za-z$.][\w$.:-]*/.exec(text.slice(i));
        if (!word) this.fail(i, `unexpected '${c}'`);
        tokens.push({ type: 'word', text: word[0], at: i });
        i += word[0].length;
      }
    }
    return tokens;
  }
}
